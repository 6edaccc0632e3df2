package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;

/** Inputs the fuzz run (FuzzTest) found mishandled, kept as fixed examples. */
class FuzzRegressionTest {
    private static CstopoException refuse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return assertThrows(CstopoException.class, () -> TopologyBinder.bind(SourceDocument.parse("f.xml", bytes)));
    }

    /** Found by FuzzTest: a CR inserted in the declaration; the parser's message quoted it and broke the line. */
    @Test
    void lineBreakQuotedByTheParserStaysOnOneLine() {
        CstopoException e = refuse("<?xml version=\"1.\r0\"?>\n<Topology/>");
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("f.xml:2:3: not well-formed XML: XML version \"1.\\n0\" is not supported, only XML 1.0 is supported."
                + " (fix the file there, or export it again)", e.getMessage());
    }

    /** The same through a value cstopo quotes itself: a namespace holding a character reference for LF. */
    @Test
    void lineBreakInAQuotedNamespaceStaysOnOneLine() {
        CstopoException e = refuse("<Topology xmlns=\"urn:a&#10;b\"/>");
        assertEquals("f.xml:1:1: <Topology> is in namespace 'urn:a\\nb', expected"
                + " 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008'; pass the file written by Get-CsTopology -AsXml",
                e.getMessage());
    }
}
