package org.cstopo.transform;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.cstopo.diff.WriteCheck;
import org.cstopo.io.SourceDocument;

/**
 * Runs a stylesheet on a topology. XML output becomes a minimal edit of the original, checked to be
 * semantically what the stylesheet produced; other output (a report) is returned as it is.
 */
public final class Transform {
    private Transform() {
    }

    /**
     * Lets tests make the minimal edit wrong on purpose, to prove that the check after it catches
     * the difference; never set by the command line.
     */
    static UnaryOperator<String> tamper = UnaryOperator.identity();

    /** {@code text} is the edited topology, or the report when {@code report} is true. */
    public record Result(String text, boolean report, List<String> messages) {
    }

    public static Result run(SourceDocument original, Stylesheet stylesheet, Map<String, String> params) {
        Stylesheet.Output out = stylesheet.run(original, params);
        if (!out.xml()) {
            return new Result(out.text(), true, out.messages());
        }
        SourceDocument output = SourceDocument.parse(stylesheet.name() + " output", original.encoding(), out.text());
        String edited = tamper.apply(MinimalEdit.apply(original, output));
        WriteCheck.requireSame(SourceDocument.parse(original.name(), original.encoding(), edited), output);
        return new Result(edited, false, out.messages());
    }
}
