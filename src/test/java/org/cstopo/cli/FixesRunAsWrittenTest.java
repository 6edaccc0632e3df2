package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings about an edit's result name the file that holds it, with that file's line numbers, and
 * their fixes run as written: on the file written, or, when the result is in no file, as the change
 * to declare in the same run. Each test takes the fix out of the finding and runs it.
 * se-trusted-pool.xml: ucma01 has 10.10.2.21 (line 27), ucma02 is on 0.0.0.0 (line 30).
 */
class FixesRunAsWrittenTest {
    private static final String[] NEW_POOL = {"--identity", "p2.synergy.com", "--registrar", "lyncserver.synergy.com", "--site", "1",
        "--computer-fqdn", "c2.synergy.com"};

    @TempDir
    Path tmp;

    Path topology;

    @BeforeEach
    void copyTopology() throws IOException {
        topology = Files.copy(Fixtures.path("se-trusted-pool.xml"), tmp.resolve("topology.xml"));
    }

    /** trusted-pool add TOPOLOGY, a new pool with computer c2.synergy.com (on 0.0.0.0), and {@code output}. */
    private CliRun poolAdd(String... output) {
        List<String> args = new ArrayList<>(List.of("trusted-pool", "add", topology.toString()));
        args.addAll(List.of(NEW_POOL));
        args.addAll(List.of(output));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The one finding line about {@code machine}: "FILE:LINE:COLUMN: severity [rule] ...; fix: FIX". */
    private static String finding(CliRun run, String machine) {
        List<String> lines = run.stderr().lines().filter(l -> !l.startsWith("cstopo: ") && l.contains(", machine " + machine + ": ")).toList();
        assertEquals(1, lines.size(), run.stderr());
        return lines.get(0);
    }

    private static String fix(String finding) {
        return finding.substring(finding.indexOf("; fix: ") + 7);
    }

    /** The fix of ip-address-shared, "give each machine its own address (INNER), or 0.0.0.0 ...", matched against {@code inner}. */
    private static Matcher ownAddress(String fix, String inner) {
        Matcher m = Pattern.compile("give each machine its own address \\(" + inner + "\\), or 0\\.0\\.0\\.0 to use all addresses")
                .matcher(fix);
        assertTrue(m.matches(), fix);
        return m;
    }

    /** Runs a "cstopo ..." fix as written, ADDRESS replaced by an address. */
    private static CliRun runCommand(String command, String address) {
        assertTrue(command.startsWith("cstopo "), command);
        return CliRun.of(command.substring(7).replace("ADDRESS", address).split(" "));
    }

    @Test
    void afterMinusOTheFindingsNameTheFileWrittenWithItsLinesAndTheFixRunsOnIt() throws IOException {
        Path out = tmp.resolve("out.xml");
        CliRun run = poolAdd("-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        String finding = finding(run, "c2.synergy.com");
        assertTrue(finding.startsWith(out + ":36:9: warning [trusted-pool-unassigned-ip] pool p2.synergy.com, machine c2.synergy.com: "),
                finding);
        assertTrue(Files.readAllLines(out).get(35).startsWith("        <NetInterface InterfaceSide=\"Primary\""),
                "line 36 of the file written is the new machine's interface");
        assertFalse(Files.readString(topology).contains("c2.synergy.com"), "the input has no such machine to point at");
        String fix = fix(finding);
        assertEquals("cstopo set-ip " + out + " c2.synergy.com=ADDRESS --in-place", fix);
        assertEquals(4, CliRun.of("set-ip", topology.toString(), "c2.synergy.com=10.10.2.40", "--in-place").exitCode(),
                "the machine is not in the input: a fix naming it could not run");

        CliRun fixed = runCommand(fix, "10.10.2.40");
        assertEquals(0, fixed.exitCode(), fixed.stderr());
        CliRun validate = CliRun.of("validate", out.toString());
        assertFalse(validate.stdout().contains("machine c2.synergy.com"), validate.stdout());
    }

    @Test
    void inPlaceTheFindingsNameTheTopologyAndStandardOutputIsNamedAsSuch() throws IOException {
        CliRun inPlace = poolAdd("--in-place");
        assertEquals(0, inPlace.exitCode(), inPlace.stderr());
        String fix = fix(finding(inPlace, "c2.synergy.com"));
        assertTrue(finding(inPlace, "c2.synergy.com").startsWith(topology + ":36:9: warning "), inPlace.stderr());
        assertEquals(0, runCommand(fix, "10.10.2.40").exitCode());

        CliRun stdout = CliRun.of("set-ip", topology.toString(), "c2.synergy.com=10.10.2.40", "ucma02.synergy.com=0.0.0.0", "-o", "-");
        assertEquals(0, stdout.exitCode(), stdout.stderr());
        assertTrue(finding(stdout, "ucma02.synergy.com").startsWith("<stdout>:30:9: warning [trusted-pool-unassigned-ip] "), stdout.stderr());
        assertEquals("ucma02.synergy.com=ADDRESS instead of ucma02.synergy.com=0.0.0.0 in this command",
                fix(finding(stdout, "ucma02.synergy.com")), "no file holds the result to run a command on");
    }

    @Test
    void aSetIpFixSaysWhichAssignmentToChangeOrAddInTheSameCommand() {
        String t = topology.toString();
        CliRun shared = CliRun.of("set-ip", t, "ucma02.synergy.com=10.10.2.21", "--check");
        assertEquals(6, shared.exitCode(), shared.stderr());
        String instead = fix(finding(shared, "ucma02.synergy.com"));
        Matcher m = ownAddress(instead, "(\\S+=ADDRESS) instead of (\\S+) in this command");
        assertEquals("ucma02.synergy.com=10.10.2.21", m.group(2));
        CliRun corrected = CliRun.of("set-ip", t, m.group(1).replace("ADDRESS", "10.10.2.22"), "--check");
        assertEquals(1, corrected.exitCode(), "pending and valid: " + corrected.stderr());

        // lyncserver (line 15) takes ucma01's address: the finding is on ucma01 (line 27), which this command does not set.
        CliRun other = CliRun.of("set-ip", t, "lyncserver.synergy.com=10.10.2.21", "--check");
        assertEquals(6, other.exitCode(), other.stderr());
        String add = fix(finding(other, "ucma01.synergy.com"));
        m = ownAddress(add, "add (\\S+=ADDRESS) to this set-ip command");
        CliRun added = CliRun.of("set-ip", t, "lyncserver.synergy.com=10.10.2.21", m.group(1).replace("ADDRESS", "10.10.2.23"), "--check");
        assertEquals(1, added.exitCode(), added.stderr());
    }

    @Test
    void aChangesFileFixNamesTheElementToChangeOrToAdd() throws IOException {
        Path changes = tmp.resolve("changes.xml");
        Files.writeString(changes, """
                <TopologyChanges xmlns="urn:cstopo:changes:1">
                  <SetIPAddress Computer="ucma02.synergy.com" IPAddress="10.10.2.21"/>
                </TopologyChanges>
                """);
        CliRun declared = CliRun.of("apply", topology.toString(), "-c", changes.toString(), "--diff");
        assertEquals(6, declared.exitCode(), declared.stderr());
        assertEquals("give each machine its own address (IPAddress=\"ADDRESS\" in the SetIPAddress at " + changes + ":2:3), or 0.0.0.0"
                + " to use all addresses", fix(finding(declared, "ucma02.synergy.com")));
        Files.writeString(changes, Files.readString(changes).replace("IPAddress=\"10.10.2.21\"", "IPAddress=\"10.10.2.22\""));
        assertEquals(0, CliRun.of("apply", topology.toString(), "-c", changes.toString(), "--diff").exitCode());

        Files.writeString(changes, Files.readString(changes).replace("ucma02.synergy.com\" IPAddress=\"10.10.2.22",
                "lyncserver.synergy.com\" IPAddress=\"10.10.2.21"));
        CliRun notDeclared = CliRun.of("apply", topology.toString(), "-c", changes.toString(), "--diff");
        assertEquals(6, notDeclared.exitCode(), notDeclared.stderr());
        String fix = fix(finding(notDeclared, "ucma01.synergy.com"));
        Matcher m = ownAddress(fix, "add (<SetIPAddress .*/>) to (\\S+)");
        assertEquals(changes.toString(), m.group(2));
        Files.writeString(changes, Files.readString(changes).replace("</TopologyChanges>",
                "  " + m.group(1).replace("ADDRESS", "10.10.2.23") + "\n</TopologyChanges>"));
        CliRun fixed = CliRun.of("apply", topology.toString(), "-c", changes.toString(), "--diff");
        assertEquals(0, fixed.exitCode(), fixed.stderr());
    }

    @Test
    void aRunbookFixIsALineToAdd() throws IOException {
        Path runbook = tmp.resolve("runbook.ps1");
        Files.writeString(runbook, "cstopo set-ip " + topology + " lyncserver.synergy.com=10.10.2.21 --in-place\n");
        CliRun run = CliRun.of("apply", topology.toString(), "-c", runbook.toString(), "--check");
        assertEquals(6, run.exitCode(), run.stderr());
        String fix = fix(finding(run, "ucma01.synergy.com"));
        Matcher m = ownAddress(fix, "add the line '(.*)' to (\\S+)");
        assertEquals(runbook.toString(), m.group(2));
        Files.writeString(runbook, Files.readString(runbook) + m.group(1).replace("ADDRESS", "10.10.2.23") + "\n");
        CliRun fixed = CliRun.of("apply", topology.toString(), "-c", runbook.toString(), "--check");
        assertEquals(1, fixed.exitCode(), fixed.stderr());
    }

    /** A machine that only the result has: the fix is run after the result is written, as it says. */
    @Test
    void aFixForAResultOnlyMachineRunsOnceTheResultIsWritten() {
        CliRun check = poolAdd("--check");
        assertEquals(1, check.exitCode(), check.stderr());
        String finding = finding(check, "c2.synergy.com");
        assertTrue(finding.startsWith("<result>:36:9: warning [trusted-pool-unassigned-ip] "), finding);
        String prefix = "write the result first (this command with --in-place, and --force while it breaks a rule), then: ";
        String fix = fix(finding);
        assertTrue(fix.startsWith(prefix), fix);
        assertEquals(0, poolAdd("--in-place").exitCode());
        CliRun fixed = runCommand(fix.substring(prefix.length()), "10.10.2.40");
        assertEquals(0, fixed.exitCode(), fixed.stderr());
    }
}
