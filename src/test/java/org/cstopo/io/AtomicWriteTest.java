package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A write that fails at any step leaves the target as it was and no file behind. */
class AtomicWriteTest {
    private static final byte[] OLD = "<Topology>old</Topology>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "<Topology>new, longer than the old one</Topology>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static FileIO.WriteHook failAt(FileIO.WriteStep failing) {
        return (step, target) -> {
            if (step == failing) {
                throw new IOException("simulated failure at " + step);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(FileIO.WriteStep.class)
    void failureAtEachStepLeavesTheTargetByteIdentical(FileIO.WriteStep step) throws IOException {
        Path target = Files.write(dir.resolve("topology.xml"), OLD);
        CstopoException e = assertThrows(CstopoException.class, () -> FileIO.writeAtomically(target, NEW, failAt(step)));
        assertEquals(ExitCode.WRITE_FAILED, e.exitCode());
        assertEquals(target + ": cannot write (simulated failure at " + step + "); nothing was changed:"
                + " check the directory exists, its permissions and free space", e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("topology.xml"), files());
    }

    @ParameterizedTest
    @EnumSource(FileIO.WriteStep.class)
    void failureAtEachStepCreatesNoNewFile(FileIO.WriteStep step) throws IOException {
        Path target = dir.resolve("new.xml");
        assertThrows(CstopoException.class, () -> FileIO.writeAtomically(target, NEW, failAt(step)));
        assertEquals(List.of(), files());
    }

    /** A crash inside the JVM (not an IOException) must not leave the temporary file either. */
    @ParameterizedTest
    @EnumSource(FileIO.WriteStep.class)
    void unexpectedErrorAtEachStepStillCleansUp(FileIO.WriteStep step) throws IOException {
        Path target = Files.write(dir.resolve("topology.xml"), OLD);
        IllegalStateException crash = new IllegalStateException("boom");
        FileIO.WriteHook hook = (s, t) -> {
            if (s == step) {
                throw crash;
            }
        };
        assertSame(crash, assertThrows(IllegalStateException.class, () -> FileIO.writeAtomically(target, NEW, hook)));
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("topology.xml"), files());
    }

    /** A real failure of the final rename: a non-empty directory stands where the file should go. */
    @Test
    void failedFinalMoveLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("topology.xml"));
        Files.write(target.resolve("inside"), OLD);
        CstopoException e = assertThrows(CstopoException.class, () -> FileIO.writeAtomically(target, NEW));
        assertEquals(ExitCode.WRITE_FAILED, e.exitCode());
        assertTrue(e.getMessage().startsWith(target + ": cannot write ("), e.getMessage());
        assertEquals(List.of("topology.xml"), files());
        assertArrayEquals(OLD, Files.readAllBytes(target.resolve("inside")));
    }

    @Test
    void contentRejectedAfterReReadIsNeverRenamedIntoPlace() throws IOException {
        Path target = Files.write(dir.resolve("topology.xml"), OLD);
        byte[][] seen = new byte[1][];
        FileIO.ContentCheck reject = bytes -> {
            seen[0] = bytes;
            throw new CstopoException(ExitCode.WRITE_FAILED, "rejected");
        };
        CstopoException e = assertThrows(CstopoException.class,
                () -> FileIO.writeAtomically(target, NEW, reject, FileIO.WriteHook.NONE));
        assertEquals("rejected", e.getMessage());
        assertArrayEquals(NEW, seen[0], "the check sees the bytes read back from the temporary file");
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("topology.xml"), files());
    }

    @Test
    void successReplacesTheFileAndKeepsItsPermissions() throws IOException {
        Path target = Files.write(dir.resolve("topology.xml"), OLD);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        FileIO.writeAtomically(target, NEW);
        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("topology.xml"), files());
    }

    @Test
    void aNewFileIsReadableByOthersLikeAnEditorWouldCreateIt() throws IOException {
        Path fresh = dir.resolve("fresh.xml");
        FileIO.writeAtomically(fresh, NEW);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws IOException {
        Path real = Files.write(dir.resolve("real.xml"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), real.getFileName());
        FileIO.writeAtomically(link, NEW);
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(NEW, Files.readAllBytes(real));
        assertFalse(files().stream().anyMatch(n -> n.endsWith(FileIO.TEMP_SUFFIX)));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
