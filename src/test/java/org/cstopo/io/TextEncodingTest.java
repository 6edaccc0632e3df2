package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.junit.jupiter.api.Test;

class TextEncodingTest {
    private static final String XML = "<Topology xmlns=\"urn:x\">\r\n  <A b=\"é\" />\r\n</Topology>\r\n";

    @Test
    void utf16LittleEndianWithBomAsOutFileWritesIt() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, XML.getBytes(StandardCharsets.UTF_16LE));
        TextEncoding enc = TextEncoding.detect(bytes, "t.xml");
        assertEquals(new TextEncoding(StandardCharsets.UTF_16LE, true), enc);
        assertEquals(XML, enc.decode(bytes, "t.xml"));
        assertArrayEquals(bytes, enc.encode(XML));
    }

    @Test
    void utf8WithAndWithoutBom() {
        byte[] plain = XML.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        assertEquals(TextEncoding.UTF8, TextEncoding.detect(plain, "t"));
        TextEncoding bom = TextEncoding.detect(withBom, "t");
        assertTrue(bom.bom());
        assertEquals(XML, bom.decode(withBom, "t"));
        assertArrayEquals(withBom, bom.encode(XML));
    }

    @Test
    void utf16BigEndianWithBom() {
        byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, XML.getBytes(StandardCharsets.UTF_16BE));
        TextEncoding enc = TextEncoding.detect(bytes, "t");
        assertEquals(StandardCharsets.UTF_16BE, enc.charset());
        assertArrayEquals(bytes, enc.encode(enc.decode(bytes, "t")));
    }

    @Test
    void utf16WithoutBomIsRefusedWithAFix() {
        byte[] bytes = XML.getBytes(StandardCharsets.UTF_16LE);
        CstopoException e = assertThrows(CstopoException.class, () -> TextEncoding.detect(bytes, "t.xml"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("t.xml: looks like UTF-16 without a byte order mark"), e.getMessage());
    }

    @Test
    void malformedUtf8IsRefusedNotReplaced() {
        byte[] bytes = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};
        CstopoException e = assertThrows(CstopoException.class, () -> TextEncoding.UTF8.decode(bytes, "bad.xml"));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The encodings a file can have, and their BOMs. */
    private static final TextEncoding[] ENCODINGS = {TextEncoding.UTF8, new TextEncoding(StandardCharsets.UTF_8, true),
        new TextEncoding(StandardCharsets.UTF_16LE, true), new TextEncoding(StandardCharsets.UTF_16BE, true)};
    private static final byte[][] MARKS = {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}};

    @Test
    void encodingIsTheJdksAfterTheMarkAndEncodesRecognisesExactlyThoseBytes() {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"<a x=\"1\"/>\r\n", "\u00e9t\u00e9", "\u4e2d", "\ud83d\ude00", "\ud800", "\udc00x", "&amp;"};
        for (int e = 0; e < ENCODINGS.length; e++) {
            byte[] mark = MARKS[e];
            TextEncoding enc = ENCODINGS[e];
            for (int round = 0; round < 50; round++) {
                StringBuilder sb = new StringBuilder();
                for (int i = random.nextInt(40); i > 0; i--) {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                String text = sb.toString();
                byte[] body = text.getBytes(enc.charset());
                byte[] expected = java.util.Arrays.copyOf(mark, mark.length + body.length);
                System.arraycopy(body, 0, expected, mark.length, body.length);
                assertArrayEquals(expected, enc.encode(text), enc.name() + " " + text);
                assertTrue(enc.encodes(text, expected), enc.name());
                if (expected.length > 0) {
                    byte[] other = expected.clone();
                    other[random.nextInt(other.length)] ^= 1;
                    assertEquals(false, enc.encodes(text, other), enc.name() + " a changed byte");
                    assertEquals(false, enc.encodes(text, java.util.Arrays.copyOf(expected, expected.length - 1)), "a byte short");
                }
                assertEquals(false, enc.encodes(text, java.util.Arrays.copyOf(expected, expected.length + 1)), "a byte more");
            }
        }
    }

    @Test
    void encodesComparesTextLongerThanOneSlice() {
        TextEncoding enc = ENCODINGS[2];
        String text = "<x>\ud83d\ude00</x>\r\n".repeat(20_000);
        byte[] bytes = enc.encode(text);
        assertTrue(enc.encodes(text, bytes));
        bytes[bytes.length - 3] ^= 1;
        assertEquals(false, enc.encodes(text, bytes));
    }

    /** Decoding gives back the text, by the narrow path (Latin-1 only, as exports are) and the JDK's alike. */
    @Test
    void decodingReturnsTheTextThatWasEncoded() {
        String[] texts = {"<a x=\"1\"/>\r\n", "<a>\u00e9t\u00e9 \u00ff</a>", "<a>\u4e2d \ud83d\ude00</a>", "<a>\u0100</a>", ""};
        for (TextEncoding enc : ENCODINGS) {
            for (String text : texts) {
                String repeated = text.repeat(1000);
                assertEquals(repeated, enc.decode(enc.encode(repeated), "t.xml"), enc.name() + " " + text);
            }
        }
    }
}
