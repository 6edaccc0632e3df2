package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.ExitCode;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.Outcome;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;
import picocli.CommandLine.Model.CommandSpec;

/** What every editing command does once it has its changes: apply, report, then diff, check or write. */
final class ChangeRun {
    private ChangeRun() {
    }

    static int run(Path topologyPath, List<Change> changes, EditOptions opts, Main main, CommandSpec spec) {
        opts.output.check(opts.writes());
        SourceDocument doc = FileIO.readDocument(topologyPath);
        Topology topology = TopologyBinder.bind(doc);
        ApplyResult result = ChangeApplier.apply(topology, changes);
        PrintWriter err = spec.commandLine().getErr();
        for (Outcome o : result.outcomes()) {
            err.println("cstopo: " + (o.applied() ? "applied: " : "unchanged: ") + o.message());
        }
        if (!result.changed()) {
            err.println("cstopo: no changes: the topology already has everything declared");
        }
        Topology after = result.changed() ? reread(doc, result.text()) : topology;
        SourceDocument written = after.source();
        ValidationReport report = Validator.report(after);
        if (!report.findings().isEmpty()) {
            err.print(report.toText());
        }
        if (opts.diff) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(UnifiedDiff.of("a/" + topologyPath.getFileName(), doc.text(), "b/" + topologyPath.getFileName(), written.text()));
            out.flush();
        }
        if (opts.check) {
            err.println(result.changed() ? "cstopo: changes pending" : "cstopo: up to date");
            return result.changed() ? ExitCode.FINDINGS.code : ExitCode.OK.code;
        }
        if (opts.diff) {
            return ExitCode.OK.code;
        }
        if (report.hasErrors() && !opts.force) {
            throw report.refusal();
        }
        if (!result.changed() && opts.output.inPlace) {
            err.println("cstopo: " + topologyPath + " left untouched");
            return ExitCode.OK.code;
        }
        String where = opts.output.write(topologyPath, written.bytes(), main.stdout);
        err.println("cstopo: wrote " + where);
        return ExitCode.OK.code;
    }

    /** The result is parsed and bound again before it may be written: a bug must never reach a file. */
    private static Topology reread(SourceDocument original, String text) {
        return TopologyBinder.bind(SourceDocument.parse(original.name(), original.encoding(), text));
    }
}
