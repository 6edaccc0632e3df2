package org.cstopo.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The JSON Schemas (draft 2020-12) of cstopo's {@code --format json} outputs, shipped in the jar so
 * that a pipeline can check what it parses ({@code cstopo schema json NAME}). Tests validate every
 * JSON the CLI prints against the schema of its command, so a schema cannot drift from the output.
 */
public final class JsonSchemas {
    private JsonSchemas() {
    }

    /** Every shipped schema, by name: {@code NAME.schema.json} beside this class's resources. */
    public static final List<String> NAMES = List.of("validate", "show", "diff", "edit");

    /** The schema's text, or empty when there is no schema of that name. */
    public static Optional<String> text(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = JsonSchemas.class.getResourceAsStream("schema/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is listed but not in the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of what {@code cstopo COMMAND --format json} prints, if that command has one. */
    public static Optional<String> nameForCommand(String command) {
        return switch (command) {
            case "validate" -> Optional.of("validate");
            case "show" -> Optional.of("show");
            case "diff" -> Optional.of("diff");
            case "apply", "set-ip", "trusted-pool", "trusted-computer", "trusted-app", "transform" -> Optional.of("edit");
            default -> Optional.empty();
        };
    }
}
