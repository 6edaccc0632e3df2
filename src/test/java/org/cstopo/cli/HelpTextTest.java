package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help a Lync engineer reads: every option and argument of every command says what it is for,
 * every default is shown, and an option that mirrors a cmdlet parameter (-TreatAsAuthenticated)
 * says its default, the cmdlet's where there is one. Walks the whole command tree, so a new option
 * without a description fails here.
 */
class HelpTextTest {
    private static void eachCommand(CommandLine c, Consumer<CommandSpec> visit) {
        visit.accept(c.getCommandSpec());
        c.getSubcommands().values().forEach(sub -> eachCommand(sub, visit));
    }

    private static CommandLine root() {
        return Main.commandLine(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private static String text(String[] description) {
        return String.join(" ", description).strip();
    }

    @Test
    void everyOptionAndArgumentOfEveryCommandHasADescription() {
        List<String> undescribed = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        eachCommand(root(), spec -> {
            commands.add(spec.qualifiedName());
            for (OptionSpec o : spec.options()) {
                if (text(o.description()).isEmpty()) {
                    undescribed.add(spec.qualifiedName() + " " + o.longestName());
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (text(p.description()).isEmpty()) {
                    undescribed.add(spec.qualifiedName() + " " + p.paramLabel());
                }
            }
            if (text(spec.usageMessage().description()).isEmpty()) {
                undescribed.add(spec.qualifiedName());
            }
        });
        assertEquals(List.of(), undescribed);
        assertTrue(commands.containsAll(List.of("cstopo trusted-pool add", "cstopo trusted-app remove", "cstopo help", "cstopo set-ip")),
                "the walk reaches the subcommands' subcommands: " + commands);
    }

    @Test
    void everyDefaultIsShownAndEveryCmdletParameterSaysItsDefault() {
        List<String> silent = new ArrayList<>();
        eachCommand(root(), spec -> {
            for (OptionSpec o : spec.options()) {
                String d = text(o.description());
                boolean saysDefault = d.contains("${DEFAULT-VALUE}") || d.toLowerCase(Locale.ROOT).contains("default");
                boolean mirrorsCmdlet = List.of(o.names()).stream().anyMatch(n -> n.matches("-[A-Z][A-Za-z]+"));
                boolean required = o.required();
                if (!saysDefault && (o.defaultValue() != null || mirrorsCmdlet && !required)) {
                    silent.add(spec.qualifiedName() + " " + o.longestName() + ": " + d);
                }
            }
        });
        assertEquals(List.of(), silent);
    }

    /** The command list of `cstopo --help` shows each command's first description line: a whole sentence, not a cut one. */
    @Test
    void everyCommandsSummaryIsASentenceAndEveryFormatOptionNamesItsValues() {
        List<String> cut = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        eachCommand(root(), spec -> {
            String[] d = spec.usageMessage().description();
            if (d.length > 0 && !d[0].strip().endsWith(".")) {
                cut.add(spec.qualifiedName() + ": " + d[0]);
            }
            OptionSpec format = spec.findOption("--format");
            if (format != null && !format.paramLabel().matches("text(\\|[a-z]+)+")) {
                formats.add(spec.qualifiedName() + " --format=" + format.paramLabel());
            }
        });
        assertEquals(List.of(), cut);
        assertEquals(List.of(), formats);
    }

    /** Every help lists "-V, --version  Print version information and exit."; a subcommand's printed nothing. */
    @Test
    void versionWorksOnEveryCommand() {
        String version = CliRun.of("--version").stdout();
        assertTrue(version.startsWith("cstopo "), version);
        List<String> silent = new ArrayList<>();
        eachCommand(root(), spec -> {
            if (spec.findOption("--version") != null) {
                // "cstopo trusted-pool add" -> trusted-pool add --version
                List<String> args = new ArrayList<>(List.of(spec.qualifiedName().split(" ")));
                args.set(0, "--version");
                args.add(args.remove(0));
                CliRun run = CliRun.of(args.toArray(new String[0]));
                if (run.exitCode() != 0 || !run.stdout().equals(version)) {
                    silent.add(String.join(" ", args) + ": " + run.exitCode() + " '" + run.stdout() + "'");
                }
            }
        });
        assertEquals(List.of(), silent);
    }

    @Test
    void theCmdletsDefaultsAreTheOnesPrinted() {
        CliRun run = CliRun.of("help", "trusted-pool", "add");
        String help = run.stdout().replaceAll("\\s+", " ");
        // New-CsTrustedApplicationPool (Microsoft's cmdlet reference): TreatAsAuthenticated True, ThrottleAsServer True,
        // RequiresReplication True, OutboundOnly False; the port counts 0 (no range); the first computer takes the pool's FQDN
        for (String[] option : new String[][] {{"-TreatAsAuthenticated", "true"}, {"-ThrottleAsServer", "true"},
            {"-RequiresReplication", "true"}, {"-OutboundOnly", "false"}}) {
            int at = help.indexOf(option[0] + ", ");
            assertTrue(at >= 0, option[0] + " in " + help);
            int next = help.indexOf(" -", help.indexOf("BOOL", at) + 5);
            assertTrue(help.substring(at, next).contains("Default: " + option[1] + ", the cmdlet's."), help.substring(at, next));
        }
        assertTrue(help.contains("Default: none (the cmdlet's 0: no range)"), help);
        assertTrue(help.contains("Default: the pool's FQDN, as the cmdlet's"), help);
        assertTrue(CliRun.of("help", "trusted-app", "add").stdout().replaceAll("\\s+", " ")
                .contains("Default: off, MTLS, as the cmdlet's."));
        assertTrue(CliRun.of("help", "set-ip").stdout().contains("Default: Primary."));
    }
}
