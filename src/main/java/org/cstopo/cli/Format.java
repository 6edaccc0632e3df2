package org.cstopo.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;

/**
 * Output formats: text for people, json for pipelines; for validate and the editing commands also
 * sarif (a SARIF 2.1.0 log for code scanning) and github (GitHub Actions workflow commands).
 */
enum Format {
    text, json, sarif, github;

    /** --format of the commands that print no findings (show, diff): the others are refused as the command line is parsed. */
    static final class TextOrJson implements CommandLine.ITypeConverter<Format>, Iterable<String> {
        private static final List<String> NAMES = List.of(text.name(), json.name());

        @Override
        public Format convert(String value) {
            if (!NAMES.contains(value)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format this command prints: "
                        + String.join(" or ", NAMES) + (value.equals(sarif.name()) || value.equals(github.name())
                        ? " (" + value + " is for the findings of validate and the editing commands)" : ""));
            }
            return valueOf(value);
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
