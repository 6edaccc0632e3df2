package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors a Lync engineer can act on: the option named as typed, the closest valid spelling,
 * the real mistake first (a mistyped option, not the "missing required option" it causes), the help
 * of any command at any depth, and a missing file named for what it is.
 */
class UsageMessagesTest {
    private static final String T = Fixtures.path("se-synergy.xml").toString();

    @TempDir
    Path tmp;

    private static String usage(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        return run.stderr().strip();
    }

    @Test
    void aMistypedOptionIsNamedWithTheClosestSpellingInTheSameStyle() {
        assertEquals("cstopo: unknown option '--identiy'; did you mean --identity (-Identity)? (see 'cstopo trusted-pool add --help')",
                usage("trusted-pool", "add", T, "--identiy", "tp.sip.com", "--registrar", "r.sip.com"));
        assertEquals("cstopo: unknown option '-identiy'; did you mean -Identity (--identity)? (see 'cstopo trusted-pool add --help')",
                usage("trusted-pool", "add", T, "-identiy", "tp.sip.com", "-Registrar", "r.sip.com"));
        assertEquals("cstopo: unknown option '-check'; did you mean --check? (see 'cstopo apply --help')", usage("apply", T, "-check"));
        assertEquals("cstopo: unknown option '--frobnicate' (see 'cstopo apply --help')", usage("apply", T, "--frobnicate"),
                "nothing close: no guess");
        assertEquals("cstopo: unknown option '-x' (see 'cstopo apply --help')", usage("apply", T, "-x"), "too short to guess");
    }

    /** A mistyped command is the mistake to name, not the first option after it (which the command would know). */
    @Test
    void aMistypedCommandIsNamedBeforeTheOptionsThatFollowIt() {
        String setIp = usage("set-iP", T, "impserver2.sip.com=10.10.1.11", "--check");
        assertTrue(setIp.startsWith("cstopo: Unmatched arguments from index 0: 'set-iP', ") && setIp.contains("; did you mean set-ip?"), setIp);
        String add = usage("trusted-pool", "ad", T, "--identity", "tp.sip.com", "--registrar", "lyncserver.synergy.com");
        assertTrue(add.startsWith("cstopo: Unmatched arguments from index 1: 'ad', ") && add.contains("; did you mean add?"), add);
    }

    @Test
    void lowerCaseAndAbbreviatedPowerShellNamesWorkWhereverTheyStand() {
        // -identity and -ident are -Identity; before, an abbreviation after an option left without its value was taken as that
        // value and the real option reported "missing"; an option before its command was "Missing required options"
        assertEquals("cstopo: Expected parameter for option '-Site' but found '-ident' (see 'cstopo trusted-pool add --help')",
                usage("trusted-pool", "add", T, "-Site", "-ident", "tp.sip.com", "-registrar", "lyncserver.synergy.com"));
        assertEquals("cstopo: unknown option '-identity' (see 'cstopo trusted-pool --help')",
                usage("trusted-pool", "-identity", "tp.sip.com", "add", T, "-registrar", "lyncserver.synergy.com"));
        CliRun run = CliRun.of("trusted-pool", "add", T, "-identity", "tp.sip.com", "-registrar", "lyncserver.synergy.com", "-site", "1",
                "-computerfqdn", "tp1.sip.com", "-treat", "0", "--check");
        assertEquals(1, run.exitCode(), "pending: " + run.stderr());
        assertTrue(run.stderr().contains("added trusted application pool tp.sip.com"), run.stderr());
    }

    @Test
    void aMissingRequiredOptionIsNamedBothWaysInTheUsersStyleFirst() {
        assertEquals("cstopo: missing required option -Registrar (--registrar) POOL|ID (see 'cstopo trusted-pool add --help')",
                usage("trusted-pool", "add", T, "-Identity", "tp.sip.com"));
        assertEquals("cstopo: missing required options --identity (-Identity) FQDN, --registrar (-Registrar) POOL|ID (see 'cstopo"
                + " trusted-pool add --help')", usage("trusted-pool", "add", T));
        assertEquals("cstopo: Missing required parameter for option '-pool' (FQDN) (see 'cstopo trusted-computer add --help')",
                usage("trusted-computer", "add", T, "-Identity", "c.sip.com", "-pool"));
    }

    /**
     * An argument a shell variable left empty ("$IP" unset, "$true" in bash's double quotes) is
     * named as such: it was a picocli IndexOutOfBoundsException, and a blank boolean silently false.
     */
    @Test
    void anEmptyArgumentIsAUsageErrorAndNeverAValue() {
        assertEquals("cstopo: '' is not FQDN=ADDRESS; e.g. impserver2.sip.com=10.10.1.11 (see 'cstopo set-ip --help')",
                usage("set-ip", T, "", "--check"));
        assertEquals("cstopo: '' is not New-CsTrustedApplicationComputer, the cmdlet of 'cstopo trusted-computer add'"
                + " (see 'cstopo trusted-computer add --help')",
                usage("trusted-computer", "add", T, "-Identity", "c.sip.com", "-Pool", "tp.sip.com", "--check", ""));
        for (String blank : new String[] {"", " "}) {
            assertEquals("cstopo: '-TreatAsAuthenticated' has an empty value; " + PowerShellSpelling.SHELL_HINT
                    + " (see 'cstopo trusted-pool set --help')",
                    usage("trusted-pool", "set", T, "-Identity", "tp.sip.com", "-TreatAsAuthenticated", blank, "--check"));
        }
        assertEquals("cstopo: '--outbound-only' has an empty value; " + PowerShellSpelling.SHELL_HINT
                + " (see 'cstopo trusted-pool add --help')", usage("trusted-pool", "add", T, "--identity", "tp.sip.com",
                "--registrar", "lyncserver.synergy.com", "--outbound-only= ", "--check"));
    }

