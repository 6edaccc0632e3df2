package org.cstopo.transform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.CstopoException;
import org.cstopo.diff.CommonSubtrees;
import org.cstopo.diff.NodeChange;
import org.cstopo.diff.XmlComparison;
import org.cstopo.diff.XmlTrees;
import org.cstopo.io.DocumentEditor;
import org.cstopo.io.Fragment;
import org.cstopo.io.SourceElement;
import org.cstopo.io.SourceDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes what a stylesheet meant as a minimal edit of the original: XMLUnit finds the differences
 * between the original and the stylesheet's output, and each becomes a text edit of the original
 * (attribute set or removed, element inserted next to its nearest unchanged sibling or removed, text
 * replaced). Everything else keeps its original bytes, whatever the stylesheet re-serialised.
 */
public final class MinimalEdit {
    private final SourceDocument original;
    private final SourceDocument output;
    private final XmlComparison comparison;
    private final Map<Node, SourceElement> oldSource;
    private final Map<Node, SourceElement> newSource;
    private final DocumentEditor editor;
    /** New children of elements that have none yet: they go in together, as one edit. */
    private final Map<SourceElement, List<Fragment>> intoEmpty = new LinkedHashMap<>();

    /** Entries of the output that are the same structure as one of the original (dropped before XMLUnit), to that one. */
    private final Map<SourceElement, SourceElement> twins;
    /** The DOM element of the output's element, for those XMLUnit saw. */
    private final Map<SourceElement, Element> newDom = new IdentityHashMap<>();

    private MinimalEdit(SourceDocument original, SourceDocument output) {
        this.original = original;
        this.output = output;
        // XMLUnit sees only what the two do not share: a rule that changes one pool of a thousand
        // compares one pool, not two DOMs of the whole topology.
        CommonSubtrees.Reduction r = CommonSubtrees.reduce(original, output);
        Document oldDom = XmlTrees.parse(r.a());
        Document newDomTree = XmlTrees.parse(r.b());
        this.comparison = XmlComparison.forEdit(oldDom, newDomTree);
        this.oldSource = whole(XmlTrees.link(oldDom, r.a()), r.wholeA());
        this.newSource = whole(XmlTrees.link(newDomTree, r.b()), r.wholeB());
        this.newSource.forEach((node, e) -> newDom.put(e, (Element) node));
        this.twins = r.twinInA();
        this.editor = new DocumentEditor(original);
    }

    /** DOM nodes linked to the elements of the whole document that their reduced elements stand for. */
    private static Map<Node, SourceElement> whole(Map<Node, SourceElement> reduced, SourceElement[] whole) {
        Map<Node, SourceElement> out = new IdentityHashMap<>(reduced.size());
        reduced.forEach((node, e) -> out.put(node, whole[e.index()]));
        return out;
    }

    /** The original text with the output's differences applied. */
    public static String apply(SourceDocument original, SourceDocument output) {
        return edit(original, output).result();
    }

    /** The same, parsed (where it differs from the original; see DocumentEditor#resultDocument). */
    public static SourceDocument applyDocument(SourceDocument original, SourceDocument output) {
        return edit(original, output).resultDocument();
    }

    private static DocumentEditor edit(SourceDocument original, SourceDocument output) {
        MinimalEdit m = new MinimalEdit(original, output);
        m.removeAll();
        for (NodeChange c : m.comparison.changes()) {
            m.edit(c);
        }
        m.intoEmpty.forEach(m.editor::appendChildren);
        return m.editor;
    }

