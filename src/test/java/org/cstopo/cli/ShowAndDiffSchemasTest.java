package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cstopo.Fixtures;
import org.cstopo.JsonRead;
import org.cstopo.JsonSchemaCheck;
import org.cstopo.diff.Difference;
import org.cstopo.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemas of show and diff: what they accept and refuse, and the outputs that exercise their
 * corners (CliRun checks every --format json output against its command's schema).
 */
class ShowAndDiffSchemasTest {
    private static final String FAILURE = "{\"error\": {\"code\": 3, \"message\": \"t.xml:1:1: not well-formed\"}, \"exitCode\": 3}";

    @Test
    void bothAreShippedAndPrintedByCommandName() {
        assertTrue(JsonSchemas.NAMES.containsAll(List.of("show", "diff")), JsonSchemas.NAMES.toString());
        for (String command : List.of("show", "diff")) {
            CliRun run = CliRun.of("schema", "json", command);
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals(JsonSchemas.text(command).orElseThrow(), run.stdout());
            assertEquals("cstopo " + command + " --format json", JsonRead.object(run.stdout()).get("title"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "diff"})
    void theFailureObjectMatchesAndNothingLooserDoes(String schema) {
        assertEquals(List.of(), JsonSchemaCheck.problems(schema, FAILURE));
        assertFalse(JsonSchemaCheck.problems(schema, "{\"error\": {\"code\": 3, \"message\": \"m\"}}").isEmpty(), "exitCode is required");
        assertFalse(JsonSchemaCheck.problems(schema, "{\"error\": {\"code\": 3}, \"exitCode\": 3}").isEmpty(), "message is required");
        assertFalse(JsonSchemaCheck.problems(schema, "{\"error\": {\"code\": \"3\", \"message\": \"m\"}, \"exitCode\": 3}").isEmpty(),
                "code is an integer");
        assertFalse(JsonSchemaCheck.problems(schema, FAILURE.replace("}, \"exitCode\"", ", \"hint\": \"h\"}, \"exitCode\"")).isEmpty(),
                "no other key in error");
        assertFalse(JsonSchemaCheck.problems(schema, FAILURE.replace("\"exitCode\": 3}", "\"exitCode\": 3, \"file\": \"t.xml\"}")).isEmpty(),
                "no other key beside error");
    }

    @Test
    void aShowReportWithAKeyMissingOrAddedIsRefused() {
        String json = CliRun.of("show", Fixtures.path("se-trusted-pool.xml").toString(), "--format", "json").stdout();
        assertEquals(List.of(), JsonSchemaCheck.problems("show", json));
        assertFalse(JsonSchemaCheck.problems("show", without(json, "configuredIpAddress")).isEmpty(), "configuredIpAddress is required");
        assertFalse(JsonSchemaCheck.problems("show", json.replace("\"requiresReplication\": false", "\"requiresReplication\": \"False\"")).isEmpty(),
                "settings are booleans");
        assertFalse(JsonSchemaCheck.problems("show", json.replace("\"clusterNumber\"", "\"number\"")).isEmpty(), "no unknown key");
        assertFalse(JsonSchemaCheck.problems("show", without(json, "trustedApplicationPool")).isEmpty(), "trustedApplicationPool is required");
    }

    /** The JSON without the key's null entries (each is the last of its object). */
    private static String without(String json, String key) {
        String out = json.replaceAll(",\\s*\"" + key + "\": null", "");
        assertFalse(out.equals(json), key + " is null somewhere in " + json);
        return out;
    }

    @Test
    void theDiffKindsAreTheSchemasKinds() {
        Map<String, Object> schema = JsonRead.object(JsonSchemas.text("diff").orElseThrow());
        @SuppressWarnings("unchecked")
        Map<String, Object> kind = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                schema.get("$defs")).get("difference")).get("properties")).get("kind");
        assertEquals(Arrays.stream(Difference.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList(), kind.get("enum"));
    }

    static List<Path> brokenTopologies() {
        return Fixtures.invalid();
    }

    /** Broken topologies leave attributes out: show's JSON says null there and still matches its schema. */
    @ParameterizedTest
    @MethodSource("brokenTopologies")
    void showOfABrokenTopologyMatchesTheSchema(Path input) {
        CliRun run = CliRun.of("show", input.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("{\n  \"file\": "), run.stdout());
    }

    /** Two unrelated topologies differ in every way diff knows; each item matches the schema. */
    @Test
    void aDiffOfUnrelatedTopologiesMatchesTheSchema() {
        CliRun run = CliRun.of("diff", Fixtures.path("se-trusted-pool.xml").toString(), Fixtures.path("ee-two-sites-edge.xml").toString(),
                "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) JsonRead.object(run.stdout()).get("differences");
        List<Object> kinds = new ArrayList<>(items.stream().map(i -> i.get("kind")).distinct().toList());
        assertTrue(kinds.containsAll(List.of("pool_added", "pool_removed", "machine_added", "machine_removed")), kinds.toString());
    }
}
