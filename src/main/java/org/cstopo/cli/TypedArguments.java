package org.cstopo.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cstopo.powershell.TopologyCmdlets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line as the user typed it, resolved against the command each argument belongs to,
 * before picocli reads it. An option name is matched in any case and, as PowerShell matches a
 * parameter, by a unique prefix among the names with as many dashes ({@code -Ident} is -Identity,
 * {@code --ident} is --identity; {@code -Force} never becomes --force); {@code -Name:value} is
 * rewritten to picocli's {@code -Name=value}. Resolving here rather than in picocli means an
 * unknown or ambiguous option is reported first, with the closest spelling, instead of a "missing
 * required option" it caused; an abbreviation is known for an option when it follows an option
 * that lacks its value; and -check is not read as -c heck (picocli's clustered short options, which
 * cstopo has never documented). The spelling typed for each option is kept, so messages name it so.
 */
final class TypedArguments {
    private static final Pattern NAME_VALUE = Pattern.compile("(--?[A-Za-z][A-Za-z0-9-]*)([:=])(.*)", Pattern.DOTALL);

    /** The arguments as picocli reads them. */
    final String[] args;
    private final Map<OptionSpec, String> typed;

    private TypedArguments(String[] args, Map<OptionSpec, String> typed) {
        this.args = args;
        this.typed = typed;
    }

    /** Nothing typed: what {@link Main} holds before it has read any arguments. */
    static final TypedArguments NONE = new TypedArguments(new String[0], Map.of());

    /** The name the user typed for this option, or null when it was not typed. */
    String typed(OptionSpec option) {
        return typed.get(option);
    }

    /** True when the user wrote options of this command the PowerShell way (-Identity), not --identity (-o aside). */
    boolean powerShellStyle(CommandSpec command) {
        return command.options().stream().map(typed::get).anyMatch(n -> n != null && n.length() > 2 && !n.startsWith("--"));
    }

    /**
     * Resolves {@code raw} against {@code root}'s commands. An unknown or ambiguous option, or a
     * -Name: with nothing after it, is a {@link ParameterException} of the command it was given to.
     */
    static TypedArguments resolve(String[] raw, CommandLine root) {
        List<String> out = new ArrayList<>(raw.length);
        Map<OptionSpec, String> typed = new IdentityHashMap<>();
        CommandLine command = root;
        boolean endOfOptions = false;
        for (int i = 0; i < raw.length; i++) {
            String arg = dashed(raw[i]);
            CommandLine sub = command.getSubcommands().get(arg);
            if (endOfOptions || !looksLikeOption(arg)) {
                endOfOptions |= arg.equals("--");
                if (sub != null && !endOfOptions) {
                    command = sub;
                } else if (!endOfOptions && !command.getSubcommands().isEmpty()) {
                    // a mistyped command ('set-iP'): picocli names it, with the closest command; its options would only mislead
                    out.addAll(List.of(raw).subList(i, raw.length));
                    break;
                }
                out.add(arg);
                continue;
            }
            Matcher m = NAME_VALUE.matcher(arg);
            String name = m.matches() ? m.group(1) : arg;
            OptionSpec option = find(command, name);
            if (option == null) {
                throw unknown(command, name);
            }
            typed.put(option, name);
            String canonical = canonical(option, name);
            if (m.matches()) {
                if (m.group(3).isEmpty()) {
                    throw new ParameterException(command, "'" + raw[i] + "' has no value after '" + m.group(2) + "'; "
                            + PowerShellSpelling.SHELL_HINT);
                }
                out.add(canonical + "=" + checkedValue(command, option, name, m.group(3)));
                continue;
            }
            out.add(canonical);
            if (option.arity().min > 0 && i + 1 < raw.length) {
                String next = dashed(raw[i + 1]);
                // an option where a value belongs is left for picocli to report ("Expected parameter ... but found ...")
                Matcher n = NAME_VALUE.matcher(next);
                boolean anOption = looksLikeOption(next) && find(command, n.matches() ? n.group(1) : next) != null;
                if (!anOption && !next.equals("--")) {
                    out.add(checkedValue(command, option, name, next));
                    i++;
                }
            }
        }
        return new TypedArguments(out.toArray(new String[0]), typed);
    }

