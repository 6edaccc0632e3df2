package org.cstopo.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cstopo.CstopoException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What it takes for a cmdlet line pasted after {@code cstopo trusted-pool add TOPOLOGY} to work:
 * option names in any case and by unique prefix, {@code -Name:value} and the en and em dashes text
 * copied from a document has ({@link TypedArguments}), booleans written $true/$false, True/False or
 * 1/0, and usage errors that name options as the user typed them.
 */
final class PowerShellSpelling {
    /** Why $true can vanish: the shell, not cstopo. */
    static final String SHELL_HINT = "in bash and other Unix shells $true and $false are variables that expand to nothing:"
            + " write true or false, or quote them ('$true')";

    private PowerShellSpelling() {
    }

    /** Booleans as PowerShell hands them to a program ($true arrives as True) or as they are typed. */
    static Boolean bool(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "$true", "1":
                return true;
            case "false", "$false", "0":
                return false;
            default:
                throw new CommandLine.TypeConversionException("'" + value + "' is not a boolean: write true or false"
                        + " ($true, $false, 1 and 0 work too)");
        }
    }

    /**
     * A usage error in the user's terms: options named as typed (-identity, not --identity), a
     * required option that was not given by all its names, the shell hint for a boolean left without
     * its value, and the commands a mistyped one may have meant.
     */
    static String explain(CommandLine.ParameterException ex) {
        CommandLine failed = ex.getCommandLine();
        TypedArguments typed = ((Main) failed.getCommandSpec().root().userObject()).typed;
        String message = ex.getMessage();
        List<ArgSpec> missing = ex instanceof CommandLine.MissingParameterException m ? m.getMissing() : null;
        if (missing != null && message.startsWith("Missing required option") && !missing.isEmpty()
                && missing.stream().allMatch(a -> a.isOption() && typed.typed((OptionSpec) a) == null)) {
            String like = typed.powerShellStyle(failed.getCommandSpec()) ? "-X" : "--x";
            message = "missing required option" + (missing.size() > 1 ? "s " : " ") + missing.stream()
                    .map(a -> TypedArguments.spellings((OptionSpec) a, like) + " " + a.paramLabel()).collect(Collectors.joining(", "));
        } else {
            for (OptionSpec o : failed.getCommandSpec().options()) {
                String name = typed.typed(o);
                for (String n : name == null ? new String[0] : o.names()) {
                    message = message.replace("'" + n + "'", "'" + name + "'");
                }
            }
        }
        if (message.equals("Missing required subcommand")) {
            // name them: 'cstopo trusted-pool' alone should say add, set or remove
            message = "a subcommand is required: " + String.join(", ", failed.getSubcommands().keySet().stream()
                    .filter(n -> !n.equals("help")).toList());
        }
        if (missing != null && isBoolean(missing)) {
            message += "; " + SHELL_HINT;
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        return CstopoException.oneLine(message);
    }

    private static boolean isBoolean(List<ArgSpec> specs) {
        return specs != null && specs.stream().anyMatch(s -> s.isOption() && (s.type() == boolean.class || s.type() == Boolean.class));
    }
}
