package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.CstopoException;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.junit.jupiter.api.BeforeEach;
import org.cstopo.io.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * --in-place and -o interrupted at every step: the input stays byte-identical, no partial output or
 * temporary file is left, and the user reads one line with exit code 5.
 */
class OutputTargetTest {
    @TempDir
    Path dir;

    Path input;
    byte[] original;
    SourceDocument edited;
    SourceDocument read;

    @BeforeEach
    void setUp() throws IOException {
        input = dir.resolve("topology.xml");
        Files.copy(Fixtures.path("se-synergy.utf16-crlf.xml"), input);
        original = Files.readAllBytes(input);
        read = FileIO.readDocument(input);
        // a valid topology that differs from the input: the other fixture
        edited = FileIO.readDocument(Fixtures.path("se-trusted-pool.utf16-crlf.xml"));
    }

    private OutputTarget inPlace(FileIO.WriteHook hook) {
        OutputTarget t = new OutputTarget();
        t.inPlace = true;
        t.hook = hook;
        return t;
    }

    private static FileIO.WriteHook failWhenWriting(String fileName, FileIO.WriteStep failing) {
        return (step, target) -> {
            if (step == failing && target.getFileName().toString().equals(fileName)) {
                throw new IOException("simulated failure");
            }
        };
    }

    @ParameterizedTest
    @EnumSource(FileIO.WriteStep.class)
    void backupFailingAtEachStepChangesNothing(FileIO.WriteStep step) throws IOException {
        Files.write(dir.resolve("topology.xml.bak"), "an older backup".getBytes(StandardCharsets.UTF_8));
        OutputTarget t = inPlace(failWhenWriting("topology.xml.bak.1", step));
        CstopoException e = assertThrows(CstopoException.class, () -> t.write(input, read, edited, null));
        assertOneLine(e, "cstopo: the backup " + dir.resolve("topology.xml.bak.1") + ": cannot write (simulated failure);"
                + " nothing was changed");
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals("an older backup", Files.readString(dir.resolve("topology.xml.bak")), "the old backup is intact");
        assertEquals(List.of("topology.xml", "topology.xml.bak"), files());
    }

    @ParameterizedTest
    @EnumSource(FileIO.WriteStep.class)
    void replacingFailingAtEachStepKeepsTheInputAndACompleteBackup(FileIO.WriteStep step) throws IOException {
        OutputTarget t = inPlace(failWhenWriting("topology.xml", step));
        CstopoException e = assertThrows(CstopoException.class, () -> t.write(input, read, edited, null));
        assertOneLine(e, "cstopo: " + input + ": cannot write (simulated failure); nothing was changed");
        assertArrayEquals(original, Files.readAllBytes(input));
        assertArrayEquals(original, Files.readAllBytes(dir.resolve("topology.xml.bak")));
        assertEquals(List.of("topology.xml", "topology.xml.bak"), files(), "the backup stays: it holds the original");
    }

    @Test
    void inPlaceSucceedsWithAGivenBackupName() throws IOException {
        OutputTarget t = inPlace(FileIO.WriteHook.NONE);
        t.backup = dir.resolve("before-change.xml");
        t.write(input, read, edited, null);
        assertArrayEquals(edited.bytes(), Files.readAllBytes(input));
        assertArrayEquals(original, Files.readAllBytes(t.backup));
        assertEquals(List.of("before-change.xml", "topology.xml"), files());
    }

    @ParameterizedTest
    @EnumSource(FileIO.WriteStep.class)
    void outputFileFailingAtEachStepIsNotCreated(FileIO.WriteStep step) throws IOException {
        OutputTarget t = new OutputTarget();
        t.output = dir.resolve("out.xml").toString();
        t.hook = failWhenWriting("out.xml", step);
        CstopoException e = assertThrows(CstopoException.class, () -> t.write(input, read, edited, null));
        assertOneLine(e, "cstopo: " + t.output + ": cannot write (simulated failure)");
        assertEquals(List.of("topology.xml"), files());
    }

    /** An edited result is checked once; what is written must read back as exactly that checked text. */
    @Test
    void bytesThatDoNotDecodeToTheCheckedTopologyAreNotWritten() throws IOException {
        SourceDocument checked = FileIO.readDocument(input);
        OutputTarget t = inPlace(FileIO.WriteHook.NONE);
        byte[] other = checked.text().replace("Topology", "Topologie").getBytes(StandardCharsets.UTF_16LE);
        CstopoException e = assertThrows(CstopoException.class, () -> t.write(input, read, other, null, OutputTarget.readsBackAs(checked)));
        assertOneLine(e, "cstopo: the result does not read back as the checked topology");
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals(List.of("topology.xml"), files());
        t.write(input, read, checked.bytes(), null, OutputTarget.readsBackAs(checked));
        assertArrayEquals(original, Files.readAllBytes(input));
    }

    /** Bytes that are not the checked topology reach neither a file nor standard output. */
    @Test
    void aResultThatDoesNotReadBackAsTheCheckedTopologyIsNotWritten() throws IOException {
        byte[] broken = "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"><Sites>"
                .getBytes(StandardCharsets.UTF_8);
        OutputTarget t = new OutputTarget();
        t.output = dir.resolve("out.xml").toString();
        CstopoException e = assertThrows(CstopoException.class, () -> t.write(input, read, broken, null, OutputTarget.readsBackAs(edited)));
        assertOneLine(e, "cstopo: the result does not read back as the checked topology;");
        assertTrue(e.getMessage().endsWith("nothing was written: this is a bug, please report it with --debug"), e.getMessage());
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals(List.of("topology.xml"), files());

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        OutputTarget toStdout = new OutputTarget();
        toStdout.output = "-";
        assertThrows(CstopoException.class, () -> toStdout.write(input, read, broken, new PrintStream(stdout), OutputTarget.readsBackAs(edited)));
        assertEquals(0, stdout.size(), "not a byte on standard output");
        toStdout.write(input, read, edited, new PrintStream(stdout));
        assertArrayEquals(edited.bytes(), stdout.toByteArray(), "the checked topology is written as it is");
    }

    private static void assertOneLine(CstopoException e, String prefix) {
        StringWriter err = new StringWriter();
        int code = Main.handle(e, new PrintWriter(err), false);
        assertEquals(5, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith(prefix), "expected " + prefix + "\n got " + err);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
