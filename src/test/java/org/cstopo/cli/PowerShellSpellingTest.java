package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cmdlet lines pasted after a one-off command: names in any case or abbreviated, -Name:value,
 * $true/True/1, the cmdlet's own name. The arguments are what a program receives: PowerShell
 * passes $true on as True, cmd.exe passes $true as it is typed.
 */
class PowerShellSpellingTest {
    private static final String SYNERGY = Fixtures.path("se-synergy.utf16-crlf.xml").toString();

    @TempDir
    Path tmp;

    private Path copyOfSynergy() throws IOException {
        Path topology = tmp.resolve("topology.xml");
        Files.copy(Path.of(SYNERGY), topology);
        return topology;
    }

    private static void ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.stderr());
    }

    @Test
    void theCiscoCmdletLinesPastedAsTheyAreGiveTheChangesFilesBytes() throws IOException {
        Path viaFile = tmp.resolve("file.xml");
        ok("apply", SYNERGY, "-c", Fixtures.path("cisco-imp-federation.changes.xml").toString(), "-o", viaFile.toString());
        String topology = copyOfSynergy().toString();
        ok("trusted-pool", "add", topology, "New-CsTrustedApplicationPool", "-Identity", "trustedpool.sip.com", "-Registrar",
                "lyncserver.synergy.com", "-Site", "1", "-TreatAsAuthenticated", "$true", "-ThrottleAsServer:$True",
                "-RequiresReplication", "$false", "-OutboundOnly:False", "-ComputerFqdn", "impserverPub.sip.com", "--in-place");
        ok("trusted-computer", "add", topology, "new-cstrustedapplicationcomputer", "-identity", "impserver2.sip.com", "-POOL",
                "trustedpool.sip.com", "--in-place");
        ok("trusted-app", "add", topology, "New-CsTrustedApplication", "-ApplicationID", "imptrustedapp.sip.com",
                "-TrustedApplicationPoolFqdn:trustedpool.sip.com", "\u2013Port", "5061", "--in-place");
        ok("set-ip", topology, "impserverPub.sip.com=10.10.1.10", "impserver2.sip.com=10.10.1.11", "-interfaceside:Primary", "--in-place");
        assertArrayEquals(Files.readAllBytes(viaFile), Files.readAllBytes(Path.of(topology)));
    }

    @Test
    void setAndTheRemoveCmdletsTakeTheirLinesTooAndUndoTheWholePool() throws IOException {
        Path topology = copyOfSynergy();
        byte[] original = Files.readAllBytes(topology);
        String t = topology.toString();
        ok("apply", t, "-c", Fixtures.path("cisco-imp-federation.changes.xml").toString(), "--in-place");
        ok("trusted-pool", "set", t, "Set-CsTrustedApplicationPool", "-Identity:trustedpool.sip.com", "-OutboundOnly", "1",
                "-TreatAs", "0", "--in-place");
        String text = Files.readString(topology, java.nio.charset.StandardCharsets.UTF_16);
        assertTrue(text.contains("TreatAsAuthenticated=\"false\" ThrottleAsServer=\"true\" OutboundOnly=\"true\""), text);
        ok("trusted-app", "remove", t, "Remove-CsTrustedApplication", "-IDENTITY", "trustedpool.sip.com/imptrustedapp.sip.com", "--in-place");
        ok("trusted-computer", "remove", t, "Remove-CsTrustedApplicationComputer", "-Ident", "impserver2.sip.com", "--in-place");
        ok("trusted-pool", "remove", t, "REMOVE-CSTRUSTEDAPPLICATIONPOOL", "-identity:trustedpool.sip.com", "--in-place");
        assertArrayEquals(original, Files.readAllBytes(topology));
    }

    @Test
    void newCsTrustedApplicationAlsoTakesItsIdentityForm() throws IOException {
        Path viaIds = tmp.resolve("ids.xml");
        Path viaIdentity = tmp.resolve("identity.xml");
        Path base = tmp.resolve("base.xml");
        ok("trusted-pool", "add", SYNERGY, "-Identity", "trustedpool.sip.com", "-Registrar", "lyncserver.synergy.com", "-Site", "1",
                "-ComputerFqdn", "impserverPub.sip.com", "-o", base.toString());
        ok("trusted-app", "add", base.toString(), "--application-id", "a.sip.com", "--pool", "trustedpool.sip.com", "--port", "5061",
                "-o", viaIds.toString());
        ok("trusted-app", "add", base.toString(), "New-CsTrustedApplication", "-Identity", "trustedpool.sip.com/a.sip.com", "-Port",
                "5061", "-o", viaIdentity.toString());
        assertArrayEquals(Files.readAllBytes(viaIds), Files.readAllBytes(viaIdentity));
        CliRun both = CliRun.of("trusted-app", "add", base.toString(), "-Identity", "trustedpool.sip.com/a.sip.com", "-ApplicationId",
                "a.sip.com", "-Port", "5061", "--diff");
        assertEquals(2, both.exitCode());
        assertEquals("cstopo: give --identity pool.fqdn/id alone, or --application-id with --pool (see 'cstopo trusted-app add"
                + " --help')\n", both.stderr());
    }

    @Test
    void whatCannotBeReadIsAUsageErrorThatSaysWhy() {
        String[][] cases = {
            {"cstopo: 'New-CsTrustedApplicationComputer' is not New-CsTrustedApplicationPool, the cmdlet of 'cstopo trusted-pool add' (see 'cstopo"
                    + " trusted-pool add --help')",
                "trusted-pool", "add", SYNERGY, "New-CsTrustedApplicationComputer", "-Identity", "a.sip.com", "-Registrar", "r", "--diff"},
            {"cstopo: '-TreatAsAuthenticated:' has no value after ':'; in bash and other Unix shells $true and $false are variables that"
                    + " expand to nothing: write true or false, or quote them ('$true') (see 'cstopo trusted-pool add --help')",
                "trusted-pool", "add", SYNERGY, "-Identity", "a.sip.com", "-Registrar", "r", "-TreatAsAuthenticated:", "--diff"},
            {"cstopo: Expected parameter for option '-RequiresReplication' but found '-OutboundOnly'; in bash and other Unix shells"
                    + " $true and $false are variables that expand to nothing: write true or false, or quote them ('$true') (see 'cstopo"
                    + " trusted-pool add --help')",
                "trusted-pool", "add", SYNERGY, "-Identity", "a.sip.com", "-Registrar", "r", "-RequiresReplication", "-OutboundOnly", "1"},
            {"cstopo: Invalid value for option '-OutboundOnly': 'yes' is not a boolean: write true or false ($true, $false, 1 and 0"
                    + " work too) (see 'cstopo trusted-pool set --help')",
                "trusted-pool", "set", SYNERGY, "-Identity", "a.sip.com", "-OutboundOnly", "yes", "--diff"},
            {"cstopo: '-Re' is ambiguous: it could be -Registrar or -RequiresReplication; write more of the name (see 'cstopo"
                    + " trusted-pool add --help')",
                "trusted-pool", "add", SYNERGY, "-Identity", "a.sip.com", "-Re", "r", "--diff"},
            {"cstopo: '-Force' is a PowerShell parameter that only skips the cmdlet's confirmation prompt: leave it out (cstopo's"
                    + " --force is another thing: it writes a result that fails validation) (see 'cstopo trusted-pool remove --help')",
                "trusted-pool", "remove", SYNERGY, "-Identity", "a.sip.com", "-Force", "--diff"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, run.exitCode(), run.stderr());
            assertEquals(c[0], run.stderr().lines().findFirst().orElse(""), String.join(" ", c));
        }
    }

    @Test
    void kebabCaseAndShortOptionsStayAsTheyWere() {
        CliRun run = CliRun.of("trusted-pool", "add", SYNERGY, "--identity", "trustedpool.sip.com", "--registrar",
                "lyncserver.synergy.com", "--site", "1", "--requires-replication", "false", "-o", "-");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals((byte) 0xFF, run.stdoutBytes()[0], "-o - still writes the topology to standard output");
        assertEquals(0, CliRun.of("apply", SYNERGY, "-c", Fixtures.path("cisco-imp-federation.changes.xml").toString(), "-O", "-")
                .exitCode(), "-O is -o");
        assertTrue(CliRun.of("trusted-pool", "add", "-h").stdout().contains("-Identity=FQDN"));
    }
}
