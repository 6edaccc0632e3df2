package org.cstopo;

import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cstopo.json.JsonSchemas;

/** Checks JSON against the schemas cstopo ships (SARIF logs: {@link SarifCheck}). */
public final class JsonSchemaCheck {
    private JsonSchemaCheck() {
    }

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** Fails with every violation when {@code json} does not match the shipped schema {@code name}. */
    public static void assertMatches(String name, String json) {
        List<String> problems = problems(name, json);
        if (!problems.isEmpty()) {
            fail("output does not match schema " + name + ":\n  " + String.join("\n  ", problems) + "\n" + json);
        }
    }

    /** The violations of {@code json} against the shipped schema {@code name}; empty when it matches. */
    public static List<String> problems(String name, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(name, n -> REGISTRY.getSchema(JsonSchemas.text(n)
                .orElseThrow(() -> new AssertionError("no shipped schema " + n)), InputFormat.JSON));
        return problems(schema, json);
    }

    /** The violations of {@code json} against {@code schema}, one line each (where: what); empty when it matches. */
    public static List<String> problems(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
