package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.bench.SyntheticTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The element and attribute bounds, with small values: at the limit a file is read, one more is refused where it is. */
class InputLimitsTest {
    private static final String NS = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
    private final int elements = SafeXml.maxElements;
    private final int attributes = SafeXml.maxAttributes;

    private final long bytes = FileIO.maxInputBytes;

    @AfterEach
    void restore() {
        SafeXml.maxElements = elements;
        SafeXml.maxAttributes = attributes;
        FileIO.maxInputBytes = bytes;
    }

    /** The root and {@code n} children, one per line, each with two attributes. */
    private static byte[] topology(int n) {
        StringBuilder sb = new StringBuilder("<Topology xmlns=\"" + NS + "\">\n");
        for (int i = 0; i < n; i++) {
            sb.append("  <x a=\"1\" b=\"2\"/>\n");
        }
        return sb.append("</Topology>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void elementsUpToTheLimitAreReadOneMoreIsRefusedAtIt() {
        SafeXml.maxElements = 10;
        assertEquals(10, SourceDocument.parse("t.xml", topology(9)).elements().size());
        CstopoException e = assertThrows(CstopoException.class, () -> SourceDocument.parse("t.xml", topology(10)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("t.xml:11:19: more than 10 elements (cstopo's limit; a 1,000-pool topology has about 160,000);"
                + " no topology export does: check that this is the right file", e.getMessage());
    }

    @Test
    void attributesUpToTheLimitAreReadOneMoreIsRefusedAtIt() {
        SafeXml.maxAttributes = 10;
        assertEquals(6, SourceDocument.parse("t.xml", topology(5)).elements().size());
        CstopoException e = assertThrows(CstopoException.class, () -> SourceDocument.parse("t.xml", topology(6)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("t.xml:7:19: more than 10 attributes (cstopo's limit; a 1,000-pool topology has about 510,000);"
                + " no topology export does: check that this is the right file", e.getMessage());
    }

    /**
     * A pipe or device has no size to check first: it is read up to the limit and one byte, then
     * refused. Before, /dev/zero (or a process substitution over the limit) was read until the heap
     * ran out, with a stack trace.
     */
    @Test
    void aDeviceThatNeverEndsIsReadOnlyUpToTheLimit() {
        FileIO.maxInputBytes = 1L << 20;
        CstopoException e = assertThrows(CstopoException.class, () -> FileIO.readInput(Path.of("/dev/zero")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("/dev/zero: larger than 1 MiB; no real topology is that large: check that this is the right file", e.getMessage());
    }

    /** A topology through a named pipe, as {@code <(ssh host cat topology.xml)} gives it, is read whole when under the limit. */
    @Test
    void aPipeUnderTheLimitIsReadWhole(@TempDir Path tmp) throws Exception {
        byte[] topology = topology(100);
        FileIO.maxInputBytes = topology.length;
        Path fifo = tmp.resolve("t.xml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                Files.write(fifo, topology);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertArrayEquals(topology, FileIO.readInput(fifo));
        writer.get(30, TimeUnit.SECONDS);
    }

    /** The largest synthetic topology (1,000 pools, 30 MB as UTF-16) is read, far below both bounds. */
    @Test
    void theThousandPoolTopologyIsFarBelowTheLimits(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s1000.xml");
        SyntheticTopology.write(1000, true, file);
        SourceDocument doc = FileIO.readDocument(file);
        int attrs = doc.elements().stream().mapToInt(e -> e.attributes().size()).sum();
        assertEquals(160_525, doc.elements().size());
        assertTrue(doc.elements().size() * 6 < SafeXml.maxElements, "six times below the element bound");
        assertTrue(attrs * 6 < SafeXml.maxAttributes, attrs + " attributes: six times below the attribute bound");
    }
}
