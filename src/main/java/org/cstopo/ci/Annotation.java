package org.cstopo.ci;

import java.util.List;
import org.cstopo.validate.Finding;
import org.cstopo.validate.Severity;

/**
 * A finding as a CI system places it on a file: the file, the line and column (0 when there is no
 * place to point at), the rule, and the text. A finding about a result that is in no file
 * ({@code --check} of an edit) is placed on the topology the edit read, at no line: its line
 * numbers are the result's, and move to the message.
 */
public record Annotation(String file, int line, int column, Severity severity, String ruleId, String message) {

    /** {@code unwritten} is how findings name a result in no file; {@code readFrom}, the topology that result was made from. */
    public static List<Annotation> of(List<Finding> findings, String unwritten, String readFrom) {
        return findings.stream().map(f -> of(f, unwritten, readFrom)).toList();
    }

    static Annotation of(Finding f, String unwritten, String readFrom) {
        String text = f.object() + ": " + f.message() + "; fix: " + f.fix();
        if (f.file().equals(unwritten)) {
            String at = f.line() == 0 ? "" : " (its line " + f.line() + ", column " + f.column() + ")";
            return new Annotation(readFrom, 0, 0, f.severity(), f.ruleId(), "in the result of the edit, not written" + at + ": " + text);
        }
        return new Annotation(f.file(), f.line(), f.column(), f.severity(), f.ruleId(), text);
    }
}
