package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A stylesheet sees the topology and its parameters, nothing else; its errors are one line with file:line. */
class StylesheetSecurityTest {
    static final String HEAD = "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n";

    static CstopoException failure(String body) {
        SourceDocument doc = FileIO.readDocument(Fixtures.path("se-synergy.xml"));
        return assertThrows(CstopoException.class, () -> Transform.run(doc,
                Stylesheet.compile("rule.xsl", (HEAD + body + "\n</xsl:stylesheet>").getBytes(StandardCharsets.UTF_8)), Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<xsl:template match='/'><x><xsl:value-of select=\"unparsed-text('/etc/passwd')\"/></x></xsl:template>",
        "<xsl:template match='/'><x><xsl:value-of select=\"unparsed-text('file:///etc/passwd')\"/></x></xsl:template>",
        "<xsl:template match='/'><xsl:copy-of select=\"doc('file:///etc/passwd')\"/></xsl:template>",
        "<xsl:template match='/'><xsl:copy-of select=\"document('/etc/hosts')\"/></xsl:template>",
        "<xsl:template match='/'><x><xsl:value-of select=\"unparsed-text-lines('/etc/passwd')\"/></x></xsl:template>",
        "<xsl:template match='/'><xsl:result-document href='/tmp/cstopo-evil.xml'><x/></xsl:result-document><x/></xsl:template>",
        "<xsl:include href='/etc/passwd'/>",
        "<xsl:import href='file:///etc/passwd'/>",
    })
    void readingOrWritingAnythingElseFailsOnOneLine(String body) {
        CstopoException e = failure(body);
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("rule.xsl"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    /** With Java access off, Saxon answers environment-variable() with a zero-length string: no name, no value. */
    @Test
    void environmentVariablesAreInvisible() {
        CstopoException e = failure("<xsl:template match='/'><xsl:if test=\"exists(available-environment-variables()) or"
                + " string(environment-variable('PATH')) != ''\"><xsl:message terminate='yes'>leak</xsl:message></xsl:if>"
                + "<xsl:message terminate='yes'>sealed</xsl:message></xsl:template>");
        assertTrue(e.getMessage().contains("sealed"), e.getMessage());
    }

    @Test
    void doctypeInTheStylesheetIsRefused() {
        SourceDocument doc = FileIO.readDocument(Fixtures.path("se-synergy.xml"));
        String xsl = "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>\n" + HEAD + "<xsl:template match='/'><x>&e;</x></xsl:template></xsl:stylesheet>";
        CstopoException e = assertThrows(CstopoException.class,
                () -> Transform.run(doc, Stylesheet.compile("rule.xsl", xsl.getBytes(StandardCharsets.UTF_8)), Map.of()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void compileErrorNamesFileAndLine() {
        CstopoException e = failure("<xsl:template match='/'>\n<xsl:value-of select='1 +'/></xsl:template>");
        assertTrue(e.getMessage().startsWith("rule.xsl:3: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknownParameterIsAUsageError() {
        SourceDocument doc = FileIO.readDocument(Fixtures.path("se-synergy.xml"));
        CstopoException e = assertThrows(CstopoException.class,
                () -> Transform.run(doc, Stylesheet.load("set-ip"), Map.of("machine", "x=1.2.3.4")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("machines, side"), e.getMessage());
    }
}
