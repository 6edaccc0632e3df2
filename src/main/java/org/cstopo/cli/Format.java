package org.cstopo.cli;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Output formats: text for people, json for pipelines; html for a page (show and diff); for
 * validate and the editing commands also sarif (a SARIF 2.1.0 log for code scanning) and github
 * (GitHub Actions workflow commands).
 */
enum Format {
    text, json, html, sarif, github;

    /** The formats that report findings for a CI system. */
    boolean forCi() {
        return this == sarif || this == github;
    }

    /**
     * The --format values one command prints, checked as the command line is parsed (a usage error
     * that prints nothing on stdout) and offered by the completion script.
     */
    abstract static class Only implements CommandLine.ITypeConverter<Format>, Iterable<String> {
        private final List<String> names;

        Only(Format... accepted) {
            this.names = Stream.of(accepted).map(Format::name).toList();
        }

        @Override
        public Format convert(String value) {
            if (!names.contains(value)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format this command prints: "
                        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1)
                        + hint(value));
            }
            return valueOf(value);
        }

        /** Where a format this command does not print is printed. */
        private static String hint(String value) {
            if (value.equals(sarif.name()) || value.equals(github.name())) {
                return " (" + value + " is for the findings of validate and the editing commands)";
            }
            if (value.equals(html.name())) {
                return " (the HTML pages are 'cstopo show TOPOLOGY --format html' and 'cstopo diff OLD NEW --format html')";
            }
            return "";
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    /** show and diff: their reports, and a page. */
    static final class Pages extends Only {
        Pages() {
            super(text, json, html);
        }
    }

    /** validate and the editing commands. */
    static final class WithFindings extends Only {
        WithFindings() {
            super(text, json, sarif, github);
        }
    }
}
