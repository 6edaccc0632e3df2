package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad changes files (fixtures/bad/changes/): one line, the documented exit code, nothing written. */
class BadChangesTest {
    record Case(String file, int exit, String after, String topology) {
        Case(String file, int exit, String after) {
            this(file, exit, after, "se-synergy.utf16-crlf.xml");
        }
        @Override
        public String toString() {
            return file;
        }
    }

    static final String TRUSTED = "se-trusted-pool.utf16-crlf.xml";

    static List<Case> cases() {
        return List.of(
                new Case("invalid-ip.changes.xml", 3,
                        ":2:62: SetIPAddress IPAddress '10.10.1.300' is not an IPv4 or IPv6 address: IPv4 is four numbers from 0"
                                + " to 255 without leading zeros; e.g. IPAddress=\"10.10.1.11\""),
                new Case("unknown-fqdn.changes.xml", 4,
                        ":2:3: SetIPAddress impserver9.sip.com Primary=10.10.1.19: no computer impserver9.sip.com in the"
                                + " topology; check the FQDN"),
                new Case("xxe.changes.xml", 3, ":2:10: a DOCTYPE declaration is refused"),
                new Case("new-pool-other-settings.changes.xml", 4, ":2:3: NewTrustedApplicationPool ucmapool.synergy.com: trusted"
                        + " application pool ucmapool.synergy.com already exists with other settings: TreatAsAuthenticated true, not false;"
                        + " to change them, use <SetTrustedApplicationPool Identity=\"ucmapool.synergy.com\" TreatAsAuthenticated=\"false\"/>",
                        TRUSTED),
                new Case("new-application-other-port.changes.xml", 4, ":2:3: NewTrustedApplication ivr.synergy.com on"
                        + " ucmapool.synergy.com:7001: application ivr.synergy.com already exists in pool ucmapool.synergy.com with port 6001,"
                        + " not 7001; application ids are unique per pool: to change it, RemoveTrustedApplication", TRUSTED),
                new Case("new-computer-of-another-pool.changes.xml", 4, ":2:3: NewTrustedApplicationComputer lyncserver.synergy.com in"
                        + " pool ucmapool.synergy.com: computer lyncserver.synergy.com already belongs to pool lyncserver.synergy.com;"
                        + " lyncserver.synergy.com is not a trusted application pool, so this is another server: check the FQDN", TRUSTED));
    }

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("cases")
    void refusedInOneLineAndNothingWritten(Case c) throws IOException {
        Path input = Files.copy(Fixtures.path(c.topology()), tmp.resolve("topology.xml"));
        byte[] before = Files.readAllBytes(input);
        String changes = Path.of("fixtures", "bad", "changes", c.file()).toString();
        CliRun check = CliRun.of("apply", input.toString(), "--changes", changes, "--check");
        assertEquals(c.exit(), check.exitCode(), "--check refuses too: " + check.stderr());
        CliRun toFile = CliRun.of("apply", input.toString(), "--changes", changes, "-o", tmp.resolve("out.xml").toString());
        assertEquals(c.exit(), toFile.exitCode(), toFile.stderr());
        CliRun run = CliRun.of("apply", input.toString(), "--changes", changes, "--in-place");
        assertEquals(c.exit(), run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("cstopo: " + changes + c.after()), run.stderr());
        assertFalse(run.stderr().contains("root:"), "the XXE target is never read: " + run.stderr());
        assertArrayEquals(before, Files.readAllBytes(input));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("topology.xml"), s.map(p -> p.getFileName().toString()).toList(), "no backup, no temp");
        }
    }
}
