package org.cstopo.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Format-preserving edits of a {@link SourceDocument}: each operation touches the fewest characters
 * it can, and new elements are indented and styled like their neighbours (indent, line separator,
 * {@code " />"}, namespace placement), so a diff reads as if Topology Builder had written them.
 * Offsets always refer to the original text; {@link #result()} applies all edits at once.
 *
 * <p>The order of the calls does not matter: where an appended child goes depends on which
 * siblings are removed, so appends are placed when {@link #result()} is built, after every removal
 * is known. Appends to one parent keep the order in which they were made.
 */
public final class DocumentEditor {
    private final SourceDocument doc;
    private final String text;
    private final TextEdits edits = new TextEdits();
    private final Set<SourceElement> removed = new HashSet<>();
    private final Map<SourceElement, List<Fragment>> appended = new LinkedHashMap<>();
    private final Style style;

    public DocumentEditor(SourceDocument doc) {
        this.doc = doc;
        this.text = doc.text();
        this.style = Style.of(doc);
    }

    public SourceDocument document() {
        return doc;
    }

    public boolean hasEdits() {
        return !edits.isEmpty() || !appended.isEmpty();
    }

    /** The edited text. Two edits that overlap are a bug in the caller: the error names where. */
    public String result() {
        appended.forEach(this::placeChildren);
        appended.clear();
        try {
            return edits.applyTo(text);
        } catch (TextEdits.OverlapException e) {
            throw overlap(e);
        }
    }

    /**
     * The edited document, parsed where the edits are and copied elsewhere (see
     * {@link TextEdits#applyTo(SourceDocument)}); its text is {@link #result()}'s.
     */
    public SourceDocument resultDocument() {
        appended.forEach(this::placeChildren);
        appended.clear();
        try {
            return edits.applyTo(doc);
        } catch (TextEdits.OverlapException e) {
            throw overlap(e);
        }
    }

    private IllegalStateException overlap(TextEdits.OverlapException e) {
        {
            return new IllegalStateException("overlapping edits at " + doc.location(e.offset()) + " (" + elementAt(e.offset())
                    + "): two changes edit the same text", e);
        }
    }

    private String elementAt(int offset) {
        SourceElement found = doc.root();
        for (SourceElement e : doc.elements()) {
            if (e.start() <= offset && offset < e.end()) {
                found = e;
            }
        }
        return "<" + found.qName() + "> at " + doc.location(found);
    }

    /** Sets an attribute: replaces just the value if present, else adds it after the last attribute. */
    public void setAttribute(SourceElement e, String name, String value) {
        SourceAttribute a = e.attribute(name);
        if (a != null) {
            edits.replace(a.valueStart(), a.valueEnd(), Style.escape(value, a.quote()));
            return;
        }
        edits.insert(endOfAttributes(e), " " + style.attribute(name, value));
    }

    public void removeAttribute(SourceElement e, String name) {
        SourceAttribute a = e.attribute(name);
        if (a == null) {
            return;
        }
        int from = a.nameStart();
        while (from > 0 && isSpace(text.charAt(from - 1))) {
            from--;
        }
        edits.delete(from, a.valueEnd() + 1);
    }

    /** Removes an element; when it stands alone on its lines, the lines go too. */
    public void remove(SourceElement e) {
        removed.add(e);
        int from = e.start();
        int to = e.end();
        int lineStart = from - doc.indentOf(e).length();
        int lineEnd = to;
        while (lineEnd < text.length() && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t')) {
            lineEnd++;
        }
        boolean aloneBefore = lineStart == 0 || text.charAt(lineStart - 1) == '\n' || text.charAt(lineStart - 1) == '\r';
        boolean aloneAfter = lineEnd == text.length() || text.charAt(lineEnd) == '\r' || text.charAt(lineEnd) == '\n';
        if (aloneBefore && aloneAfter) {
            from = lineStart;
            to = lineEnd;
            if (to < text.length() && text.charAt(to) == '\r') {
                to++;
            }
            if (to < text.length() && text.charAt(to) == '\n') {
                to++;
            }
        }
        edits.delete(from, to);
    }

    /**
     * Rewrites an element whose children are all being removed as an empty-element tag, the way
     * Lync writes empty containers ({@code <Ports xmlns="..." />}). Use instead of removing each child.
     */
    public void empty(SourceElement e) {
        if (e.isEmptyTag()) {
            return;
        }
        int tagEnd = e.startTagEnd() - 1;
        edits.replace(tagEnd, e.end(), " />");
    }

    /** Inserts a new element on its own line right after {@code sibling}, at the sibling's indent. */
    public void insertAfter(SourceElement sibling, Fragment fragment) {
        String indent = doc.indentOf(sibling);
        String inherited = sibling.parent() == null ? "" : sibling.parent().namespaceUri();
        edits.insert(sibling.end(), style.newline() + indent + fragment.render(indent, style, inherited));
    }

    /** Inserts a new element on its own line right before {@code sibling}, at the sibling's indent. */
    public void insertBefore(SourceElement sibling, Fragment fragment) {
        String indent = doc.indentOf(sibling);
        String inherited = sibling.parent() == null ? "" : sibling.parent().namespaceUri();
        int lineStart = sibling.start() - indent.length();
        edits.insert(lineStart, indent + fragment.render(indent, style, inherited) + style.newline());
    }

    /**
     * Appends a new last child, after the last child that is not removed (whether it is removed
     * before or after this call). An empty-element tag ({@code <Ports xmlns="..." />}) is opened up
     * into a start and end tag around it.
     */
    public void appendChild(SourceElement parent, Fragment fragment) {
        appended.computeIfAbsent(parent, k -> new ArrayList<>()).add(fragment);
    }

    /** Appends new last children, in order, as {@link #appendChild} does. */
    public void appendChildren(SourceElement parent, List<Fragment> fragments) {
        fragments.forEach(f -> appendChild(parent, f));
    }

    /** Places the children appended to {@code parent}: one edit, so several can go into an element that has none. */
    private void placeChildren(SourceElement parent, List<Fragment> fragments) {
        String newline = style.newline();
        List<SourceElement> kids = parent.children();
        for (int i = kids.size() - 1; i >= 0; i--) {
            if (!removed.contains(kids.get(i))) {
                SourceElement last = kids.get(i);
                fragments.forEach(f -> insertAfter(last, f)); // insertions at one offset keep their order
                return;
            }
        }
        String parentIndent = doc.indentOf(parent);
        String childIndent = parentIndent + style.indentUnit();
        int closeLine = parent.contentEnd() - parentIndent.length();
        if (!kids.isEmpty() && closeLine > 0 && text.charAt(closeLine - 1) == '\n') {
            // Every child is being removed, each with its lines: the new ones go on the lines before the end tag.
            StringBuilder lines = new StringBuilder();
            for (Fragment f : fragments) {
                lines.append(childIndent).append(f.render(childIndent, style, parent.namespaceUri())).append(newline);
            }
            edits.insert(closeLine, lines.toString());
            return;
        }
        StringBuilder children = new StringBuilder();
        for (Fragment f : fragments) {
            children.append(newline).append(childIndent).append(f.render(childIndent, style, parent.namespaceUri()));
        }
        String close = newline + parentIndent + "</" + parent.qName() + ">";
        if (parent.isEmptyTag()) {
            edits.replace(endOfEmptyTag(parent), parent.startTagEnd(), ">" + children + close);
        } else {
            // Whatever sits between the tags is white space (no children): replace it.
            edits.replace(parent.startTagEnd(), parent.contentEnd(), children + newline + parentIndent);
        }
    }

    /** Replaces the character data of an element without child elements (e.g. a site's {@code <Name>}). */
    public void replaceText(SourceElement e, String value) {
        if (!e.children().isEmpty()) {
            throw new IllegalArgumentException(e + " has child elements");
        }
        String escaped = XmlText.escapeText(value);
        if (!e.isEmptyTag()) {
            edits.replace(e.startTagEnd(), e.contentEnd(), escaped);
        } else if (!value.isEmpty()) {
            edits.replace(endOfEmptyTag(e), e.startTagEnd(), ">" + escaped + "</" + e.qName() + ">");
        }
    }

    /** Where the {@code " />"} of an empty-element tag starts, spaces included. */
    private int endOfEmptyTag(SourceElement e) {
        int from = e.startTagEnd() - 2;
        while (isSpace(text.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    private int endOfAttributes(SourceElement e) {
        if (!e.attributes().isEmpty()) {
            return e.attributes().get(e.attributes().size() - 1).valueEnd() + 1;
        }
        return e.start() + 1 + e.qName().length();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
