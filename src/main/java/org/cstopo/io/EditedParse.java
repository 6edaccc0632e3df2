package org.cstopo.io;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;

/**
 * Parses the result of {@link TextEdits} on a parsed document without parsing it all again: outside
 * the edited spans the result is the original text, whose elements are known, so only the edited
 * spans are checked and scanned, each as a run of its parent's content. A run starts and ends at
 * an element boundary or at the end of a stretch of character data, never inside a tag, a comment
 * or a reference, so a result whose runs are each well-formed content is a well-formed document.
 * The elements outside the runs are copied with their offsets shifted.
 *
 * <p>Anything this cannot do exactly (an edit of the root's tags or of the prolog, a run that is
 * not well-formed, a limit exceeded) is left to the full parse, which then also words the error.
 */
final class EditedParse {
    /** A run of {@code parent}'s content, [from, to) in the original text, replaced by [resultFrom, resultTo). */
    private static final class Run {
        final SourceElement parent;
        int from;
        int to;
        int resultFrom;
        int resultTo;
        List<SourceElement> children;
        List<int[]> markup;
        /** Fragment offset + shift = result offset. */
        int shift;

        Run(SourceElement parent, int from, int to) {
            this.parent = parent;
            this.from = from;
            this.to = to;
        }
    }

    /** Thrown where this parse cannot follow; the caller parses the whole text instead. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final SourceDocument original;
    private final String text;
    private final List<Run> runs = new ArrayList<>();
    private final Map<SourceElement, List<Run>> byParent = new java.util.IdentityHashMap<>();
    /** Run boundaries in the original text and the shift of everything from there on. */
    private int[] boundaries;
    private int[] shifts;

    private final List<SourceElement> elements = new ArrayList<>();
    private final List<int[]> markup = new ArrayList<>();
    private final List<SourceElement> origin = new ArrayList<>();
    private final BitSet touched = new BitSet();
    private int attributes;

    private EditedParse(SourceDocument original, String text) {
        this.original = original;
        this.text = text;
    }

    /** {@code edits}: {start, end, replacement length} in the original's offsets, sorted, not overlapping. */
    static SourceDocument parse(SourceDocument original, List<int[]> edits, String text) {
        if (edits.isEmpty()) {
            return original;
        }
        try {
            EditedParse p = new EditedParse(original, text);
            p.findRuns(edits);
            p.scanRuns();
            p.assemble();
            return new SourceDocument(original.name(), original.encoding(), text, new XmlScanner.Result(p.elements, p.markup),
                    new SourceDocument.Derivation(original, p.origin.toArray(new SourceElement[0]), p.touched));
        } catch (Unsupported e) {
            return SourceDocument.parse(original.name(), original.encoding(), text);
        }
    }

    // ---- where the edits are ----------------------------------------------------------------

