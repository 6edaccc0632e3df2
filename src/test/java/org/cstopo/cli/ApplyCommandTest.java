package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cisco runbook through the command line, as an admin or a pipeline runs it. */
class ApplyCommandTest {
    private static final String TOPOLOGY = Fixtures.path("se-synergy.utf16-crlf.xml").toString();
    private static final String CHANGES = Fixtures.path("cisco-imp-federation.changes.xml").toString();

    @TempDir
    Path tmp;

    @Test
    void writesAMinimalEditInTheInputsEncodingAndReapplyingChangesNothing() throws IOException {
        Path out = tmp.resolve("new.xml");
        CliRun run = CliRun.of("apply", TOPOLOGY, "--changes", CHANGES, "-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        byte[] bytes = Files.readAllBytes(out);
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.contains("<Machine OrdinalInCluster=\"2\" Fqdn=\"impserver2.sip.com\">\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "CRLF kept everywhere");
        assertTrue(run.stderr().contains("applied: added trusted application pool trustedpool.sip.com"));

        Path again = tmp.resolve("again.xml");
        CliRun second = CliRun.of("apply", out.toString(), "-c", CHANGES, "-o", again.toString());
        assertEquals(0, second.exitCode());
        assertArrayEquals(bytes, Files.readAllBytes(again));
        assertTrue(second.stderr().contains("no changes: the topology already has everything declared"), second.stderr());
    }

    @Test
    void checkTellsPipelinesWhetherChangesArePending() throws IOException {
        CliRun pending = CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "--check");
        assertEquals(1, pending.exitCode());
        Path out = tmp.resolve("new.xml");
        assertEquals(0, CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "-o", out.toString()).exitCode());
        CliRun done = CliRun.of("apply", out.toString(), "-c", CHANGES, "--check");
        assertEquals(0, done.exitCode(), done.stderr());
        assertTrue(done.stderr().contains("up to date"));
    }

    @Test
    void diffPrintsWhatWouldChangeAndWritesNothing() throws IOException {
        CliRun run = CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "--diff");
        assertEquals(0, run.exitCode());
        String diff = run.stdout();
        assertTrue(diff.startsWith("--- a/se-synergy.utf16-crlf.xml\n+++ b/se-synergy.utf16-crlf.xml\n@@ "), diff);
        assertEquals(24, diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count(), diff);
        assertEquals(0, diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count());
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aContradictionWritesNothingAndExitsFour() throws IOException {
        Path changes = tmp.resolve("bad.changes.xml");
        Files.writeString(changes, "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">\n"
                + "  <NewTrustedApplicationComputer Identity=\"impserver2.sip.com\" Pool=\"trustedpool.sip.com\"/>\n"
                + "</TopologyChanges>\n");
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("apply", TOPOLOGY, "-c", changes.toString(), "-o", out.toString());
        assertEquals(4, run.exitCode());
        assertEquals("cstopo: " + changes + ":2:3: NewTrustedApplicationComputer impserver2.sip.com in pool trustedpool.sip.com:"
                + " no trusted application pool trustedpool.sip.com in the topology; create it first with NewTrustedApplicationPool",
                run.stderr().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void inPlaceKeepsTheOriginalAsBackup() throws IOException {
        Path topology = tmp.resolve("topology.xml");
        Files.copy(Path.of(TOPOLOGY), topology);
        byte[] before = Files.readAllBytes(topology);
        CliRun run = CliRun.of("apply", topology.toString(), "-c", CHANGES, "--in-place", "--backup", tmp.resolve("saved.xml").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(before, Files.readAllBytes(tmp.resolve("saved.xml")));
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(topology)));
    }

    @Test
    void oneOffCommandsProduceTheSameBytesAsTheChangesFile() throws IOException {
        Path viaFile = tmp.resolve("file.xml");
        assertEquals(0, CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "-o", viaFile.toString()).exitCode());

        Path step = tmp.resolve("step.xml");
        Files.copy(Path.of(TOPOLOGY), step);
        String[][] commands = {
            {"trusted-pool", "add", step.toString(), "-Identity", "trustedpool.sip.com", "-Registrar", "lyncserver.synergy.com",
                "-Site", "1", "-TreatAsAuthenticated", "true", "-ThrottleAsServer", "true", "-RequiresReplication", "false",
                "-OutboundOnly", "false", "-ComputerFqdn", "impserverPub.sip.com", "--in-place"},
            {"trusted-computer", "add", step.toString(), "--identity", "impserver2.sip.com", "--pool", "trustedpool.sip.com", "--in-place"},
            {"trusted-app", "add", step.toString(), "--application-id", "imptrustedapp.sip.com", "--pool", "trustedpool.sip.com",
                "--port", "5061", "--in-place"},
            {"set-ip", step.toString(), "impserverPub.sip.com=10.10.1.10", "impserver2.sip.com=10.10.1.11", "--in-place"},
        };
        for (String[] c : commands) {
            CliRun r = CliRun.of(c);
            assertEquals(0, r.exitCode(), String.join(" ", c) + ": " + r.stderr());
        }
        assertArrayEquals(Files.readAllBytes(viaFile), Files.readAllBytes(step));
    }

