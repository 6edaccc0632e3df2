package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.cstopo.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check before every transform write, as wired into Transform (WriteCheck.requireSame): a
 * minimal edit that is not the stylesheet's output is refused through the command line with exit
 * 70, and nothing is written. Removing the check from Transform makes this test fail.
 */
class TransformWriteCheckTest {
    @TempDir
    Path dir;

    @AfterEach
    void untamper() {
        Transform.tamper = UnaryOperator.identity();
    }

    @Test
    void anEditThatIsNotTheStylesheetsOutputIsRefused() throws IOException {
        Path t = Files.copy(Fixtures.path("ee-two-sites-edge.xml"), dir.resolve("t.xml"));
        byte[] original = Files.readAllBytes(t);
        Transform.tamper = text -> text.replace("\"10.1.0.12\"", "\"10.1.0.99\"");
        CliRun run = CliRun.of("transform", t.toString(), "--xslt", "set-ip", "--param", "machines=fe01.contoso.net=10.77.0.1", "--in-place");
        assertEquals(70, run.exitCode(), run.stderr());
        assertEquals("cstopo: the edited topology differs from set-ip.xsl output: machine fe02.contoso.net: IPAddress 10.1.0.12 -> 10.1.0.99;"
                + " nothing was written (this is a bug: run again with --debug and report it)\n", run.stderr());
        assertArrayEquals(original, Files.readAllBytes(t));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(t), files.toList());
        }
    }
}
