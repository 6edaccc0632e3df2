package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cstopo.JsonRead;
import org.cstopo.JsonSchemaCheck;
import org.cstopo.json.JsonSchemas;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void listsEveryShippedSchema() {
        CliRun run = CliRun.of("schema", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(JsonSchemas.NAMES, run.stdout().lines().toList());
    }

    @Test
    void printsASchemaByItsNameOrByTheCommandThatPrintsIt() {
        CliRun byName = CliRun.of("schema", "json", "validate");
        assertEquals(0, byName.exitCode(), byName.stderr());
        assertTrue(byName.stdout().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), byName.stdout());
        assertEquals(JsonSchemas.text("validate").orElseThrow(), byName.stdout());
    }

    @Test
    void anUnknownNameIsAUsageErrorThatListsTheNames() {
        CliRun run = CliRun.of("schema", "json", "nope");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().startsWith("cstopo: no JSON schema named 'nope'; the schemas are: validate, show, diff, edit"), run.stderr());
    }

    @Test
    void theValidateSchemaRejectsAReportMissingAKeyOrWithAnUnknownSeverity() {
        String good = "{\"file\": \"t.xml\", \"errors\": 0, \"warnings\": 0, \"infos\": 0, \"findings\": []}";
        assertEquals(java.util.List.of(), JsonSchemaCheck.problems("validate", good));
        assertFalse(JsonSchemaCheck.problems("validate", "{\"file\": \"t.xml\", \"errors\": 0, \"warnings\": 0, \"findings\": []}").isEmpty());
        String badSeverity = "{\"file\": \"t.xml\", \"errors\": 1, \"warnings\": 0, \"infos\": 0, \"findings\": [{\"severity\": \"fatal\","
                + " \"rule\": \"x\", \"file\": \"t.xml\", \"line\": 1, \"column\": 1, \"object\": \"o\", \"message\": \"m\", \"fix\": \"f\"}]}";
        assertFalse(JsonSchemaCheck.problems("validate", badSeverity).isEmpty());
    }

    @Test
    void validateOutputOnABrokenTopologyMatchesItsSchema() {
        // CliRun checks the JSON against the schema itself; this makes sure a report with findings is covered.
        CliRun run = CliRun.of("validate", "fixtures/invalid/application-id-duplicate.xml", "--format", "json");
        assertTrue(run.stdout().contains("\"severity\": \"error\""), run.stdout() + run.stderr());
    }

    @Test
    void everyEditingCommandPrintsTheEditSchema() {
        for (String command : List.of("apply", "set-ip", "trusted-pool", "trusted-computer", "trusted-app", "transform")) {
            CliRun run = CliRun.of("schema", "json", command);
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals(JsonSchemas.text("edit").orElseThrow(), run.stdout(), command);
        }
    }

    /** The edit report embeds validate's report, and both carry the same error: one shape, written twice, kept equal here. */
    @Test
    void theEditSchemaRepeatsValidatesDefinitionsExactly() {
        Map<String, Object> edit = defs("edit");
        Map<String, Object> validate = defs("validate");
        assertEquals(validate.get("report"), edit.get("validation"));
        assertEquals(validate.get("finding"), edit.get("finding"));
        assertEquals(validate.get("error"), edit.get("error"));
    }

    /** validate, show and diff fail with the same object: one definition, written in each schema, kept equal here. */
    @Test
    void theReportSchemasShareOneFailureObject() {
        Map<String, Object> validate = defs("validate");
        for (String name : List.of("show", "diff")) {
            assertEquals(validate.get("failure"), defs(name).get("failure"), name);
            assertEquals(validate.get("error"), defs(name).get("error"), name);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defs(String schema) {
        return (Map<String, Object>) JsonRead.object(JsonSchemas.text(schema).orElseThrow()).get("$defs");
    }

    @Test
    void everyPropertyIsDescribed() {
        for (String name : JsonSchemas.NAMES) {
            List<String> undescribed = new ArrayList<>();
            undescribedProperties(name, JsonRead.parse(JsonSchemas.text(name).orElseThrow()), undescribed);
            assertEquals(List.of(), undescribed, name);
        }
    }

    private static void undescribedProperties(String at, Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("properties") instanceof Map<?, ?> properties) {
                properties.forEach((k, v) -> {
                    if (!(v instanceof Map<?, ?> p) || !(p.get("description") instanceof String d) || d.isBlank()) {
                        out.add(at + "/" + k);
                    }
                });
            }
            // if/then/else restate properties to constrain them; they describe nothing new
            m.forEach((k, v) -> {
                if (!List.of("if", "then", "else").contains(k)) {
                    undescribedProperties(at + "/" + k, v, out);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> undescribedProperties(at, v, out));
        }
    }

    @Test
    void theEditSchemaWantsEveryKeyAndAnErrorExactlyWhenTheExitCodeSaysSo() {
        String ok = "{\"file\": \"t.xml\", \"outcomes\": [], \"outside\": [], \"inferred\": null, \"shapeFrom\": null, \"messages\": [],"
                + " \"validation\": null, \"status\": \"unchanged\", \"written\": \"out.xml\", \"backup\": null, \"error\": null,"
                + " \"exitCode\": 0}";
        assertEquals(List.of(), JsonSchemaCheck.problems("edit", ok));
        assertFalse(JsonSchemaCheck.problems("edit", ok.replace("\"outside\": [], ", "")).isEmpty(), "a key left out");
        assertFalse(JsonSchemaCheck.problems("edit", ok.replace("\"status\": \"unchanged\"", "\"status\": \"done\"")).isEmpty());
        String failed = ok.replace("\"error\": null, \"exitCode\": 0", "\"error\": {\"code\": 3, \"message\": \"m\"}, \"exitCode\": 3");
        assertEquals(List.of(), JsonSchemaCheck.problems("edit", failed));
        assertFalse(JsonSchemaCheck.problems("edit", ok.replace("\"exitCode\": 0", "\"exitCode\": 6")).isEmpty(), "6 without an error");
        assertFalse(JsonSchemaCheck.problems("edit", failed.replace("\"exitCode\": 3", "\"exitCode\": 1")).isEmpty(), "1 with an error");
    }

    @Test
    void theValidateSchemaTakesTheFailureObjectAndNothingBetween() {
        assertEquals(List.of(), JsonSchemaCheck.problems("validate", "{\"error\": {\"code\": 3, \"message\": \"t.xml: no such file\"},"
                + " \"exitCode\": 3}"));
        assertFalse(JsonSchemaCheck.problems("validate", "{\"error\": {\"code\": 3, \"message\": \"m\"}}").isEmpty());
        assertFalse(JsonSchemaCheck.problems("validate", "{\"error\": {\"code\": 3, \"message\": \"m\"}, \"exitCode\": 3,"
                + " \"file\": \"t.xml\"}").isEmpty());
    }
}
