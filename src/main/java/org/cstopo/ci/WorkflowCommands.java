package org.cstopo.ci;

import java.util.List;
import org.cstopo.validate.Severity;

/**
 * Findings as GitHub Actions workflow commands ({@code ::error file=F,line=L,col=C,title=RULE::message}),
 * which the runner turns into annotations on the lines of a pull request. Escaped as the runner
 * reads them back: {@code %}, CR and LF in the message; those and {@code :} and {@code ,} in a property.
 */
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    /** One command per annotation, each on its own line. */
    public static String of(List<Annotation> annotations) {
        StringBuilder sb = new StringBuilder();
        for (Annotation a : annotations) {
            sb.append("::").append(command(a.severity())).append(" file=").append(property(a.file()));
            if (a.line() > 0) {
                sb.append(",line=").append(a.line()).append(",col=").append(a.column());
            }
            sb.append(",title=").append(property(a.ruleId())).append("::").append(data(a.message())).append('\n');
        }
        return sb.toString();
    }

    /** The error that stopped a run, as an annotation of the run itself. */
    public static String error(String message) {
        return "::error title=cstopo::" + data(message) + "\n";
    }

    static String command(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
