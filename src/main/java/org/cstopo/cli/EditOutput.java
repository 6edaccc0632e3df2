package org.cstopo.cli;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.cstopo.ExitCode;
import org.cstopo.change.ApplyResult;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.Fixes;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;

/**
 * The tail every editing command shares: re-read the result, verify it is exactly the requested
 * change, validate it, then print the diff, check, or write. Every mode validates: a result with
 * errors ends in exit code 6 (--check, --diff, and a write without --force, which writes nothing).
 */
final class EditOutput {
    private EditOutput() {
    }

    /** How findings name a result that is in no file: the fixes they suggest cannot name a file either ({@link ResultFixes}). */
    static final String UNWRITTEN = "<result>";
    static final String STDOUT = "<stdout>";

    /**
     * Lets tests make a result wrong on purpose, to prove that the check before every write
     * ({@code verify}) catches it; never set by the command line.
     */
    static UnaryOperator<String> tamper = UnaryOperator.identity();

    /**
     * The tail of a command that applied changes: their result (as {@link #tamper} leaves it: the
     * same document or, in tests that break it on purpose, the tampered text parsed as a whole).
     */
    static int finish(EditReport report, Topology before, ApplyResult applied, Fixes pending, Consumer<SourceDocument> verify) {
        SourceDocument result = applied.document();
        String text = tamper.apply(result.text());
        if (!text.equals(result.text())) {
            result = SourceDocument.parse(result.name(), result.encoding(), text);
        }
        return finish(report, before, result, pending, verify);
    }

    /**
     * {@code result} is parsed: in full, or where it differs from the input (an edit's result,
     * {@link SourceDocument#base()}), and a bug must never reach a file, so it is bound (the entries
     * the edit touched, the rest is the input's model), verified and validated before anything is
     * written. {@code verify} sees the result (only when it differs from the original) and throws
     * to refuse it; nothing is printed or written before it has passed. {@code pending} words the
     * fixes of findings about a result that is in no file.
     */
    static int finish(EditReport report, Topology before, SourceDocument result, Fixes pending, Consumer<SourceDocument> verify) {
        EditOptions opts = report.opts;
        SourceDocument doc = before.source();
        boolean changed = !doc.text().equals(result.text());
        Topology after = changed ? TopologyBinder.rebind(before, result) : before;
        if (changed) {
            verify.accept(after.source());
        }
        ValidationReport validation = validate(report, after, changed, opts.writes(), pending);
        boolean refused = validation.hasErrors() && !(opts.writes() && opts.force);
        if (refused && opts.writes()) {
            validation = validate(report, after, changed, false, pending);
        }
        if (opts.diff) {
            String name = report.topology.getFileName().toString();
            report.out.print(UnifiedDiff.of("a/" + name, doc.text(), "b/" + name, after.source().text()));
            report.out.flush();
        }
        if (refused && opts.writes()) {
            report.status("refused", null);
        }
        report.validation(validation);
        if (opts.check) {
            report.status(changed ? "pending" : "up-to-date", changed ? "changes pending" : "up to date");
        }
        if (refused) {
            throw validation.refusal(changed ? Validator.report(before) : validation, opts.writes());
        }
        if (!opts.writes()) {
            return report.finish(opts.check && changed ? ExitCode.FINDINGS : ExitCode.OK);
        }
        if (!changed && opts.output.inPlace) {
            report.status("left-untouched", report.topology + " left untouched");
            return report.finish(ExitCode.OK);
        }
        OutputTarget.Written where = opts.output.write(report.topology, doc, after.source(), report.stdout);
        report.status(changed ? "written" : "unchanged", null);
        report.written(where);
        return report.finish(ExitCode.OK);
    }

    /**
     * The result's findings, named after the file that holds it: the file written (-o FILE, or the
     * topology with --in-place), {@code <stdout>}, or {@code <result>} when nothing is written. A
     * result that equals its input is the input file, whose name and fixes are right as they are.
     */
    private static ValidationReport validate(EditReport report, Topology after, boolean changed, boolean written, Fixes pending) {
        OutputTarget output = report.opts.output;
        if (!written) {
            return changed ? Validator.report(after, UNWRITTEN, pending) : Validator.report(after);
        }
        if (output.isStdout()) {
            return Validator.report(after, STDOUT, pending);
        }
        String file = output.inPlace ? report.topology.toString() : output.output;
        return Validator.report(after, file, Fixes.onFile(file));
    }
}
