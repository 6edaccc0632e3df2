package org.cstopo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.diff.UnifiedDiff;

/**
 * The unified diff a reviewer reads ({@link UnifiedDiff}, three lines of context), as lines a page
 * can number and colour: each line with its numbers in OLD and NEW, and, where a run of removed lines
 * is replaced by as many added ones, the part of each line that changed (the address in
 * {@code IPAddress="0.0.0.0"} &rarr; {@code IPAddress="10.10.1.11"}). At most {@link #MAX_LINES} lines
 * are kept; the page says how many it leaves out.
 */
final class LineDiff {
    static final int MAX_LINES = 3000;
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");

    enum Type { CONTEXT, REMOVED, ADDED }

    /** One line; {@code changedFrom}..{@code changedTo} is the part that differs from its partner, or -1..-1. */
    record Line(Type type, int oldNumber, int newNumber, String text, int changedFrom, int changedTo) {
    }

    record Hunk(String header, List<Line> lines) {
    }

    /** The hunks, {@code total} lines in all, of which the first {@code shown} are kept. */
    record Result(List<Hunk> hunks, int total, int shown) {
        boolean truncated() {
            return shown < total;
        }
    }

    private LineDiff() {
    }

    static Result of(String oldName, String oldText, String newName, String newText) {
        String unified = UnifiedDiff.of(oldName, oldText, newName, newText);
        List<Hunk> hunks = new ArrayList<>();
        List<Line> lines = null;
        int oldLine = 0;
        int newLine = 0;
        int total = 0;
        int shown = 0;
        for (String l : unified.split("\n")) {
            Matcher m = HUNK.matcher(l);
            if (m.matches()) {
                oldLine = Integer.parseInt(m.group(1));
                newLine = Integer.parseInt(m.group(2));
                lines = new ArrayList<>();
                if (shown < MAX_LINES) {
                    hunks.add(new Hunk(l, lines));
                }
                continue;
            }
            if (lines == null || l.isEmpty()) {
                continue; // the "--- OLD" and "+++ NEW" lines before the first hunk
            }
            Type type = switch (l.charAt(0)) {
                case '-' -> Type.REMOVED;
                case '+' -> Type.ADDED;
                default -> Type.CONTEXT;
            };
            total++;
            Line line = new Line(type, type == Type.ADDED ? 0 : oldLine, type == Type.REMOVED ? 0 : newLine, l.substring(1), -1, -1);
            oldLine += type == Type.ADDED ? 0 : 1;
            newLine += type == Type.REMOVED ? 0 : 1;
            if (shown < MAX_LINES) {
                lines.add(line);
                shown++;
            }
        }
        hunks.forEach(h -> markChangedParts(h.lines));
        return new Result(hunks, total, shown);
    }

    /** Pairs each run of removed lines with the run of as many added lines right after it, and marks what differs. */
    private static void markChangedParts(List<Line> lines) {
        int i = 0;
        while (i < lines.size()) {
            int removed = run(lines, i, Type.REMOVED);
            int added = run(lines, i + removed, Type.ADDED);
            if (removed > 0 && removed == added) {
                for (int k = 0; k < removed; k++) {
                    Line a = lines.get(i + k);
                    Line b = lines.get(i + removed + k);
                    int prefix = 0;
                    int max = Math.min(a.text.length(), b.text.length());
                    while (prefix < max && a.text.charAt(prefix) == b.text.charAt(prefix)) {
                        prefix++;
                    }
                    int suffix = 0;
                    while (suffix < max - prefix && a.text.charAt(a.text.length() - 1 - suffix) == b.text.charAt(b.text.length() - 1 - suffix)) {
                        suffix++;
                    }
                    lines.set(i + k, new Line(a.type, a.oldNumber, a.newNumber, a.text, prefix, a.text.length() - suffix));
                    lines.set(i + removed + k, new Line(b.type, b.oldNumber, b.newNumber, b.text, prefix, b.text.length() - suffix));
                }
            }
            i += Math.max(1, removed + added);
        }
    }

    private static int run(List<Line> lines, int from, Type type) {
        int n = 0;
        while (from + n < lines.size() && lines.get(from + n).type == type) {
            n++;
        }
        return n;
    }
}
