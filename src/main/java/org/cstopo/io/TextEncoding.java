package org.cstopo.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final byte[] UTF32LE_BOM = {(byte) 0xFF, (byte) 0xFE, 0, 0};
    private static final byte[] UTF32BE_BOM = {0, 0, (byte) 0xFE, (byte) 0xFF};

    /** The encoding pseudo-attribute of an XML declaration (XML 1.0, production [80]). */
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("\\A<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*([\"'])([^\"']*)\\1");

    public static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, false);

    /** Detects the encoding from the leading bytes. {@code file} is only used in error messages. */
    public static TextEncoding detect(byte[] bytes, String file) {
        if (startsWith(bytes, UTF8_BOM)) {
            return new TextEncoding(StandardCharsets.UTF_8, true);
        }
        if (startsWith(bytes, UTF32LE_BOM) || startsWith(bytes, UTF32BE_BOM) || looksLikeUtf32(bytes)) {
            throw CstopoException.badInput(file + ": looks like UTF-32, which cstopo does not read;"
                    + " re-export with Get-CsTopology -AsXml | Out-File (UTF-16) or save it as UTF-8");
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

    /** '<' as UTF-32 without a BOM: three zero bytes beside it. */
    private static boolean looksLikeUtf32(byte[] b) {
        return b.length >= 4 && ((b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
                || (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0));
    }

    /**
     * Decodes strictly: malformed bytes are an error, never replaced. The error names the line and
     * column where decoding stopped and the byte offset, so the damage can be found in a hex editor.
     */
    public String decode(byte[] bytes, String file) {
        int skip = bom ? bomBytes().length : 0;
        // The JDK's String decoding is several times faster than a CharsetDecoder, but replaces what it
        // cannot decode with U+FFFD: text without one is exactly what the strict decoder gives.
        String fast = lenient(bytes, skip, bytes.length - skip);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        return decodeStrictly(bytes, skip, file);
    }

    /**
     * [from, from + length) decoded as the JDK's String constructor does (U+FFFD for what does not
     * decode). UTF-16 whose every char is below U+0100 (Latin-1, which an export nearly always is)
     * is narrowed by hand into the one byte a char a String then keeps: JDK 17 decodes UTF-16 through
     * a CharsetDecoder, several times slower on a 30 MB export.
     */
    String lenient(byte[] bytes, int from, int length) {
        if (!charset.equals(StandardCharsets.UTF_8) && length % 2 == 0) {
            int high = charset.equals(StandardCharsets.UTF_16LE) ? 1 : 0;
            byte[] latin = new byte[length / 2];
            boolean narrow = true;
            for (int i = 0; i < latin.length; i++) {
                int at = from + 2 * i;
                if (bytes[at + high] != 0) {
                    narrow = false;
                    break;
                }
                latin[i] = bytes[at + 1 - high];
            }
            if (narrow) {
                return new String(latin, StandardCharsets.ISO_8859_1);
            }
        }
        return new String(bytes, from, length, charset);
    }

    private String decodeStrictly(byte[] bytes, int skip, String file) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        // UTF-16: two bytes a char (a surrogate pair, four bytes two chars); UTF-8: at most a char a byte.
        boolean utf16 = !charset.equals(StandardCharsets.UTF_8);
        CharBuffer out = CharBuffer.allocate((utf16 ? (bytes.length - skip) / 2 : bytes.length - skip) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int badByte = in.position();
            String before = out.flip().toString();
            LineIndex li = new LineIndex(before);
            boolean atEnd = badByte + result.length() >= bytes.length;
            throw CstopoException.badInput(file + ":" + li.line(before.length()) + ":" + li.column(before.length())
                    + ": bytes that are not valid " + name() + " at byte offset " + badByte
                    + (atEnd ? " (the file ends in the middle of a character: it looks truncated)"
                             : " (binary data or a damaged file)")
                    + "; export the topology again");
        }
        return out.flip().toString();
    }

    /**
     * Refuses an XML declaration whose encoding contradicts how the file is stored, or names an
     * encoding cstopo does not write. The bytes were decoded by their BOM (or as UTF-8), which is
     * what a parser fed this text does; a declaration saying otherwise means the file was converted
     * without fixing it, and .NET readers such as Publish-CsTopology refuse some of those mismatches
     * (a "utf-16" declaration in a file without a UTF-16 byte order mark, for one).
     */
    public void checkDeclaration(String text, String file) {
        Matcher m = DECLARED_ENCODING.matcher(text);
        if (!m.find()) {
            return;
        }
        String declared = m.group(2);
        String key = declared.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        boolean utf16 = !charset.equals(StandardCharsets.UTF_8);
        boolean fits = switch (key) {
            case "UTF8" -> true; // UTF-16 files declaring utf-8: the BOM wins, as it does for .NET
            case "UTF16", "UTF16LE", "UTF16BE", "UNICODE" -> utf16;
            case "USASCII", "ASCII" -> !utf16 && text.chars().allMatch(c -> c < 0x80);
            default -> false;
        };
        if (!fits) {
            LineIndex li = new LineIndex(text);
            int at = m.start(2);
            throw CstopoException.badInput(file + ":" + li.line(at) + ":" + li.column(at) + ": the XML declaration says encoding=\""
                    + declared + "\" but the file is stored as " + name() + "; cstopo reads UTF-8 and UTF-16 only:"
                    + " save the file as UTF-8 or UTF-16 (Out-File) and make the declaration say so");
        }
    }

    public byte[] encode(String text) {
        if (bom && !charset.equals(StandardCharsets.UTF_8)) {
            // UTF-16 is the text's own chars: written straight after the mark, into one array of the final size
            // (text with surrogates goes through the JDK's encoder, which replaces a lone one).
            byte[] out = new byte[2 + 2 * text.length()];
            byte[] mark = bomBytes();
            out[0] = mark[0];
            out[1] = mark[1];
            int done = utf16(text, out, false);
            return done < 0 ? encodeWithJdk(text) : out;
        }
        return encodeWithJdk(text);
    }

    private byte[] encodeWithJdk(String text) {
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] mark = bomBytes();
        byte[] out = Arrays.copyOf(mark, mark.length + body.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }

    /**
     * UTF-16 after the 2-byte mark, by hand: writes the text's chars into {@code bytes} or, with
     * {@code compare}, compares them with it. Returns 1 (written, or equal), 0 (not equal) or -1
     * when the text holds a surrogate, which is left to the JDK's encoder (it replaces a lone one).
     */
    private int utf16(String text, byte[] bytes, boolean compare) {
        int low = charset.equals(StandardCharsets.UTF_16LE) ? 0 : 1;
        char[] chunk = new char[Math.min(text.length(), CHUNK)];
        for (int from = 0; from < text.length(); from += chunk.length) {
            int n = Math.min(chunk.length, text.length() - from);
            text.getChars(from, from + n, chunk, 0);
            for (int i = 0, at = 2 + 2 * from; i < n; i++, at += 2) {
                char c = chunk[i];
                if ((c & 0xF800) == 0xD800) {
                    return -1;
                }
                if (!compare) {
                    bytes[at + low] = (byte) c;
                    bytes[at + 1 - low] = (byte) (c >>> 8);
                } else if (bytes[at + low] != (byte) c || bytes[at + 1 - low] != (byte) (c >>> 8)) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** Chars copied out of a String at a time by the UTF-16 loops (an array is read faster than charAt). */
    private static final int CHUNK = 64 * 1024;


    /** True when {@code bytes} are exactly {@code encode(text)}, checked in slices rather than by encoding it whole. */
    public boolean encodes(String text, byte[] bytes) {
        if (bom && !charset.equals(StandardCharsets.UTF_8)) {
            // UTF-16: the text's own chars, compared in place (text with surrogates: compared with the JDK's encoding).
            if (bytes.length != 2 + 2 * text.length()) {
                return false;
            }
            byte[] mark = bomBytes();
            if (bytes[0] != mark[0] || bytes[1] != mark[1]) {
                return false;
            }
            int same = utf16(text, bytes, true);
            return same < 0 ? encodesWithJdk(text, bytes) : same == 1;
        }
        return encodesWithJdk(text, bytes);
    }

    private boolean encodesWithJdk(String text, byte[] bytes) {
        final int slice = 64 * 1024;
        int at = 0;
        byte[] mark = bom ? bomBytes() : new byte[0];
        if (bytes.length < mark.length || !Arrays.equals(bytes, 0, mark.length, mark, 0, mark.length)) {
            return false;
        }
        at = mark.length;
        for (int from = 0; from < text.length(); ) {
            int to = Math.min(text.length(), from + slice);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // a pair is encoded together
            }
            byte[] part = text.substring(from, to).getBytes(charset);
            if (at + part.length > bytes.length || !Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
                return false;
            }
            at += part.length;
            from = to;
        }
        return at == bytes.length;
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
