package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.show.TopologySummary;

/**
 * Fuzzing the reader and apply. Real fixtures are damaged in the ways files get damaged (bytes
 * flipped, cut, spliced, markup characters and odd Unicode inserted, re-encoded) and fed to what
 * {@code show} and {@code apply} do. The property: either a {@link CstopoException} with exit code 3
 * and a one-line message naming the file, or success with a byte-identical round trip that reads
 * back as a topology; never another exception.
 *
 * <p>The normal build runs each property briefly (jqwik.tries.default in junit-platform.properties);
 * {@code mvn -B -ntp test -Pfuzz -Dfuzz.tries=N} runs them long, with a fork timeout that turns a
 * hang into a failure.
 */
class FuzzTest {
    private static final List<String> SEEDS = List.of(
            "se-synergy.xml", "se-trusted-pool.utf16-crlf.xml", "future-version-unknown-content.xml",
            "ee-two-sites-edge.xml");
    private static final List<byte[]> SEED_BYTES = SEEDS.stream().map(FuzzTest::read).toList();

    /** Things that break XML, or that a careless tool puts into it. */
    private static final List<String> TOKENS = List.of(
            "<", ">", "&", "\"", "'", "/>", "</", "<!--", "-->", "<?", "?>", "<![CDATA[", "]]>", "&amp", "&#0;",
            "&#x110000;", "&#xD800;", "&lt;", "&undeclared;", "<!DOCTYPE t>", "<?xml version=\"1.0\"?>", "xmlns=\"\"",
            " xmlns:p=\"urn:p\"", "p:", "=", "\u0000", "\u0001", "\uFFFE", "\uFEFF", "\uD800", "\uDC00", "\uD83D\uDE00",
            "\r", "\n", "\t", "\u2028", "\u00e9", "\u202e", " Fqdn=\"x\"", "<Topology>", "</Topology>");

    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    enum Kind { FLIP_BYTE, SET_BYTE, TRUNCATE, DELETE, DUPLICATE, INSERT_TOKEN, INSERT_TOKEN_AS_UTF8, INSERT_UNICODE, REENCODE }

    enum Encoding {
        UTF8(StandardCharsets.UTF_8, new byte[0]),
        UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
        UTF16LE(StandardCharsets.UTF_16LE, new byte[0]),
        UTF32LE(UTF_32LE, new byte[0]);

        final Charset charset;
        final byte[] bom;

        Encoding(Charset charset, byte[] bom) {
            this.charset = charset;
            this.bom = bom;
        }
    }

    /** One damage: where (a fraction of the length), how much, and what is put in. */
    record Mutation(Kind kind, double at, int length, String token, int value, Encoding encoding) {
        @Override
        public String toString() {
            return switch (kind) {
                case INSERT_TOKEN, INSERT_TOKEN_AS_UTF8, INSERT_UNICODE ->
                        kind + "@" + at + " " + escape(token);
                case REENCODE -> kind + " " + encoding;
                case SET_BYTE -> kind + "@" + at + "=" + value;
                default -> kind + "@" + at + " len " + length;
            };
        }
    }

    @Property
    void damagedTopologiesAreRefusedInOneLineOrRoundTrip(@ForAll("seed") int seed,
                                                         @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = SEED_BYTES.get(seed);
        for (Mutation m : mutations) {
            bytes = apply(m, bytes);
        }
        check(bytes);
    }

    @Property
    void arbitraryTextIsRefusedInOneLineOrRoundTrips(@ForAll @Size(max = 300) String text, @ForAll Encoding encoding) {
        check(encode(text, encoding));
    }

    @Property
    void arbitraryBytesAreRefusedInOneLineOrRoundTrip(@ForAll @Size(max = 400) byte[] bytes) {
        check(bytes);
    }

