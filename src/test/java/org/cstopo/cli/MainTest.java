package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpAndVersionSucceed() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("apply"));
        assertTrue(help.stdout().contains("Exit codes"));
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("cstopo "));
    }

    @Test
    void unknownFlagIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("show", "--frobnicate", "x.xml");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().contains("--frobnicate"));
    }

    @Test
    void missingFileIsBadInputWithoutStackTrace() {
        CliRun run = CliRun.of("show", "no-such-topology.xml");
        assertEquals(3, run.exitCode());
        assertTrue(run.stderr().startsWith("cstopo: no-such-topology.xml: no such topology file"), run.stderr());
        assertFalse(run.stderr().contains("Exception"));
    }

    @Test
    void applyNeedsAnOutput() {
        CliRun run = CliRun.of("apply", "fixtures/se-synergy.xml");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("-o FILE"), run.stderr());
    }

    /** Pipelines branch on exit codes: each one is in --help and in the README's table, where users look them up. */
    @Test
    void everyExitCodeIsListedInTheHelpAndTheReadme() throws java.io.IOException {
        String help = CliRun.of("--help").stdout();
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (org.cstopo.ExitCode code : org.cstopo.ExitCode.values()) {
            assertTrue(help.lines().anyMatch(l -> l.strip().startsWith(code.code + " ")), code + " in --help:\n" + help);
            assertTrue(readme.contains("\n| " + code.code + " | "), code + " in the README's exit code table");
        }
    }
}
