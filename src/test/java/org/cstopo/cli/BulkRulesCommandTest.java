package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** readdress and rename-domain as a user runs them: a mapping file, refusals, and the result validated like every edit. */
class BulkRulesCommandTest {
    static final String EE = Fixtures.path("ee-two-sites-edge.utf16-crlf.xml").toString();

    @TempDir
    Path tmp;

    /** A CSV saved by a Windows editor (UTF-16, BOM, CRLF) gives the bytes the same mapping given inline gives. */
    @Test
    void aMappingFileIsTheParametersText() throws IOException {
        Path csv = tmp.resolve("addresses.csv");
        byte[] text = "old,new\r\n10.1.0.0/16,10.5.0.0/16\r\n10.1.0.12,10.9.9.9\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 2);
        System.arraycopy(text, 0, file, 2, text.length);
        Files.write(csv, file);
        Path fromFile = tmp.resolve("from-file.xml");
        Path inline = tmp.resolve("inline.xml");
        CliRun a = CliRun.of("transform", EE, "--xslt", "readdress", "--param-file", "map=" + csv, "-o", fromFile.toString());
        CliRun b = CliRun.of("transform", EE, "--xslt", "readdress", "--param", "map=10.1.0.0/16=10.5.0.0/16,10.1.0.12=10.9.9.9",
                "-o", inline.toString());
        assertEquals(0, a.exitCode(), a.stderr());
        assertEquals(0, b.exitCode(), b.stderr());
        assertArrayEquals(Files.readAllBytes(inline), Files.readAllBytes(fromFile));
        assertTrue(a.stderr().contains("cstopo: readdress.xsl: re-addressed 5 addresses\n"), a.stderr());
    }

    @Test
    void aParameterFileThatCannotBeReadOrIsGivenTwiceIsRefused() {
        CliRun missing = CliRun.of("transform", EE, "--xslt", "readdress", "--param-file", "map=" + tmp.resolve("none.csv"), "--check");
        assertEquals(3, missing.exitCode());
        assertEquals("cstopo: " + tmp.resolve("none.csv") + ": no such parameter file; check the path (a text file, UTF-8 or UTF-16"
                + " with a byte order mark, whose text is the parameter's value)\n", missing.stderr());
        CliRun twice = CliRun.of("transform", EE, "--xslt", "readdress", "--param", "map=10.1.0.0/16=10.5.0.0/16",
                "--param-file", "map=" + tmp.resolve("none.csv"), "--check");
        assertEquals(2, twice.exitCode());
        assertEquals("cstopo: parameter map is given twice (--param and --param-file): give it once\n", twice.stderr());
        CliRun noFile = CliRun.of("transform", EE, "--xslt", "readdress", "--param-file", "map", "--check");
        assertEquals(2, noFile.exitCode());
        assertEquals("cstopo: --param-file 'map' is not NAME=FILE (e.g. --param-file map=addresses.csv)\n", noFile.stderr());
    }

    @Test
    void aRefusedMappingIsOneLineAndWritesNothing() {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("transform", EE, "--xslt", "readdress", "--param", "map=10.1.0.12=10.9.9.9,10.1.0.12=10.9.9.8",
                "-o", out.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.stderr().matches("cstopo: readdress\\.xsl:\\d+: map: 10\\.1\\.0\\.12 is mapped twice \\(10\\.1\\.0\\.12=10\\.9\\.9\\.9,"
                + " 10\\.1\\.0\\.12=10\\.9\\.9\\.8\\): map each address once\n"), run.stderr());
        assertFalse(Files.exists(out));
    }

    /** Two machines moved onto one address is the validation's ip-address-shared: exit 6, nothing written. */
    @Test
    void aMappingThatMakesTwoMachinesShareAnAddressIsRefusedByValidation() {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("transform", EE, "--xslt", "readdress", "--param", "map=10.1.0.0/16=10.2.0.0/16,10.1.0.11=10.2.0.12",
                "-o", out.toString());
        assertEquals(6, run.exitCode());
        assertTrue(run.stderr().contains("[ip-address-shared] pool fepool.contoso.net, machine fe02.contoso.net: 10.2.0.12 is also the"
                + " address of pool fepool.contoso.net, machine fe01.contoso.net"), run.stderr());
        assertFalse(Files.exists(out));
    }

    /**
     * The Lync side is checked after a rename: moving the Lync servers into the IM and Presence domain of
     * the Cisco trusted pool (sip.com) breaks lync-pool-in-federated-domain, and nothing is written.
     */
    @Test
    void renamingTheLyncPoolIntoTheFederatedDomainIsRefusedByValidation() {
        Path cisco = tmp.resolve("cisco.xml");
        CliRun applied = CliRun.of("apply", Fixtures.path("se-synergy.utf16-crlf.xml").toString(), "-c",
                Fixtures.path("cisco-imp-federation.changes.xml").toString(), "-o", cisco.toString());
        assertEquals(0, applied.exitCode(), applied.stderr());
        Path out = tmp.resolve("renamed.xml");
        CliRun run = CliRun.of("transform", cisco.toString(), "--xslt", "rename-domain", "--param", "from=synergy.com",
                "--param", "to=sip.com", "-o", out.toString());
        assertEquals(6, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("cstopo: rename-domain.xsl: renamed 7 names from synergy.com to sip.com\n"), run.stderr());
        assertTrue(run.stderr().contains("error [lync-pool-in-federated-domain] pool lyncserver.sip.com"), run.stderr());
        assertFalse(Files.exists(out));

        CliRun elsewhere = CliRun.of("transform", cisco.toString(), "--xslt", "rename-domain", "--param", "from=synergy.com",
                "--param", "to=synergy.example", "-o", out.toString());
        assertEquals(0, elsewhere.exitCode(), elsewhere.stderr());
        CliRun validate = CliRun.of("validate", out.toString());
        assertEquals(0, validate.exitCode(), validate.stdout());
    }
}
