package org.cstopo.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.cstopo.io.SourceDocument;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Follows the paths of a diff's items with the JDK's own XPath engine (not cstopo's path writer) and
 * checks that each lands on what the item is about: a pool's Cluster, a machine's Machine, an
 * application's Port, an address's IPAddress attribute.
 */
public final class DiffPaths {
    private static final Pattern STEP = Pattern.compile("/([A-Za-z][\\w.-]*)\\[(\\d+)]");

    private DiffPaths() {
    }

    /** The node an item's path names: in {@code after}, or in {@code before} for a removal. */
    public static Node target(Map<String, Object> item, SourceDocument before, SourceDocument after) {
        String kind = (String) item.get("kind");
        Document doc = XmlTrees.parse(kind.endsWith("_removed") ? before : after);
        String xpath = (String) item.get("xpath");
        Matcher m = STEP.matcher(xpath);
        StringBuilder local = new StringBuilder();
        int end = 0;
        while (m.find() && m.start() == end) {
            local.append("/*[local-name()='").append(m.group(1)).append("'][").append(m.group(2)).append(']');
            end = m.end();
        }
        local.append(xpath.substring(end));
        try {
            Node n = (Node) XPathFactory.newInstance().newXPath().evaluate(local.toString(), doc, XPathConstants.NODE);
            assertNotNull(n, "path " + xpath + " of " + item.get("text") + " names nothing");
            return n;
        } catch (XPathExpressionException e) {
            throw new AssertionError("not an XPath: " + xpath, e);
        }
    }

    /** Checks that the path of every item lands on the element (or attribute) the item is about. */
    public static void assertEachPointsAtItsSubject(Iterable<Map<String, Object>> items, SourceDocument before, SourceDocument after) {
        int checked = 0;
        for (Map<String, Object> item : items) {
            Node n = target(item, before, after);
            String kind = (String) item.get("kind");
            String about = item.get("text") + " at " + item.get("xpath");
            switch (kind) {
                case "pool_added", "pool_removed" -> assertElement(n, "Cluster", "Fqdn", (String) item.get("pool"), about);
                case "machine_added", "machine_removed" -> assertElement(n, "Machine", "Fqdn", (String) item.get("machine"), about);
                case "application_added", "application_removed" -> {
                    assertTrue(n instanceof Element e && e.getLocalName().equals("Port")
                            && ((String) item.get("text")).startsWith("application " + e.getAttribute("Owner").substring("urn:application:".length()) + " "),
                            about);
                }
                case "service_added", "service_removed" -> {
                    assertTrue(n instanceof Element e && e.getLocalName().equals("Service")
                            && ((String) item.get("text")).startsWith("service " + TopologyKeys.serviceId(e) + " "), about);
                }
                case "address_changed" -> {
                    assertTrue(n instanceof Attr a && a.getName().endsWith("IPAddress")
                            && a.getOwnerElement().getLocalName().equals("NetInterface")
                            && ((Element) a.getOwnerElement().getParentNode()).getAttribute("Fqdn").equals(item.get("machine"))
                            && ((String) item.get("text")).endsWith(" -> " + a.getValue()), about);
                }
                default -> { }
            }
            checked++;
        }
        assertTrue(checked > 0, "no items to check");
    }

    private static void assertElement(Node n, String localName, String attribute, String value, String about) {
        assertTrue(n instanceof Element, about);
        assertEquals(localName, n.getLocalName(), about);
        assertEquals(value, ((Element) n).getAttribute(attribute), about);
    }
}
