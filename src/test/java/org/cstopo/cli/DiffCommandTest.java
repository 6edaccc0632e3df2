package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @Test
    void ciscoOutputListsThePoolItsComputersWithAddressesAndTheApplication(@TempDir Path tmp) {
        Path out = tmp.resolve("cisco.xml");
        CliRun apply = CliRun.of("apply", "fixtures/se-synergy.utf16-crlf.xml", "-c", "fixtures/cisco-imp-federation.changes.xml",
                "-o", out.toString());
        assertEquals(0, apply.exitCode(), apply.stderr());
        CliRun diff = CliRun.of("diff", "fixtures/se-synergy.xml", out.toString());
        assertEquals(1, diff.exitCode(), diff.stderr());
        assertEquals(List.of(
                "pool trustedpool.sip.com added with service 1-ExternalServer-1",
                "machine impserverPub.sip.com added to pool trustedpool.sip.com (10.10.1.10)",
                "machine impserver2.sip.com added to pool trustedpool.sip.com (10.10.1.11)",
                "application imptrustedapp.sip.com added on port 5061"), diff.stdout().lines().toList());
        CliRun json = CliRun.of("diff", "fixtures/se-synergy.xml", out.toString(), "--format", "json");
        assertEquals(1, json.exitCode());
        assertTrue(json.stdout().contains("\"kind\": \"pool_added\""), json.stdout());
    }

    @Test
    void equalTopologiesExitZero() {
        CliRun diff = CliRun.of("diff", "fixtures/se-synergy.xml", "fixtures/se-synergy.utf16-crlf.xml");
        assertEquals(0, diff.exitCode(), diff.stderr());
        assertEquals("no differences", diff.stdout().strip());
    }

    @Test
    void unreadableInputIsOneLineExitThree() {
        CliRun diff = CliRun.of("diff", "fixtures/se-synergy.xml", "no-such.xml");
        assertEquals(3, diff.exitCode());
        assertEquals(1, diff.stderr().strip().lines().count(), diff.stderr());
    }
}
