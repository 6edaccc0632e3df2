package org.cstopo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code cstopo help trusted-pool add}: the help of a command at any depth. picocli's own help
 * command reads one name only, so {@code help trusted-pool add} printed trusted-pool's help.
 */
@Command(name = "help", helpCommand = true,
        description = "Print the help of a command, at any depth: cstopo help trusted-pool add.")
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command and its subcommands, as typed after cstopo (e.g. trusted-pool add). Default: none, cstopo's"
                    + " own help.")
    List<String> commands = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                String known = String.join(", ", target.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
                throw new ParameterException(self, "'" + name + "' is not a command of '" + target.getCommandSpec().qualifiedName()
                        + "'" + (known.isEmpty() ? ", which has none" : "; its commands are " + known));
            }
            target = sub;
        }
        target.usage(out, colors);
        return 0;
    }
}
