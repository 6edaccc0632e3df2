package org.cstopo.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One command of a README code block, read the way a POSIX shell (or PowerShell, for these simple
 * lines) reads it: words split at blanks, single and double quotes, a trailing {@code # comment}, and
 * {@code &&} between commands. Anything more (pipes, redirections, variables, globs) is refused, so
 * a README line this reading would get wrong fails the test instead of running something else. Outside
 * {@code sh} blocks (which run here), a process substitution {@code <(...)} is read as bash passes it,
 * a {@code /dev/fd/N} path, so that such a line can still be checked as a cstopo command line.
 */
record ShellLine(int line, List<String> words, String comment) {

    /** The commands of a block, lines ending in a backslash joined with the next, with their line numbers. */
    static List<ShellLine> commands(CodeBlock block) {
        List<ShellLine> out = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        int first = -1;
        for (int i = 0; i < block.lines().size(); i++) {
            String l = block.lines().get(i);
            if (first < 0) {
                first = block.line() + 1 + i;
            }
            if (l.endsWith("\\")) {
                joined.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            joined.append(l);
            out.addAll(split(first, joined.toString(), !block.isShell()));
            joined.setLength(0);
            first = -1;
        }
        if (first >= 0) {
            throw new IllegalArgumentException(block.file() + ":" + first + ": a continued line with nothing after it");
        }
        return out;
    }

    boolean isCommentOnly() {
        return words.isEmpty();
    }

    private static List<ShellLine> split(int line, String text, boolean processSubstitution) {
        if (text.startsWith("alias ")) {
            // the README's definition of cstopo: its value is for the shell, never run here
            return List.of(new ShellLine(line, List.of("alias", text.substring(6)), ""));
        }
        List<ShellLine> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        String comment = "";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                word = end(words, word);
            } else if (word == null && c == '#') {
                comment = text.substring(i + 1).strip();
                break;
            } else if (word == null && text.startsWith("&&", i)) {
                commands.add(new ShellLine(line, List.copyOf(words), ""));
                words.clear();
                i++;
            } else if (word == null && processSubstitution && text.startsWith("<(", i) && text.indexOf(')', i) > 0) {
                word = new StringBuilder("/dev/fd/63");
                i = text.indexOf(')', i);
            } else if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw refused(line, text, "an unclosed quote");
                }
                String quoted = text.substring(i + 1, close);
                if (c == '"' && (quoted.contains("$") || quoted.contains("`") || quoted.contains("\\"))) {
                    throw refused(line, text, "$, ` or \\ inside double quotes");
                }
                word = (word == null ? new StringBuilder() : word).append(quoted);
                i = close;
            } else if ("|;<>$`()*?[]{}&".indexOf(c) >= 0) {
                throw refused(line, text, "'" + c + "'");
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        end(words, word);
        commands.add(new ShellLine(line, List.copyOf(words), comment));
        return commands;
    }

    private static StringBuilder end(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }

    private static IllegalArgumentException refused(int line, String text, String what) {
        return new IllegalArgumentException("line " + line + ": " + what + " in `" + text
                + "`: the README test reads plain words, quotes, # comments and && only; keep README commands that simple");
    }
}
