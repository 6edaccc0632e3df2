package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cstopo.ExitCode;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import picocli.CommandLine.Model.CommandSpec;

/** The tail every editing command shares: re-read and verify the result, then print the diff, check, or write. */
final class EditOutput {
    private EditOutput() {
    }

    /**
     * {@code verify} sees the re-read result (only when it differs from the original) and throws to
     * refuse it; nothing is printed or written before it has passed.
     */
    static int finish(Path topologyPath, SourceDocument doc, String resultText, EditOptions opts, Main main, CommandSpec spec,
                      Consumer<SourceDocument> verify) {
        boolean changed = !doc.text().equals(resultText);
        SourceDocument written = changed ? reread(doc, resultText) : doc;
        if (changed) {
            verify.accept(written);
        }
        PrintWriter err = spec.commandLine().getErr();
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
        if (!changed && opts.output.inPlace) {
            err.println("cstopo: " + topologyPath + " left untouched");
            return ExitCode.OK.code;
        }
        String where = opts.output.write(topologyPath, written.bytes(), main.stdout);
        err.println("cstopo: wrote " + where);
        return ExitCode.OK.code;
    }

    /** The result is parsed and bound again before it may be written: a bug must never reach a file. */
    private static SourceDocument reread(SourceDocument original, String text) {
        SourceDocument again = SourceDocument.parse(original.name(), original.encoding(), text);
        TopologyBinder.bind(again);
        return again;
    }
}
