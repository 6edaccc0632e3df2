package org.cstopo.diff;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Attr;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluator;
import org.xmlunit.diff.DifferenceEvaluators;

/**
 * XMLUnit on two topology DOMs: formatting, comments, processing instructions, attribute order,
 * namespace prefixes and the order of children are ignored; elements are paired by
 * {@link TopologyKeys}. The DOMs are compared as given (no whitespace-stripping copy), so every node
 * in the result belongs to the caller's documents.
 */
public final class XmlComparison {
    private final List<NodeChange> changes = new ArrayList<>();
    private final Map<Node, Element> controlOfTest = new IdentityHashMap<>();

    private XmlComparison() {
    }

    public static XmlComparison of(Document control, Document test) {
        return compare(control, test, new DefaultNodeMatcher(new TopologyKeys()));
    }

    /**
     * The comparison an edit is written from: a pool or machine whose FQDN the edit renamed is still
     * the same element (a pool by its ClusterId, a machine by its place in its pool), so the edit
     * changes its attributes instead of writing it anew; {@link #of} calls it removed and added.
     */
    public static XmlComparison forEdit(Document control, Document test) {
        return compare(control, test, new DefaultNodeMatcher(new TopologyKeys(), TopologyKeys.RENAMED));
    }

    private static XmlComparison compare(Document control, Document test, DefaultNodeMatcher matcher) {
        XmlComparison c = new XmlComparison();
        Diff diff = DiffBuilder.compare(control).withTest(test)
                .withNodeFilter(XmlComparison::counts)
                .withNodeMatcher(matcher)
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default, XmlComparison::ignoreLayout))
                .withComparisonListeners((comparison, outcome) -> c.pair(comparison))
                .checkForSimilar()
                .build();
        for (org.xmlunit.diff.Difference d : diff.getDifferences()) {
            NodeChange change = c.translate(d.getComparison());
            if (change != null) {
                c.changes.add(change);
            }
        }
        return c;
    }

    /** The differences, in document order of the old document (additions where XMLUnit met them). */
    public List<NodeChange> changes() {
        return changes;
    }

    /** The old document's element paired with an element of the new document, or null when it is new. */
    public Element controlOf(Element test) {
        return controlOfTest.get(test);
    }

    /** Only elements and non-blank text take part; white space, comments and PIs are layout. */
    private static boolean counts(Node n) {
        return switch (n.getNodeType()) {
            case Node.ELEMENT_NODE -> true;
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> !n.getNodeValue().isBlank();
            default -> false;
        };
    }

    private static ComparisonResult ignoreLayout(Comparison c, ComparisonResult outcome) {
        if (outcome == ComparisonResult.EQUAL) {
            return outcome;
        }
        return switch (c.getType()) {
            case XML_VERSION, XML_STANDALONE, XML_ENCODING, HAS_DOCTYPE_DECLARATION, DOCTYPE_NAME, DOCTYPE_PUBLIC_ID,
                 DOCTYPE_SYSTEM_ID, SCHEMA_LOCATION, NO_NAMESPACE_SCHEMA_LOCATION, CHILD_NODELIST_SEQUENCE -> ComparisonResult.EQUAL;
            case TEXT_VALUE -> normalize(c.getControlDetails().getValue()).equals(normalize(c.getTestDetails().getValue()))
                    ? ComparisonResult.EQUAL : outcome;
            default -> outcome;
        };
    }

    private static String normalize(Object text) {
        return text == null ? "" : text.toString().strip().replaceAll("\\s+", " ");
    }

    private void pair(Comparison c) {
        if (c.getType() == ComparisonType.NODE_TYPE && c.getControlDetails().getTarget() instanceof Element ce
                && c.getTestDetails().getTarget() instanceof Element te) {
            controlOfTest.put(te, ce);
        }
    }

    private NodeChange translate(Comparison c) {
        Node control = c.getControlDetails().getTarget();
        Node test = c.getTestDetails().getTarget();
        String xpath = c.getTestDetails().getXPath() != null ? c.getTestDetails().getXPath() : c.getControlDetails().getXPath();
        switch (c.getType()) {
            case CHILD_NODELIST_LENGTH, ELEMENT_NUM_ATTRIBUTES:
                return null; // restated by the CHILD_LOOKUP / ATTR_NAME_LOOKUP comparisons that follow
            case CHILD_LOOKUP:
                if (control instanceof Element ce) {
                    return new NodeChange(NodeChange.Type.ELEMENT_REMOVED, ce, null, null, null, null, c.getControlDetails().getXPath());
                }
                if (test instanceof Element te) {
                    return new NodeChange(NodeChange.Type.ELEMENT_ADDED, null, te, null, null, null, xpath);
                }
                Node textNode = control != null ? control : test;
                Element owner = (Element) textNode.getParentNode();
                Element oldEl = control != null ? owner : controlOf(owner);
                return textChange(oldEl, test != null ? owner : null, xpath);
            case TEXT_VALUE:
                return new NodeChange(NodeChange.Type.TEXT_CHANGED, (Element) control.getParentNode(), (Element) test.getParentNode(),
                        null, ((CharacterData) control).getData(), ((CharacterData) test).getData(), xpath);
            case ATTR_NAME_LOOKUP: {
                QName name = (QName) (c.getControlDetails().getValue() != null ? c.getControlDetails().getValue() : c.getTestDetails().getValue());
                Element ce = (Element) control;
                Element te = (Element) test;
                String qName = qualified(c.getControlDetails().getValue() != null ? ce : te, name);
                if (c.getControlDetails().getValue() == null) {
                    return new NodeChange(NodeChange.Type.ATTRIBUTE_ADDED, ce, te, qName, null, value(te, name), xpath);
                }
                return new NodeChange(NodeChange.Type.ATTRIBUTE_REMOVED, ce, te, qName, value(ce, name), null, xpath);
            }
            case ATTR_VALUE: {
                Attr ca = (Attr) control;
                Attr ta = (Attr) test;
                return new NodeChange(NodeChange.Type.ATTRIBUTE_CHANGED, ca.getOwnerElement(), ta.getOwnerElement(), ca.getName(),
                        ca.getValue(), ta.getValue(), xpath);
            }
            default:
                return new NodeChange(NodeChange.Type.OTHER, element(control), element(test), c.getType().getDescription(),
                        String.valueOf(c.getControlDetails().getValue()), String.valueOf(c.getTestDetails().getValue()), xpath);
        }
    }

    /** Text appeared in or vanished from an element that had none / has none now. */
    private NodeChange textChange(Element control, Element test, String xpath) {
        String oldText = control == null ? "" : control.getTextContent();
        String newText = test == null ? "" : test.getTextContent();
        return new NodeChange(NodeChange.Type.TEXT_CHANGED, control, test, null, oldText, newText, xpath);
    }

    private static String value(Element e, QName name) {
        return e.getAttributeNS(name.getNamespaceURI().isEmpty() ? null : name.getNamespaceURI(), name.getLocalPart());
    }

    private static String qualified(Element e, QName name) {
        Attr a = e.getAttributeNodeNS(name.getNamespaceURI().isEmpty() ? null : name.getNamespaceURI(), name.getLocalPart());
        return a == null ? name.getLocalPart() : a.getName();
    }

    private static Element element(Node n) {
        if (n instanceof Element e) {
            return e;
        }
        if (n instanceof Attr a) {
            return a.getOwnerElement();
        }
        return n != null && n.getParentNode() instanceof Element p ? p : null;
    }
}
