package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.cstopo.CstopoException;
import org.junit.jupiter.api.Test;

class SourceDocumentTest {
    private static final String TEXT = "<?xml version=\"1.0\"?>\r\n"
            + "<!-- a <comment> -->\r\n"
            + "<Topology xmlns=\"urn:t\" Signature='abc'>\r\n"
            + "  <Clusters>\r\n"
            + "    <Cluster Fqdn=\"a&amp;b.example\"  Note=\"x > y\">\r\n"
            + "      <Machine Fqdn=\"m1\" />\r\n"
            + "      <![CDATA[ <not-an-element/> ]]>\r\n"
            + "    </Cluster>\r\n"
            + "    <Ports xmlns=\"urn:sr\"><p:Port xmlns:p=\"urn:p\" Port=\"5061\"/></Ports>\r\n"
            + "  </Clusters>\r\n"
            + "</Topology>\r\n";

    private final SourceDocument doc = SourceDocument.parse("t.xml", TEXT.getBytes(StandardCharsets.UTF_8));

    @Test
    void findsEveryElementInDocumentOrder() {
        assertEquals(6, doc.elements().size());
        assertEquals("Topology", doc.root().qName());
        assertEquals("Machine", doc.elements().get(3).qName());
        assertEquals("p:Port", doc.elements().get(5).qName());
    }

    @Test
    void recordsExactTagAndAttributeOffsets() {
        SourceElement cluster = doc.elements().get(2);
        assertEquals("<Cluster", TEXT.substring(cluster.start(), cluster.start() + 8));
        assertTrue(TEXT.substring(cluster.start(), cluster.startTagEnd()).endsWith("\"x > y\">"));
        assertEquals("</Cluster>", TEXT.substring(cluster.contentEnd(), cluster.end()));
        SourceAttribute fqdn = cluster.attribute("Fqdn");
        assertEquals("a&amp;b.example", TEXT.substring(fqdn.valueStart(), fqdn.valueEnd()));
        assertEquals("a&b.example", fqdn.value());
        assertEquals('\'', doc.root().attribute("Signature").quote());
    }

    @Test
    void emptyElementTagsAreMarked() {
        SourceElement machine = doc.elements().get(3);
        assertTrue(machine.isEmptyTag());
        assertEquals("<Machine Fqdn=\"m1\" />", TEXT.substring(machine.start(), machine.end()));
        assertFalse(doc.elements().get(2).isEmptyTag());
    }

    @Test
    void resolvesNamespacesAsAParserWould() {
        assertEquals("urn:t", doc.root().namespaceUri());
        assertEquals("urn:sr", doc.elements().get(4).namespaceUri());
        assertEquals("urn:p", doc.elements().get(5).namespaceUri());
        assertEquals("urn:t", doc.elements().get(3).namespaceUri());
    }

    @Test
    void lineAndColumnAreOneBased() {
        SourceElement machine = doc.elements().get(3);
        assertEquals("t.xml:6:7", doc.location(machine));
        assertEquals("\r\n", doc.lineSeparator());
        assertEquals("      ", doc.indentOf(machine));
    }

    @Test
    void directTextUnwrapsCdataAndSkipsComments() {
        assertTrue(doc.directText(doc.elements().get(2)).contains(" <not-an-element/> "));
    }

    @Test
    void notWellFormedNamesLineAndColumn() {
        byte[] bad = "<Topology>\n  <Clusters>\n</Topology>\n".getBytes(StandardCharsets.UTF_8);
        CstopoException e = assertThrows(CstopoException.class, () -> SourceDocument.parse("bad.xml", bad));
        assertTrue(e.getMessage().startsWith("bad.xml:3:"), e.getMessage());
    }

    @Test
    void doctypeIsRefusedSoNoEntityCanBeExpanded() {
        byte[] xxe = ("<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Topology>&x;</Topology>").getBytes(StandardCharsets.UTF_8);
        CstopoException e = assertThrows(CstopoException.class, () -> SourceDocument.parse("x.xml", xxe));
        assertTrue(e.getMessage().contains("DOCTYPE declaration is refused"), e.getMessage());
    }

    @Test
    void textEditsReplaceOnlyTheirRanges() {
        SourceAttribute fqdn = doc.elements().get(3).attribute("Fqdn");
        TextEdits edits = new TextEdits();
        edits.replace(fqdn.valueStart(), fqdn.valueEnd(), "m2");
        String out = edits.applyTo(TEXT);
        assertEquals(TEXT.replace("Fqdn=\"m1\"", "Fqdn=\"m2\""), out);
    }
}
