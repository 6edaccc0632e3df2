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
}
