package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** apply --changes RUNBOOK.ps1: the same bytes as the XML changes file, and the other statements listed. */
class RunbookApplyTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> runbooks() {
        return Stream.of(
                Arguments.of("cisco-imp-federation", "se-synergy.xml"),
                Arguments.of("cisco-imp-federation", "se-synergy.utf16-crlf.xml"),
                Arguments.of("exchange-owa-im", "se-contoso.xml"),
                Arguments.of("exchange-owa-im", "se-contoso.utf16-crlf.xml"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runbooks")
    void aRunbookGivesTheBytesItsChangesFileGives(String procedure, String topology) throws IOException {
        Path input = Fixtures.path(topology);
        Path viaXml = tmp.resolve("xml.out");
        Path viaRunbook = tmp.resolve("ps1.out");
        CliRun xml = CliRun.of("apply", input.toString(), "-c", Fixtures.path(procedure + ".changes.xml").toString(), "-o", viaXml.toString());
        assertEquals(0, xml.exitCode(), xml.stderr());
        CliRun ps1 = CliRun.of("apply", input.toString(), "-c", Fixtures.path(procedure + ".ps1").toString(), "-o", viaRunbook.toString());
        assertEquals(0, ps1.exitCode(), ps1.stderr());
        assertFalse(Arrays.equals(Files.readAllBytes(input), Files.readAllBytes(viaXml)), "the changes did something");
        assertArrayEquals(Files.readAllBytes(viaXml), Files.readAllBytes(viaRunbook));
    }

    @Test
    void theStatementsLeftToTheServerAreListedOnceEachBeforeWhatWasApplied() {
        String runbook = Fixtures.path("cisco-imp-federation.ps1").toString();
        CliRun run = CliRun.of("apply", Fixtures.path("se-synergy.xml").toString(), "-c", runbook, "--check");
        assertEquals(1, run.exitCode(), run.stderr());
        List<String> lines = run.stderr().lines().toList();
        assertEquals(List.of(
                "cstopo: " + runbook + ":12:1: New-CsStaticRoute: outside the topology: run it on the server",
                "cstopo: " + runbook + ":13:1: Set-CsStaticRoutingConfiguration: outside the topology: run it on the server",
                "cstopo: " + runbook + ":28:1: Enable-CsTopology: outside the topology: run it on the server",
                "cstopo: " + runbook + ":29:1: Get-CsTopology: outside the topology: run it on the server",
                "cstopo: " + runbook + ":35:1: Publish-CsTopology: outside the topology: run it on the server",
                "cstopo: " + runbook + ":35:47: Enable-CsTopology: outside the topology: run it on the server"),
                lines.subList(0, 6));
        assertTrue(lines.get(6).startsWith("cstopo: would apply: added trusted application pool trustedpool.sip.com"), run.stderr());
        assertEquals(6, lines.stream().filter(l -> l.endsWith("outside the topology: run it on the server")).count());
    }

    @Test
    void jsonListsThemUnderOutside() {
        String runbook = Fixtures.path("exchange-owa-im.ps1").toString();
        CliRun run = CliRun.of("apply", Fixtures.path("se-contoso.xml").toString(), "-c", runbook, "--check", "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertTrue(run.stdout().contains("\"outside\": [\n    {\n      \"origin\": \"" + runbook + ":11:1\",\n"
                + "      \"command\": \"Enable-CsTopology\",\n      \"message\": \"outside the topology: run it on the server\"\n    }\n  ]"),
                run.stdout());
        assertTrue(run.stdout().contains("\"origin\": \"" + runbook + ":6:1\""), "changes keep their runbook origin");
    }

    @Test
    void anUnreadableTopologyStatementWritesNothingAndExitsThree() throws IOException {
        Path runbook = tmp.resolve("nodes.ps1");
        Files.writeString(runbook, "Enable-CsTopology\nNew-CsTrustedApplicationComputer -Identity $node -Pool trustedpool.sip.com\n");
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("apply", Fixtures.path("se-synergy.xml").toString(), "-c", runbook.toString(), "-o", out.toString());
        assertEquals(3, run.exitCode());
        assertEquals("cstopo: " + runbook + ":2:44: New-CsTrustedApplicationComputer -Identity $node: a variable's value is known"
                + " only when the script runs; write the value itself\n", run.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void aContradictionNamesTheRunbookLine() throws IOException {
        Path runbook = tmp.resolve("twice.ps1");
        Files.writeString(runbook, "New-CsTrustedApplicationPool -Identity trustedpool.sip.com -Registrar lyncserver.synergy.com"
                + " -Site 1 -ComputerFqdn impserverPub.sip.com\n"
                + "New-CsTrustedApplicationComputer -Identity impserverPub.sip.com -Pool trustedpool.sip.com\n");
        CliRun run = CliRun.of("apply", Fixtures.path("se-synergy.xml").toString(), "-c", runbook.toString(), "--check");
        assertEquals(4, run.exitCode());
        assertTrue(run.stderr().startsWith("cstopo: " + runbook + ":2:1: NewTrustedApplicationComputer impserverPub.sip.com in pool"
                + " trustedpool.sip.com: computer impserverPub.sip.com is already added"), run.stderr());
    }
}
