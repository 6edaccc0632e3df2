package org.cstopo.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.SarifCheck;
import org.cstopo.validate.Rule;
import org.cstopo.validate.Severity;
import org.junit.jupiter.api.Test;

class SarifLogTest {
    private static final SarifLog.Tool TOOL = new SarifLog.Tool("cstopo", "0.1.0");

    @Test
    void filesBecomeUriReferences() {
        assertEquals("topology.xml", SarifLog.uri("topology.xml"));
        assertEquals("exports/site%201/topology%20new.xml", SarifLog.uri("exports/site 1/topology new.xml"));
        assertEquals("./c:topology.xml", SarifLog.uri("c:topology.xml"), "a colon in the first segment would read as a scheme");
        assertEquals("dir/a:b.xml", SarifLog.uri("dir/a:b.xml"));
        assertEquals("%C3%A9t%C3%A9.xml", SarifLog.uri("été.xml"));
        assertEquals(Path.of("/tmp/x y.xml").toUri().toString(), SarifLog.uri("/tmp/x y.xml"));
        assertEquals("file:///tmp/x%20y.xml", SarifLog.uri("/tmp/x y.xml"));
    }

    @Test
    void aLogOfEachSeverityIsValid() {
        List<Annotation> annotations = List.of(
                new Annotation("t.xml", 12, 5, Severity.ERROR, Rule.SITE_MISSING.id(), "pool p: no site"),
                new Annotation("t.xml", 13, 7, Severity.WARNING, Rule.NAME_CHARACTERS.id(), "pool p_1: underscore"),
                new Annotation("t.xml", 0, 0, Severity.INFO, Rule.TRUSTED_POOL_SHAPE.id(), "in the result: shape"));
        String json = SarifLog.of(TOOL, annotations, 1, null);
        Map<String, Object> log = SarifCheck.assertValid(json);
        assertTrue(json.contains("\"level\": \"note\""), json);
        assertFalse(json.contains("toolExecutionNotifications"), "no error, no notification");
        assertEquals(SarifLog.SCHEMA, log.get("$schema"));
    }

    /** What the published schema and our own check refuse: they would catch a log cstopo wrote wrong. */
    @Test
    void theChecksCatchABrokenLog() {
        String good = SarifLog.of(TOOL, List.of(new Annotation("t.xml", 1, 1, Severity.ERROR, Rule.SITE_MISSING.id(), "m")), 1, null);
        String unknownRule = good.replace("\"ruleId\": \"site-missing\"", "\"ruleId\": \"no-such-rule\"");
        AssertionError e = assertThrows(AssertionError.class, () -> SarifCheck.assertValid(unknownRule));
        assertTrue(e.getMessage().contains("every result's ruleId is one of the tool's rules: no-such-rule"), e.getMessage());
        String wrongIndex = good.replace("\"ruleIndex\": " + Rule.SITE_MISSING.ordinal(), "\"ruleIndex\": 0");
        assertThrows(AssertionError.class, () -> SarifCheck.assertValid(wrongIndex));
        String badLevel = good.replace("\"level\": \"error\",\n          \"message\"", "\"level\": \"fatal\",\n          \"message\"");
        assertFalse(badLevel.equals(good));
        assertThrows(AssertionError.class, () -> SarifCheck.assertValid(badLevel));
        String noVersion = good.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"");
        assertThrows(AssertionError.class, () -> SarifCheck.assertValid(noVersion));
        String lineZero = good.replace("\"startLine\": 1", "\"startLine\": 0");
        assertThrows(AssertionError.class, () -> SarifCheck.assertValid(lineZero));
        assertEquals(List.of(), SarifCheck.schemaProblems(good));
        assertFalse(SarifCheck.schemaProblems(badLevel).isEmpty(), "the schema knows the levels");
        assertFalse(SarifCheck.schemaProblems(lineZero).isEmpty(), "the schema knows lines start at 1");
        assertFalse(SarifCheck.schemaProblems(good.replace("\"runs\"", "\"run\"")).isEmpty(), "and that runs are required");
    }
}