    @Test
    void aResultThatBreaksARuleIsNotWrittenUnlessForced() throws IOException {
        Path out = tmp.resolve("out.xml");
        Path shared = tmp.resolve("shared.xml");
        assertEquals(0, CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "-o", out.toString()).exitCode());
        CliRun refused = CliRun.of("set-ip", out.toString(), "impserver2.sip.com=10.10.1.10", "-o", shared.toString());
        assertEquals(6, refused.exitCode());
        assertTrue(refused.stderr().contains("<result>:30:9: error [ip-address-shared] pool trustedpool.sip.com, machine impserver2.sip.com"),
                refused.stderr());
        assertTrue(refused.stderr().contains("nothing was written"));
        assertFalse(Files.exists(shared));
        CliRun forced = CliRun.of("set-ip", out.toString(), "impserver2.sip.com=10.10.1.10", "-o", shared.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertTrue(forced.stderr().contains(shared + ":30:9: error [ip-address-shared] pool trustedpool.sip.com, machine impserver2.sip.com"),
                "written with --force: the findings name the file written: " + forced.stderr());
        assertTrue(Files.readString(shared, StandardCharsets.UTF_16).contains("IPAddress=\"10.10.1.10\" />\r\n      </Machine>\r\n    </Cluster>"));
    }

    @Test
    void warningsAreShownButDoNotStopTheWrite() throws IOException {
        Path out = tmp.resolve("out.xml");
        Path structure = tmp.resolve("structure.changes.xml");
        Files.writeString(structure, Files.readString(Path.of(CHANGES)).replaceAll("(?m)^  <SetIPAddress.*$", ""));
        CliRun run = CliRun.of("apply", TOPOLOGY, "-c", structure.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(2, run.stderr().lines().filter(l -> l.contains("warning [trusted-pool-unassigned-ip]")).count(), run.stderr());
        assertTrue(Files.exists(out));
    }

    @Test
    void pipelinesGetOneJsonReportOnStdout() throws IOException {
        Path out = tmp.resolve("new.xml");
        CliRun run = CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "-o", out.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        String json = run.stdout();
        assertTrue(json.startsWith("{\n  \"file\": \"" + TOPOLOGY + "\",\n  \"outcomes\": ["), json);
        assertEquals(5, json.lines().filter(l -> l.trim().equals("\"applied\": true,")).count(), json);
        assertTrue(json.contains("\"origin\": \"" + CHANGES + ":9:3\""), json);
        assertTrue(json.contains("\"errors\": 0,"));
        assertTrue(json.contains("\"status\": \"written\",\n  \"written\": \"" + out + "\",\n  \"backup\": null,\n  \"error\": null,\n  \"exitCode\": 0\n}"),
                json);
        assertEquals("", run.stderr(), "nothing else is printed");

        CliRun check = CliRun.of("apply", out.toString(), "-c", CHANGES, "--check", "--format", "json");
        assertEquals(0, check.exitCode());
        assertEquals(5, check.stdout().lines().filter(l -> l.trim().equals("\"applied\": false,")).count());
        assertTrue(check.stdout().contains("\"status\": \"up-to-date\""));

        CliRun diff = CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "--diff", "--format", "json");
        assertEquals(2, diff.exitCode());
        assertTrue(diff.stderr().contains("cannot go with --diff"), diff.stderr());
        assertTrue(diff.stdout().contains("\"message\": \"--format json prints its report on standard output; it cannot go with --diff\""),
                "the usage error is in the one JSON object too: " + diff.stdout());
    }

    @Test
    void trustedPoolSetChangesOneSettingInPlace() throws IOException {
        Path topology = tmp.resolve("topology.xml");
        assertEquals(0, CliRun.of("apply", TOPOLOGY, "-c", CHANGES, "-o", topology.toString()).exitCode());
        CliRun run = CliRun.of("trusted-pool", "set", topology.toString(), "-Identity", "trustedpool.sip.com", "-OutboundOnly", "true", "--diff");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(1, run.stdout().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count(), run.stdout());
        assertTrue(run.stdout().contains("+      <ExternalServerService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\""
                + " TreatAsAuthenticated=\"true\" ThrottleAsServer=\"true\" OutboundOnly=\"true\" />"), run.stdout());
    }

    @Test
    void badAssignmentsAndPortsAreUsageErrors() {
        assertEquals(2, CliRun.of("set-ip", TOPOLOGY, "impserver2.sip.com", "-o", "-").exitCode());
        CliRun ip = CliRun.of("set-ip", TOPOLOGY, "impserver2.sip.com=10.10.1.300", "-o", "-");
        assertEquals(2, ip.exitCode());
        assertEquals("cstopo: '10.10.1.300' in 'impserver2.sip.com=10.10.1.300' is not an IPv4 or IPv6 address: IPv4 is four numbers from 0 to"
                + " 255 without leading zeros; e.g. impserver2.sip.com=10.10.1.11 (see 'cstopo set-ip --help')",
                ip.stderr().strip());
        CliRun port = CliRun.of("trusted-app", "add", TOPOLOGY, "--application-id", "a", "--pool", "p.sip.com", "--port", "0", "--diff");
        assertEquals(2, port.exitCode());
        assertTrue(port.stderr().contains("not a port number"), port.stderr());
    }
}
