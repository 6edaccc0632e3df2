package org.cstopo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fenced code block of a markdown file: its language, its lines, the heading it sits under, and
 * whether it follows the block before it with nothing but blank lines between (so the README can
 * show a command's output right under the command).
 */
record CodeBlock(Path file, int line, String info, List<String> lines, String heading, boolean followsPrevious) {

    static List<CodeBlock> read(Path markdown) throws IOException {
        List<String> text = Files.readAllLines(markdown);
        List<CodeBlock> blocks = new ArrayList<>();
        String heading = "";
        boolean onlyBlankSinceLastBlock = false;
        for (int i = 0; i < text.size(); i++) {
            String l = text.get(i);
            if (l.startsWith("```")) {
                int open = i;
                List<String> body = new ArrayList<>();
                for (i++; i < text.size() && !text.get(i).startsWith("```"); i++) {
                    body.add(text.get(i));
                }
                if (i == text.size()) {
                    throw new IllegalStateException(markdown + ":" + (open + 1) + ": a code block that is never closed");
                }
                blocks.add(new CodeBlock(markdown, open + 1, l.substring(3).strip(), List.copyOf(body), heading, onlyBlankSinceLastBlock));
                onlyBlankSinceLastBlock = true;
            } else if (!l.isBlank()) {
                onlyBlankSinceLastBlock = false;
                if (l.startsWith("#")) {
                    heading = l;
                }
            }
        }
        return blocks;
    }

    boolean isShell() {
        return info.equals("sh");
    }

    /** A block with no language, right after this one: what the block's last command prints. */
    static CodeBlock outputOf(List<CodeBlock> blocks, CodeBlock block) {
        int i = blocks.indexOf(block);
        if (i + 1 < blocks.size()) {
            CodeBlock next = blocks.get(i + 1);
            if (next.info.isEmpty() && next.followsPrevious) {
                return next;
            }
        }
        return null;
    }

    String where() {
        return file + ":" + line + " (" + heading.replaceFirst("^#+\\s*", "") + ")";
    }
}
