package org.cstopo.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cstopo command line. Each subcommand parses its flags and calls the core; the core never
 * prints. Errors the user can fix are one line on stderr with an exit code from {@link ExitCode}.
 */
@Command(name = "cstopo",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Edits and checks Lync Server 2013 / Skype for Business topology XML safely.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; no errors found; no difference",
            "1:errors found (validate), differences (diff), changes pending and valid (--check)",
            "2:usage error (unknown flag, bad value)",
            "3:unreadable input (missing, not XML, not a topology, bad changes file)",
            "4:a requested change contradicts the topology",
            "5:the output could not be written (input untouched)",
            "6:the result breaks a topology rule; nothing written (--check, --diff: a write would be refused)",
            "70:internal error (a bug: please report it with --debug output)"})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The arguments as typed, for messages that name options so (see {@link PowerShellSpelling#explain}). */
    TypedArguments typed = TypedArguments.NONE;

    /** Raw standard output, for writing topology bytes in their own encoding (-o -). */
    PrintStream stdout = System.out;

    /** The report of the editing command running, which a failure completes (its JSON says what failed). */
    EditReport editReport;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (show, apply, ...)");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    /**
     * JAXB builds a DOM for every element it has no class for (WebService, ConfService, ...) through
     * TransformerFactory.newInstance(), which finds Saxon on the class path and configures it anew
     * each time: 373 extra classes at start-up and about a quarter of apply's time on a 1,000-pool
     * topology (src/bench). The JDK's own factory is all that needs. Our XSLT uses Saxon's s9api
     * directly and is not affected; a user's own setting wins.
     */
    public static void useJdkTransformerFactoryForDomBuilding() {
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        }
    }

    /**
     * The subcommands, by name, in the order help lists them. They are registered here rather than
     * in {@code @Command(subcommands)} so that a run builds only the one it names: picocli reads the
     * annotations of every registered command up front, and all twelve (with their nested ones)
     * cost about 130 ms of a cold start, two thirds of picocli's share (src/bench/README.md).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("show", ShowCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("apply", ApplyCommand.class);
        m.put("set-ip", EditCommands.SetIp.class);
        m.put("trusted-pool", EditCommands.Pool.class);
        m.put("trusted-computer", EditCommands.Computer.class);
        m.put("trusted-app", EditCommands.App.class);
        m.put("transform", TransformCommand.class);
        m.put("diff", DiffCommand.class);
        m.put("runbook", RunbookCommand.class);
        m.put("schema", SchemaCommand.class);
        m.put("textconv", TextconvCommand.class);
        m.put("help", HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The commands that read a topology into the model: their start-up overlaps with the model's (see ModelWarmUp). */
    private static final java.util.Set<String> BINDS_A_TOPOLOGY = java.util.Set.of("show", "validate", "apply", "set-ip",
            "trusted-pool", "trusted-computer", "trusted-app", "transform", "diff", "runbook");

    /** Runs the CLI with the given streams and returns the exit code (tests call this in-process). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        useJdkTransformerFactoryForDomBuilding();
        String named = named(args);
        if (named != null && BINDS_A_TOPOLOGY.contains(named)) {
            ModelWarmUp.start(!named.equals("show") && !named.equals("diff") && !named.equals("runbook"));
        }
        CommandLine cmd = commandLine(out, err, args);
        try {
            ((Main) cmd.getCommandSpec().userObject()).typed = TypedArguments.resolve(args, cmd);
        } catch (CommandLine.ParameterException e) {
            return usageError(e, cmd.getErr());
        }
        return cmd.execute(((Main) cmd.getCommandSpec().userObject()).typed.args);
    }

    /** The command line a run with {@code args} builds, printing nowhere (bench.Phases times it). */
    public static CommandLine commandLineFor(String... args) {
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        return commandLine(nowhere, nowhere, args);
    }

    /** The whole command tree (help, completion, tests). */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when the first argument
     * that is not an option names one exactly (as picocli matches it), else with every subcommand
     * (help, usage errors, no command), so that lists and suggestions stay complete.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String[] arguments) {
        Main main = new Main();
        main.stdout = out;
        CommandLine cmd = new CommandLine(main);
        String name = named(arguments);
        Class<?> named = COMMANDS.get(name);
        if (named != null && named != HelpCommand.class) {
            cmd.addSubcommand(named);
        } else if (!onlyRootOptions(arguments)) {
            COMMANDS.values().forEach(cmd::addSubcommand);
        }
        // PowerShell spellings (see PowerShellSpelling): -identity, -IDENTITY; booleans as $true/True/1. Set on the root after
        // the subcommands exist, so that every command has them. TypedArguments turns an abbreviation (-Ident) into the full
        // name first; picocli's own abbreviations stay off: they fail on an empty argument (IndexOutOfBoundsException).
        cmd.setOptionsCaseInsensitive(true);
        // Every command lists -V, --version (mixinStandardHelpOptions); the provider is the root's, so give it to each.
        setVersionProvider(cmd, cmd.getCommandSpec().versionProvider());
        cmd.registerConverter(Boolean.class, PowerShellSpelling::bool);
        cmd.registerConverter(Boolean.TYPE, PowerShellSpelling::bool);
        // An empty file name is an unset shell variable, not the current directory ("'': is a directory").
        cmd.registerConverter(java.nio.file.Path.class, value -> {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException(OutputTarget.EMPTY_FILE_NAME);
            }
            return java.nio.file.Path.of(value);
        });
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        cmd.setOut(outWriter);
        cmd.setErr(errWriter);
        // Everything after parsing ends here: an error is one line on stderr and, with --format json, sarif or github, the
        // report of the failed run on stdout.
        // (picocli would hand Errors, such as OutOfMemoryError on a huge input, to the JVM, which prints a stack trace and
        // exits 1, "errors found"; and a command's own usage error to the parse error handler, which knows no --format.)
        cmd.setExecutionStrategy(parseResult -> {
            Throwable failure;
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (CommandLine.ParameterException | Error e) {
                failure = e;
            }
            if (main.editReport != null) {
                main.editReport.abandon();
            }
            int code = handle(failure, errWriter, isDebug(parseResult));
            Format format = format(parseResult);
            if (format == Format.json || format.forCi()) {
                String message = message(failure);
                if (main.editReport != null) {
                    main.editReport.fail(code, message);
                } else {
                    outWriter.print(format == Format.json ? Json.write(failureJson(code, message))
                            : FindingsOutput.of(format, null, null, null, code, message));
                    outWriter.flush();
                }
            }
            return code;
        });
        cmd.setParameterExceptionHandler((ex, args) -> usageError(ex, errWriter));
        return cmd;
    }

    private static void setVersionProvider(CommandLine command, CommandLine.IVersionProvider provider) {
        command.getCommandSpec().versionProvider(provider);
        command.getSubcommands().values().forEach(sub -> setVersionProvider(sub, provider));
    }

    /**
     * Options only, none of them a way to ask for help (-h, --help, or a spelling of them: options
     * match in any case and by prefix): --version or --debug alone need no subcommand to be answered.
     */
    private static boolean onlyRootOptions(String[] args) {
        for (String a : args) {
            String lower = a.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("-") || lower.equals("--") || lower.startsWith("-h") || lower.startsWith("--h")) {
                return false;
            }
        }
        return args.length > 0;
    }

    /** The first argument that does not start with a dash (root options take no values), or null. */
    private static String named(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static int usageError(CommandLine.ParameterException ex, PrintWriter err) {
        err.println("cstopo: " + message(ex));
        return ExitCode.USAGE.code;
    }

    /** What --format json prints when a command that is not an edit fails after its arguments were parsed. */
    static Map<String, Object> failureJson(int code, String message) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("error", errorJson(code, message));
        root.put("exitCode", code);
        return root;
    }

    /** {"code", "message"}: the "error" of every --format json output. */
    static Map<String, Object> errorJson(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    /** The --format of the command run: text when it has none. */
    static Format format(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine.Model.OptionSpec format = leaf.commandSpec().findOption("--format");
        return format != null && format.getValue() instanceof Format f ? f : Format.text;
    }

    private static boolean isDebug(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Prints the error's one line (and with --debug its stack trace) on {@code err}; returns its exit code. */
    static int handle(Throwable ex, PrintWriter err, boolean debug) {
        err.println("cstopo: " + message(ex));
        if (debug) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            err.print(sw);
        }
        err.flush();
        if (ex instanceof CstopoException ce) {
            return ce.exitCode().code;
        }
        return ex instanceof CommandLine.ParameterException ? ExitCode.USAGE.code : ExitCode.INTERNAL.code;
    }

    /** The one line an error is shown as (after "cstopo: "); a usage error points at the command's help. */
    static String message(Throwable ex) {
        if (ex instanceof CstopoException ce) {
            return ce.getMessage();
        }
        if (ex instanceof CommandLine.ParameterException pe) {
            return PowerShellSpelling.explain(pe) + " (see '" + pe.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
        }
        return "internal error: " + ex + " (this is a bug; run again with --debug and report the output)";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"cstopo " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