    @Test
    void anEmptyFileNameIsAUsageErrorNotTheCurrentDirectory() {
        String validate = usage("validate", "");
        assertTrue(validate.startsWith("cstopo: Invalid value for positional parameter at index 0 (TOPOLOGY): an empty file name (an unset shell variable?)"),
                validate);
        assertTrue(validate.endsWith("(see 'cstopo validate --help')"), validate);
        String output = usage("set-ip", T, "a.sip.com=10.0.0.1", "-o", "");
        assertTrue(output.startsWith("cstopo: -o has an empty file name (an unset shell variable?): give the file to write"), output);
    }

    @Test
    void aCommandWithoutItsSubcommandNamesThem() {
        assertEquals("cstopo: a subcommand is required: add, set, remove (see 'cstopo trusted-pool --help')", usage("trusted-pool"));
        assertEquals("cstopo: a subcommand is required: json (see 'cstopo schema --help')", usage("schema"));
    }

    @Test
    void powerShellsOwnParametersSayWhyTheyAreNoOptions() {
        assertEquals("cstopo: '-WhatIf' is a PowerShell parameter that makes the cmdlet change nothing: to see what cstopo would"
                + " change, use --diff or --check instead (see 'cstopo trusted-pool remove --help')",
                usage("trusted-pool", "remove", T, "-Identity", "tp.sip.com", "-WhatIf"));
        assertEquals("cstopo: '-ErrorAction' is a PowerShell common parameter, which changes no topology: leave it out, with its"
                + " value (see 'cstopo trusted-pool remove --help')",
                usage("trusted-pool", "remove", T, "-Identity", "tp.sip.com", "-ErrorAction", "Stop"));
    }

    @Test
    void helpPrintsTheHelpOfACommandAtAnyDepth() {
        CliRun add = CliRun.of("help", "trusted-pool", "add");
        assertEquals(0, add.exitCode());
        assertTrue(add.stdout().startsWith("Usage: cstopo trusted-pool add "), add.stdout());
        assertEquals(CliRun.of("trusted-pool", "add", "--help").stdout(), add.stdout());
        assertTrue(CliRun.of("help", "trusted-pool").stdout().startsWith("Usage: cstopo trusted-pool ["));
        assertTrue(CliRun.of("help").stdout().startsWith("Usage: cstopo ["));
        assertEquals("cstopo: 'ad' is not a command of 'cstopo trusted-pool'; its commands are add, set, remove (see 'cstopo help"
                + " --help')", usage("help", "trusted-pool", "ad"));
        assertEquals("cstopo: 'add' is not a command of 'cstopo set-ip', which has none (see 'cstopo help --help')",
                usage("help", "set-ip", "add"));
        assertTrue(usage("aply", T).contains("'aply'") && usage("aply", T).contains("; did you mean apply"), usage("aply", T));
    }

    @Test
    void aMissingFileIsNamedForWhatItIs() throws IOException {
        Path missing = tmp.resolve("changes.xml");
        CliRun changes = CliRun.of("apply", T, "-c", missing.toString(), "--check");
        assertEquals(3, changes.exitCode());
        assertEquals("cstopo: " + missing + ": no such changes file; check the path (a changes file follows xsd/changes.xsd, as"
                + " fixtures/cisco-imp-federation.changes.xml does; a PowerShell runbook (.ps1) is taken too)\n", changes.stderr());
        CliRun runbook = CliRun.of("runbook", missing.toString());
        assertEquals(changes.stderr(), runbook.stderr());
        CliRun topology = CliRun.of("apply", tmp.resolve("topology.xml").toString(), "--check");
        assertEquals("cstopo: " + tmp.resolve("topology.xml") + ": no such topology file; check the path (export it with"
                + " Get-CsTopology -AsXml | Out-File topology.xml)\n", topology.stderr());
        CliRun stylesheet = CliRun.of("transform", T, "--xslt", tmp.resolve("rule.xsl").toString(), "--check");
        assertEquals(3, stylesheet.exitCode());
        assertTrue(stylesheet.stderr().startsWith("cstopo: " + tmp.resolve("rule.xsl") + ": no such stylesheet; give a file, or a"
                + " shipped rule: set-ip, "), stylesheet.stderr());
        Files.createDirectory(tmp.resolve("rules"));
        CliRun directory = CliRun.of("transform", T, "--xslt", tmp.resolve("rules").toString(), "--check");
        assertEquals("cstopo: " + tmp.resolve("rules") + ": is a directory; pass the stylesheet itself (e.g. rule.xsl)\n",
                directory.stderr());
        CliRun changesDirectory = CliRun.of("apply", T, "-c", tmp.toString(), "--check");
        assertEquals("cstopo: " + tmp + ": is a directory; pass the changes file itself (e.g. changes.xml)\n", changesDirectory.stderr());
    }
}
