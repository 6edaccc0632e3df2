package org.cstopo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cstopo.JsonSchemaCheck;
import org.cstopo.json.JsonSchemas;

/** Runs the CLI in-process and captures what it prints. */
public record CliRun(int exitCode, byte[] stdoutBytes, String stderr) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        CliRun run = new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        run.checkJsonAgainstSchema(args);
        return run;
    }

    /**
     * Every JSON the CLI prints in a test must match the schema cstopo ships for that command: a
     * key added, renamed or dropped in the output without the schema fails the test that produced it.
     */
    private void checkJsonAgainstSchema(String[] args) {
        if (args.length == 0 || !asksForJson(args) || stdout().isBlank()) {
            return;
        }
        JsonSchemas.nameForCommand(args[0]).ifPresent(name -> JsonSchemaCheck.assertMatches(name, stdout()));
    }

    private static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--format=json") || args[i].equalsIgnoreCase("--format") && i + 1 < args.length
                    && args[i + 1].equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }

    public String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }
}
