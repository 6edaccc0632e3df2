package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cstopo.ExitCode;
import org.cstopo.diff.DiffReport;
import org.cstopo.diff.SemanticDiff;
import org.cstopo.io.FileIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two topologies in topology terms: pools, machines, addresses, applications.",
            "Formatting, encoding, attribute order, namespace prefixes and the order of elements are ignored.",
            "Exit code 0 when they are equal, 1 when they differ."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The topology before.")
    Path oldPath;

    @Parameters(index = "1", paramLabel = "NEW", description = "The topology after.")
    Path newPath;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", converter = Format.TextOrJson.class,
            completionCandidates = Format.TextOrJson.class, description = "text (default) or json.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DiffReport report = SemanticDiff.compare(FileIO.readDocument(oldPath), FileIO.readDocument(newPath));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? report.json() : report.text());
        out.flush();
        return report.isEmpty() ? ExitCode.OK.code : ExitCode.FINDINGS.code;
    }
}
