package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.cstopo.CstopoException;
import org.cstopo.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * An edited document parsed only where the edits are ({@link TextEdits#applyTo(SourceDocument)})
 * is the document a full parse of its text gives, element for element, offset for offset; and an
 * element it calls unchanged has exactly its original's text.
 */
class EditedParseTest {
    static Stream<Path> topologies() {
        return Fixtures.everyTopology().stream();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void randomEditsParseAsTheWholeTextDoes(Path file) {
        SourceDocument doc = FileIO.readDocument(file);
        Random random = new Random(file.getFileName().toString().hashCode());
        int compared = 0;
        for (int round = 0; round < 60; round++) {
            DocumentEditor ed = new DocumentEditor(doc);
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                RandomEdits.one(doc, ed, random);
            }
            SourceDocument incremental;
            String text;
            try {
                incremental = ed.resultDocument();
                text = incremental.text();
            } catch (IllegalStateException overlapping) {
                continue;
            } catch (CstopoException e) {
                // e.g. an attribute added twice: the edit is wrong, and says so as a full parse does
                CstopoException full = assertThrows(CstopoException.class,
                        () -> SourceDocument.parse(doc.name(), doc.encoding(), ed.result()));
                assertEquals(full.getMessage(), e.getMessage());
                continue;
            }
            SourceDocument full = SourceDocument.parse(doc.name(), doc.encoding(), text);
            assertSameTree(full, incremental);
            assertUnchangedReallyAre(doc, incremental);
            compared++;
        }
        assertTrue(compared > 20, "enough edits compared: " + compared);
    }

    static void assertSameTree(SourceDocument full, SourceDocument incremental) {
        assertEquals(full.text(), incremental.text());
        assertEquals(full.elements().size(), incremental.elements().size(), "element count");
        for (int i = 0; i < full.elements().size(); i++) {
            SourceElement a = full.elements().get(i);
            SourceElement b = incremental.elements().get(i);
            String at = a + " at " + full.location(a);
            assertEquals(a.qName(), b.qName(), at);
            assertEquals(a.index(), b.index(), at);
            assertEquals(a.start(), b.start(), at);
            assertEquals(a.startTagEnd(), b.startTagEnd(), at);
            assertEquals(a.contentEnd(), b.contentEnd(), at);
            assertEquals(a.end(), b.end(), at);
            assertEquals(a.isEmptyTag(), b.isEmptyTag(), at);
            assertEquals(a.namespaceUri(), b.namespaceUri(), at);
            assertEquals(a.parent() == null ? -1 : a.parent().index(), b.parent() == null ? -1 : b.parent().index(), at);
            assertEquals(a.attributes(), b.attributes(), at);
            assertEquals(a.children().stream().map(SourceElement::index).toList(), b.children().stream().map(SourceElement::index).toList(), at);
        }
        assertEquals(full.markup().size(), incremental.markup().size(), "comments and PIs");
        for (int i = 0; i < full.markup().size(); i++) {
            assertArrayEquals(full.markup().get(i), incremental.markup().get(i));
        }
        assertEquals(full.commentsAndInstructions(), incremental.commentsAndInstructions());
    }

    private static void assertUnchangedReallyAre(SourceDocument before, SourceDocument after) {
        if (after.base() == null) {
            return; // the edit went through a full parse
        }
        assertSame(before, after.base());
        for (SourceElement e : after.elements()) {
            SourceElement o = after.unchangedOrigin(e);
            if (o != null) {
                assertEquals(before.text().substring(o.start(), o.end()), after.text().substring(e.start(), e.end()), e.toString());
                assertEquals(o.qName(), e.qName());
            }
        }
    }

    private static final String DOC = "<?xml version=\"1.0\"?>\r\n<T xmlns=\"urn:t\" xmlns:p=\"urn:p\">\r\n"
            + "  <!-- c1 -->\r\n  <A x=\"1\">\r\n    <B/>\r\n    <p:C y='2'>t&amp;t</p:C>\r\n  </A>\r\n  <?pi data?>\r\n"
            + "  <D/>\r\n</T>\r\n";

    @Test
    void anEditOfOneAttributeReparsesOnlyItsElement() {
        SourceDocument doc = SourceDocument.parse("t.xml", TextEncoding.UTF8, DOC);
        DocumentEditor ed = new DocumentEditor(doc);
        SourceElement c = doc.elements().get(3);
        ed.setAttribute(c, "y", "22");
        SourceDocument after = ed.resultDocument();
        assertSameTree(SourceDocument.parse("t.xml", TextEncoding.UTF8, after.text()), after);
        assertSame(doc, after.base());
        assertNull(after.unchangedOrigin(after.elements().get(3)), "the edited element is new");
        assertNull(after.unchangedOrigin(after.elements().get(1)), "its parent holds an edit");
        assertSame(doc.elements().get(2), after.unchangedOrigin(after.elements().get(2)), "its sibling is the original");
        assertSame(doc.elements().get(4), after.unchangedOrigin(after.elements().get(4)), "so is D, shifted");
        assertEquals(doc.elements().get(4).start() + 1, after.elements().get(4).start());
        assertEquals("urn:p", after.elements().get(3).namespaceUri(), "the prefix declared on the root still binds");
    }

    @Test
    void anEditOfTheRootsOwnTagIsAFullParse() {
        SourceDocument doc = SourceDocument.parse("t.xml", TextEncoding.UTF8, DOC);
        DocumentEditor ed = new DocumentEditor(doc);
        ed.setAttribute(doc.root(), "z", "1");
        SourceDocument after = ed.resultDocument();
        assertNull(after.base());
        assertSameTree(SourceDocument.parse("t.xml", TextEncoding.UTF8, after.text()), after);
    }

    @Test
    void aBrokenEditFailsAsTheFullParseDoes() {
        SourceDocument doc = SourceDocument.parse("t.xml", TextEncoding.UTF8, DOC);
        TextEdits edits = new TextEdits();
        SourceElement b = doc.elements().get(2);
        edits.replace(b.start(), b.end(), "<B><unclosed></B>");
        CstopoException incremental = assertThrows(CstopoException.class, () -> edits.applyTo(doc));
        CstopoException full = assertThrows(CstopoException.class,
                () -> SourceDocument.parse("t.xml", TextEncoding.UTF8, edits.applyTo(doc.text())));
        assertEquals(full.getMessage(), incremental.getMessage());
        assertNotNull(incremental.getMessage());
    }

    @Test
    void anUndeclaredPrefixInAnEditIsRefusedAsInTheWholeText() {
        SourceDocument doc = SourceDocument.parse("t.xml", TextEncoding.UTF8, DOC);
        TextEdits edits = new TextEdits();
        SourceElement b = doc.elements().get(2);
        edits.replace(b.start(), b.end(), "<q:B/>");
        CstopoException e = assertThrows(CstopoException.class, () -> edits.applyTo(doc));
        assertTrue(e.getMessage().startsWith("t.xml:5:"), e.getMessage());
    }
}
