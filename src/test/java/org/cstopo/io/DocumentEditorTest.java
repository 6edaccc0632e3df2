package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentEditorTest {
    private static final String NS = "urn:t";
    private static final String SR = "urn:sr";
    private static final String TEXT = "<Topology xmlns=\"urn:t\">\r\n"
            + "    <Pools>\r\n"
            + "        <Pool Fqdn='a' />\r\n"
            + "        <Pool Fqdn=\"b\"></Pool>\r\n"
            + "    </Pools>\r\n"
            + "    <Ports xmlns=\"urn:sr\" />\r\n"
            + "</Topology>\r\n";

    private final SourceDocument doc = SourceDocument.parse("t.xml", TEXT.getBytes(StandardCharsets.UTF_8));
    private final DocumentEditor ed = new DocumentEditor(doc);

    private SourceElement el(int i) {
        return doc.elements().get(i);
    }

    @Test
    void followsTheDocumentsIndentAndLineEnds() {
        ed.insertAfter(el(3), Fragment.element(NS, "Pool", List.of(Map.entry("Fqdn", "c")),
                List.of(Fragment.element(NS, "Machine", List.of(Map.entry("Fqdn", "m")), List.of()))));
        assertEquals(TEXT.replace("<Pool Fqdn=\"b\"></Pool>\r\n", "<Pool Fqdn=\"b\"></Pool>\r\n        <Pool Fqdn=\"c\">\r\n"
                + "            <Machine Fqdn=\"m\" />\r\n        </Pool>\r\n"), ed.result());
    }

    @Test
    void opensAnEmptyElementTagAndDeclaresNamespacesLikeLync() {
        ed.appendChild(el(4), Fragment.element(SR, "Port", List.of(Map.entry("Port", "5061")), List.of()));
        assertEquals(TEXT.replace("<Ports xmlns=\"urn:sr\" />", "<Ports xmlns=\"urn:sr\">\r\n        <Port Port=\"5061\" />\r\n    </Ports>"), ed.result());
    }

    @Test
    void fillsAnElementWrittenWithAnEndTag() {
        ed.appendChild(el(3), Fragment.element(NS, "Machine", List.of(), List.of()));
        assertEquals(TEXT.replace("<Pool Fqdn=\"b\"></Pool>", "<Pool Fqdn=\"b\">\r\n            <Machine />\r\n        </Pool>"), ed.result());
    }

    @Test
    void switchesNamespaceWithADefaultDeclaration() {
        ed.insertBefore(el(2), Fragment.element(SR, "Role", List.of(Map.entry("A", "x\"y")), List.of()));
        assertEquals(TEXT.replace("        <Pool Fqdn='a' />", "        <Role xmlns=\"urn:sr\" A=\"x&quot;y\" />\r\n        <Pool Fqdn='a' />"), ed.result());
    }

    @Test
    void attributesAreSetInPlaceKeepingTheirQuotes() {
        ed.setAttribute(el(2), "Fqdn", "it's");
        ed.setAttribute(el(3), "Site", "1");
        assertEquals(TEXT.replace("<Pool Fqdn='a' />", "<Pool Fqdn='it&apos;s' />").replace("<Pool Fqdn=\"b\">", "<Pool Fqdn=\"b\" Site=\"1\">"),
                ed.result());
    }

    @Test
    void removingAnElementTakesItsLine() {
        ed.remove(el(2));
        ed.removeAttribute(el(3), "Fqdn");
        assertEquals(TEXT.replace("        <Pool Fqdn='a' />\r\n", "").replace("<Pool Fqdn=\"b\">", "<Pool>"), ed.result());
    }

    @Test
    void emptyingAContainerWritesTheShortForm() {
        ed.empty(el(1));
        assertEquals("<Topology xmlns=\"urn:t\">\r\n    <Pools />\r\n    <Ports xmlns=\"urn:sr\" />\r\n</Topology>\r\n", ed.result());
    }

    @Test
    void detectsTheIndentUnit() {
        assertEquals(new Style("    ", "\r\n", " />", '"'), Style.of(doc));
    }

    @Test
    void newElementsFollowTheDocumentsOwnStyle() {
        String compact = "<Topology xmlns='urn:t'>\n\t<Pools>\n\t\t<Pool Fqdn='a'/>\n\t</Pools>\n</Topology>\n";
        SourceDocument d = SourceDocument.parse("c.xml", compact.getBytes(StandardCharsets.UTF_8));
        DocumentEditor e = new DocumentEditor(d);
        e.appendChild(d.elements().get(1), Fragment.element(NS, "Pool", List.of(Map.entry("Fqdn", "it's")), List.of()));
        e.setAttribute(d.elements().get(2), "Site", "1");
        assertEquals(compact.replace("<Pool Fqdn='a'/>", "<Pool Fqdn='a' Site='1'/>\n\t\t<Pool Fqdn='it&apos;s'/>"), e.result());
    }

    @Test
    void anAppendedChildGoesAfterTheLastSiblingThatStaysWhateverTheCallOrder() {
        Fragment c = Fragment.element(NS, "Pool", List.of(Map.entry("Fqdn", "c")), List.of());
        ed.appendChild(el(1), c);
        ed.remove(el(3));
        DocumentEditor other = new DocumentEditor(doc);
        other.remove(el(3));
        other.appendChild(el(1), c);
        String expected = TEXT.replace("        <Pool Fqdn=\"b\"></Pool>\r\n", "        <Pool Fqdn=\"c\" />\r\n");
        assertEquals(expected, ed.result());
        assertEquals(expected, other.result());
        assertEquals(expected, ed.result(), "result() can be asked twice");
    }

    @Test
    void overlappingEditsNameThePlace() {
        ed.remove(el(1));
        ed.setAttribute(el(2), "Fqdn", "z");
        IllegalStateException e = assertThrows(IllegalStateException.class, ed::result);
        assertEquals("overlapping edits at t.xml:3:21 (<Pool> at t.xml:3:9): two changes edit the same text", e.getMessage());
    }
}
