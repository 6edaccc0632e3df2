package org.cstopo.diff;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.io.SourceDocument;

/**
 * The last check before a write: the semantic difference between what is about to be written and
 * what was asked for must be exactly the requested change. A failure here is a bug in cstopo, so
 * it is an internal error, and nothing is written.
 */
public final class WriteCheck {
    private WriteCheck() {
    }

    /**
     * Refuses unless {@code result} is semantically the same topology as {@code expected}, with the
     * same comments and processing instructions in the same order.
     */
    public static void requireSame(SourceDocument result, SourceDocument expected) {
        if (!result.commentsAndInstructions().equals(expected.commentsAndInstructions())) {
            throw refused("the edited topology's comments or processing instructions differ from " + expected.name() + "'s");
        }
        SourceDocument[] pair = CommonSubtrees.drop(expected, result);
        DiffReport report = SemanticDiff.compare(pair[0], pair[1]);
        if (!report.isEmpty()) {
            throw refused("the edited topology differs from " + expected.name() + ": " + summary(report.items()));
        }
    }

    /**
     * Refuses when a difference between {@code before} and {@code after} concerns no pool or machine
     * named in {@code names} (FQDNs, compared without case); returns the differences otherwise
     * (their XPaths refer to the documents without the entries they share).
     */
    public static DiffReport requireOnly(SourceDocument before, SourceDocument after, Collection<String> names) {
        SourceDocument[] pair = CommonSubtrees.drop(before, after);
        DiffReport report = SemanticDiff.compare(pair[0], pair[1]);
        Set<String> allowed = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Difference> unasked = report.items().stream()
                .filter(d -> !named(d.pool(), allowed) && !named(d.machine(), allowed)).toList();
        if (!unasked.isEmpty()) {
            throw refused("the result changes what no change asked for: " + summary(unasked));
        }
        return report;
    }

    private static boolean named(String fqdn, Set<String> allowed) {
        return fqdn != null && allowed.contains(fqdn.toLowerCase(Locale.ROOT));
    }

    private static String summary(List<Difference> items) {
        return items.stream().limit(5).map(Difference::text).collect(Collectors.joining("; "))
                + (items.size() > 5 ? "; and " + (items.size() - 5) + " more" : "");
    }

    private static CstopoException refused(String what) {
        return new CstopoException(ExitCode.INTERNAL, what + "; nothing was written (this is a bug: run again with --debug and report it)");
    }
}
