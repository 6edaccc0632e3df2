package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextconvCommandTest {
    /** Each UTF-16 + CRLF fixture is its UTF-8 + LF twin once converted, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"se-synergy", "ee-two-sites-edge", "se-trusted-pool-own-form"})
    void aUtf16ExportBecomesItsUtf8Twin(String name) throws Exception {
        CliRun r = CliRun.of("textconv", Fixtures.path(name + ".utf16-crlf.xml").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertArrayEquals(Files.readAllBytes(Fixtures.path(name + ".xml")), r.stdoutBytes());
    }

    @Test
    void aFileThatCannotBeReadIsExit3WithOneLine() {
        CliRun r = CliRun.of("textconv", "no-such.xml");
        assertEquals(3, r.exitCode());
        assertEquals("", r.stdout());
        assertEquals("cstopo: no-such.xml: no such topology file; check the path (export it with Get-CsTopology -AsXml | Out-File"
                + " no-such.xml)\n", r.stderr());
        CliRun dir = CliRun.of("textconv", Path.of("fixtures").toString());
        assertEquals(3, dir.exitCode());
    }
}
