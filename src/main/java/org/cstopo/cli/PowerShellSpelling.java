package org.cstopo.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * What it takes for a cmdlet line pasted after {@code cstopo trusted-pool add TOPOLOGY} to work:
 * picocli already matches option names in any case and by unique prefix (set up in {@link Main});
 * this adds {@code -Name:value} (rewritten to picocli's {@code -Name=value}), the en and em dashes
 * text copied from a document has, and booleans written $true/$false, True/False or 1/0.
 */
final class PowerShellSpelling {
    private static final Pattern COLON_FORM = Pattern.compile("(--?[A-Za-z][A-Za-z0-9-]*)([:=])(.*)", Pattern.DOTALL);

    /** Why $true can vanish: the shell, not cstopo. */
    static final String SHELL_HINT = "in bash and other Unix shells $true and $false are variables that expand to nothing:"
            + " write true or false, or quote them ('$true')";

    private PowerShellSpelling() {
    }

    /** The arguments as picocli reads them; a -Name: or --name= with nothing after it is a usage error. */
    static String[] arguments(String[] args, CommandLine root) {
        Set<String> options = new HashSet<>();
        collectOptionNames(root, options);
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            String arg = dashed(args[i]);
            Matcher m = COLON_FORM.matcher(arg);
            if (m.matches() && isOption(m.group(1), options)) {
                if (m.group(3).isEmpty()) {
                    throw new CstopoException(ExitCode.USAGE, "'" + args[i] + "' has no value after '" + m.group(2) + "'; " + SHELL_HINT);
                }
                arg = m.group(1) + "=" + m.group(3);
            }
            out[i] = arg;
        }
        return out;
    }

    /** PowerShell takes en, em and horizontal-bar dashes before a parameter name; so does cstopo. */
    private static String dashed(String arg) {
        if (arg.length() > 1 && "\u2013\u2014\u2015".indexOf(arg.charAt(0)) >= 0 && Character.isLetter(arg.charAt(1))) {
            return "-" + arg.substring(1);
        }
        return arg;
    }

    private static boolean isOption(String name, Set<String> options) {
        String lower = name.toLowerCase(Locale.ROOT);
        return options.stream().anyMatch(o -> o.startsWith(lower));
    }

    private static void collectOptionNames(CommandLine cmd, Set<String> out) {
        for (String name : cmd.getCommandSpec().optionsMap().keySet()) {
            out.add(name.toLowerCase(Locale.ROOT));
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            collectOptionNames(sub, out);
        }
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

    /** Adds the shell hint to "missing parameter" errors of boolean options. */
    static String explain(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing && isBoolean(missing.getMissing())) {
            return ex.getMessage() + "; " + SHELL_HINT;
        }
        return ex.getMessage();
    }

    private static boolean isBoolean(List<ArgSpec> specs) {
        return specs != null && specs.stream().anyMatch(s -> s.isOption() && (s.type() == boolean.class || s.type() == Boolean.class));
    }
}
