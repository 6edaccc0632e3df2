package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        CommandLine.ParseResult parsed = parse(args);
        if (parsed == null) {
            if (asksForJson(args)) {
                assertEquals("", run.stdout(), "a run that does not parse prints nothing on stdout");
            }
        } else if (!asksForHelp(parsed)) {
            run.checkReportContract(parsed);
        }
        return run;
    }

    /** Lines of --format github: workflow commands, and (validate) the summary line. */
    private static final java.util.regex.Pattern WORKFLOW_COMMAND =
            java.util.regex.Pattern.compile("::(error|warning|notice) [^:\\r\\n]*::[^\\r\\n]*|[^:].*: (valid, no findings|\\d+ errors?, .*)");

    /**
     * The contracts of the report formats, checked on every run a test makes that got past parsing
     * (a run that did not parse prints nothing on stdout, checked above):
     * <ul>
     * <li>--format json prints exactly one JSON object on stdout, whatever happened next, and it
     * matches the schema cstopo ships for that command (a key added, renamed or dropped without the
     * schema fails the test that produced it);
     * <li>--format sarif prints one SARIF 2.1.0 log ({@link SarifCheck}); --format github, workflow commands.
     * </ul>
     */
    private void checkReportContract(CommandLine.ParseResult parsed) {
        Format format = Main.format(parsed);
        if (format == Format.json) {
            Object value;
            try {
                value = JsonRead.parse(stdout());
            } catch (IllegalArgumentException e) {
                throw new AssertionError("--format json prints exactly one JSON object after parsing, whatever happens; got "
                        + e.getMessage() + "\nstderr: " + stderr, e);
            }
            assertInstanceOf(java.util.Map.class, value, "--format json prints exactly one JSON object:\n" + stdout());
            if (parsed.hasSubcommand()) {
                JsonSchemas.nameForCommand(parsed.subcommand().commandSpec().name())
                        .ifPresent(name -> JsonSchemaCheck.assertMatches(name, stdout()));
            }
        } else if (format == Format.sarif) {
            SarifCheck.assertValid(stdout());
        } else if (format == Format.github) {
            stdout().lines().forEach(l -> assertTrue(WORKFLOW_COMMAND.matcher(l).matches(), "not a workflow command: " + l));
        }
    }

    /** True when the run asks for help or the version at any level: it prints that, not a report. */
    private static boolean asksForHelp(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
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
