package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of fixtures/bad/ through the CLI: the expected exit code and one line that says what
 * is wrong, where, and what to do. The expectations are written here, by hand, from what a user
 * should read; they are not derived from the code under test.
 */
class BadInputCorpusTest {
    static final Path BAD = Path.of("fixtures", "bad");

    /** One row per file: exit code, what follows "cstopo: fixtures/bad/FILE", and a fragment of the fix. */
    record Case(String file, int exit, String after, String fix) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("empty.xml", 3, ": the file is empty", "Get-CsTopology -AsXml | Out-File"),
            new Case("truncated-mid-element.xml", 3, ":20:71: the XML ends too early", "export the topology again"),
            new Case("truncated-utf16-export.xml", 3, ":32:8: the XML ends too early", "export the topology again"),
            new Case("powershell-error-transcript.xml", 3, ":1:1: this is a PowerShell error message, not a topology",
                    "Get-CsTopology -AsXml | Out-File"),
            new Case("json-instead-of-xml.xml", 3, ":1:1: this is not XML", "Get-CsTopology -AsXml"),
            new Case("wrong-root-clixml.xml", 3, ":1:1: root element is <Objs>, not <Topology>", "Get-CsTopology -AsXml"),
            new Case("wrong-namespace.xml", 3,
                    ":1:1: <Topology> is in namespace 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2010'",
                    "Get-CsTopology -AsXml"),
            new Case("no-namespace.xml", 3, ":1:1: <Topology> is in namespace ''", "Get-CsTopology -AsXml"),
            new Case("topology-builder.tbxml.xml", 3, ":1:1: this is a Topology Builder file (.tbxml)",
                    "export the published topology"),
            new Case("binary-garbage.xml", 3, ":1:12: bytes that are not valid UTF-8 at byte offset 11",
                    "export the topology again"),
            new Case("utf16-without-bom.xml", 3, ": looks like UTF-16 without a byte order mark", "save it as UTF-8"),
            new Case("utf16-odd-length.xml", 3, ":3:1: bytes that are not valid UTF-16LE with BOM at byte offset 278 (the file"
                    + " ends in the middle of a character", "export the topology again"),
            new Case("utf16-lone-surrogate.xml", 3, ":1:76: bytes that are not valid UTF-16LE with BOM at byte offset 152",
                    "export the topology again"),
            new Case("utf32le-bom.xml", 3, ": looks like UTF-32", "save it as UTF-8"),
            new Case("utf32be-bom.xml", 3, ": looks like UTF-32", "save it as UTF-8"),
            new Case("utf32le-without-bom.xml", 3, ": looks like UTF-32", "save it as UTF-8"),
            new Case("nul-byte.xml", 3, ":2:10: not well-formed XML: An invalid XML character (Unicode: 0x0)",
                    "fix the file there, or export it again"),
            new Case("unsupported-encoding-declaration.xml", 3,
                    ":1:31: the XML declaration says encoding=\"ISO-8859-1\" but the file is stored as UTF-8",
                    "save the file as UTF-8 or UTF-16"),
            new Case("declares-utf16-stored-as-utf8.xml", 3,
                    ":1:31: the XML declaration says encoding=\"utf-16\" but the file is stored as UTF-8",
                    "make the declaration say so"),
            new Case("unescaped-ampersand.xml", 3, ":8:32: not well-formed XML: The entity name must immediately follow the '&'",
                    "fix the file there"),
            new Case("mismatched-end-tag.xml", 3, ":18:9: not well-formed XML: The element type \"Machine\" must be terminated",
                    "fix the file there"),
            new Case("trailing-content.xml", 3, ":153:1: not well-formed XML: Content is not allowed in trailing section",
                    "fix the file there"),
            new Case("xxe-file-entity.xml", 3, ":2:10: a DOCTYPE declaration is refused", "remove it"),
            new Case("xxe-parameter-entity.xml", 3, ":1:10: a DOCTYPE declaration is refused", "remove it"),
            new Case("external-dtd.xml", 3, ":1:10: a DOCTYPE declaration is refused", "remove it"),
            new Case("billion-laughs.xml", 3, ":2:10: a DOCTYPE declaration is refused", "remove it"),
            new Case("nested-too-deep.xml", 3, ":2:1423: elements nest deeper than 256 levels", "check that this is the right file"),
            new Case("huge-attribute-value.xml", 3, ":2:44: attribute City has a value of 70000 characters (the limit is 65536)",
                    "check that this is the right file"));

    @TempDir
    Path tmp;

    static List<Case> cases() {
        return CASES;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void showRefusesWithOneClearLine(Case c) {
        String path = BAD.resolve(c.file()).toString();
        CliRun run = CliRun.of("show", path);
        assertOneLineError(run, c, path);
        assertEquals("", run.stdout(), "nothing may be printed on standard output");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void applyRefusesAndWritesNothing(Case c) throws IOException {
        Path input = BAD.resolve(c.file());
        byte[] before = Files.readAllBytes(input);
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("apply", input.toString(), "-o", out.toString());
        assertOneLineError(run, c, input.toString());
        assertFalse(Files.exists(out), "no output for a bad input");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "no temporary file left behind");
        }
        assertArrayEquals(before, Files.readAllBytes(input), "the input is never touched");
    }

    @Test
    void debugAddsTheStackTraceOnlyOnRequest() {
        String path = BAD.resolve("billion-laughs.xml").toString();
        CliRun run = CliRun.of("show", "--debug", path);
        assertEquals(3, run.exitCode());
        assertTrue(run.stderr().startsWith("cstopo: " + path + ":2:10: a DOCTYPE declaration is refused"), run.stderr());
        assertTrue(run.stderr().contains("\tat org.cstopo."), "--debug shows where: " + run.stderr());
    }

    @Test
    void everyFileOfTheCorpusHasARow() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(BAD)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> rows = CASES.stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, rows);
    }

    static void assertOneLineError(CliRun run, Case c, String path) {
        String err = run.stderr();
        assertEquals(c.exit(), run.exitCode(), err);
        assertEquals(1, err.lines().count(), "one line only: " + err);
        assertTrue(err.endsWith("\n"), "a complete line");
        assertTrue(err.startsWith("cstopo: " + path + c.after()), "expected 'cstopo: " + path + c.after() + "' got: " + err);
        assertTrue(err.contains(c.fix()), "says what to do (" + c.fix() + "): " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }
}
