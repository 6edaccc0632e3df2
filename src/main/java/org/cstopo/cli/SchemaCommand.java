package org.cstopo.cli;

import java.util.concurrent.Callable;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.json.JsonSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the schemas a pipeline checks cstopo's output against. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print a schema cstopo ships: the JSON Schema of a --format json output.",
        subcommands = SchemaCommand.JsonSchema.class)
final class SchemaCommand {

    @Command(name = "json", mixinStandardHelpOptions = true,
            description = "Print the JSON Schema (draft 2020-12) of a --format json output: NAME is a schema or a command"
                    + " (e.g. validate); without NAME, list the schemas.")
    static final class JsonSchema implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Schema or command name.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (name == null) {
                JsonSchemas.NAMES.forEach(spec.commandLine().getOut()::println);
                return ExitCode.OK.code;
            }
            String schema = JsonSchemas.text(name)
                    .or(() -> JsonSchemas.nameForCommand(name).flatMap(JsonSchemas::text))
                    .orElseThrow(() -> new CstopoException(ExitCode.USAGE, "no JSON schema named '" + name
                            + "'; the schemas are: " + String.join(", ", JsonSchemas.NAMES)));
            spec.commandLine().getOut().print(schema);
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code;
        }
    }
}
