package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cstopo.report.HtmlReport;
import org.cstopo.transform.Stylesheet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the HTML page of show and diff: where it goes (-o) and the stylesheet that makes it. */
final class HtmlOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "With --format html: write the page to FILE (default: standard output).")
    String output;

    @Option(names = "--stylesheet", paramLabel = "FILE",
            description = "With --format html: your copy of xslt/html-report.xsl, to change the page's look (default: the shipped one).")
    Path stylesheet;

    private OutputTarget target;

    /** Checks the options before anything is read: -o and --stylesheet go with --format html, and the page must not replace an input. */
    void check(CommandSpec spec, Format format, Path... inputs) {
        if (format != Format.html && (output != null || stylesheet != null)) {
            throw new ParameterException(spec.commandLine(), (output != null ? "-o" : "--stylesheet")
                    + " goes with --format html (text and json go to standard output: redirect them)");
        }
        target = new OutputTarget();
        target.output = output;
        for (Path in : inputs) {
            target.check(false, in, false, stylesheet == null ? java.util.Map.of() : java.util.Map.of("the stylesheet", stylesheet));
        }
    }

    /** The stylesheet that makes the page: a broken one is exit 3, before any topology is read. */
    Stylesheet stylesheet() {
        return HtmlReport.stylesheet(stylesheet);
    }

    /** Prints the page, or writes it to -o FILE; what the stylesheet says (xsl:message) goes to standard error. */
    void write(CommandSpec spec, HtmlReport.Page page) {
        PrintWriter err = spec.commandLine().getErr();
        String name = stylesheet == null ? HtmlReport.STYLESHEET : stylesheet.toString();
        page.messages().forEach(m -> err.println("cstopo: " + name + ": " + m));
        if (output != null && !target.isStdout()) {
            OutputTarget.Written where = target.writeReport(page.html().getBytes(StandardCharsets.UTF_8), ((Main) spec.root().userObject()).stdout);
            err.println("cstopo: wrote " + where);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(page.html());
        out.flush();
    }
}