    /** A boolean's value; picocli would read a blank one ("$true" that bash expanded to nothing) as false. */
    private static String checkedValue(CommandLine command, OptionSpec option, String name, String value) {
        boolean bool = option.type() == boolean.class || option.type() == Boolean.class;
        if (bool && value.isBlank()) {
            throw new ParameterException(command, "'" + name + "' has an empty value; " + PowerShellSpelling.SHELL_HINT);
        }
        return value;
    }

    /** PowerShell takes en, em and horizontal-bar dashes before a parameter name; so does cstopo. */
    private static String dashed(String arg) {
        if (arg.length() > 1 && "\u2013\u2014\u2015".indexOf(arg.charAt(0)) >= 0 && Character.isLetter(arg.charAt(1))) {
            return "-" + arg.substring(1);
        }
        return arg;
    }

    /** -x, --xyz; not "-" (standard output), "--" (end of options) nor a negative number. */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-' && (Character.isLetter(arg.charAt(1))
                || arg.charAt(1) == '-' && arg.length() > 2 && Character.isLetter(arg.charAt(2)));
    }

    /**
     * The option a name means here: a name of it in any case, else the one option with a name of as
     * many dashes that starts with it; null when none. Ambiguous: a usage error naming the candidates.
     */
    static OptionSpec find(CommandLine command, String name) {
        for (OptionSpec o : command.getCommandSpec().options()) {
            for (String n : o.names()) {
                if (n.equalsIgnoreCase(name)) {
                    return o;
                }
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Set<OptionSpec> candidates = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (OptionSpec o : command.getCommandSpec().options()) {
            for (String n : o.names()) {
                if (sameDashes(n, name) && n.toLowerCase(Locale.ROOT).startsWith(lower) && candidates.add(o)) {
                    names.add(n);
                }
            }
        }
        if (candidates.size() > 1) {
            throw new ParameterException(command, "'" + name + "' is ambiguous: it could be " + String.join(" or ", names)
                    + "; write more of the name");
        }
        return candidates.isEmpty() ? null : candidates.iterator().next();
    }

    private static boolean sameDashes(String a, String b) {
        return a.startsWith("--") == b.startsWith("--");
    }

    /** The option's full name as typed, in picocli's terms: the typed name itself when it is one, else its full form. */
    private static String canonical(OptionSpec option, String typed) {
        for (String n : option.names()) {
            if (n.equalsIgnoreCase(typed)) {
                return typed;
            }
        }
        for (String n : option.names()) {
            if (sameDashes(n, typed) && n.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new IllegalStateException(typed + " is not a name of " + option.longestName());
    }

    private static ParameterException unknown(CommandLine command, String name) {
        String common = TopologyCmdlets.commonParameter(name);
        if (common != null) {
            return new ParameterException(command, "'" + name + "' is " + common);
        }
        OptionSpec closest = null;
        int best = Integer.MAX_VALUE;
        for (OptionSpec o : command.getCommandSpec().options()) {
            for (String n : o.names()) {
                int d = distance(name.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
                if (d < best) {
                    best = d;
                    closest = o;
                }
            }
        }
        // a far match, or any match for a name of one or two letters, is noise, not a suggestion: --help lists the options
        int letters = name.replace("-", "").length();
        boolean close = closest != null && letters >= 3 && best <= letters / 3 + 1;
        return new ParameterException(command, "unknown option '" + name + "'" + (close ? "; did you mean " + spellings(closest, name) + "?" : ""));
    }

    /** An option's names for a message, the one written like {@code like} first: "-Identity (--identity)". */
    static String spellings(OptionSpec option, String like) {
        List<String> names = new ArrayList<>(List.of(option.names()));
        names.sort((a, b) -> Boolean.compare(!sameDashes(a, like), !sameDashes(b, like)));
        return names.size() == 1 ? names.get(0)
                : names.get(0) + " (" + names.stream().skip(1).collect(Collectors.joining(", ")) + ")";
    }

    /** Levenshtein distance: how many one-character edits turn a into b. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
