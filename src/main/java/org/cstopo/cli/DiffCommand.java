package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cstopo.ExitCode;
import org.cstopo.diff.DiffReport;
import org.cstopo.diff.SemanticDiff;
import org.cstopo.io.FileIO;
import org.cstopo.report.HtmlReport;
import org.cstopo.transform.Stylesheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two topologies in topology terms: pools, machines, addresses, applications.",
            "Formatting, encoding, attribute order, namespace prefixes and the order of elements are ignored.",
            "--format html writes one page for a change board: the files, a drawing of NEW",
            "with what was added, changed and removed marked, the items, NEW's findings",
            "and the line diff.",
            "Exit code 0 when they are equal, 1 when they differ."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The topology before.")
    Path oldPath;

    @Parameters(index = "1", paramLabel = "NEW", description = "The topology after.")
    Path newPath;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html", converter = Format.Pages.class,
            completionCandidates = Format.Pages.class,
            description = "text (default), json, or html: a self-contained page with a drawing of the change.")
    Format format;

    @Mixin
    HtmlOptions html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        html.check(spec, format, oldPath, newPath);
        if (format == Format.html) {
            Stylesheet stylesheet = html.stylesheet();
            HtmlReport.Page page = HtmlReport.diff(FileIO.readDocument(oldPath), FileIO.readDocument(newPath), stylesheet, Instant.now());
            html.write(spec, page);
            return page.equal() ? ExitCode.OK.code : ExitCode.FINDINGS.code;
        }
        DiffReport report = SemanticDiff.compare(FileIO.readDocument(oldPath), FileIO.readDocument(newPath));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? report.json() : report.text());
        out.flush();
        return report.isEmpty() ? ExitCode.OK.code : ExitCode.FINDINGS.code;
    }
}
