package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(run.stderr().startsWith("cstopo: no JSON schema named 'nope'; the schemas are: validate"), run.stderr());
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
}
