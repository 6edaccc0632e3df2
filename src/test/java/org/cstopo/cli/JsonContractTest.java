package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.Fixtures;
import org.cstopo.JsonRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --format json: once the arguments are parsed, exactly one JSON object on stdout whatever happens,
 * errors included (CliRun also checks every such run against the shipped schema); the error's one
 * line stays on stderr. An editing command's object always has every key of edit.schema.json;
 * validate, show and diff print {"error", "exitCode"} when they fail.
 */
class JsonContractTest {
    @TempDir
    Path tmp;

    Path topology;

    @BeforeEach
    void copyTopology() throws IOException {
        topology = Files.copy(Fixtures.path("se-trusted-pool.xml"), tmp.resolve("topology.xml"));
    }

    /** The report, after checking that it has every key and that its error is the one line on stderr. */
    private static Map<String, Object> report(CliRun run, int exitCode) {
        assertEquals(exitCode, run.exitCode(), run.stderr());
        Map<String, Object> report = JsonRead.object(run.stdout());
        assertEquals(ShapeReportTest.KEYS, List.copyOf(report.keySet()));
        assertEquals((long) exitCode, report.get("exitCode"));
        if (exitCode > 1) {
            assertEquals(Map.of("code", (long) exitCode, "message", onlyStderrLine(run)), report.get("error"));
        } else {
            assertNull(report.get("error"));
        }
        return report;
    }

