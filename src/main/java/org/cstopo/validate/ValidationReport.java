package org.cstopo.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;

/** The result of validating one file: findings in document order, with counts and the two output forms. */
public record ValidationReport(String file, List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    /** Findings worth knowing that never change an exit code. */
    public long infos() {
        return count(Severity.INFO);
    }

    private long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when Publish-CsTopology would refuse the file: exit code 1 for validate; apply refuses to write. */
    public boolean hasErrors() {
        return errors() > 0;
    }

    /** The error {@code apply} throws when its result breaks a rule and --force is not given (exit code 1). */
    public CstopoException refusal() {
        Finding first = findings.stream().filter(Finding::isError).findFirst().orElseThrow();
        long more = errors() - 1;
        return new CstopoException(ExitCode.FINDINGS, "the result breaks " + count(errors(), "topology rule")
                + " (first: " + first.location() + ": [" + first.ruleId() + "] " + first.object() + ": " + first.message()
                + (more > 0 ? "; and " + more + " more" : "") + "); nothing was written; fix the changes, or pass --force to write it anyway");
    }

    /** One line per finding, then a summary line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.toText()).append('\n');
        }
        return sb.append(summary()).append('\n').toString();
    }

    /** "x.xml: 2 errors, 1 warning" (", 1 info" when there are infos) or "x.xml: valid, no findings". */
    public String summary() {
        if (findings.isEmpty()) {
            return file + ": valid, no findings";
        }
        return file + ": " + count(errors(), "error") + ", " + count(warnings(), "warning") + (infos() > 0 ? ", " + infos() + " info" : "");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file);
        root.put("errors", errors());
        root.put("warnings", warnings());
        root.put("infos", infos());
        List<Object> list = new ArrayList<>();
        for (Finding f : findings) {
            list.add(f.toJson());
        }
        root.put("findings", list);
        return root;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
