package org.cstopo.cli;

import java.util.concurrent.Callable;
import org.cstopo.ExitCode;
import org.cstopo.io.FileIO;
import org.cstopo.json.Json;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a topology against the rules Publish-CsTopology enforces, before it reaches production."
                + " Exit code 0: no errors (warnings allowed); 1: errors found.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ReportOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format.notHtml(spec, options.format);
        ValidationReport report = Validator.report(TopologyBinder.bind(FileIO.readDocument(options.topology)));
        spec.commandLine().getOut().print(options.format == Format.json ? Json.write(report.toJson()) : report.toText());
        spec.commandLine().getOut().flush();
        return report.hasErrors() ? ExitCode.FINDINGS.code : ExitCode.OK.code;
    }
}