    private static String onlyStderrLine(CliRun run) {
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.get(0).startsWith("cstopo: "), run.stderr());
        return lines.get(0).substring("cstopo: ".length());
    }

    @Test
    void aRefusedWriteReportsItsFindingsAndItsError() {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.21", "-o", out.toString(), "--format", "json");
        Map<String, Object> report = report(run, 6);
        assertEquals("refused", report.get("status"));
        assertNull(report.get("written"));
        assertEquals(List.of(), report.get("outside"));
        assertEquals(List.of(), report.get("messages"));
        Map<?, ?> validation = (Map<?, ?>) report.get("validation");
        assertEquals("<result>", validation.get("file"));
        assertEquals(1L, validation.get("errors"));
        assertTrue(((String) ((Map<?, ?>) report.get("error")).get("message")).endsWith("nothing was written; fix the changes,"
                + " or pass --force to write it anyway"));
        assertFalse(Files.exists(out));
    }

    @Test
    void checkReportsPendingValidPendingBrokenAndUpToDate() {
        String t = topology.toString();
        Map<String, Object> valid = report(CliRun.of("set-ip", t, "ucma02.synergy.com=10.10.2.22", "--check", "--format", "json"), 1);
        assertEquals("pending", valid.get("status"));
        assertEquals(0L, ((Map<?, ?>) valid.get("validation")).get("errors"));

        Map<String, Object> broken = report(CliRun.of("set-ip", t, "ucma02.synergy.com=10.10.2.21", "--check", "--format", "json"), 6);
        assertEquals("pending", broken.get("status"), "the changes are pending; the error says a write would be refused");
        assertTrue(((String) ((Map<?, ?>) broken.get("error")).get("message")).contains("; a write would be refused: "));

        Map<String, Object> upToDate = report(CliRun.of("set-ip", t, "ucma01.synergy.com=10.10.2.21", "--check", "--format", "json"), 0);
        assertEquals("up-to-date", upToDate.get("status"));
        Map<?, ?> outcome = (Map<?, ?>) ((List<?>) upToDate.get("outcomes")).get(0);
        assertEquals(false, outcome.get("applied"));
        assertEquals(List.of("no changes: the topology already has everything declared"), upToDate.get("messages"));
    }

    @Test
    void aWrittenResultSaysWhereAndHasNoError() {
        Path out = tmp.resolve("out.xml");
        Map<String, Object> report = report(CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "-o", out.toString(),
                "--format", "json"), 0);
        assertEquals("written", report.get("status"));
        assertEquals(out.toString(), report.get("written"));
        assertEquals(out.toString(), ((Map<?, ?>) report.get("validation")).get("file"));
    }

    /** "written" is a path a pipeline can open; it held "topology.xml (backup topology.xml.bak)" after --in-place. */
    @Test
    void anInPlaceWriteNamesTheFileAndItsBackupEachAsAPath() throws IOException {
        byte[] original = Files.readAllBytes(topology);
        Map<String, Object> inPlace = report(CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "--in-place",
                "--format", "json"), 0);
        assertEquals("written", inPlace.get("status"));
        assertEquals(topology.toString(), inPlace.get("written"));
        assertEquals(topology + ".bak", inPlace.get("backup"));
        assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(Path.of((String) inPlace.get("backup")))), "the backup is the original");

        Map<String, Object> toFile = report(CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.23", "-o",
                tmp.resolve("out.xml").toString(), "--format", "json"), 0);
        assertNull(toFile.get("backup"), "-o keeps no backup");
    }

    @Test
    void transformReportsTheSameShapeWithoutInferredForms() {
        Map<String, Object> report = report(CliRun.of("transform", topology.toString(), "--xslt", "set-ip",
                "--param", "machines=ucma02.synergy.com=10.10.2.22", "--check", "--format", "json"), 1);
        assertEquals("pending", report.get("status"));
        assertNull(report.get("inferred"), "a stylesheet writes its own form");
        assertEquals(List.of(), report.get("outcomes"));

        Map<String, Object> broken = report(CliRun.of("transform", topology.toString(), "--xslt", "set-ip",
                "--param", "machines=ucma02.synergy.com=10.10.2.21", "-o", tmp.resolve("out.xml").toString(), "--format", "json"), 6);
        assertEquals("refused", broken.get("status"));
        Map<?, ?> finding = (Map<?, ?>) ((List<?>) ((Map<?, ?>) broken.get("validation")).get("findings")).get(0);
        assertEquals("<result>", finding.get("file"));
        assertEquals(30L, finding.get("line"));
    }

    @Test
    void aMissingTopologyIsReportedWithEveryKey() {
        Path missing = tmp.resolve("missing.xml");
        Map<String, Object> report = report(CliRun.of("apply", missing.toString(), "-c", Fixtures.path("cisco-imp-federation.changes.xml")
                .toString(), "-o", tmp.resolve("out.xml").toString(), "--format", "json"), 3);
        assertEquals(missing.toString(), report.get("file"));
        assertEquals(List.of(), report.get("outcomes"));
        assertNull(report.get("inferred"), "the run stopped before anything was applied");
        assertNull(report.get("validation"));
        assertNull(report.get("status"));
        assertNull(report.get("written"));
        assertTrue(((String) ((Map<?, ?>) report.get("error")).get("message")).startsWith(missing + ": no such topology file"), report.toString());
    }

    @Test
    void aConflictIsReportedWithEveryKey() {
        Map<String, Object> report = report(CliRun.of("trusted-computer", "add", topology.toString(), "--identity", "c9.synergy.com",
                "--pool", "nopool.synergy.com", "--check", "--format", "json"), 4);
        assertNull(report.get("status"));
        assertNull(report.get("validation"));
    }

    @Test
    void usageErrorsFoundAfterParsingAreInTheObjectTooButParseErrorsPrintNothing() {
        Map<String, Object> noTarget = report(CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "--format", "json"), 2);
        assertTrue(((String) ((Map<?, ?>) noTarget.get("error")).get("message")).startsWith("say where to write the result"), noTarget.toString());

        Map<String, Object> report = report(CliRun.of("transform", topology.toString(), "--xslt", "report-text", "--format", "json"), 2);
        assertTrue(((String) ((Map<?, ?>) report.get("error")).get("message")).startsWith("--format json reports an edit of the topology,"
                + " but report-text.xsl writes a report"), report.toString());

        CliRun unknown = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "--check", "--format", "json", "--nope");
        assertEquals(2, unknown.exitCode());
        assertEquals("", unknown.stdout(), "a command line that does not parse is answered on stderr only");
    }

    @Test
    void aWriteThatFailsReportsNoWrittenFile() {
        Path out = tmp.resolve("no-such-directory").resolve("out.xml");
        Map<String, Object> report = report(CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "-o", out.toString(),
                "--format", "json"), 5);
        assertNull(report.get("status"));
        assertNull(report.get("written"));
        assertEquals(0L, ((Map<?, ?>) report.get("validation")).get("errors"), "validated before the write failed");

        // and in text, the change is not said to be applied: no file holds it
        CliRun text = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "-o", out.toString());
        assertEquals(5, text.exitCode(), text.stderr());
        List<String> lines = text.stderr().lines().toList();
        assertEquals("cstopo: not applied: computer ucma02.synergy.com Primary address 0.0.0.0 -> 10.10.2.22", lines.get(0), text.stderr());
        assertTrue(lines.get(1).startsWith("cstopo: " + out), text.stderr());
        assertEquals(2, lines.size(), text.stderr());
    }

    /** validate, show and diff: the failure object, the same for each, whatever the command. */
    @Test
    void reportCommandsPrintTheFailureObject() {
        Path missing = tmp.resolve("missing.xml");
        for (String[] args : List.of(new String[] {"validate", missing.toString(), "--format", "json"},
                new String[] {"show", missing.toString(), "--format", "json"},
                new String[] {"diff", topology.toString(), missing.toString(), "--format", "json"},
                new String[] {"validate", "--format=json", missing.toString()})) {
            CliRun run = CliRun.of(args);
            assertEquals(3, run.exitCode(), run.stderr());
            String message = onlyStderrLine(run);
            assertTrue(message.startsWith(missing + ": no such topology file"), message);
            Map<String, Object> failure = JsonRead.object(run.stdout());
            assertEquals(List.of("error", "exitCode"), List.copyOf(failure.keySet()));
            assertEquals(Map.of("code", 3L, "message", message), failure.get("error"));
            assertEquals(3L, failure.get("exitCode"));
        }
        CliRun text = CliRun.of("validate", missing.toString());
        assertEquals(3, text.exitCode());
        assertEquals("", text.stdout(), "without --format json, stdout stays empty");
    }
}
