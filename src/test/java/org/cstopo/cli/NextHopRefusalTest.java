package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cisco IM and Presence change pointed at a Director pool (RegistrarService IsDirector="true")
 * instead of the Front End pool: every editing route refuses it with trusted-pool-next-hop, exit 6,
 * writes nothing, and suggests the fix in the route's own terms (nothing is written, so a command on
 * the topology file could not run). fixtures/se-synergy-director.xml is se-synergy.xml plus a Director pool.
 */
class NextHopRefusalTest {
    private static final Path TOPOLOGY = Fixtures.path("se-synergy-director.xml");
    private static final Path CISCO = Fixtures.path("cisco-imp-federation.changes.xml");

    @TempDir
    Path tmp;

    private Path changesWithRegistrar(String registrar) throws IOException {
        Path changes = tmp.resolve("cisco-" + registrar + ".changes.xml");
        String text = Files.readString(CISCO);
        assertTrue(text.contains("Registrar=\"lyncserver.synergy.com\""));
        Files.writeString(changes, text.replace("Registrar=\"lyncserver.synergy.com\"", "Registrar=\"" + registrar + "\""));
        return changes;
    }

    private Path copyOfTopology() throws IOException {
        Path copy = tmp.resolve("topology.xml");
        Files.copy(TOPOLOGY, copy);
        return copy;
    }

    private static void assertRefusedForTheDirector(CliRun run, String fix) {
        assertEquals(6, run.exitCode(), run.stderr());
        String refusal = run.stderr().lines().filter(l -> l.startsWith("cstopo: the result breaks")).findFirst().orElse("");
        assertTrue(refusal.contains("[trusted-pool-next-hop] trusted application pool trustedpool.sip.com,"), run.stderr());
        assertTrue(refusal.contains("its registrar 1-Registrar-2 is Director pool director.synergy.com"), refusal);
        assertTrue(refusal.endsWith("nothing was written; fix the changes, or pass --force to write it anyway"), refusal);
        String finding = run.stderr().lines().filter(l -> l.contains(": error [trusted-pool-next-hop] ")).findFirst().orElse("");
        assertTrue(finding.startsWith("<result>:"), run.stderr());
        assertTrue(finding.endsWith("; fix: point it at a Front End pool: " + fix + " (on the server: Set-CsTrustedApplicationPool"
                + " -Identity trustedpool.sip.com -Registrar lyncserver.synergy.com)"), finding);
    }

    @Test
    void applyWithOutputRefusesAndCreatesNoFile() throws IOException {
        Path out = tmp.resolve("new.xml");
        Path changes = changesWithRegistrar("director.synergy.com");
        CliRun run = CliRun.of("apply", TOPOLOGY.toString(), "-c", changes.toString(), "-o", out.toString());
        assertRefusedForTheDirector(run, "Registrar=\"lyncserver.synergy.com\" in the NewTrustedApplicationPool at " + changes + ":9:3");
        assertFalse(Files.exists(out));
    }

    @Test
    void applyInPlaceLeavesTheInputByteIdenticalAndWritesNoBackup() throws IOException {
        Path input = copyOfTopology();
        byte[] before = Files.readAllBytes(input);
        Path changes = changesWithRegistrar("director.synergy.com");
        CliRun run = CliRun.of("apply", input.toString(), "-c", changes.toString(), "--in-place");
        assertRefusedForTheDirector(run, "Registrar=\"lyncserver.synergy.com\" in the NewTrustedApplicationPool at " + changes + ":9:3");
        assertArrayEquals(before, Files.readAllBytes(input));
        assertFalse(Files.exists(tmp.resolve("topology.xml.bak")));
    }

    @Test
    void theCmdletRouteIsRefusedToo() throws IOException {
        Path input = copyOfTopology();
        byte[] before = Files.readAllBytes(input);
        CliRun run = CliRun.of("trusted-pool", "add", input.toString(), "--identity", "trustedpool.sip.com",
                "--registrar", "director.synergy.com", "--site", "1", "--computer-fqdn", "impserverPub.sip.com", "--in-place");
        assertRefusedForTheDirector(run, "--registrar lyncserver.synergy.com instead of --registrar director.synergy.com in this command");
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    @Test
    void theTransformRouteIsRefusedToo() {
        Path out = tmp.resolve("transformed.xml");
        CliRun run = CliRun.of("transform", TOPOLOGY.toString(), "--xslt", "add-trusted-pool",
                "--param", "identity=trustedpool.sip.com", "--param", "registrar=director.synergy.com", "--param", "site=1",
                "--param", "computers=impserverPub.sip.com,impserver2.sip.com", "--param", "applications=imptrustedapp.sip.com=5061",
                "-o", out.toString());
        assertRefusedForTheDirector(run, "write the result first (this command with --in-place, and --force while it breaks a rule),"
                + " then: cstopo trusted-pool set " + TOPOLOGY + " --identity trustedpool.sip.com --registrar lyncserver.synergy.com"
                + " --in-place");
        assertFalse(Files.exists(out));
    }

    @Test
    void theSameChangeOnTheFrontEndPoolIsWritten() throws IOException {
        Path out = tmp.resolve("new.xml");
        CliRun run = CliRun.of("apply", TOPOLOGY.toString(), "-c", changesWithRegistrar("lyncserver.synergy.com").toString(),
                "-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.readString(out).contains("Fqdn=\"trustedpool.sip.com\""));
        assertEquals(0, CliRun.of("validate", out.toString()).exitCode());
    }

    @Test
    void theFixThatValidatePrintsRunsAsWrittenAndClearsTheFinding() throws IOException {
        Path input = tmp.resolve("broken.xml");
        Files.copy(Fixtures.path("invalid/trusted-pool-next-hop.xml"), input);
        CliRun before = CliRun.of("validate", input.toString());
        assertEquals(1, before.exitCode());
        String fix = before.stdout().lines().filter(l -> l.contains("[trusted-pool-next-hop]")).findFirst().orElseThrow();
        String command = fix.substring(fix.indexOf("fix: point it at a Front End pool: cstopo ") + 42, fix.indexOf(" (on the server:"));
        assertEquals("trusted-pool set " + input + " --identity ucma.fabrikam.com --registrar lyncpool.fabrikam.com --in-place", command);
        assertEquals(0, CliRun.of(command.split(" ")).exitCode());
        CliRun after = CliRun.of("validate", input.toString());
        assertEquals(0, after.exitCode(), after.stdout());
        assertEquals(input + ": valid, no findings\n", after.stdout());
    }

    @Test
    void forceWritesItAnywayAndValidateStillReportsIt() throws IOException {
        Path out = tmp.resolve("forced.xml");
        CliRun run = CliRun.of("apply", TOPOLOGY.toString(), "-c", changesWithRegistrar("director.synergy.com").toString(),
                "-o", out.toString(), "--force");
        assertEquals(0, run.exitCode(), run.stderr());
        CliRun validate = CliRun.of("validate", out.toString());
        assertEquals(1, validate.exitCode());
        assertTrue(validate.stdout().contains("error [trusted-pool-next-hop] trusted application pool trustedpool.sip.com"),
                validate.stdout());
    }
}