    /** Removals first, grouped by parent: a parent losing all its children is written as an empty tag, as Lync does. */
    private void removeAll() {
        Map<SourceElement, List<SourceElement>> byParent = new LinkedHashMap<>();
        for (NodeChange c : comparison.changes()) {
            if (c.type() == NodeChange.Type.ELEMENT_REMOVED) {
                SourceElement e = oldSource.get(c.control());
                byParent.computeIfAbsent(e.parent(), p -> new ArrayList<>()).add(e);
            }
        }
        Set<SourceElement> gainsChildren = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (NodeChange c : comparison.changes()) {
            if (c.type() == NodeChange.Type.ELEMENT_ADDED) {
                gainsChildren.add(oldSource.get(comparison.controlOf((Element) c.test().getParentNode())));
            }
        }
        byParent.forEach((parent, gone) -> {
            if (gone.size() == parent.children().size() && !gainsChildren.contains(parent)) {
                editor.empty(parent);
            } else {
                gone.forEach(editor::remove);
            }
        });
    }

    private void edit(NodeChange c) {
        switch (c.type()) {
            case ELEMENT_REMOVED -> { } // done by removeAll
            case ELEMENT_ADDED -> insert(c.test());
            case ATTRIBUTE_CHANGED, ATTRIBUTE_ADDED -> {
                SourceElement e = oldSource.get(c.control());
                checkPrefix(e, c);
                editor.setAttribute(e, c.name(), c.newValue());
            }
            case ATTRIBUTE_REMOVED -> editor.removeAttribute(oldSource.get(c.control()), c.name());
            case TEXT_CHANGED -> {
                SourceElement e = oldSource.get(c.control());
                if (e == null || !e.children().isEmpty()) {
                    throw unsupported(c, "text changed inside an element that has child elements");
                }
                editor.replaceText(e, c.newValue());
            }
            default -> throw unsupported(c, c.name() + " differs (" + c.oldValue() + " -> " + c.newValue() + ")");
        }
    }

    /** Inserts a new element after its nearest preceding sibling that the original has, else before the nearest following one. */
    private void insert(Element added) {
        SourceElement at = newSource.get(added);
        Fragment f = SourceFragments.of(output, at);
        List<SourceElement> siblings = at.parent().children();
        int i = siblings.indexOf(at);
        for (int k = i - 1; k >= 0; k--) {
            SourceElement kept = originalOf(siblings.get(k));
            if (kept != null) {
                editor.insertAfter(kept, f);
                return;
            }
        }
        for (int k = i + 1; k < siblings.size(); k++) {
            SourceElement kept = originalOf(siblings.get(k));
            if (kept != null) {
                editor.insertBefore(kept, f);
                return;
            }
        }
        SourceElement parent = oldSource.get(comparison.controlOf((Element) added.getParentNode()));
        if (!parent.children().isEmpty()) {
            // Every original child is being removed: insert where the first one starts (before its deletion).
            editor.insertBefore(parent.children().get(0), f);
        } else {
            intoEmpty.computeIfAbsent(parent, p -> new ArrayList<>()).add(f);
        }
    }

    /** The original's element that an element of the output is (a shared entry's twin, or XMLUnit's pair), or null when it is new. */
    private SourceElement originalOf(SourceElement inOutput) {
        SourceElement twin = twins.get(inOutput);
        if (twin != null) {
            return twin;
        }
        Element dom = newDom.get(inOutput);
        Element kept = dom == null ? null : comparison.controlOf(dom);
        return kept == null ? null : oldSource.get(kept);
    }

    private void checkPrefix(SourceElement e, NodeChange c) {
        int colon = c.name().indexOf(':');
        if (colon > 0) {
            String prefix = c.name().substring(0, colon);
            String wanted = c.test().getAttributeNode(c.name()).getNamespaceURI();
            if (!java.util.Objects.equals(e.namespaceFor(prefix), wanted)) {
                throw unsupported(c, "attribute " + c.name() + " uses a prefix the original does not declare there");
            }
        }
    }

    private CstopoException unsupported(NodeChange c, String what) {
        return CstopoException.badInput(output.name() + ": at " + c.xpath() + ": " + what
                + ": cstopo cannot write this as an edit of " + original.name() + "; nothing was written");
    }
}
