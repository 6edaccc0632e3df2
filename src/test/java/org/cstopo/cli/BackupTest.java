package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The original export always survives --in-place, --backup and -o, whatever the names given. */
class BackupTest {
    @TempDir
    Path dir;

    Path input;
    byte[] original;

    @BeforeEach
    void setUp() throws IOException {
        input = dir.resolve("b1.xml");
        Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), input);
        original = Files.readAllBytes(input);
    }

    /** The same file under another name: ./, a/../, a symbolic link, a hard link. */
    private Path sameFileAs(String form) throws IOException {
        return switch (form) {
            case "same" -> input;
            case "dot" -> dir.resolve(".").resolve("b1.xml");
            case "dotdot" -> Files.createDirectory(dir.resolve("sub")).resolve("..").resolve("b1.xml");
            case "symlink" -> Files.createSymbolicLink(dir.resolve("link.xml"), input.getFileName());
            case "hardlink" -> Files.createLink(dir.resolve("hard.xml"), input);
            default -> throw new IllegalArgumentException(form);
        };
    }

    private CliRun setIp(String address, String... output) {
        List<String> args = new java.util.ArrayList<>(List.of("set-ip", input.toString(), "ucma02.synergy.com=" + address));
        args.addAll(List.of(output));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, int code, String message) {
        assertEquals(code, run.exitCode(), run.stderr());
        assertEquals("cstopo: " + message + "\n", run.stderr());
    }

    /**
     * Refused before anything is read: the changes file named does not exist, which would be exit 3
     * if cstopo read it first.
     */
    @ParameterizedTest
    @ValueSource(strings = {"same", "dot", "dotdot", "symlink", "hardlink"})
    void aBackupThatIsTheInputItselfIsRefusedBeforeAnythingIsRead(String form) throws IOException {
        Path backup = sameFileAs(form);
        DirSnapshot before = DirSnapshot.of(dir);
        CliRun run = CliRun.of("apply", input.toString(), "-c", dir.resolve("missing.changes.xml").toString(),
                "--in-place", "--backup", backup.toString());
        assertRefused(run, 2, "--backup " + backup + " is " + input + " itself; name another file"
                + " (without --backup the original is kept as b1.xml.bak, .bak.1, ...)");
        assertEquals(before, DirSnapshot.of(dir));
        assertArrayEquals(original, Files.readAllBytes(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"same", "dot", "symlink", "hardlink"})
    void outputThatIsTheInputIsRefusedWithAHintToUseInPlace(String form) throws IOException {
        Path out = sameFileAs(form);
        DirSnapshot before = DirSnapshot.of(dir);
        CliRun run = setIp("10.10.2.22", "-o", out.toString());
        assertRefused(run, 2, "-o " + out + " is the input file; use --in-place to replace it (it keeps the original as a backup)");
        assertEquals(before, DirSnapshot.of(dir));
    }

    /**
     * The changes file and the stylesheet are inputs too: `-o changes.xml` (a slip for `-c`) wrote the
     * topology over the changes file, and `-o rule.xsl` over the stylesheet. --force does not change that.
     */
    @Test
    void anOutputOrBackupThatIsAnotherInputIsRefused() throws IOException {
        Path changes = Files.copy(Fixtures.path("cisco-imp-federation.changes.xml"), dir.resolve("changes.xml"));
        Path rule = Files.copy(Path.of("xslt", "set-ip.xsl"), dir.resolve("rule.xsl"));
        DirSnapshot before = DirSnapshot.of(dir);
        assertRefused(CliRun.of("apply", input.toString(), "-c", changes.toString(), "-o", dir.resolve(".").resolve("changes.xml").toString()),
                2, "-o " + dir.resolve(".").resolve("changes.xml") + " is the changes file this command reads; write the result to another file");
        assertRefused(CliRun.of("apply", input.toString(), "-c", changes.toString(), "--in-place", "--backup", changes.toString(), "--force"),
                2, "--backup " + changes + " is the changes file this command reads; name another file");
        assertRefused(CliRun.of("transform", input.toString(), "--xslt", rule.toString(), "--param", "machines=ucma02.synergy.com=10.10.2.22",
                "-o", rule.toString()), 2, "-o " + rule + " is the stylesheet this command reads; write the result to another file");
        assertEquals(before, DirSnapshot.of(dir));
    }

    @Test
    void anExistingBackupFileIsRefusedUnlessForced() throws IOException {
        Path other = dir.resolve("changes.xml");
        byte[] otherBytes = Files.readAllBytes(Fixtures.path("cisco-imp-federation.changes.xml"));
        Files.write(other, otherBytes);
        DirSnapshot before = DirSnapshot.of(dir);

        CliRun refused = setIp("10.10.2.22", "--in-place", "--backup", other.toString());
        assertRefused(refused, 2, "--backup " + other + " already exists and is not a copy of " + input
                + "; name a new file, or add --force to replace it");
        assertEquals(before, DirSnapshot.of(dir));

        CliRun forced = setIp("10.10.2.22", "--in-place", "--backup", other.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertTrue(forced.stderr().endsWith("cstopo: wrote " + input + " (backup " + other + ")\n"), forced.stderr());
        assertArrayEquals(original, Files.readAllBytes(other));
        assertTrue(utf16(input).contains("IPAddress=\"10.10.2.22\""));
        assertEquals(List.of("b1.xml", "changes.xml"), names());
    }

    /** A --backup file that already holds exactly the input is a backup of it: kept as it is, and the edit goes ahead. */
    @Test
    void anExistingBackupThatHoldsTheInputIsKept() throws IOException {
        Path copy = Files.copy(input, dir.resolve("copy.xml"));
        CliRun run = setIp("10.10.2.22", "--in-place", "--backup", copy.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().endsWith("cstopo: wrote " + input + " (backup " + copy + ")\n"), run.stderr());
        assertArrayEquals(original, Files.readAllBytes(copy));
        assertTrue(utf16(input).contains("IPAddress=\"10.10.2.22\""));
        assertEquals(List.of("b1.xml", "copy.xml"), names());
    }

    @Test
    void inPlaceEditsInARowKeepEveryStepAndTheOriginal() throws IOException {
        byte[][] states = new byte[4][];
        states[0] = original;
        String[] addresses = {"10.20.0.1", "10.20.0.2", "10.20.0.3"};
        String[] backups = {"b1.xml.bak", "b1.xml.bak.1", "b1.xml.bak.2"};
        for (int i = 0; i < 3; i++) {
            CliRun run = setIp(addresses[i], "--in-place");
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(run.stderr().endsWith("cstopo: wrote " + input + " (backup " + dir.resolve(backups[i]) + ")\n"), run.stderr());
            states[i + 1] = Files.readAllBytes(input);
            assertTrue(utf16(input).contains("IPAddress=\"" + addresses[i] + "\""));
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(states[i], Files.readAllBytes(dir.resolve(backups[i])), backups[i]);
        }
        assertEquals(List.of("b1.xml", "b1.xml.bak", "b1.xml.bak.1", "b1.xml.bak.2"), names());
    }

    /** Numbering continues after the highest number present, so the highest is always the newest; nothing is overwritten. */
    @Test
    void backupsOfOthersAreNeverOverwritten() throws IOException {
        Files.writeString(dir.resolve("b1.xml.bak"), "someone's backup");
        Files.writeString(dir.resolve("b1.xml.bak.7"), "another one");
        CliRun run = setIp("10.10.2.22", "--in-place");
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(original, Files.readAllBytes(dir.resolve("b1.xml.bak.8")));
        assertEquals("someone's backup", Files.readString(dir.resolve("b1.xml.bak")));
        assertEquals("another one", Files.readString(dir.resolve("b1.xml.bak.7")));
        assertEquals(List.of("b1.xml", "b1.xml.bak", "b1.xml.bak.7", "b1.xml.bak.8"), names());
    }

    /** A backup is no more readable than the file it keeps. */
    @Test
    void aBackupKeepsThePermissionsOfTheInput() throws IOException {
        Files.setPosixFilePermissions(input, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, setIp("10.10.2.22", "--in-place").exitCode());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("b1.xml.bak"))));
    }

    private String utf16(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_16LE);
    }

    private List<String> names() {
        return List.copyOf(DirSnapshot.of(dir).files().keySet());
    }
}
