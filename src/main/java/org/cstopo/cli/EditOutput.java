package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cstopo.ExitCode;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The tail every editing command shares: re-read the result, verify it is exactly the requested
 * change, validate it, then print the diff, check, or write (a result with errors only with --force).
 */
final class EditOutput {
    private EditOutput() {
    }

    /**
     * {@code verify} sees the re-read result (only when it differs from the original) and throws to
     * refuse it; nothing is printed or written before it has passed.
     */
    static int finish(Path topologyPath, Topology before, String resultText, EditOptions opts, Main main, CommandSpec spec,
                      Consumer<SourceDocument> verify) {
        SourceDocument doc = before.source();
        boolean changed = !doc.text().equals(resultText);
        Topology after = changed ? reread(doc, resultText) : before;
        SourceDocument written = after.source();
        if (changed) {
            verify.accept(written);
        }
        PrintWriter err = spec.commandLine().getErr();
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
            err.println(changed ? "cstopo: changes pending" : "cstopo: up to date");
            return changed ? ExitCode.FINDINGS.code : ExitCode.OK.code;
        }
        if (opts.diff) {
            return ExitCode.OK.code;
        }
        if (report.hasErrors() && !opts.force) {
            throw report.refusal();
        }
        if (!changed && opts.output.inPlace) {
            err.println("cstopo: " + topologyPath + " left untouched");
            return ExitCode.OK.code;
        }
        String where = opts.output.write(topologyPath, written.bytes(), main.stdout, OutputTarget.readsBackAs(written));
        err.println("cstopo: wrote " + where);
        return ExitCode.OK.code;
    }

    /** The result is parsed and bound again before it may be written: a bug must never reach a file. */
    private static Topology reread(SourceDocument original, String text) {
        return TopologyBinder.bind(SourceDocument.parse(original.name(), original.encoding(), text));
    }
}
