package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cstopo.CstopoException;
import org.cstopo.JsonRead;
import org.cstopo.JsonSchemaCheck;
import org.cstopo.SarifCheck;
import org.cstopo.json.JsonSchemas;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints. */
public record CliRun(int exitCode, byte[] stdoutBytes, String stderr) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        CliRun run = new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        run.checkJsonContract(args);
        run.checkFindingsContract(args);
        return run;
    }

    /**
     * The JSON contract, checked on every run a test makes: a command that asked for --format json
     * and got past parsing prints exactly one JSON object on stdout, whatever happened next, and it
     * matches the schema cstopo ships for that command (a key added, renamed or dropped without the
     * schema fails the test that produced it); a run that did not parse prints nothing on stdout.
     */
    private void checkJsonContract(String[] args) {
        Optional<Boolean> parsed = parsedAsJson(args);
        if (parsed.isEmpty()) {
            return;
        }
        if (!parsed.get()) {
            assertEquals("", stdout(), "a run that does not parse prints nothing on stdout");
            return;
        }
        Object value;
        try {
            value = JsonRead.parse(stdout());
        } catch (IllegalArgumentException e) {
            throw new AssertionError("--format json prints exactly one JSON object after parsing, whatever happens; got "
                    + e.getMessage() + "\nstderr: " + stderr, e);
        }
        assertInstanceOf(java.util.Map.class, value, "--format json prints exactly one JSON object:\n" + stdout());
        commandName(args).flatMap(JsonSchemas::nameForCommand).ifPresent(name -> JsonSchemaCheck.assertMatches(name, stdout()));
    }

    /** Lines of --format github: workflow commands, and (validate) the summary line. */
    private static final java.util.regex.Pattern WORKFLOW_COMMAND =
            java.util.regex.Pattern.compile("::(error|warning|notice) [^:\\r\\n]*::[^\\r\\n]*|[^:].*: (valid, no findings|\\d+ errors?, .*)");

    /**
     * The findings contract: a run that parsed with --format sarif prints one SARIF 2.1.0 log on
     * stdout, whatever happened next ({@link SarifCheck}); with --format github, workflow commands.
     */
    private void checkFindingsContract(String[] args) {
        CommandLine.ParseResult result = parse(args);
        if (result == null) {
            return;
        }
        CommandLine.ParseResult leaf = result;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return;
        }
        CommandLine.Model.OptionSpec format = leaf.commandSpec().findOption("--format");
        Object value = format == null ? null : format.getValue();
        if (value == Format.sarif) {
            SarifCheck.assertValid(stdout());
        } else if (value == Format.github) {
            stdout().lines().forEach(l -> assertTrue(WORKFLOW_COMMAND.matcher(l).matches(), "not a workflow command: " + l));
        }
    }

    /** Empty when the run does not ask for JSON (or asks for help); else whether its arguments parse. */
    private static Optional<Boolean> parsedAsJson(String[] args) {
        CommandLine.ParseResult result = parse(args);
        if (result == null) {
            return asksForJson(args) ? Optional.of(false) : Optional.empty();
        }
        CommandLine.ParseResult leaf = result;
        while (true) {
            if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
                return Optional.empty();
            }
            if (!leaf.hasSubcommand()) {
                break;
            }
            leaf = leaf.subcommand();
        }
        CommandLine.Model.OptionSpec format = leaf.commandSpec().findOption("--format");
        return format != null && format.getValue() == Format.json ? Optional.of(true) : Optional.empty();
    }

    private static Optional<String> commandName(String[] args) {
        CommandLine.ParseResult result = parse(args);
        return result == null || !result.hasSubcommand() ? Optional.empty() : Optional.of(result.subcommand().commandSpec().name());
    }

    /** The parse the CLI makes of {@code args}, on a fresh command line; null when they do not parse. */
    private static CommandLine.ParseResult parse(String[] args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CommandLine cmd = Main.commandLine(nowhere, nowhere);
        try {
            return cmd.parseArgs(TypedArguments.resolve(args, cmd).args);
        } catch (CstopoException | CommandLine.ParameterException e) {
            return null;
        }
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
