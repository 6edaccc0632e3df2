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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review and pipeline contract of the editing commands: every mode validates its result;
 * --diff prints the diff on stdout and the findings on stderr after it; --check answers 0 (up to
 * date), 1 (changes pending, valid) or 6 (the result breaks a rule), and a write without --force
 * refuses such a result with 6, writing nothing. se-trusted-pool.xml: ucma01 has 10.10.2.21,
 * ucma02 (line 30) is on 0.0.0.0, so giving ucma02 10.10.2.21 breaks ip-address-shared.
 */
class ReviewContractTest {
    private static final String SHARED = "ucma02.synergy.com=10.10.2.21";
    private static final String OWN = "ucma02.synergy.com=10.10.2.22";
    private static final String FINDING = ":30:9: error [ip-address-shared] pool ucmapool.synergy.com, machine ucma02.synergy.com:"
            + " 10.10.2.21 is also the address of pool ucmapool.synergy.com, machine ucma01.synergy.com (line 26)";

    @TempDir
    Path tmp;

    Path topology;
    byte[] original;

    @BeforeEach
    void copyTopology() throws IOException {
        topology = Files.copy(Fixtures.path("se-trusted-pool.xml"), tmp.resolve("topology.xml"));
        original = Files.readAllBytes(topology);
    }

    private String t() {
        return topology.toString();
    }

    private void assertUntouched() throws IOException {
        assertArrayEquals(original, Files.readAllBytes(topology), "the input is byte-identical");
        assertEquals(List.of("topology.xml"), DirSnapshot.of(tmp).files().keySet().stream().toList(), "no other file in " + tmp);
    }

