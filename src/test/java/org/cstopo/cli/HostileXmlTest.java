package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.io.SafeXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XXE and entity bombs: a file an entity points at is never read (its content appears nowhere),
 * and an expansion bomb is refused at its DOCTYPE, before any entity is expanded.
 */
class HostileXmlTest {
    private static final String MARKER = "CSTOPO-SECRET-4b1d9e";
    private static final String NS = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";

    @TempDir
    Path dir;

    Path secret;

    @BeforeEach
    void writeSecret() throws IOException {
        secret = Files.writeString(dir.resolve("secret.txt"), MARKER + "\n");
    }

    private Path topology(String prolog, String body) throws IOException {
        return Files.writeString(dir.resolve("hostile.xml"), prolog + "<Topology xmlns=\"" + NS + "\" Signature=\"x\">\n"
                + "  <Sites><CentralSite SiteId=\"1\"><Name>" + body + "</Name></CentralSite></Sites>\n</Topology>\n");
    }

    private String secretUri() {
        return secret.toUri().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "apply"})
    void externalEntityIsNeverRead(String command) throws IOException {
        Path file = topology("<!DOCTYPE Topology [<!ENTITY s SYSTEM \"" + secretUri() + "\">]>\n", "&s;");
        List<String> args = command.equals("show") ? List.of("show", "--debug", file.toString())
                : List.of("apply", "--debug", file.toString(), "-o", "-");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(3, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("cstopo: " + file + ":1:10: a DOCTYPE declaration is refused"), run.stderr());
        assertFalse(run.stdout().contains(MARKER), "secret on stdout");
        assertFalse(run.stderr().contains(MARKER), "secret on stderr");
        assertEquals(0, run.stdoutBytes().length);
    }

    @Test
    void externalParameterEntityIsNeverRead() throws IOException {
        Path file = topology("<!DOCTYPE Topology [<!ENTITY % p SYSTEM \"" + secretUri() + "\"> %p;]>\n", "x");
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.stderr().contains("a DOCTYPE declaration is refused"), run.stderr());
        assertFalse((run.stdout() + run.stderr()).contains(MARKER));
    }

    /** XInclude is off: an include element is unknown content, kept as written and never resolved. */
    @Test
    void xincludeIsNotProcessed() throws IOException {
        Path file = topology("", "HQ<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + secretUri() + "\" parse=\"text\"/>");
        CliRun show = CliRun.of("show", file.toString());
        assertEquals(0, show.exitCode(), show.stderr());
        assertFalse((show.stdout() + show.stderr()).contains(MARKER));
        // --force: the model has no place for an include inside <Name>, which validation reports
        CliRun apply = CliRun.of("apply", file.toString(), "-o", "-", "--force");
        assertEquals(0, apply.exitCode(), apply.stderr());
        assertArrayEquals(Files.readAllBytes(file), apply.stdoutBytes());
        assertFalse(apply.stdout().contains(MARKER));
    }

    @Test
    void billionLaughsIsRefusedAtTheDoctypeBeforeExpansion() throws IOException {
        Path file = Path.of("fixtures", "bad", "billion-laughs.xml");
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(3, run.exitCode());
        // line 2, column 10 is the DOCTYPE itself: the parser stopped there, before the first
        // entity declaration (line 3) and long before the reference in line 14
        assertTrue(run.stderr().startsWith("cstopo: " + file + ":2:10: a DOCTYPE declaration is refused"), run.stderr());
        assertFalse(run.stderr().contains("lollol"));
    }

    /** The DOM and SAX factories other code uses (XMLUnit, changes files, XSLT inputs) refuse the same. */
    @Test
    void hardenedFactoriesRefuseEveryDoctype() throws Exception {
        byte[] xxe = Files.readAllBytes(topology("<!DOCTYPE Topology [<!ENTITY s SYSTEM \"" + secretUri() + "\">]>\n", "&s;"));
        byte[] bomb = Files.readAllBytes(Path.of("fixtures", "bad", "billion-laughs.xml"));
        PrintStream realErr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true));
        try {
            refuseBoth(xxe, bomb);
        } finally {
            System.setErr(realErr);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "the parsers print nothing themselves");
        assertTrue(new String(xxe, StandardCharsets.UTF_8).contains(secretUri()), "the test points at the secret");
    }

    private static void refuseBoth(byte[]... docs) throws Exception {
        for (byte[] doc : docs) {
            SAXParseException dom = assertThrows(SAXParseException.class,
                    () -> SafeXml.newDocumentBuilder().parse(new ByteArrayInputStream(doc)));
            assertTrue(dom.getMessage().contains("DOCTYPE"), dom.getMessage());
            XMLReader sax = SafeXml.newReader();
            sax.setContentHandler(new DefaultHandler());
            SAXParseException e = assertThrows(SAXParseException.class,
                    () -> sax.parse(new InputSource(new ByteArrayInputStream(doc))));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            assertFalse(e.getMessage().contains(MARKER));
        }
    }

    /**
     * The case with the real limit: 20 MB of five million empty unknown elements (it took
     * 145 s and 6.3 GB) is refused in the first pass over the text, before any tree is built.
     */
    @Test
    void fiveMillionEmptyElementsAreRefusedAtTheLimit() throws IOException {
        Path file = dir.resolve("flood.xml");
        byte[] bytes = ("<Topology xmlns=\"" + NS + "\">" + "<x/>".repeat(5_000_000) + "</Topology>").getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(3, run.exitCode(), run.stderr());
        assertEquals("cstopo: " + file + ":1:4000076: more than 1,000,000 elements (cstopo's limit; a 1,000-pool topology has"
                + " about 160,000); no topology export does: check that this is the right file\n", run.stderr());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }
}
