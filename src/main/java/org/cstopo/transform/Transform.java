package org.cstopo.transform;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.diff.WriteCheck;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;

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

    /**
     * {@code text} is the edited topology, parsed as {@code edited} (so that it need not be parsed
     * again before it is written), or the report, when {@code edited} is null.
     */
    public record Result(String text, SourceDocument edited, List<String> messages) {
        public boolean report() {
            return edited == null;
        }
    }

    /** Compiles a stylesheet file or shipped rule within {@code limits} (static expressions run at compile time). */
    public static Stylesheet compile(String rule, Limits limits) {
        return Watchdog.run(Stylesheet.displayName(rule), limits, dog -> Stylesheet.load(rule));
    }

    /** Compiles a stylesheet shipped in xslt/ (not a rule: one that reads what cstopo gives it, such as a report's XML). */
    public static Stylesheet compileBundled(String fileName, Limits limits) {
        return Watchdog.run(fileName, limits, dog -> Stylesheet.bundled(fileName));
    }

    /** Compiles a user's stylesheet file (a copy of a shipped one, changed). */
    public static Stylesheet compileFile(java.nio.file.Path file, Limits limits) {
        return Watchdog.run(file.toString(), limits, dog -> Stylesheet.file(file));
    }

    /**
     * Runs a stylesheet on a document that is not a topology (a report's XML): its output is the
     * report, whatever its output method, and nothing is compared or written.
     */
    public static Stylesheet.Output report(SourceDocument input, Stylesheet stylesheet, Limits limits) {
        return Watchdog.run(stylesheet.name(), limits, dog -> stylesheet.run(input, Map.of(), dog));
    }

    public static Result run(SourceDocument original, Stylesheet stylesheet, Map<String, String> params) {
        return run(original, stylesheet, params, Limits.defaults());
    }

    public static Result run(SourceDocument original, Stylesheet stylesheet, Map<String, String> params, Limits limits) {
        Stylesheet.Output out = Watchdog.run(stylesheet.name(), limits, dog -> stylesheet.run(original, params, dog));
        if (!out.xml()) {
            return new Result(out.text(), null, out.messages());
        }
        SourceDocument output = topologyOutput(original, stylesheet.name(), out.text());
        SourceDocument minimal = MinimalEdit.applyDocument(original, output);
        String text = tamper.apply(minimal.text());
        SourceDocument edited = text.equals(minimal.text()) ? minimal : SourceDocument.parse(original.name(), original.encoding(), text);
        WriteCheck.requireSame(edited, output);
        return new Result(text, edited, out.messages());
    }

    private static final String WHOLE_TOPOLOGY = "a rule that edits the topology must output the whole topology"
            + " (a report needs xsl:output method=\"text\" or \"html\"); nothing was written";

    /**
     * The stylesheet's output as a document cstopo can write as an edit: one XML document whose root
     * is the original's, with the original's comments and processing instructions (cstopo edits
     * elements, attributes and text; it would silently keep comments the rule meant to change).
     */
    private static SourceDocument topologyOutput(SourceDocument original, String name, String text) {
        if (text.replaceFirst("^\\s*<\\?xml[^?]*\\?>", "").isBlank()) {
            throw CstopoException.badInput(name + ": its result is empty; " + WHOLE_TOPOLOGY);
        }
        SourceDocument output;
        try {
            output = SourceDocument.parse(name + " output", original.encoding(), text);
        } catch (CstopoException e) {
            throw new CstopoException(ExitCode.BAD_INPUT, name + ": its result is not one XML document (" + e.getMessage() + "); "
                    + WHOLE_TOPOLOGY, e);
        }
        SourceElement root = output.root();
        SourceElement expected = original.root();
        if (!root.localName().equals(expected.localName()) || !root.namespaceUri().equals(expected.namespaceUri())) {
            throw CstopoException.badInput(name + ": its result's root element is <" + root.qName() + ">"
                    + (root.namespaceUri().isEmpty() ? "" : " in namespace '" + root.namespaceUri() + "'") + ", not <"
                    + expected.localName() + "> in '" + expected.namespaceUri() + "'; " + WHOLE_TOPOLOGY);
        }
        List<String> before = original.commentsAndInstructions();
        List<String> after = output.commentsAndInstructions();
        if (!before.equals(after)) {
            throw CstopoException.badInput(name + ": its result adds, drops or changes comments or processing instructions ("
                    + firstDifference(before, after) + "); cstopo edits elements, attributes and text only, so nothing was written:"
                    + " copy them unchanged (e.g. with xsl:mode on-no-match=\"shallow-copy\")");
        }
        return output;
    }

    static String firstDifference(List<String> before, List<String> after) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String b = i < before.size() ? before.get(i) : null;
            String a = i < after.size() ? after.get(i) : null;
            if (!java.util.Objects.equals(a, b)) {
                return b == null ? "added " + shorten(a) : a == null ? "dropped " + shorten(b) : shorten(b) + " became " + shorten(a);
            }
        }
        return "none";
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
