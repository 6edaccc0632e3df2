package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing commands say which trusted pool new elements copy, and which elements are inferred. */
class ShapeReportTest {
    static final String CHANGES = Fixtures.path("cisco-imp-federation.changes.xml").toString();
    static final String NO_TRUSTED_POOL = Fixtures.path("se-synergy.utf16-crlf.xml").toString();
    static final String OWN_FORM = Fixtures.path("se-trusted-pool-own-form.utf16-crlf.xml").toString();
    static final List<String> KEYS = List.of("file", "outcomes", "outside", "inferred", "shapeFrom", "messages", "validation", "status",
            "written", "backup", "error", "exitCode");

    @TempDir
    Path tmp;

    @Test
    void withoutATrustedPoolEachInferredKindIsOneLine() {
        CliRun run = CliRun.of("apply", NO_TRUSTED_POOL, "-c", CHANGES, "-o", tmp.resolve("out.xml").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> inferred = run.stderr().lines().filter(l -> l.startsWith("cstopo: inferred: ")).toList();
        assertEquals(List.of("Cluster", "Machine", "Service", "Port (application)", "ExternalServerService"),
                inferred.stream().map(l -> l.substring("cstopo: inferred: ".length(), l.indexOf(": ", "cstopo: inferred: ".length()))).toList());
        assertTrue(inferred.get(4).endsWith(": its name, namespace and attributes (no real export shows one)"), inferred.get(4));
        // The reason, the same for every kind, is said once, on the closing line.
        assertTrue(inferred.stream().noneMatch(l -> l.contains("built-in form")), inferred.toString());
        assertTrue(run.stderr().contains("cstopo: no real export confirms these forms (cstopo's built-in form: no trusted application"
                + " pool in this topology to copy): publish in a lab first"), run.stderr());
        assertFalse(run.stderr().contains("copy the form"), run.stderr());
    }

    @Test
    void jsonListsTheInferredElementsAndKeepsEveryKey() throws IOException {
        Path out = tmp.resolve("out.xml");
        Map<String, Object> report = JsonRead.object(CliRun.of("apply", NO_TRUSTED_POOL, "-c", CHANGES, "-o", out.toString(),
                "--format", "json").stdout());
        assertEquals(KEYS, List.copyOf(report.keySet()));
        assertNull(report.get("shapeFrom"));
        List<?> inferred = (List<?>) report.get("inferred");
        assertEquals(5, inferred.size());
        Map<?, ?> first = (Map<?, ?>) inferred.get(0);
        assertEquals(List.of("element", "why"), List.copyOf(first.keySet()));
        assertEquals("Cluster", first.get("element"));
        assertEquals("RequiresSetup=\"false\" (cstopo's built-in form: no trusted application pool in this topology to copy)", first.get("why"));
        assertEquals("written", report.get("status"));
        assertEquals(0L, report.get("exitCode"));

        Map<String, Object> again = JsonRead.object(CliRun.of("apply", out.toString(), "-c", CHANGES, "--check", "--format", "json").stdout());
        assertEquals(List.of(), again.get("inferred"), "nothing written, nothing inferred");
        assertNull(again.get("shapeFrom"));
        assertEquals("up-to-date", again.get("status"));
    }

    @Test
    void aTopologyWithATrustedPoolSaysWhichOneWasCopied() throws IOException {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("apply", OWN_FORM, "-c", CHANGES, "-o", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("cstopo: new elements copy the form of this topology's trusted pool service 1-ExternalServer-1\n"),
                run.stderr());
        assertFalse(run.stderr().contains("cstopo: inferred:"), run.stderr());
        assertTrue(run.stderr().contains("info [trusted-pool-shape] trusted application pool trustedpool.sip.com"), "the copy differs as its example does");
        Map<String, Object> report = JsonRead.object(CliRun.of("apply", OWN_FORM, "-c", CHANGES, "--check", "--format", "json").stdout());
        assertEquals(List.of(), report.get("inferred"));
        assertEquals("1-ExternalServer-1", report.get("shapeFrom"));
        assertEquals("pending", report.get("status"));

        byte[] written = Files.readAllBytes(out);
        CliRun second = CliRun.of("apply", out.toString(), "-c", CHANGES, "-o", tmp.resolve("again.xml").toString());
        assertEquals(0, second.exitCode(), second.stderr());
        assertArrayEquals(written, Files.readAllBytes(tmp.resolve("again.xml")), "re-applying to its own output is a no-op");
    }

    @Test
    void diffShowsTheFindingsOfTheResultToo() {
        CliRun run = CliRun.of("trusted-computer", "add", OWN_FORM, "-Identity", "ucma03.synergy.com", "-Pool", "ucmapool.synergy.com", "--diff");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("+      <Machine OrdinalInCluster=\"3\" Fqdn=\"ucma03.synergy.com\" FaultDomain=\"ucma03.synergy.com\""), run.stdout());
        assertTrue(run.stderr().contains("warning [trusted-pool-unassigned-ip] pool ucmapool.synergy.com, machine ucma03.synergy.com"), run.stderr());
        assertTrue(run.stderr().endsWith(": 0 errors, 2 warnings, 1 info\n"), run.stderr());
    }

    @Test
    void aStylesheetWritesItsOwnFormSoTransformCannotTell() {
        Map<String, Object> report = JsonRead.object(CliRun.of("transform", OWN_FORM, "--xslt", "set-ip", "--param",
                "machines=ucma02.synergy.com=10.10.2.22", "--check", "--format", "json").stdout());
        assertTrue(report.containsKey("inferred") && report.containsKey("shapeFrom"), report.toString());
        assertNull(report.get("inferred"));
        assertNull(report.get("shapeFrom"));
    }
}
