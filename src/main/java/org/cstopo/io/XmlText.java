package org.cstopo.io;

/** Escaping and unescaping of XML character data, as the XML 1.0 specification defines it. */
public final class XmlText {
    private XmlText() {
    }

    /** Escapes an attribute value for a double-quoted attribute, as Lync writes them. */
    public static String escapeAttribute(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\t' -> sb.append("&#x9;");
                case '\n' -> sb.append("&#xA;");
                case '\r' -> sb.append("&#xD;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String escapeText(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Attribute-value normalisation (XML 1.0 section 3.3.3) for CDATA-typed attributes. */
    public static String unescapeAttribute(String raw) {
        return unescape(raw, true);
    }

    /** Character data between tags: references resolved, line ends normalised to LF. */
    public static String unescapeText(String raw) {
        return unescape(raw, false);
    }

    /**
     * Appends the character data of {@code text}'s [from, to) as {@link #unescapeText} gives it,
     * without copying the range first (this runs for every stretch between tags that is bound).
     */
    static void appendText(String text, int from, int to, StringBuilder sb) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '&') {
                sb.append(unescapeText(text.substring(i, to)));
                return;
            }
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < to && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
    }

    /** Nothing to resolve or normalise: one pass over the value, not one per character looked for (this runs for every attribute bound). */
    private static boolean plain(String raw, boolean attribute) {
        for (int i = 0, n = raw.length(); i < n; i++) {
            char c = raw.charAt(i);
            if (c == '&' || c == '\r' || attribute && (c == '\t' || c == '\n')) {
                return false;
            }
        }
        return true;
    }

    /** Resolves references and normalises line ends; in attribute values every white-space character becomes a space. */
    private static String unescape(String raw, boolean attribute) {
        if (plain(raw, attribute)) {
            return raw;
        }
        char lineEnd = attribute ? ' ' : '\n';
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '&') {
                i = appendReference(raw, i, sb);
            } else if (c == '\r') {
                sb.append(lineEnd);
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (attribute && (c == '\t' || c == '\n')) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends the character a reference at {@code amp} stands for; returns the index of its ';'. */
    private static int appendReference(String raw, int amp, StringBuilder sb) {
        int semi = raw.indexOf(';', amp);
        if (semi < 0) {
            throw new IllegalArgumentException("unterminated reference in " + raw);
        }
        String name = raw.substring(amp + 1, semi);
        switch (name) {
            case "lt" -> sb.append('<');
            case "gt" -> sb.append('>');
            case "amp" -> sb.append('&');
            case "quot" -> sb.append('"');
            case "apos" -> sb.append('\'');
            default -> {
                if (!name.startsWith("#")) {
                    throw new IllegalArgumentException("undeclared entity &" + name + ";");
                }
                int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                sb.appendCodePoint(cp);
            }
        }
        return semi;
    }
}
