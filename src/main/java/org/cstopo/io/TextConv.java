package org.cstopo.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.cstopo.CstopoException;

/**
 * A file as git's {@code textconv} wants it: UTF-8 without a byte order mark, LF line ends,
 * everything else unchanged. No XML is parsed: git runs this on every revision it shows, and on
 * every file its attributes send here, topology or not. CRLF and a lone CR become LF, as an XML
 * parser reads them (XML 1.0, section 2.11).
 *
 * <p>What is shown never stops git, which gives up on the whole diff when a textconv fails, and
 * shows a textconv's output as text whatever it holds. So a text cstopo refuses to read (UTF-16
 * without a byte order mark, UTF-32, a damaged or truncated UTF-16 file) is still shown, decoded
 * as well as it can be with U+FFFD for what cannot, and {@link #note} says why cstopo would refuse
 * it; a binary file (a NUL byte in its first 8,000 bytes, git's own test) is shown as one line with
 * its size and SHA-256, so that a change to it still shows. Bytes that are not UTF-8 in a file
 * without a byte order mark go through as they are.
 *
 * @param text what to print
 * @param note null, or why the file is not shown as cstopo reads it
 */
public record TextConv(byte[] text, String note) {
    /** How far git looks for a NUL byte to call a file binary (xdiff's FIRST_FEW_BYTES). */
    private static final int BINARY_PROBE = 8000;

    public static TextConv of(byte[] bytes, String file) {
        TextEncoding encoding;
        try {
            encoding = TextEncoding.detect(bytes, file);
        } catch (CstopoException refused) {
            return lenient(bytes, refused.getMessage());
        }
        if (encoding.charset().equals(StandardCharsets.UTF_8)) {
            if (!encoding.bom() && isBinary(bytes)) {
                return new TextConv(binary(bytes), null);
            }
            // A CR byte is never part of a multi-byte UTF-8 sequence: no decoding is needed.
            return new TextConv(lineFeeds(bytes, encoding.bom() ? 3 : 0), null);
        }
        try {
            return new TextConv(utf8(encoding.decode(bytes, file)), null);
        } catch (CstopoException damaged) {
            return lenient(bytes, damaged.getMessage());
        }
    }

    /** Decodes by the byte order mark, else by where the zero bytes of '<' or any ASCII character fall. */
    private static TextConv lenient(byte[] b, String why) {
        Charset charset;
        int skip = 0;
        if (startsWith(b, 0xFF, 0xFE, 0, 0) || startsWith(b, 0, 0, 0xFE, 0xFF)) {
            charset = Charset.forName(b[0] == 0 ? "UTF-32BE" : "UTF-32LE");
            skip = 4;
        } else if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            charset = b[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b.length >= 4 && b[1] == 0 && b[2] == 0 && (b[0] == 0) != (b[3] == 0)) {
            charset = Charset.forName(b[0] == 0 ? "UTF-32BE" : "UTF-32LE");
        } else if (b.length >= 2 && (b[0] == 0) != (b[1] == 0)) {
            charset = b[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
        } else {
            return new TextConv(binary(b), why);
        }
        String text = new String(b, skip, b.length - skip, charset);
        return new TextConv(utf8(text), why + " (textconv shows it read as " + charset.name() + ", with U+FFFD for what is not)");
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] binary(byte[] bytes) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return ("binary file, " + bytes.length + " bytes, SHA-256 " + sha + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] lineFeeds(byte[] bytes, int from) {
        byte[] out = new byte[bytes.length - from];
        int n = 0;
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out[n++] = '\n';
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] utf8(String text) {
        String lf = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return lf.getBytes(StandardCharsets.UTF_8);
    }
}
