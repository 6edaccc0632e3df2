package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An untouched topology comes back byte for byte: encoding, BOM, line ends, declaration and all. */
class RoundTripTest {
    @TempDir
    Path tmp;

    static List<Path> inputs() {
        return Fixtures.topologiesAndSamples();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void applyWithoutChangesIsByteIdentical(Path input) throws IOException {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("apply", input.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(Files.readAllBytes(input), Files.readAllBytes(out), "round trip changed " + input);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void applyToStdoutIsByteIdentical(Path input) throws IOException {
        CliRun run = CliRun.of("apply", input.toString(), "-o", "-");
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(Files.readAllBytes(input), run.stdoutBytes());
    }

    @Test
    void fixturesCoverTheEncodingsEngineersHandUs() throws IOException {
        boolean utf16 = false;
        boolean crlf = false;
        boolean lf = false;
        for (Path p : Fixtures.topologies()) {
            byte[] b = Files.readAllBytes(p);
            boolean bom16 = b[0] == (byte) 0xFF && b[1] == (byte) 0xFE;
            utf16 |= bom16;
            String s = new String(b, bom16 ? java.nio.charset.StandardCharsets.UTF_16LE : java.nio.charset.StandardCharsets.UTF_8);
            crlf |= s.contains("\r\n");
            lf |= s.replace("\r\n", "").contains("\n");
        }
        assertEquals(List.of(true, true, true), List.of(utf16, crlf, lf));
        assertFalse(Fixtures.topologies().isEmpty());
    }

    /** Each UTF-16 twin is its LF fixture re-encoded as Out-File writes it, so the two never drift apart. */
    @Test
    void everyUtf16TwinIsItsFixtureAsOutFileWritesIt() throws IOException {
        int twins = 0;
        for (Path p : Fixtures.topologies()) {
            String name = p.getFileName().toString();
            if (name.endsWith(".utf16-crlf.xml")) {
                String lf = Files.readString(p.resolveSibling(name.replace(".utf16-crlf.xml", ".xml")), java.nio.charset.StandardCharsets.UTF_8);
                byte[] text = lf.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
                byte[] expected = new byte[text.length + 2];
                expected[0] = (byte) 0xFF;
                expected[1] = (byte) 0xFE;
                System.arraycopy(text, 0, expected, 2, text.length);
                assertArrayEquals(expected, Files.readAllBytes(p), name);
                twins++;
            }
        }
        assertTrue(twins >= 4, "twins found: " + twins);
    }

    @Test
    void inPlaceWithoutChangesLeavesTheFileAlone() throws IOException {
        Path copy = tmp.resolve("topology.xml");
        Files.copy(Fixtures.path("se-synergy.utf16-crlf.xml"), copy);
        byte[] before = Files.readAllBytes(copy);
        CliRun run = CliRun.of("apply", copy.toString(), "--in-place");
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(before, Files.readAllBytes(copy));
        assertFalse(Files.exists(tmp.resolve("topology.xml.bak")), "nothing to change, so nothing to back up");
        assertTrue(run.stderr().contains("left untouched"), run.stderr());
    }
}