    /** What show and apply do with a file's bytes, and the property they must keep. */
    static void check(byte[] bytes) {
        SourceDocument doc;
        Topology topology;
        try {
            doc = SourceDocument.parse("fuzz.xml", bytes);
            topology = TopologyBinder.bind(doc);
        } catch (CstopoException e) {
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
            String msg = e.getMessage();
            assertFalse(msg.contains("\n") || msg.contains("\r"), "one line: " + msg);
            assertEquals("fuzz.xml", msg.substring(0, Math.min(8, msg.length())), "names the file: " + msg);
            Statistics.label("outcome").collect("refused");
            return;
        }
        TopologySummary summary = TopologySummary.of(topology);
        summary.toText();
        summary.toJson();
        byte[] written = doc.bytes();
        assertArrayEquals(bytes, written, "apply without changes is byte-identical");
        OutputTarget.readsBackAs(doc).check(written);
        Statistics.label("outcome").collect("round trip");
    }

    static byte[] apply(Mutation m, byte[] in) {
        int n = in.length;
        int at = (int) (m.at() * n);
        return switch (m.kind()) {
            case FLIP_BYTE -> {
                if (n == 0) {
                    yield in;
                }
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << (m.value() & 7));
                yield out;
            }
            case SET_BYTE -> {
                if (n == 0) {
                    yield in;
                }
                byte[] out = in.clone();
                out[at] = (byte) m.value();
                yield out;
            }
            case TRUNCATE -> Arrays.copyOf(in, at);
            case DELETE -> splice(in, at, Math.min(n, at + m.length()), new byte[0]);
            case DUPLICATE -> splice(in, at, at, Arrays.copyOfRange(in, at, Math.min(n, at + m.length())));
            case INSERT_TOKEN, INSERT_UNICODE -> insertText(in, m.at(), m.token());
            case INSERT_TOKEN_AS_UTF8 -> splice(in, at, at, m.token().getBytes(StandardCharsets.UTF_8));
            case REENCODE -> reencode(in, m.encoding());
        };
    }

    /** Inserts text in the file's own encoding, at a character boundary, so the damage is to the XML. */
    private static byte[] insertText(byte[] in, double where, String token) {
        Encoding enc = detect(in);
        int bomLength = enc.bom.length;
        String text = new String(in, bomLength, in.length - bomLength, enc.charset);
        int at = (int) (where * text.length());
        String out = text.substring(0, at) + token + text.substring(at);
        return encode(out, enc);
    }

    private static byte[] reencode(byte[] in, Encoding to) {
        Encoding from = detect(in);
        String text = new String(in, from.bom.length, in.length - from.bom.length, from.charset);
        return encode(text, to);
    }

    private static Encoding detect(byte[] b) {
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return Encoding.UTF16LE_BOM;
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return Encoding.UTF16BE_BOM;
        }
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return Encoding.UTF8_BOM;
        }
        return Encoding.UTF8;
    }

    private static byte[] encode(String text, Encoding enc) {
        byte[] body = text.getBytes(enc.charset);
        return splice(body, 0, 0, enc.bom);
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    @Provide
    Arbitrary<Integer> seed() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(TOKENS),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8));
        return Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1).ofScale(4).filter(d -> d < 1),
                Arbitraries.integers().between(1, 200),
                token,
                Arbitraries.integers().between(0, 255),
                Arbitraries.of(Encoding.class)).as(Mutation::new);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp) : String.format("\\u{%X}", cp)));
        return sb.append('"').toString();
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of("fixtures", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Guards the generator itself: every kind of damage really changes the bytes of a seed. */
    @net.jqwik.api.Example
    void everyKindOfDamageChangesTheInput() {
        List<Kind> unchanged = new ArrayList<>();
        for (Kind k : Kind.values()) {
            byte[] seed = SEED_BYTES.get(1);
            byte[] out = apply(new Mutation(k, 0.5, 10, "<", 0, Encoding.UTF8), seed);
            if (Arrays.equals(seed, out)) {
                unchanged.add(k);
            }
        }
        assertEquals(List.of(), unchanged);
    }
}
