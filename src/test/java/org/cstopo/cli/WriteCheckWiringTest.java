package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check before every write, as wired into apply and the one-off commands (ChangeRun ->
 * WriteCheck.requireOnly): an edit that touches what no change named is refused with exit 70 and
 * nothing is written. Removing the check from ChangeRun makes these tests fail.
 */
class WriteCheckWiringTest {
    @TempDir
    Path dir;

    @AfterEach
    void untamper() {
        EditOutput.tamper = UnaryOperator.identity();
    }

    private static final String REFUSED = "cstopo: the result changes what no change asked for:"
            + " machine fe02.contoso.net: IPAddress 10.1.0.12 -> 10.1.0.99;"
            + " nothing was written (this is a bug: run again with --debug and report it)";

    @Test
    void anEditOfAMachineNoChangeNamedIsRefusedInPlace() throws IOException {
        Path t = Files.copy(Fixtures.path("ee-two-sites-edge.xml"), dir.resolve("t.xml"));
        DirSnapshot before = DirSnapshot.of(dir);
        EditOutput.tamper = text -> text.replace("\"10.1.0.12\"", "\"10.1.0.99\"");
        CliRun run = CliRun.of("set-ip", t.toString(), "fe01.contoso.net=10.77.0.1", "--in-place");
        assertEquals(70, run.exitCode(), run.stderr());
        assertEquals("cstopo: not applied: computer fe01.contoso.net Primary address 10.1.0.11 -> 10.77.0.1\n" + REFUSED + "\n", run.stderr());
        assertEquals(before, DirSnapshot.of(dir));
    }

    @Test
    void anEditOfAMachineNoChangeNamedIsRefusedForAChangesFile() throws IOException {
        Path t = Files.copy(Fixtures.path("ee-two-sites-edge.xml"), dir.resolve("t.xml"));
        Path changes = Files.writeString(dir.resolve("c.xml"), "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">"
                + "<SetIPAddress Computer=\"fe01.contoso.net\" IPAddress=\"10.77.0.1\"/></TopologyChanges>");
        DirSnapshot before = DirSnapshot.of(dir);
        EditOutput.tamper = text -> text.replace("\"10.1.0.12\"", "\"10.1.0.99\"");
        CliRun run = CliRun.of("apply", t.toString(), "-c", changes.toString(), "-o", dir.resolve("out.xml").toString());
        assertEquals(70, run.exitCode(), run.stderr());
        assertEquals(REFUSED, run.stderr().lines().reduce((a, b) -> b).orElse(""));
        assertEquals(before, DirSnapshot.of(dir));
    }
}