    private void findRuns(List<int[]> edits) {
        List<Run> found = new ArrayList<>();
        for (int[] edit : edits) {
            found.add(runOf(edit[0], edit[1]));
        }
        found.sort(Comparator.comparingInt((Run r) -> r.from).thenComparingInt(r -> -r.to));
        for (Run r : found) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || r.from > last.to) {
                runs.add(r);
            } else if (r.parent == last.parent) {
                last.to = Math.max(last.to, r.to); // overlapping or touching runs of one parent are one
            } else if (r.from == last.to || r.to > last.to) {
                throw new Unsupported(); // runs of two parents meet only when one holds the other (see run())
            }
            // else: inside the last run, which covers it
        }
        for (Run r : runs) {
            byParent.computeIfAbsent(r.parent, k -> new ArrayList<>(2)).add(r);
        }
        boundaries = new int[runs.size()];
        shifts = new int[runs.size()];
        int shift = 0;
        int e = 0;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            r.resultFrom = r.from + shift;
            for (; e < edits.size() && edits.get(e)[1] <= r.to; e++) {
                int[] edit = edits.get(e);
                if (edit[0] < r.from) {
                    throw new IllegalStateException("an edit at " + edit[0] + " outside its run " + r.from + ".." + r.to);
                }
                shift += edit[2] - (edit[1] - edit[0]);
            }
            r.resultTo = r.to + shift;
            boundaries[i] = r.to;
            shifts[i] = shift;
        }
        if (e != edits.size()) {
            throw new IllegalStateException("an edit at " + edits.get(e)[0] + " after the last run");
        }
    }

    /** The run of content that holds the edit of [start, end): in the deepest element that strictly contains it. */
    private Run runOf(int start, int end) {
        SourceElement root = original.root();
        if (start <= root.start() || end >= root.end() || start < root.startTagEnd() || end > root.contentEnd()) {
            throw new Unsupported();
        }
        SourceElement e = root;
        while (true) {
            SourceElement inside = childContaining(e, start, end);
            if (inside == null) {
                break;
            }
            e = inside;
        }
        if (e.isEmptyTag() || start < e.startTagEnd() || end > e.contentEnd()) {
            // The edit touches e's own tags: e is replaced as a whole, in its parent's content.
            return run(e.parent(), e.start(), e.end());
        }
        return run(e, start, end);
    }

    /** The child of {@code e} that holds [start, end) strictly inside it (an insertion at its edges is outside), or null. */
    private static SourceElement childContaining(SourceElement e, int start, int end) {
        List<SourceElement> kids = e.children;
        int i = lastStartingBefore(kids, start);
        if (i < 0) {
            return null;
        }
        SourceElement c = kids.get(i);
        return c.start < start && start < c.end && end <= c.end ? c : null;
    }

    /** Index of the last child whose start is before {@code offset}, or -1. */
    private static int lastStartingBefore(List<SourceElement> kids, int offset) {
        int lo = 0;
        int hi = kids.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (kids.get(mid).start < offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * [start, end) of {@code parent}'s content widened to boundaries no run may cut: a child it
     * enters is taken whole, and a stretch of character data it touches is taken whole.
     */
    private static Run run(SourceElement parent, int start, int end) {
        if (parent == null || parent.isEmptyTag()) {
            throw new Unsupported();
        }
        List<SourceElement> kids = parent.children;
        int from = parent.startTagEnd();
        int i = lastStartingBefore(kids, start);
        if (i >= 0) {
            SourceElement c = kids.get(i);
            from = start < c.end ? c.start : c.end;
        }
        int to = parent.contentEnd();
        int j = lastStartingBefore(kids, end);
        if (j >= 0 && end < kids.get(j).end) {
            to = kids.get(j).end;
        } else if (j + 1 < kids.size()) {
            to = kids.get(j + 1).start;
        }
        return new Run(parent, from, to);
    }

    // ---- what the runs hold now ---------------------------------------------------------------

    private void scanRuns() {
        for (Run r : runs) {
            String wrapper = wrapperStartTag(r.parent);
            String fragment = wrapper + text.substring(r.resultFrom, r.resultTo) + "</cstopo-run>";
            try {
                SafeXml.checkWellFormed(fragment, original.name());
                XmlScanner.Result scan = XmlScanner.scan(fragment);
                r.children = scan.elements().get(0).children;
                r.markup = scan.markup();
                if (depth(r.parent) + 1 + depthBelow(scan.elements()) > XmlScanner.MAX_DEPTH) {
                    throw new Unsupported();
                }
            } catch (CstopoException | XmlScanner.LimitExceeded | IllegalStateException e) {
                throw new Unsupported();
            }
            r.shift = r.resultFrom - wrapper.length();
        }
    }

    /** A start tag that declares every namespace in scope in {@code parent}'s content. */
    private static String wrapperStartTag(SourceElement parent) {
        Map<String, SourceAttribute> declared = new LinkedHashMap<>();
        for (SourceElement e = parent; e != null; e = e.parent) {
            for (SourceAttribute a : e.attributes) {
                if (a.isNamespaceDeclaration()) {
                    declared.putIfAbsent(a.qName(), a);
                }
            }
        }
        StringBuilder sb = new StringBuilder("<cstopo-run");
        for (SourceAttribute a : declared.values()) {
            sb.append(' ').append(a.qName()).append("=\"").append(a.rawValue().replace("\"", "&quot;")).append('"');
        }
        return sb.append('>').toString();
    }

    private static int depth(SourceElement e) {
        int d = 0;
        for (SourceElement p = e.parent; p != null; p = p.parent) {
            d++;
        }
        return d;
    }

    private static int depthBelow(List<SourceElement> scanned) {
        int max = 0;
        for (SourceElement e : scanned) {
            max = Math.max(max, depth(e));
        }
        return max;
    }

    // ---- the new tree -------------------------------------------------------------------------

    /** Where an original offset outside every run is in the result. */
    private int shifted(int offset) {
        int last = lastRunEndingBy(offset);
        return offset + (last < 0 ? 0 : shifts[last]);
    }

    /**
     * The same for the end of a start tag: a run of the element's content that was empty in the
     * original (an insertion into {@code <X></X>}) starts and ends there, and comes after it.
     */
    private int shiftedBefore(int offset) {
        int last = lastRunEndingBy(offset);
        if (last >= 0 && boundaries[last] == offset && runs.get(last).from == offset) {
            last--;
        }
        return offset + (last < 0 ? 0 : shifts[last]);
    }

    /** The last run that ends at or before {@code offset}, or -1. */
    private int lastRunEndingBy(int offset) {
        int lo = 0;
        int hi = boundaries.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (boundaries[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void assemble() {
        copyOriginal(original.root(), null);
        if (elements.size() > SafeXml.maxElements || attributes > SafeXml.maxAttributes) {
            throw new Unsupported();
        }
        List<int[]> all = new ArrayList<>();
        int r = 0;
        for (int[] m : original.markup()) {
            while (r < runs.size() && runs.get(r).to <= m[0]) {
                addRunMarkup(runs.get(r++), all);
            }
            if (r < runs.size() && m[0] >= runs.get(r).from) {
                continue; // inside a run: the run's own scan has it
            }
            all.add(new int[] {shifted(m[0]), shifted(m[1])});
        }
        while (r < runs.size()) {
            addRunMarkup(runs.get(r++), all);
        }
        markup.addAll(all);
    }

    private static void addRunMarkup(Run run, List<int[]> into) {
        for (int[] m : run.markup) {
            into.add(new int[] {m[0] + run.shift, m[1] + run.shift});
        }
    }

    private SourceElement copyOriginal(SourceElement e, SourceElement parent) {
        SourceElement copy = new SourceElement(e.qName, elements.size(), shifted(e.start), parent);
        elements.add(copy);
        origin.add(e);
        copy.startTagEnd = e.emptyTag ? shifted(e.startTagEnd) : shiftedBefore(e.startTagEnd);
        copy.contentEnd = shifted(e.contentEnd);
        copy.end = shifted(e.end);
        copy.emptyTag = e.emptyTag;
        copy.namespaceUri = e.namespaceUri;
        int delta = copy.start - e.start;
        for (SourceAttribute a : e.attributes) {
            copy.addAttribute(delta == 0 ? a : new SourceAttribute(a.qName(), a.nameStart() + delta, a.valueStart() + delta,
                    a.valueEnd() + delta, a.quote(), a.rawValue()));
        }
        copy.trimAttributes();
        attributes += e.attributes.size();
        int first = copy.index;
        List<SourceElement> kids = e.children;
        int k = 0;
        for (Run run : byParent.getOrDefault(e, List.of())) {
            while (k < kids.size() && kids.get(k).end <= run.from) {
                copy.addChild(copyOriginal(kids.get(k++), copy));
            }
            while (k < kids.size() && kids.get(k).start < run.to) {
                k++; // replaced by the run
            }
            for (SourceElement c : run.children) {
                copy.addChild(copyScanned(c, copy, run.shift));
            }
            touched.set(first);
        }
        while (k < kids.size()) {
            copy.addChild(copyOriginal(kids.get(k++), copy));
        }
        copy.trimChildren();
        if (touched.get(first) && parent != null) {
            for (SourceElement p = parent; p != null && !touched.get(p.index); p = p.parent) {
                touched.set(p.index);
            }
        }
        return copy;
    }

    private SourceElement copyScanned(SourceElement e, SourceElement parent, int shift) {
        SourceElement copy = new SourceElement(e.qName, elements.size(), e.start + shift, parent);
        elements.add(copy);
        origin.add(null);
        touched.set(copy.index);
        copy.startTagEnd = e.startTagEnd + shift;
        copy.contentEnd = e.contentEnd + shift;
        copy.end = e.end + shift;
        copy.emptyTag = e.emptyTag;
        copy.namespaceUri = e.namespaceUri;
        for (SourceAttribute a : e.attributes) {
            copy.addAttribute(new SourceAttribute(a.qName(), a.nameStart() + shift, a.valueStart() + shift, a.valueEnd() + shift,
                    a.quote(), a.rawValue()));
        }
        copy.trimAttributes();
        attributes += e.attributes.size();
        for (SourceElement c : e.children) {
            copy.addChild(copyScanned(c, copy, shift));
        }
        copy.trimChildren();
        return copy;
    }

}
