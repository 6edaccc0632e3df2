package org.cstopo.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Output formats: text for people, json for pipelines, html for a page (show and diff only). */
enum Format {
    text, json, html;

    /** Refuses a format the command does not write, as a usage error naming those it does. */
    static void only(CommandSpec spec, Format format, Format... written) {
        if (!Arrays.asList(written).contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format " + format + ": " + spec.name() + " writes "
                    + Arrays.stream(written).map(Format::name).collect(Collectors.joining(", ")));
        }
    }

    /** The HTML page is show's and diff's; other commands refuse it and say where it is. */
    static void notHtml(CommandSpec spec, Format format) {
        if (format == html) {
            throw new ParameterException(spec.commandLine(), "--format html: " + spec.name() + " writes no page; the HTML pages are"
                    + " 'cstopo show TOPOLOGY --format html' and 'cstopo diff OLD NEW --format html'");
        }
    }
}
