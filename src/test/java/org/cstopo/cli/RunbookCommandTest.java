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

/** cstopo runbook CHANGES [-o FILE] [--topology TOPOLOGY], and its output fed back to apply. */
class RunbookCommandTest {
    private static final String CISCO = Fixtures.path("cisco-imp-federation.changes.xml").toString();
    private static final String SYNERGY = Fixtures.path("se-synergy.utf16-crlf.xml").toString();

    @TempDir
    Path tmp;

    @Test
    void aFileIsUtf8WithBomAndCrlfAndAppliesLikeItsChangesFile() throws IOException {
        Path runbook = tmp.resolve("cisco.ps1");
        CliRun run = CliRun.of("runbook", CISCO, "-o", runbook.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("cstopo: wrote " + runbook + "\n", run.stderr());
        byte[] bytes = Files.readAllBytes(runbook);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals(22, text.split("\r\n").length);
        assertFalse(text.replace("\r\n", "").contains("\n"));

        Path viaXml = tmp.resolve("xml.out");
        Path viaRunbook = tmp.resolve("ps1.out");
        assertEquals(0, CliRun.of("apply", SYNERGY, "-c", CISCO, "-o", viaXml.toString()).exitCode());
        CliRun apply = CliRun.of("apply", SYNERGY, "-c", runbook.toString(), "-o", viaRunbook.toString());
        assertEquals(0, apply.exitCode(), apply.stderr());
        assertArrayEquals(Files.readAllBytes(viaXml), Files.readAllBytes(viaRunbook));
        assertEquals(4, apply.stderr().lines().filter(l -> l.endsWith("outside the topology: run it on the server")).count(),
                "Enable-CsTopology, Get-CsTopology, Publish-CsTopology, Enable-CsTopology");
    }

    @Test
    void standardOutputGetsTheSameTextWithoutTheByteOrderMark() throws IOException {
        Path runbook = tmp.resolve("cisco.ps1");
        assertEquals(0, CliRun.of("runbook", CISCO, "-o", runbook.toString()).exitCode());
        byte[] file = Files.readAllBytes(runbook);
        for (CliRun run : new CliRun[] {CliRun.of("runbook", CISCO), CliRun.of("runbook", CISCO, "-o", "-")}) {
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals("", run.stderr());
            assertArrayEquals(java.util.Arrays.copyOfRange(file, 3, file.length), run.stdoutBytes());
        }
    }

    @Test
    void aRunbookInListsWhatItLeavesToTheServer() {
        String exchange = Fixtures.path("exchange-owa-im.ps1").toString();
        CliRun run = CliRun.of("runbook", exchange, "--topology", Fixtures.path("se-contoso.xml").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("cstopo: " + exchange + ":11:1: Enable-CsTopology: outside the topology: run it on the server\n", run.stderr());
        assertTrue(run.stdout().contains("# Checked against se-contoso.xml: every change applies to it.\r\n"), run.stdout());
    }

    @Test
    void withTheTopologyWhatItHasIsLeftOutAndSaid() throws IOException {
        Path done = tmp.resolve("done.xml");
        assertEquals(0, CliRun.of("apply", SYNERGY, "-c", CISCO, "-o", done.toString()).exitCode());
        CliRun run = CliRun.of("runbook", CISCO, "--topology", done.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(5, run.stderr().lines().filter(l -> l.endsWith("already in " + done + ", left out of the runbook")).count(),
                run.stderr());
        assertTrue(run.stderr().startsWith("cstopo: " + CISCO + ":9:3: NewTrustedApplicationPool trustedpool.sip.com: already in"),
                run.stderr());
        assertTrue(run.stdout().endsWith("# Nothing to run: the topology has it all.\r\n"), run.stdout());
    }

    @Test
    void changesThatContradictTheTopologyWriteNoRunbook() {
        Path out = tmp.resolve("r.ps1");
        CliRun run = CliRun.of("runbook", CISCO, "--topology", Fixtures.path("se-contoso.xml").toString(), "-o", out.toString());
        assertEquals(4, run.exitCode());
        assertTrue(run.stderr().startsWith("cstopo: " + CISCO + ":9:3: NewTrustedApplicationPool trustedpool.sip.com: registrar"
                + " lyncserver.synergy.com not found"), run.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void theRunbookNeverReplacesAnInput() throws IOException {
        Path changes = tmp.resolve("c.ps1");
        Files.copy(Fixtures.path("exchange-owa-im.ps1"), changes);
        byte[] before = Files.readAllBytes(changes);
        CliRun run = CliRun.of("runbook", changes.toString(), "-o", changes.toString());
        assertEquals(2, run.exitCode());
        assertEquals("cstopo: " + changes + " is an input of this command; write the runbook to another file\n", run.stderr());
        assertArrayEquals(before, Files.readAllBytes(changes));
        assertEquals(2, CliRun.of("runbook", changes.toString(), "-o", tmp.toString()).exitCode());
    }
}
