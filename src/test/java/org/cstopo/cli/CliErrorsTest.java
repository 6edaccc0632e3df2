package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line mistakes around files: one line, a documented exit code, nothing written, input untouched. */
class CliErrorsTest {
    @TempDir
    Path tmp;

    Path input;
    byte[] original;

    @BeforeEach
    void copyATopology() throws IOException {
        input = tmp.resolve("topology.xml");
        Files.copy(Fixtures.path("se-synergy.utf16-crlf.xml"), input);
        original = Files.readAllBytes(input);
    }

    @Test
    void missingFile() {
        Path missing = tmp.resolve("nope.xml");
        CliRun run = CliRun.of("show", missing.toString());
        expect(run, 3, "cstopo: " + missing + ": no such topology file; check the path (export it with Get-CsTopology -AsXml | Out-File "
                + missing.getFileName() + ")");
    }

    @Test
    void directoryInsteadOfFile() {
        CliRun run = CliRun.of("show", tmp.toString());
        expect(run, 3, "cstopo: " + tmp + ": is a directory; pass the topology file itself");
    }

    @Test
    void unknownFlag() {
        CliRun run = CliRun.of("apply", input.toString(), "--frobnicate", "-o", "-");
        expect(run, 2, "cstopo: unknown option '--frobnicate' (see 'cstopo apply --help')");
    }

    @Test
    void outputAndInPlaceTogether() {
        CliRun run = CliRun.of("apply", input.toString(), "--in-place", "-o", tmp.resolve("x.xml").toString());
        expect(run, 2, "cstopo: use either -o FILE or --in-place, not both");
    }

    @Test
    void outputIsADirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("outdir"));
        CliRun run = CliRun.of("apply", input.toString(), "-o", dir.toString());
        expect(run, 2, "cstopo: " + dir + ": is a directory; give a file name for -o");
    }

    @Test
    void outputDirectoryDoesNotExist() {
        Path out = tmp.resolve("no-such-dir").resolve("out.xml");
        CliRun run = CliRun.of("apply", input.toString(), "-o", out.toString());
        expect(run, 5, "cstopo: " + out + ": cannot write (no such directory); nothing was changed");
    }

    /** Root (as CI runs) may write anywhere, so "not writable" is a path through a regular file. */
    @Test
    void outputDirectoryIsNotWritable() {
        Path out = input.resolve("out.xml");
        CliRun run = CliRun.of("apply", input.toString(), "-o", out.toString());
        expect(run, 5, "cstopo: " + out + ": cannot write (");
        assertTrue(run.stderr().contains("nothing was changed"), run.stderr());
    }

    @Test
    void backupIsADirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("bakdir"));
        CliRun run = CliRun.of("set-ip", input.toString(), "lyncserver.synergy.com=10.0.0.5", "--in-place",
                "--backup", dir.toString());
        expect(run, 2, "cstopo: " + dir + ": is a directory; give a file name for --backup");
    }

    @Test
    void backupInAMissingDirectory() {
        Path bak = tmp.resolve("no-such-dir").resolve("t.bak");
        CliRun run = CliRun.of("set-ip", input.toString(), "lyncserver.synergy.com=10.0.0.5", "--in-place",
                "--backup", bak.toString());
        expect(run, 5, "cstopo: the backup " + bak + ": cannot write (no such directory); nothing was changed");
    }

    /** A sparse file: its size is checked before a byte is read, so this costs no memory. */
    @Test
    void absurdlyLargeFileIsRefusedBeforeReading() throws IOException {
        Path huge = tmp.resolve("huge.xml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(513L * 1024 * 1024);
        }
        CliRun run = CliRun.of("show", huge.toString());
        expect(run, 3, "cstopo: " + huge + ": larger than 512 MiB; no real topology is that large");
    }

    /**
     * An Error (here an OutOfMemoryError, as a huge input can cause) is one line and exit 70 like any
     * unexpected failure; before, it escaped to the JVM: a stack trace and exit 1, which means "errors found".
     */
    @Test
    void anErrorInsideACommandIsOneLineAndExit70() throws IOException {
        EditOutput.tamper = text -> {
            throw new OutOfMemoryError("Java heap space");
        };
        try {
            CliRun run = CliRun.of("set-ip", input.toString(), "lyncserver.synergy.com=10.0.0.5", "--in-place");
            expect(run, 70, "cstopo: internal error: java.lang.OutOfMemoryError: Java heap space (this is a bug; run again with"
                    + " --debug and report the output)");
            CliRun debug = CliRun.of("set-ip", input.toString(), "lyncserver.synergy.com=10.0.0.5", "--in-place", "--debug");
            assertEquals(70, debug.exitCode(), debug.stderr());
            assertTrue(debug.stderr().contains("\tat org.cstopo.cli.EditOutput.finish("), "--debug adds the stack trace: " + debug.stderr());
        } finally {
            EditOutput.tamper = java.util.function.UnaryOperator.identity();
        }
        assertArrayEquals(original, Files.readAllBytes(input));
    }

    /**
     * The error is the last line on stderr, and the only one that is not a progress line of the
     * command ("cstopo: applied: ...", "cstopo: not applied: ...", "cstopo: no changes ...").
     */
    private void expect(CliRun run, int exit, String prefix) {
        assertEquals(exit, run.exitCode(), run.stderr());
        List<String> lines = run.stderr().lines()
                .filter(l -> !l.startsWith("cstopo: applied: ") && !l.startsWith("cstopo: not applied: ") && !l.startsWith("cstopo: unchanged: ")
                        && !l.startsWith("cstopo: no changes: "))
                .toList();
        assertEquals(1, lines.size(), "one error line: " + run.stderr());
        assertTrue(lines.get(0).startsWith(prefix), "expected " + prefix + "\n got " + run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
        try {
            assertArrayEquals(original, Files.readAllBytes(input), "input untouched");
            try (Stream<Path> s = Files.list(tmp)) {
                List<String> left = s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".cstopo-tmp") || n.endsWith(".bak") || n.equals("out.xml")).toList();
                assertEquals(List.of(), left, "no output, backup or temporary file");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
