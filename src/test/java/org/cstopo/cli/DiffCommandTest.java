package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.JsonRead;
import org.cstopo.diff.DiffPaths;
import org.cstopo.io.FileIO;
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(CliRun json) {
        return (List<Map<String, Object>>) JsonRead.object(json.stdout()).get("differences");
    }

    @Test
    void jsonPathsOfTheCiscoChangePointAtEachMachineAndTheApplication(@TempDir Path tmp) {
        Path before = Path.of("fixtures/se-synergy.utf16-crlf.xml");
        Path out = tmp.resolve("cisco.xml");
        assertEquals(0, CliRun.of("apply", before.toString(), "-c", "fixtures/cisco-imp-federation.changes.xml", "-o", out.toString()).exitCode());
        CliRun json = CliRun.of("diff", before.toString(), out.toString(), "--format", "json");
        assertEquals(1, json.exitCode(), json.stderr());
        List<Map<String, Object>> items = items(json);
        assertEquals(List.of("pool_added", "machine_added", "machine_added", "application_added"),
                items.stream().map(i -> i.get("kind")).toList());
        assertEquals("/Topology[1]/Clusters[1]/Cluster[3]/Machine[1]", items.get(1).get("xpath"));
        assertEquals("/Topology[1]/Services[1]/Service[8]/Ports[1]/Port[1]", items.get(3).get("xpath"));
        DiffPaths.assertEachPointsAtItsSubject(items, FileIO.readDocument(before), FileIO.readDocument(out));
    }

    @Test
    void jsonPathOfASetIpChangeIsTheAddress(@TempDir Path tmp) {
        Path before = Path.of("fixtures/se-trusted-pool.xml");
        Path out = tmp.resolve("set-ip.xml");
        assertEquals(0, CliRun.of("set-ip", before.toString(), "ucma02.synergy.com=10.10.2.22", "ucma01.synergy.com=10.10.2.31",
                "-o", out.toString()).exitCode());
        CliRun json = CliRun.of("diff", before.toString(), out.toString(), "--format", "json");
        List<Map<String, Object>> items = items(json);
        assertEquals(List.of("/Topology[1]/Clusters[1]/Cluster[3]/Machine[1]/NetInterface[1]/@IPAddress",
                "/Topology[1]/Clusters[1]/Cluster[3]/Machine[2]/NetInterface[1]/@IPAddress"),
                items.stream().map(i -> i.get("xpath")).toList());
        DiffPaths.assertEachPointsAtItsSubject(items, FileIO.readDocument(before), FileIO.readDocument(out));
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
