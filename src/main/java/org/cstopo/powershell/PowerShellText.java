package org.cstopo.powershell;

import java.util.regex.Pattern;

/** Writing values so that PowerShell (and {@link RunbookReader}) reads them back exactly. */
public final class PowerShellText {
    /** Text PowerShell takes as one literal word in argument mode: FQDNs, numbers, paths, service ids. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:\\\\/=+][A-Za-z0-9_.:\\\\/=+@-]*");

    private PowerShellText() {
    }

    /** The value as a bare word when that is safe, otherwise in single quotes (each quote doubled, typographic ones too). */
    public static String argument(String value) {
        if (BARE.matcher(value).matches()) {
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

    public static String bool(boolean value) {
        return value ? "$true" : "$false";
    }
}
