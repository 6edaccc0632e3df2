package org.cstopo.diff;

import java.io.IOException;
import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.io.SafeXml;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** DOM views of source documents, for XMLUnit, and the link back from each DOM element to its source element. */
public final class XmlTrees {
    private XmlTrees() {
    }

    /** Parses decoded text with the hardened parser (so the file's encoding and formatting do not matter). */
    public static Document parse(SourceDocument doc) {
        try {
            return SafeXml.newDocumentBuilder().parse(new InputSource(new StringReader(doc.text())));
        } catch (SAXParseException e) {
            throw SafeXml.notWellFormed(doc.name(), e);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("a document that was read once cannot be parsed again: " + doc.name(), e);
        }
    }

    /**
     * Pairs each DOM element with the source element at the same place. Both trees come from the same
     * text, so their elements appear in the same document order.
     */
    public static Map<Node, SourceElement> link(Document dom, SourceDocument doc) {
        Map<Node, SourceElement> out = new IdentityHashMap<>();
        List<SourceElement> elements = doc.elements();
        int i = 0;
        for (Node n = dom.getDocumentElement(); n != null; n = next(n, dom)) {
            if (n instanceof Element) {
                SourceElement s = elements.get(i++);
                if (!s.localName().equals(n.getLocalName())) {
                    throw new IllegalStateException("DOM and source trees disagree at " + s + " in " + doc.name());
                }
                out.put(n, s);
            }
        }
        return out;
    }

    /**
     * The XPath of an element in its document, written as XMLUnit writes them: local names, each with
     * its position among the siblings of the same local name ({@code /Topology[1]/Clusters[1]/Cluster[3]}).
     */
    public static String xpath(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e; n instanceof Element x; n = n.getParentNode()) {
            int position = 1;
            for (Node s = x.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s instanceof Element y && x.getLocalName().equals(y.getLocalName())) {
                    position++;
                }
            }
            sb.insert(0, "/" + x.getLocalName() + "[" + position + "]");
        }
        return sb.toString();
    }

    /** The next node in document order (pre-order), or null at the end. */
    private static Node next(Node n, Document dom) {
        if (n.getFirstChild() != null) {
            return n.getFirstChild();
        }
        for (Node up = n; up != null && up != dom; up = up.getParentNode()) {
            if (up.getNextSibling() != null) {
                return up.getNextSibling();
            }
        }
        return null;
    }
}
