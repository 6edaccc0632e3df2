package org.cstopo.validate;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** True when Publish-CsTopology would refuse the file: exit code 1 for validate; an edit refuses to write it (exit code 6). */
    public boolean hasErrors() {
        return errors() > 0;
    }

    /**
     * The error of an edit whose result (this report) breaks a rule: exit code 6, one line naming
     * the first error the edit brought, and how many of the errors {@code input} (the report of the
     * topology the edit read) already had: an unchanged input with errors is still a file
     * Publish-CsTopology refuses, but the fix is then in that file, not in the changes. An error
     * counts as already there when the input has one of the same rule about the same object.
     * {@code write} is false for --check and --diff, which write nothing in any case.
     */
    public CstopoException refusal(ValidationReport input, boolean write) {
        List<Finding> brought = errorsNotIn(input);
        long errors = errors();
        long already = errors - brought.size();
        Finding first = brought.isEmpty() ? findings.stream().filter(Finding::isError).findFirst().orElseThrow() : brought.get(0);
        String where = input.file;
        String alreadyThere = already == 0 ? "" : already == errors ? ", already broken in " + where
                : ", " + already + " of them already broken in " + where;
        String fix = brought.isEmpty() ? "fix " + where + " first ('cstopo validate " + where + "' lists them)"
                : already > 0 ? "fix the changes and " + where : "fix the changes";
        return new CstopoException(ExitCode.RESULT_BREAKS_RULES, "the result breaks " + count(errors, "topology rule") + alreadyThere
                + " (first" + (already > 0 && !brought.isEmpty() ? " new" : "") + ": " + first.location() + ": [" + first.ruleId() + "] "
                + first.object() + ": " + first.message() + (errors > 1 ? "; and " + (errors - 1) + " more" : "") + "); "
                + (write ? "nothing was written; " + fix + ", or pass --force to write it anyway"
                        : "a write would be refused: " + fix + ", or write it with --force"));
    }

    /** The errors {@code input} does not have (same rule about the same object), each of its errors matching one. */
    private List<Finding> errorsNotIn(ValidationReport input) {
        Map<String, Integer> before = new HashMap<>();
        input.findings.stream().filter(Finding::isError).forEach(f -> before.merge(key(f), 1, Integer::sum));
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.isError() && before.merge(key(f), -1, Integer::sum) < 0) {
                out.add(f);
            }
        }
        return out;
    }

    private static String key(Finding f) {
        return f.ruleId() + " " + f.object();
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
