package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformCommandTest {
    static final String TOPOLOGY = "fixtures/se-trusted-pool.utf16-crlf.xml";

    @Test
    void diffShowsTheOneChangedLine() {
        CliRun run = CliRun.of("transform", TOPOLOGY, "--xslt", "set-ip", "--param", "machines=ucma02.synergy.com=10.10.2.22", "--diff");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(1, run.stdout().lines().filter(l -> l.startsWith("-  ")).count(), run.stdout());
        assertTrue(run.stdout().contains("+        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"10.10.2.22\" />"));
    }

    @Test
    void writesTheEditInTheOriginalEncodingAndCheckSeesNothingPendingAfterwards(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("transform", TOPOLOGY, "--xslt", "xslt/set-ip.xsl", "--param", "machines=ucma02.synergy.com=10.10.2.22",
                "-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        byte[] bytes = Files.readAllBytes(out);
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        CliRun again = CliRun.of("transform", out.toString(), "--xslt", "set-ip", "--param", "machines=ucma02.synergy.com=10.10.2.22", "--check");
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stderr().contains("up to date"));
        assertArrayEquals(bytes, Files.readAllBytes(out));
    }

    @Test
    void reportIsPrintedAsItIs() {
        CliRun run = CliRun.of("transform", TOPOLOGY, "--xslt", "report-text");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("  application ivr.synergy.com port 6001 Mtls\n"), run.stdout());
    }

    @Test
    void aRuleThatRefusesGivesOneLineAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("transform", TOPOLOGY, "--xslt", "set-ip", "--param", "machines=nosuch.synergy.com=1.2.3.4", "-o", out.toString());
        assertEquals(3, run.exitCode());
        assertEquals("cstopo: set-ip.xsl:39: no machine nosuch.synergy.com with a Primary interface in this topology", run.stderr().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void editNeedsAnOutputAndParamsNeedAName() {
        CliRun run = CliRun.of("transform", TOPOLOGY, "--xslt", "set-ip", "--param", "machines=ucma02.synergy.com=10.10.2.22");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("-o FILE"), run.stderr());
        assertEquals(2, CliRun.of("transform", TOPOLOGY, "--xslt", "set-ip", "--param", "=x", "--diff").exitCode());
        assertEquals(3, CliRun.of("transform", TOPOLOGY, "--xslt", "no-such-rule", "--diff").exitCode());
    }
}