    @Test
    void aCleanDiffExitsZeroAndSaysWouldApply() throws IOException {
        CliRun run = CliRun.of("set-ip", t(), OWN, "--diff");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\n-        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n"
                + "+        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"10.10.2.22\" />\n"), run.stdout());
        assertEquals(List.of("cstopo: would apply: computer ucma02.synergy.com Primary address 0.0.0.0 -> 10.10.2.22"),
                run.stderr().lines().toList());
        assertUntouched();
    }

    @Test
    void aDiffWhoseResultBreaksARuleExitsSixWithTheFindingsAfterTheDiff() throws IOException {
        CliRun run = CliRun.of("set-ip", t(), SHARED, "--diff");
        assertEquals(6, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("--- a/topology.xml\n+++ b/topology.xml\n"), "the diff is still printed: " + run.stdout());
        assertEquals(List.of(
                "cstopo: would apply: computer ucma02.synergy.com Primary address 0.0.0.0 -> 10.10.2.21",
                "<result>" + FINDING + "; fix: give each machine its own address (ucma02.synergy.com=ADDRESS instead of "
                        + SHARED + " in this command), or 0.0.0.0 to use all addresses",
                "<result>: 1 error, 0 warnings",
                "cstopo: the result breaks 1 topology rule (first: <result>" + FINDING.replace(": error [", ": [")
                        + "); a write would be refused: fix the changes, or write it with --force"),
                run.stderr().lines().toList());
        assertUntouched();
    }

    @Test
    void checkTellsPendingAndValidFromPendingAndBrokenFromUpToDate() throws IOException {
        CliRun valid = CliRun.of("set-ip", t(), OWN, "--check");
        assertEquals(1, valid.exitCode(), valid.stderr());
        assertEquals(List.of("cstopo: would apply: computer ucma02.synergy.com Primary address 0.0.0.0 -> 10.10.2.22",
                "cstopo: changes pending"), valid.stderr().lines().toList());

        CliRun broken = CliRun.of("set-ip", t(), SHARED, "--check");
        assertEquals(6, broken.exitCode(), broken.stderr());
        List<String> lines = broken.stderr().lines().toList();
        assertEquals("cstopo: changes pending", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("cstopo: the result breaks 1 topology rule (first: <result>:30:9: "), broken.stderr());

        CliRun upToDate = CliRun.of("set-ip", t(), "ucma01.synergy.com=10.10.2.21", "--check");
        assertEquals(0, upToDate.exitCode(), upToDate.stderr());
        assertTrue(upToDate.stderr().endsWith("cstopo: up to date\n"), upToDate.stderr());
        assertEquals("", valid.stdout() + broken.stdout() + upToDate.stdout());
        assertUntouched();
    }

    @Test
    void aRefusedWriteExitsSixAndWritesNothing() throws IOException {
        Path out = tmp.resolve("out.xml");
        CliRun toFile = CliRun.of("set-ip", t(), SHARED, "-o", out.toString());
        assertEquals(6, toFile.exitCode(), toFile.stderr());
        assertTrue(toFile.stderr().contains("\n<result>" + FINDING + "; fix: "), "nothing written, so not named out.xml: " + toFile.stderr());
        assertTrue(toFile.stderr().endsWith("; nothing was written; fix the changes, or pass --force to write it anyway\n"), toFile.stderr());
        // never "applied" for a change no file holds
        assertTrue(toFile.stderr().contains("cstopo: not applied: computer ucma02.synergy.com"), toFile.stderr());
        assertFalse(toFile.stderr().contains("cstopo: applied:"), toFile.stderr());

        CliRun inPlace = CliRun.of("set-ip", t(), SHARED, "--in-place");
        assertEquals(6, inPlace.exitCode(), inPlace.stderr());
        CliRun toStdout = CliRun.of("set-ip", t(), SHARED, "-o", "-");
        assertEquals(6, toStdout.exitCode(), toStdout.stderr());
        assertEquals("", toStdout.stdout(), "not a byte of the result on stdout");
        assertUntouched();
    }

    /**
     * --check and --diff write nothing. With -o or --in-place as well, cstopo used to write nothing
     * without a word, so a careless `--diff --in-place` left the file as it was and exited 0.
     */
    @Test
    void checkAndDiffRefuseAnOutputTheyWouldNotWrite() throws IOException {
        String out = tmp.resolve("out.xml").toString();
        for (String mode : List.of("--check", "--diff")) {
            for (List<String> output : List.of(List.of("-o", out), List.of("--in-place"), List.of("-o", "-"))) {
                List<String> args = new java.util.ArrayList<>(List.of("set-ip", t(), OWN, mode));
                args.addAll(output);
                CliRun run = CliRun.of(args.toArray(new String[0]));
                assertEquals(2, run.exitCode(), run.stderr());
                assertEquals("cstopo: " + mode + " writes nothing, but " + output.get(0) + " asks for a write: give one of them"
                        + " (see 'cstopo set-ip --help')\n", run.stderr());
                assertEquals("", run.stdout());
            }
        }
        CliRun json = CliRun.of("set-ip", t(), OWN, "--check", "--in-place", "--format", "json");
        assertEquals(2, json.exitCode(), json.stderr());
        assertTrue(json.stdout().contains("\"message\": \"--check writes nothing, but --in-place asks for a write"), json.stdout());
        assertUntouched();
    }

    /** A file that already breaks a rule stays a file Publish-CsTopology refuses: 6, and the message says where the fix is. */
    @Test
    void errorsAlreadyInTheInputAreSaidToBeThere() throws IOException {
        Path broken = Files.copy(Fixtures.path("invalid/ip-address-shared.utf16-crlf.xml"), tmp.resolve("broken.xml"));
        byte[] before = Files.readAllBytes(broken);
        String already = "cstopo: the result breaks 1 topology rule, already broken in " + broken + " (first: ";
        String fix = "fix " + broken + " first ('cstopo validate " + broken + "' lists them), or ";

        CliRun write = CliRun.of("set-ip", broken.toString(), "lyncpool.fabrikam.com=10.20.0.11", "--in-place");
        assertEquals(6, write.exitCode(), write.stderr());
        String last = write.stderr().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith(already + "<result>:29:9: [ip-address-shared] "), last);
        assertTrue(last.endsWith("nothing was written; " + fix + "pass --force to write it anyway"), last);
        assertArrayEquals(before, Files.readAllBytes(broken));

        // Nothing to change: the result is the input file itself, and its findings say so.
        CliRun check = CliRun.of("apply", broken.toString(), "--check");
        assertEquals(6, check.exitCode(), check.stderr());
        assertTrue(check.stderr().contains("\n" + broken + ":29:9: error [ip-address-shared] pool ucma.fabrikam.com, machine ucma2.fabrikam.com"),
                check.stderr());
        assertTrue(check.stderr().endsWith("a write would be refused: " + fix + "write it with --force\n"), check.stderr());
        assertTrue(check.stderr().contains("(cstopo set-ip " + broken + " ucma2.fabrikam.com=ADDRESS --in-place)"),
                "the input holds the machine, so the fix may name it: " + check.stderr());
    }
}
