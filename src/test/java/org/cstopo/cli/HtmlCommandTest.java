package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff --format html} and {@code show --format html} as a user runs them: exit codes, -o, --stylesheet, refusals. */
class HtmlCommandTest {
    private static final String OLD = "fixtures/se-synergy.utf16-crlf.xml";

    @TempDir
    static Path shared;
    static Path cisco;

    @BeforeAll
    static void applyTheCiscoChange() {
        cisco = shared.resolve("cisco.xml");
        CliRun apply = CliRun.of("apply", OLD, "-c", "fixtures/cisco-imp-federation.changes.xml", "-o", cisco.toString());
        assertEquals(0, apply.exitCode(), apply.stderr());
    }

    private static void assertOneLine(CliRun run, int code, String start) {
        assertEquals(code, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("cstopo: " + start), run.stderr());
        assertFalse(run.stderr().contains("\tat "), "no stack trace");
    }

    @Test
    void diffPrintsThePageAndExitsOneWhenTheTopologiesDiffer() {
        CliRun run = CliRun.of("diff", OLD, cisco.toString(), "--format", "html");
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertTrue(run.stdout().startsWith("<!DOCTYPE HTML><html lang=\"en\">"), run.stdout());
        assertTrue(run.stdout().contains("id=\"pool-trustedpool.sip.com\""), "the drawing holds the new pool");
        assertTrue(run.stdout().endsWith("</html>"), "one whole page");
    }

    @Test
    void diffOfEqualTopologiesExitsZero() {
        CliRun run = CliRun.of("diff", OLD, "fixtures/se-synergy.xml", "--format", "html");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("No differences"), run.stdout());
    }

    @Test
    void dashOWritesThePageAndSaysWhere(@TempDir Path tmp) throws Exception {
        Path page = tmp.resolve("change.html");
        CliRun run = CliRun.of("diff", OLD, cisco.toString(), "--format", "html", "-o", page.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals("cstopo: wrote " + page + "\n", run.stderr());
        assertEquals("", run.stdout());
        assertTrue(Files.readString(page).contains("trustedpool.sip.com"));

        Path shown = tmp.resolve("show.html");
        CliRun show = CliRun.of("show", cisco.toString(), "--format", "html", "-o", shown.toString());
        assertEquals(0, show.exitCode(), show.stderr());
        assertTrue(Files.readString(shown).contains("<h1>Topology: <code>" + cisco + "</code></h1>"));
    }

    @Test
    void thePageNeverReplacesAnInput(@TempDir Path tmp) throws Exception {
        Path old = tmp.resolve("old.xml");
        Files.copy(Path.of(OLD), old);
        byte[] bytes = Files.readAllBytes(old);
        assertOneLine(CliRun.of("diff", old.toString(), cisco.toString(), "--format", "html", "-o", old.toString()), 2,
                "-o " + old + " is the input file");
        assertOneLine(CliRun.of("show", old.toString(), "--format", "html", "-o", old.toString()), 2, "-o " + old + " is the input file");
        assertArrayEquals(bytes, Files.readAllBytes(old));
    }

    @Test
    void dashOAndStylesheetGoWithHtml() {
        assertOneLine(CliRun.of("diff", OLD, cisco.toString(), "-o", "x.html"), 2, "-o goes with --format html");
        assertOneLine(CliRun.of("show", OLD, "--stylesheet", "xslt/html-report.xsl"), 2, "--stylesheet goes with --format html");
        assertFalse(Files.exists(Path.of("x.html")));
    }

    @Test
    void otherCommandsRefuseHtmlAndSayWhereThePageIs() {
        assertOneLine(CliRun.of("validate", OLD, "--format", "html"), 2, "Invalid value for option '--format': 'html' is not a format"
                + " this command prints: text, json, sarif or github (the HTML pages are 'cstopo show TOPOLOGY --format html' and"
                + " 'cstopo diff OLD NEW --format html') (see 'cstopo validate --help')");
        assertOneLine(CliRun.of("set-ip", OLD, "lyncserver.synergy.com=10.0.0.5", "--diff", "--format", "html"), 2,
                "Invalid value for option '--format': 'html' is not a format this command prints");
    }

    @Test
    void aCopyOfTheShippedStylesheetChangesTheLook(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("my-report.xsl");
        String shipped = Files.readString(Path.of("xslt", "html-report.xsl"));
        assertTrue(shipped.contains("<h2>Drawing</h2>"));
        Files.writeString(mine, shipped.replace("<h2>Drawing</h2>", "<h2>Zeichnung</h2>").replace("--added: #009e73", "--added: #0000ff"));
        CliRun run = CliRun.of("diff", OLD, cisco.toString(), "--format", "html", "--stylesheet", mine.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("<h2>Zeichnung</h2>") && run.stdout().contains("--added: #0000ff"), "the copy made the page");
    }

    @Test
    void aBrokenOrMissingStylesheetIsOneLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.xsl");
        Files.writeString(broken, "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\">"
                + "<xsl:value-of select=\"1 +\"/></xsl:template></xsl:stylesheet>");
        Path page = tmp.resolve("page.html");
        assertOneLine(CliRun.of("diff", OLD, cisco.toString(), "--format", "html", "--stylesheet", broken.toString(), "-o", page.toString()),
                3, broken + ":1: ");
        assertOneLine(CliRun.of("show", OLD, "--format", "html", "--stylesheet", tmp.resolve("none.xsl").toString()), 3,
                tmp.resolve("none.xsl") + ": no such stylesheet");
        assertFalse(Files.exists(page));
    }

    @Test
    void aMissingTopologyIsOneLineAndNoPage(@TempDir Path tmp) {
        Path page = tmp.resolve("page.html");
        assertOneLine(CliRun.of("diff", OLD, tmp.resolve("gone.xml").toString(), "--format", "html", "-o", page.toString()), 3,
                tmp.resolve("gone.xml") + ": no such topology file");
        assertFalse(Files.exists(page));
    }
}
