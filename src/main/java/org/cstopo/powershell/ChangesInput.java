package org.cstopo.powershell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cstopo.CstopoException;
import org.cstopo.change.ChangesFile;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TextEncoding;

/**
 * Reads a changes file of either kind: the XML changes file (xsd/changes.xsd), or a PowerShell
 * runbook. A runbook is a {@code .ps1} file, or any file whose first token after comments is a
 * cmdlet name (Verb-Noun) or {@code cstopo}; a file that starts with markup is XML whatever its name.
 */
public final class ChangesInput {
    private static final Pattern CMDLET_OR_CSTOPO = Pattern.compile("(?i)(?:[a-z]+-[a-z][a-z0-9]*|cstopo)(?![\\w-])");

    private ChangesInput() {
    }

    public static DeclaredChanges read(Path path) {
        String name = path.toString();
        byte[] bytes = FileIO.readInput(path, FileIO.Input.CHANGES);
        String text = decodeIfScript(name, bytes);
        if (text == null) {
            return new DeclaredChanges(ChangesFile.parse(SourceDocument.parse(name, bytes)), List.of(), false);
        }
        return RunbookReader.read(name, text);
    }

    /** The text when the file is a runbook, null when it is to be read as XML. */
    private static String decodeIfScript(String name, byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        String text;
        try {
            TextEncoding encoding = TextEncoding.detect(bytes, name);
            text = encoding.decode(bytes, name);
        } catch (CstopoException e) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".ps1")) {
                throw e;
            }
            return null;
        }
        String head = afterComments(text);
        if (head.startsWith("<")) {
            return null;
        }
        boolean script = name.toLowerCase(Locale.ROOT).endsWith(".ps1") || CMDLET_OR_CSTOPO.matcher(head).lookingAt();
        return script ? text : null;
    }

    /** The text from its first token on: blanks, '#' lines and <# #> blocks skipped. */
    private static String afterComments(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("<#", i)) {
                int end = text.indexOf("#>", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                break;
            }
        }
        return text.substring(i);
    }
}
