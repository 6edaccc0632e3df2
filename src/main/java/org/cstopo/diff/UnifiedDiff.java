package org.cstopo.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** The line diff a reviewer reads in a terminal or a merge request, made with java-diff-utils. */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** Unified diff with three lines of context; empty when the texts are equal. */
    public static String of(String oldName, String oldText, String newName, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, a, patch, 3);
        return String.join("\n", out) + "\n";
    }

    /** The changed lines, each prefixed "-" (removed) or "+" (added), in diff order: what a test asserts. */
    public static List<String> changes(String oldText, String newText) {
        List<String> out = new java.util.ArrayList<>();
        for (var d : DiffUtils.diff(lines(oldText), lines(newText)).getDeltas()) {
            d.getSource().getLines().forEach(l -> out.add("-" + l));
            d.getTarget().getLines().forEach(l -> out.add("+" + l));
        }
        return out;
    }

    /** Lines without their terminators: CRLF files diff like LF files (cstopo never changes line ends). */
    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\n|\r", -1));
    }
}
