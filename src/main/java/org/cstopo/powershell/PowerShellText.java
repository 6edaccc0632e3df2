package org.cstopo.powershell;

import java.util.regex.Pattern;

/** Writing values so that PowerShell (and {@link RunbookReader}) reads them back exactly. */
public final class PowerShellText {
    /** Text PowerShell takes as one literal word in argument mode: FQDNs, numbers, paths, service ids. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:\\\\/=+][A-Za-z0-9_.:\\\\/=+@-]*");

    /**
     * A bare word PowerShell parses as a number in argument mode (01, 1.50, 1e3, 0x10, 1kb, 5d...):
     * a string parameter then receives the number's text (1, 1.5, 1000, 16, 1024...), not the word.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?i)[+-]?(?:0x[0-9a-f]+|0b[01]+|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?)(?:u?[lysn]|u|d)?(?:kb|mb|gb|tb|pb)?");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private PowerShellText() {
    }

    /** True when PowerShell would turn this bare word into a number whose text differs from it. */
    static boolean changesAsNumber(String word) {
        return NUMBER.matcher(word).matches() && !PLAIN_INTEGER.matcher(word).matches();
    }

    /** The value as a bare word when that is safe, otherwise in single quotes (each quote doubled, typographic ones too). */
    public static String argument(String value) {
        if (BARE.matcher(value).matches() && !changesAsNumber(value)) {
            return value;
        }
        StringBuilder sb = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            sb.append(c);
            if (ScriptParser.isSingleQuote(c)) {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** Text for a comment: control characters and line separators written as escapes, so the comment stays one line. */
    public static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String bool(boolean value) {
        return value ? "$true" : "$false";
    }
}
