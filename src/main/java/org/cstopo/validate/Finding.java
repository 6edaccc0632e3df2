package org.cstopo.validate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broken rule: where (the start tag of the offending element), what (in topology terms, e.g.
 * {@code pool trustedpool.sip.com, machine impserver2.sip.com}), why, and what to do.
 * Line and column are 1-based; 0 when the element is unknown.
 */
public record Finding(Severity severity, String ruleId, String file, int line, int column, String object,
                      String message, String fix) {

    /** Document order, then rule id: the order an engineer reads the file in. */
    public static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column).thenComparing(Finding::ruleId).thenComparing(Finding::object);

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "file:line:column" (just the file when the position is unknown). */
    public String location() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }

    /** One line: {@code file:12:7: error [dependency-missing] service 1-Registrar-1: ...; fix: ...}. */
    public String toText() {
        return location() + ": " + severity.label() + " [" + ruleId + "] " + object + ": " + message + "; fix: " + fix;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", severity.label());
        m.put("rule", ruleId);
        m.put("file", file);
        m.put("line", line);
        m.put("column", column);
        m.put("object", object);
        m.put("message", message);
        m.put("fix", fix);
        return m;
    }
}
