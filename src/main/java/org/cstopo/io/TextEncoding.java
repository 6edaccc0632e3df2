package org.cstopo.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cstopo.CstopoException;

/**
 * How a topology file's characters are stored: UTF-8 or UTF-16 (LE as Windows PowerShell 5.1's
 * Out-File writes it, or BE), with or without a byte order mark. Writing uses the same encoding so
 * an untouched file comes back byte for byte.
 */
public record TextEncoding(Charset charset, boolean bom) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    public static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, false);

    /** Detects the encoding from the leading bytes. {@code file} is only used in error messages. */
    public static TextEncoding detect(byte[] bytes, String file) {
        if (startsWith(bytes, UTF8_BOM)) {
            return new TextEncoding(StandardCharsets.UTF_8, true);
        }
        if (bytes.length >= 4 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE && bytes[2] == 0 && bytes[3] == 0) {
            throw CstopoException.badInput(file + ": UTF-32 is not supported; re-export with Out-File (UTF-16) or -Encoding utf8");
        }
        if (startsWith(bytes, UTF16LE_BOM)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, true);
        }
        if (startsWith(bytes, UTF16BE_BOM)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, true);
        }
        if (bytes.length >= 2 && (bytes[0] == 0) != (bytes[1] == 0)) {
            throw CstopoException.badInput(file + ": looks like UTF-16 without a byte order mark; "
                    + "re-export with Get-CsTopology -AsXml | Out-File (which writes one) or save it as UTF-8");
        }
        return UTF8;
    }

    /** Decodes strictly: malformed bytes are an error, never replaced. */
    public String decode(byte[] bytes, String file) {
        int skip = bom ? bomBytes().length : 0;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw CstopoException.badInput(file + ": bytes that are not valid " + name()
                    + " (binary data or a damaged file); export the topology again");
        }
    }

    public byte[] encode(String text) {
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] mark = bomBytes();
        byte[] out = Arrays.copyOf(mark, mark.length + body.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }

    /** A name for humans, e.g. "UTF-16LE with BOM". */
    public String name() {
        return charset.name() + (bom ? " with BOM" : "");
    }

    private byte[] bomBytes() {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return UTF8_BOM;
        }
        return charset.equals(StandardCharsets.UTF_16LE) ? UTF16LE_BOM : UTF16BE_BOM;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
