package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices, pipes and descriptors are written through, never replaced by a rename; sockets and the
 * like are refused. (/dev/stdout redirected to a file is in {@link ChildProcessTest}: in this JVM,
 * standard output belongs to the test runner.)
 */
class SpecialTargetsTest {
    @TempDir
    Path dir;

    Path input;
    byte[] expected;

    @BeforeEach
    void setUp() throws IOException {
        input = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        Path regular = dir.resolve("regular.xml");
        assertEquals(0, setIp("-o", regular.toString()).exitCode());
        expected = Files.readAllBytes(regular);
        Files.delete(regular);
    }

    private CliRun setIp(String... output) {
        List<String> args = new java.util.ArrayList<>(List.of("set-ip", input.toString(), "ucma02.synergy.com=10.10.2.22"));
        args.addAll(List.of(output));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Path mkfifo(Path p) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
        return p;
    }

    /** Reads a pipe to its end on another thread (opening a pipe for reading waits for a writer). */
    private static CompletableFuture<byte[]> readAll(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
    }

    @Test
    void devNullStaysACharacterDevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assertEquals(0020000, mode(devNull));
        CliRun run = setIp("-o", "/dev/null");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().endsWith("cstopo: wrote /dev/null\n"), run.stderr());
        assertEquals(0020000, mode(devNull), "still a character device");
    }

    @Test
    void aNamedPipeGetsTheBytesAndStaysAPipe() throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe"));
        CompletableFuture<byte[]> reader = readAll(fifo);
        CliRun run = setIp("-o", fifo.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(expected, reader.get(30, TimeUnit.SECONDS), "the reader got the whole result");
        assertEquals(0010000, mode(fifo), "still a pipe");
        assertArrayEquals(Files.readAllBytes(Fixtures.path("se-trusted-pool.utf16-crlf.xml")), Files.readAllBytes(input));
        assertEquals(List.of("pipe", "t.xml"), List.copyOf(DirSnapshot.of(dir).files().keySet()));
    }

    @Test
    void aSocketIsRefusedAndLeftAlone() throws IOException {
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            DirSnapshot before = DirSnapshot.of(dir);
            CliRun run = setIp("-o", socket.toString());
            assertEquals(2, run.exitCode(), run.stderr());
            assertEquals("cstopo: -o " + socket + " is a socket; cstopo writes regular files, character devices"
                    + " (/dev/null, /dev/stdout) and named pipes\n", run.stderr());
            assertEquals(0140000, mode(socket), "still a socket");
            assertEquals(before, DirSnapshot.of(dir));
        }
    }

    @Test
    void inPlaceOnAPipeIsRefused() throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe"));
        CliRun run = CliRun.of("set-ip", fifo.toString(), "ucma02.synergy.com=10.10.2.22", "--in-place");
        assertEquals(2, run.exitCode(), run.stderr());
        assertEquals("cstopo: --in-place replaces a file, and " + fifo + " is a named pipe; write the result with -o FILE\n", run.stderr());
        assertEquals(0010000, mode(fifo));
    }

    @Test
    void descriptorsOfThisProcessAreStreams() {
        assertEquals(FileIO.Kind.STREAM, FileIO.kind(Path.of("/dev/stdout")));
        assertEquals(FileIO.Kind.STREAM, FileIO.kind(Path.of("/dev/fd/2")));
        assertEquals(FileIO.Kind.STREAM, FileIO.kind(Path.of("/proc/self/fd/1")));
        assertEquals(FileIO.Kind.STREAM, FileIO.kind(Path.of("/dev/null")));
        assertEquals(FileIO.Kind.REGULAR, FileIO.kind(input));
        assertEquals(FileIO.Kind.MISSING, FileIO.kind(dir.resolve("nothing.xml")));
        assertEquals(FileIO.Kind.DIRECTORY, FileIO.kind(dir));
    }

    /** The runbook command's -o follows the same rule: a pipe gets the bytes and stays a pipe; a socket is refused. */
    @Test
    void aRunbookGoesThroughAPipeAndNeverOverASocket() throws Exception {
        String changes = Fixtures.path("cisco-imp-federation.changes.xml").toString();
        Path regular = dir.resolve("runbook.ps1");
        assertEquals(0, CliRun.of("runbook", changes, "-o", regular.toString()).exitCode());
        byte[] runbook = Files.readAllBytes(regular);
        Path fifo = mkfifo(dir.resolve("pipe"));
        CompletableFuture<byte[]> reader = readAll(fifo);
        CliRun run = CliRun.of("runbook", changes, "-o", fifo.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(runbook, reader.get(30, TimeUnit.SECONDS));
        assertEquals(0010000, mode(fifo));

        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CliRun refused = CliRun.of("runbook", changes, "-o", socket.toString());
            assertEquals(2, refused.exitCode(), refused.stderr());
            assertEquals("cstopo: -o " + socket + " is a socket; cstopo writes regular files, character devices"
                    + " (/dev/null, /dev/stdout) and named pipes\n", refused.stderr());
            assertEquals(0140000, mode(socket));
        }
    }
}
