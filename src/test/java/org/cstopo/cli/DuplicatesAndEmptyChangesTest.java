package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one command declares twice, or declares to change nothing, is refused before anything is
 * read or written: a usage error (exit 2) on the command line, a bad input (exit 3) in a changes
 * file or runbook, each naming both places.
 */
class DuplicatesAndEmptyChangesTest {
    private static final String TRUSTED = Fixtures.path("se-trusted-pool.xml").toString();

    @TempDir
    Path tmp;

    @Test
    void theSameComputerTwiceInOneSetIpIsAUsageErrorNamingBothAssignments() {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("set-ip", TRUSTED, "ucma01.synergy.com=10.10.1.21", "UCMA01.synergy.com=10.10.1.22", "-o", out.toString());
        assertEquals(2, run.exitCode(), run.stderr());
        assertEquals("cstopo: 'UCMA01.synergy.com=10.10.1.22': UCMA01.synergy.com is given twice (Primary interface): give each"
                + " computer one address (the other is 'ucma01.synergy.com=10.10.1.21') (see 'cstopo set-ip --help')\n", run.stderr());
        assertFalse(Files.exists(out));
        assertEquals(0, CliRun.of("set-ip", TRUSTED, "ucma01.synergy.com=10.10.1.21", "ucma02.synergy.com=10.10.1.22", "-o",
                out.toString()).exitCode(), "two computers, one address each");
    }

    @Test
    void theSameComputerTwiceInAChangesFileOrARunbookIsRefusedAtTheSecond() throws IOException {
        Path file = tmp.resolve("twice.xml");
        Files.writeString(file, "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">\n"
                + "  <SetIPAddress Computer=\"ucma01.synergy.com\" IPAddress=\"10.10.1.21\"/>\n"
                + "  <SetIPAddress Computer=\"ucma01.synergy.com\" IPAddress=\"10.10.1.22\"/>\n"
                + "</TopologyChanges>\n");
        CliRun run = CliRun.of("apply", TRUSTED, "-c", file.toString(), "--check");
        assertEquals(3, run.exitCode(), run.stderr());
        assertEquals("cstopo: " + file + ":3:3: SetIPAddress ucma01.synergy.com is given twice (Primary interface): give each"
                + " computer one address (the other is at " + file + ":2:3)\n", run.stderr());
        Path script = tmp.resolve("twice.ps1");
        Files.writeString(script, "cstopo set-ip C:\\topology.xml ucma01.synergy.com=10.10.1.21 --in-place\n"
                + "cstopo set-ip C:\\topology.xml ucma01.synergy.com=10.10.1.22 --in-place\n");
        CliRun ps = CliRun.of("apply", TRUSTED, "-c", script.toString(), "--check");
        assertEquals(3, ps.exitCode(), ps.stderr());
        assertEquals("cstopo: " + script + ":2:31: SetIPAddress ucma01.synergy.com is given twice (Primary interface): give each"
                + " computer one address (the other is at " + script + ":1:31)\n", ps.stderr());
    }

    @Test
    void aPoolSetWithoutASettingNamesTheSettingsInTheUsersSpelling() {
        CliRun powerShell = CliRun.of("trusted-pool", "set", TRUSTED, "-Identity", "ucmapool.synergy.com", "--in-place");
        assertEquals(2, powerShell.exitCode());
        assertEquals("cstopo: -Identity ucmapool.synergy.com: nothing to change; give one setting at least: -Registrar,"
                + " -TreatAsAuthenticated, -ThrottleAsServer, -RequiresReplication, -OutboundOnly (see 'cstopo trusted-pool set"
                + " --help')\n", powerShell.stderr());
        CliRun kebab = CliRun.of("trusted-pool", "set", TRUSTED, "--identity", "ucmapool.synergy.com", "--check");
        assertEquals(2, kebab.exitCode());
        assertEquals("cstopo: --identity ucmapool.synergy.com: nothing to change; give one setting at least: --registrar,"
                + " --treat-as-authenticated, --throttle-as-server, --requires-replication, --outbound-only (see 'cstopo"
                + " trusted-pool set --help')\n", kebab.stderr());
    }

    @Test
    void aSetWithoutASettingInAChangesFileIsRefusedToo() throws IOException {
        Path file = tmp.resolve("set.xml");
        Files.writeString(file, "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">\n"
                + "  <SetTrustedApplicationPool Identity=\"ucmapool.synergy.com\"/>\n</TopologyChanges>\n");
        CliRun run = CliRun.of("apply", TRUSTED, "-c", file.toString(), "--check");
        assertEquals(3, run.exitCode());
        assertEquals("cstopo: " + file + ":2:40: SetTrustedApplicationPool Identity ucmapool.synergy.com: nothing to change; give"
                + " one setting at least: Registrar, TreatAsAuthenticated, ThrottleAsServer, RequiresReplication, OutboundOnly\n",
                run.stderr());
    }
}
