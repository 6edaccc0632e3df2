package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** git's textconv: UTF-8 and LF out, whatever came in; bytes it cannot decode go through as they are. */
class TextConvTest {
    private static final String CRLF = "<Topology xmlns=\"urn:x\">\r\n  <A b=\"é €\" />\r\n</Topology>\r\n";
    private static final byte[] LF = "<Topology xmlns=\"urn:x\">\n  <A b=\"é €\" />\n</Topology>\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void convertsToLf(byte[] input) {
        TextConv conv = TextConv.of(input, "t.xml");
        assertNull(conv.note());
        assertArrayEquals(LF, conv.text(), new String(conv.text(), StandardCharsets.UTF_8));
    }

    @Test
    void utf16WithBomInBothByteOrders() {
        convertsToLf(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CRLF.getBytes(StandardCharsets.UTF_16LE)));
        convertsToLf(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, CRLF.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void utf8LosesItsBomAndItsCarriageReturns() {
        convertsToLf(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CRLF.getBytes(StandardCharsets.UTF_8)));
        convertsToLf(CRLF.getBytes(StandardCharsets.UTF_8));
        convertsToLf(LF);
    }

    @Test
    void aLoneCarriageReturnIsALineEndToo() {
        String mixed = CRLF.replaceFirst("\r\n", "\r").replaceFirst("\r\n", "\n");
        convertsToLf(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, mixed.getBytes(StandardCharsets.UTF_16LE)));
        convertsToLf(mixed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyTextIsConvertedNotOnlyTopologies() {
        byte[] notXml = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "just text\r\nno markup".getBytes(StandardCharsets.UTF_16LE));
        assertArrayEquals("just text\nno markup".getBytes(StandardCharsets.UTF_8), TextConv.of(notXml, "notes.xml").text());
        assertArrayEquals(new byte[0], TextConv.of(new byte[0], "empty.xml").text());
    }

    @Test
    void bytesThatAreNotUtf8GoThroughAsTheyAre() {
        byte[] latin1 = "caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        TextConv conv = TextConv.of(latin1, "t.xml");
        assertNull(conv.note(), "no decoding is needed to drop a CR from bytes read as UTF-8");
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'}, conv.text());
    }

    /** git shows a textconv's output as text whatever it holds, and gives up on the whole diff when a textconv fails. */
    @Test
    void textCstopoRefusesIsStillShownWithTheReason() {
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
            TextConv conv = TextConv.of(CRLF.getBytes(java.nio.charset.Charset.forName(charset)), "t.xml");
            assertArrayEquals(LF, conv.text(), charset);
            assertTrue(conv.note().startsWith("t.xml: looks like UTF-" + charset.substring(4, 6)), conv.note());
            assertTrue(conv.note().endsWith("(textconv shows it read as " + charset + ", with U+FFFD for what is not)"), conv.note());
        }
        byte[] truncated = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<a/>\r\n".getBytes(StandardCharsets.UTF_16LE));
        truncated = java.util.Arrays.copyOf(truncated, truncated.length - 1);
        TextConv damaged = TextConv.of(truncated, "t.xml");
        assertArrayEquals("<a/>\n\uFFFD".getBytes(StandardCharsets.UTF_8), damaged.text());
        assertEquals("t.xml:2:1: bytes that are not valid UTF-16LE with BOM at byte offset 12 (the file ends in the middle of a"
                + " character: it looks truncated); export the topology again (textconv shows it read as UTF-16LE, with U+FFFD for what"
                + " is not)", damaged.note());
    }

    @Test
    void aBinaryFileIsItsSizeAndDigestSoThatAChangeStillShows() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 'x', '\r', '\n'};
        TextConv conv = TextConv.of(zip, "t.xml");
        assertNull(conv.note());
        assertEquals("binary file, 9 bytes, SHA-256 ", new String(conv.text(), StandardCharsets.UTF_8).substring(0, 30));
        assertTrue(new String(conv.text(), StandardCharsets.UTF_8).matches("binary file, 9 bytes, SHA-256 [0-9a-f]{64}\n"));
        zip[6] = 'y';
        assertFalse(java.util.Arrays.equals(conv.text(), TextConv.of(zip, "t.xml").text()));
    }
}
