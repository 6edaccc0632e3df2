package org.cstopo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cstopo.ExitCode;
import org.cstopo.io.FileIO;
import org.cstopo.json.Json;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a topology against the rules Publish-CsTopology enforces, before it reaches production."
                + " Exit code 0: no errors (warnings allowed); 1: errors found.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif|github", converter = Format.WithFindings.class,
            completionCandidates = Format.WithFindings.class,
            description = "text: one line per finding, then a summary (default); json: one object; sarif: a SARIF 2.1.0 log"
                    + " (code scanning); github: GitHub Actions workflow commands (annotations), then the summary.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ValidationReport report = Validator.report(TopologyBinder.bind(FileIO.readDocument(topology)));
        int code = report.hasErrors() ? ExitCode.FINDINGS.code : ExitCode.OK.code;
        spec.commandLine().getOut().print(switch (format) {
            case json -> Json.write(report.toJson());
            case sarif, github -> FindingsOutput.of(format, report, null, null, code, null);
            default -> report.toText();
        });
        spec.commandLine().getOut().flush();
        return code;
    }
}
