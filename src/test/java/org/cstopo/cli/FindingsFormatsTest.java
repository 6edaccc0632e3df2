package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.cstopo.JsonRead;
import org.cstopo.SarifCheck;
import org.cstopo.validate.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --format sarif and --format github on validate and every editing command: the findings of the
 * file they are about, where a CI system shows them; stdout never mixes them with topology bytes;
 * exit codes do not depend on the format. CliRun checks every SARIF log a run prints (SarifCheck).
 */
class FindingsFormatsTest {
    @TempDir
    Path tmp;

    Path topology;

    @BeforeEach
    void copyTopology() throws IOException {
        topology = Files.copy(Fixtures.path("se-trusted-pool.xml"), tmp.resolve("topology.xml"));
    }

    static Stream<Path> invalidFixtures() {
        return Fixtures.invalid().stream();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> log) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((List<Object>) log.get("runs")).get(0)).get("results");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invocation(Map<String, Object> log) {
        Map<String, Object> run = (Map<String, Object>) ((List<Object>) log.get("runs")).get(0);
        return (Map<String, Object>) ((List<Object>) run.get("invocations")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> object, String... path) {
        Map<String, Object> m = object;
        for (String key : path) {
            Object next = m.get(key);
            m = next instanceof List<?> l ? (Map<String, Object>) l.get(0) : (Map<String, Object>) next;
        }
        return m;
    }

    /** The same findings as --format json, one result each, with the same rule, severity, file, line, column and text. */
    @ParameterizedTest
    @MethodSource("invalidFixtures")
    @SuppressWarnings("unchecked")
    void validateSarifHoldsEveryFindingWhereJsonHasIt(Path fixture) {
        CliRun json = CliRun.of("validate", fixture.toString(), "--format", "json");
        CliRun sarif = CliRun.of("validate", fixture.toString(), "--format", "sarif");
        CliRun github = CliRun.of("validate", fixture.toString(), "--format", "github");
        CliRun text = CliRun.of("validate", fixture.toString());
        assertEquals(text.exitCode(), sarif.exitCode());
        assertEquals(text.exitCode(), github.exitCode());
        assertEquals(text.exitCode(), json.exitCode());
        Map<String, Object> log = SarifCheck.assertValid(sarif.stdout());
        List<Map<String, Object>> findings = (List<Map<String, Object>>) JsonRead.object(json.stdout()).get("findings");
        List<Map<String, Object>> results = results(log);
        assertFalse(findings.isEmpty(), fixture + " breaks a rule");
        assertEquals(findings.size(), results.size());
        List<String> commands = github.stdout().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(findings.size(), commands.size(), github.stdout());
        for (int i = 0; i < findings.size(); i++) {
            Map<String, Object> f = findings.get(i);
            Map<String, Object> r = results.get(i);
            assertEquals(f.get("rule"), r.get("ruleId"));
            assertEquals(Map.of("error", "error", "warning", "warning", "info", "note").get(f.get("severity")), r.get("level"));
            assertEquals(f.get("object") + ": " + f.get("message") + "; fix: " + f.get("fix"), at(r, "message").get("text"));
            Map<String, Object> physical = at(r, "locations", "physicalLocation");
            assertEquals(fixture.toString(), at(physical, "artifactLocation").get("uri"));
            assertEquals(f.get("line"), at(physical, "region").get("startLine"));
            assertEquals(f.get("column"), at(physical, "region").get("startColumn"));
            assertEquals("::" + Map.of("error", "error", "warning", "warning", "info", "notice").get(f.get("severity"))
                    + " file=" + fixture + ",line=" + f.get("line") + ",col=" + f.get("column") + ",title=" + f.get("rule") + "::"
                    + at(r, "message").get("text").toString().replace("%", "%25"), commands.get(i));
        }
        assertEquals(text.stdout().lines().reduce((a, b) -> b).orElseThrow(), github.stdout().lines().reduce((a, b) -> b).orElseThrow(),
                "github ends with the summary line text ends with");
        assertEquals(Map.of("executionSuccessful", true, "exitCode", (long) text.exitCode()), invocation(log));
    }

    @Test
    void aValidTopologyIsALogWithoutResults() {
        CliRun run = CliRun.of("validate", Fixtures.path("se-synergy.utf16-crlf.xml").toString(), "--format", "sarif");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of(), results(SarifCheck.assertValid(run.stdout())));
        assertEquals("", run.stderr());
        CliRun github = CliRun.of("validate", Fixtures.path("se-synergy.utf16-crlf.xml").toString(), "--format", "github");
        assertEquals("fixtures/se-synergy.utf16-crlf.xml: valid, no findings\n", github.stdout());
    }

    /** Every rule, with the README's what, fix and source as its help; a result's ruleIndex points at its rule. */
    @Test
    @SuppressWarnings("unchecked")
    void theToolListsEveryRuleWithTheReadmesHelp() throws IOException {
        CliRun run = CliRun.of("validate", Fixtures.path("invalid/ip-address-shared.utf16-crlf.xml").toString(), "--format", "sarif");
        Map<String, Object> driver = at(SarifCheck.assertValid(run.stdout()), "runs", "tool", "driver");
        assertEquals("cstopo", driver.get("name"));
        assertEquals("(development build)", driver.get("version"), "from a build's classes, as --version says");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) driver.get("rules");
        assertEquals(Rule.values().length, rules.size());
        String readme = Files.readString(Path.of("README.md"));
        for (Rule rule : Rule.values()) {
            Map<String, Object> r = rules.get(rule.ordinal());
            assertEquals(rule.id(), r.get("id"));
            assertEquals(rule.summary(), at(r, "shortDescription").get("text"));
            assertEquals(Map.of("error", "error", "warning", "warning", "info", "note").get(rule.severity().label()),
                    at(r, "defaultConfiguration").get("level"));
            String markdown = (String) at(r, "help").get("markdown");
            String[] parts = markdown.split("\n\nFix: |\n\nSource: ");
            assertEquals(3, parts.length, markdown);
            assertTrue(readme.contains("| `" + rule.id() + "` | " + rule.severity().label() + " | " + parts[0] + " | " + parts[1] + " |"),
                    "the help is the README's row of " + rule.id() + ": " + markdown);
            assertTrue(readme.contains("` | " + parts[2] + " |"), "and its source: " + parts[2]);
            assertFalse(at(r, "help").get("text").toString().contains("`"), "plain text: " + at(r, "help").get("text"));
        }
        Map<String, Object> result = results(SarifCheck.assertValid(run.stdout())).get(0);
        assertEquals((long) Rule.IP_ADDRESS_SHARED.ordinal(), result.get("ruleIndex"));
    }

    /** A written result's findings are located in the file written, with that file's lines. */
    @Test
    void anEditLocatesTheResultsFindingsInTheFileWritten() throws IOException {
        Path out = tmp.resolve("out.xml");
        CliRun run = CliRun.of("trusted-pool", "add", Fixtures.path("se-synergy.utf16-crlf.xml").toString(), "--identity",
                "trustedpool.sip.com", "--registrar", "lyncserver.synergy.com", "--site", "1", "--computer-fqdn", "impserverPub.sip.com",
                "-o", out.toString(), "--format", "sarif");
        assertEquals(0, run.exitCode(), run.stderr());
        Map<String, Object> result = results(SarifCheck.assertValid(run.stdout())).get(0);
        assertEquals("trusted-pool-unassigned-ip", result.get("ruleId"));
        assertEquals("warning", result.get("level"));
        Map<String, Object> physical = at(result, "locations", "physicalLocation");
        assertEquals(out.toUri().toString(), at(physical, "artifactLocation").get("uri"));
        assertEquals(27L, at(physical, "region").get("startLine"));
        String line27 = Files.readString(out, java.nio.charset.StandardCharsets.UTF_16LE).split("\r\n")[26];
        assertEquals("<NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />", line27.substring(8),
                "line and column point at the interface in the file written");
        assertEquals(9L, at(physical, "region").get("startColumn"));
        assertTrue(run.stderr().contains("cstopo: wrote " + out), "what happened stays on stderr: " + run.stderr());
        assertFalse(run.stderr().contains("trusted-pool-unassigned-ip"), "findings go to stdout only: " + run.stderr());
    }

    /** --check writes nothing: its findings are on the topology it read, at no line, and say where they are in the result. */
    @Test
    void findingsOfAResultInNoFileSitOnTheInput() {
        CliRun run = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.21", "--check", "--format", "github");
        assertEquals(6, run.exitCode(), run.stderr());
        assertEquals("::error file=" + topology + ",title=ip-address-shared::in the result of the edit, not written (its line 30, column 9):"
                + " pool ucmapool.synergy.com, machine ucma02.synergy.com: 10.10.2.21 is also the address of pool ucmapool.synergy.com,"
                + " machine ucma01.synergy.com (line 26); fix: give each machine its own address (ucma02.synergy.com=ADDRESS instead of"
                + " ucma02.synergy.com=10.10.2.21 in this command), or 0.0.0.0 to use all addresses", run.stdout().lines().findFirst().orElseThrow());
        assertEquals("<result>: 1 error, 0 warnings", run.stdout().lines().toList().get(1));
        String refusal = run.stderr().lines().filter(l -> l.startsWith("cstopo: the result breaks")).findFirst().orElseThrow();
        assertEquals("::error title=cstopo::" + refusal.substring("cstopo: ".length()), run.stdout().lines().toList().get(2));
        assertEquals(3, run.stdout().lines().count(), run.stdout());

        CliRun sarif = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.21", "--check", "--format", "sarif");
        assertEquals(6, sarif.exitCode());
        Map<String, Object> log = SarifCheck.assertValid(sarif.stdout());
        Map<String, Object> physical = at(results(log).get(0), "locations", "physicalLocation");
        assertEquals(topology.toUri().toString(), at(physical, "artifactLocation").get("uri"));
        assertNull(physical.get("region"));
        Map<String, Object> invocation = invocation(log);
        assertEquals(true, invocation.get("executionSuccessful"), "a verdict: the result breaks a rule");
        assertEquals(6L, invocation.get("exitCode"));
        assertEquals(refusal.substring("cstopo: ".length()), at(invocation, "toolExecutionNotifications", "message").get("text"));
    }

    /** An error that ends the run before validation: no results, the error as the invocation's notification, and on stderr. */
    @Test
    void anErrorIsTheInvocationsNotification() {
        CliRun run = CliRun.of("set-ip", topology.toString(), "nosuch.synergy.com=10.10.2.99", "-o", tmp.resolve("o.xml").toString(),
                "--format", "sarif");
        assertEquals(4, run.exitCode());
        Map<String, Object> log = SarifCheck.assertValid(run.stdout());
        assertEquals(List.of(), results(log));
        Map<String, Object> invocation = invocation(log);
        assertEquals(false, invocation.get("executionSuccessful"));
        assertEquals(4L, invocation.get("exitCode"));
        assertEquals(run.stderr().strip().substring("cstopo: ".length()), at(invocation, "toolExecutionNotifications", "message").get("text"));
        assertEquals("error", at(invocation, "toolExecutionNotifications").get("level"));

        CliRun missing = CliRun.of("validate", tmp.resolve("none.xml").toString(), "--format", "github");
        assertEquals(3, missing.exitCode());
        assertEquals("::error title=cstopo::" + missing.stderr().strip().substring("cstopo: ".length()) + "\n", missing.stdout());
        CliRun missingSarif = CliRun.of("validate", tmp.resolve("none.xml").toString(), "--format", "sarif");
        assertEquals(3L, invocation(SarifCheck.assertValid(missingSarif.stdout())).get("exitCode"));
    }

    /** Every editing command: one log on stdout, located in the file written. */
    @Test
    void everyEditingCommandTakesBothFormats() throws IOException {
        Path out = tmp.resolve("out.xml");
        String t = topology.toString();
        List<List<String>> commands = List.of(
                List.of("apply", t, "-c", Fixtures.path("cisco-imp-federation.changes.xml").toString()),
                List.of("set-ip", t, "ucma02.synergy.com=10.10.2.22"),
                List.of("trusted-pool", "set", t, "--identity", "ucmapool.synergy.com", "--outbound-only", "true"),
                List.of("trusted-pool", "remove", t, "--identity", "ucmapool.synergy.com"),
                List.of("trusted-computer", "add", t, "--identity", "ucma03.synergy.com", "--pool", "ucmapool.synergy.com"),
                List.of("trusted-computer", "remove", t, "--identity", "ucma02.synergy.com"),
                List.of("trusted-app", "add", t, "--application-id", "app3", "--pool", "ucmapool.synergy.com", "--port", "6003"),
                List.of("trusted-app", "remove", t, "--identity", "ucmapool.synergy.com/urn:application:ivr.synergy.com"),
                List.of("transform", t, "--xslt", "set-ip", "--param", "machines=ucma02.synergy.com=10.10.2.22"));
        for (List<String> command : commands) {
            for (String format : List.of("sarif", "github")) {
                Files.deleteIfExists(out);
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("-o", out.toString(), "--format", format));
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(0, run.exitCode(), args + ": " + run.stderr());
                assertTrue(Files.exists(out), args.toString());
                if (format.equals("sarif")) {
                    for (Map<String, Object> r : results(SarifCheck.assertValid(run.stdout()))) {
                        assertEquals(out.toUri().toString(), at(r, "locations", "physicalLocation", "artifactLocation").get("uri"), args.toString());
                    }
                } else {
                    assertTrue(run.stdout().endsWith(out + ": " + run.stdout().lines().reduce((a, b) -> b).orElseThrow()
                            .substring(out.toString().length() + 2) + "\n"), run.stdout());
                    run.stdout().lines().filter(l -> l.startsWith("::")).forEach(l -> assertTrue(l.contains(" file=" + out + ","), l));
                }
            }
        }
    }

    /** stdout carries either the report or topology bytes, never both: --diff and -o - refuse the findings formats. */
    @Test
    void theFindingsFormatsRefuseWhatWouldShareStdout() {
        for (String format : List.of("sarif", "github")) {
            CliRun diff = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "--diff", "--format", format);
            assertEquals(2, diff.exitCode());
            assertEquals("cstopo: --format " + format + " prints its report on standard output; it cannot go with --diff\n", diff.stderr());
            CliRun stdout = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "-o", "-", "--format", format);
            assertEquals(2, stdout.exitCode());
            assertFalse(stdout.stdout().contains("<Topology"), "no topology bytes on stdout");
            assertTrue(stdout.stderr().contains("it cannot go with -o -"), stdout.stderr());
            CliRun report = CliRun.of("transform", topology.toString(), "--xslt", "report-text", "--format", format);
            assertEquals(2, report.exitCode());
            assertTrue(report.stderr().startsWith("cstopo: --format " + format + " reports an edit of the topology, but report-text.xsl"
                    + " writes a report"), report.stderr());
            for (List<String> command : List.of(List.of("show", topology.toString()), List.of("diff", topology.toString(), topology.toString()))) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--format", format));
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(2, run.exitCode());
                assertEquals("", run.stdout());
                assertTrue(run.stderr().contains("'" + format + "' is not a format this command prints: text, json or html (" + format
                        + " is for the findings of validate and the editing commands)"), run.stderr());
            }
        }
    }

    /** Each command names the formats it prints when given another, and prints nothing on stdout. */
    @Test
    void aFormatTheCommandDoesNotPrintIsAUsageError() {
        CliRun validate = CliRun.of("validate", topology.toString(), "--format", "xml");
        assertEquals(2, validate.exitCode());
        assertEquals("", validate.stdout());
        assertTrue(validate.stderr().startsWith("cstopo: Invalid value for option '--format': 'xml' is not a format this command prints:"
                + " text, json, sarif or github"), validate.stderr());
        CliRun edit = CliRun.of("set-ip", topology.toString(), "ucma02.synergy.com=10.10.2.22", "--check", "--format", "SARIF");
        assertEquals(2, edit.exitCode());
        assertTrue(edit.stderr().contains("'SARIF' is not a format this command prints: text, json, sarif or github"), edit.stderr());
    }

    /** The exit code is the command's, whatever the format. */
    @Test
    void exitCodesDoNotDependOnTheFormat() {
        String t = topology.toString();
        List<List<String>> commands = List.of(
                List.of("validate", t),
                List.of("validate", Fixtures.path("invalid/dependency-missing.xml").toString()),
                List.of("validate", tmp.resolve("none.xml").toString()),
                List.of("set-ip", t, "ucma02.synergy.com=10.10.2.22", "--check"),
                List.of("set-ip", t, "ucma01.synergy.com=10.10.2.21", "--check"),
                List.of("set-ip", t, "ucma02.synergy.com=10.10.2.21", "--check"),
                List.of("set-ip", t, "nosuch.synergy.com=10.10.2.21", "--check"),
                List.of("set-ip", t, "ucma02.synergy.com=10.10.2.300", "--check"),
                List.of("apply", t, "-c", tmp.resolve("none.changes.xml").toString(), "--check"));
        List<Integer> seen = new ArrayList<>();
        for (List<String> command : commands) {
            List<Integer> codes = new ArrayList<>();
            for (String format : List.of("text", "json", "sarif", "github")) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--format", format));
                codes.add(CliRun.of(args.toArray(String[]::new)).exitCode());
            }
            assertEquals(1, codes.stream().distinct().count(), command + ": " + codes);
            seen.add(codes.get(0));
        }
        assertEquals(List.of(0, 1, 3, 1, 0, 6, 4, 2, 3), seen);
    }
}
