package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
     * Lets tests make a result wrong on purpose, to prove that the check before every write
     * ({@code verify}) catches it; never set by the command line.
     */
    static UnaryOperator<String> tamper = UnaryOperator.identity();

    /**
     * {@code verify} sees the re-read result (only when it differs from the original) and throws to
     * refuse it; nothing is printed or written before it has passed.
     */
    static int finish(Path topologyPath, Topology before, String resultText, EditOptions opts, Main main, CommandSpec spec,
                      EditReport report, Consumer<SourceDocument> verify) {
        SourceDocument doc = before.source();
        String text = tamper.apply(resultText);
        // The result is parsed again before it may be written: a bug must never reach a file.
        SourceDocument result = doc.text().equals(text) ? doc : SourceDocument.parse(doc.name(), doc.encoding(), text);
        return finish(topologyPath, before, result, opts, main, spec, report, verify);
    }

    /** The same, for a result that is already parsed from its text (a stylesheet's, which was checked as a document). */
    static int finish(Path topologyPath, Topology before, SourceDocument result, EditOptions opts, Main main, CommandSpec spec,
                      EditReport report, Consumer<SourceDocument> verify) {
        SourceDocument doc = before.source();
        boolean changed = !doc.text().equals(result.text());
        Topology after = changed ? TopologyBinder.bind(result) : before;
        SourceDocument written = after.source();
        if (changed) {
            verify.accept(written);
        }
        ValidationReport validation = Validator.report(after);
        report.validation(validation);
        if (opts.diff) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(UnifiedDiff.of("a/" + topologyPath.getFileName(), doc.text(), "b/" + topologyPath.getFileName(), written.text()));
            out.flush();
        }
        if (opts.check) {
            report.status(changed ? "pending" : "up-to-date", changed ? "changes pending" : "up to date");
            return report.finish(changed ? ExitCode.FINDINGS : ExitCode.OK);
        }
        if (opts.diff) {
            report.status("diff", null);
            return report.finish(ExitCode.OK);
        }
        if (validation.hasErrors() && !opts.force) {
            throw validation.refusal();
        }
        if (!changed && opts.output.inPlace) {
            report.status("left-untouched", topologyPath + " left untouched");
            return report.finish(ExitCode.OK);
        }
        report.status(changed ? "written" : "unchanged", null);
        report.written(opts.output.write(topologyPath, doc, written.bytes(), main.stdout, OutputTarget.readsBackAs(written)));
        return report.finish(ExitCode.OK);
    }
}
