package org.cstopo.io;

/**
 * How a document writes its markup, so new elements look like their neighbours: the indent step,
 * the line separator, how an empty-element tag ends ({@code " />"} as Get-CsTopology writes it, or
 * {@code "/>"}), and the attribute quote.
 */
public record Style(String indentUnit, String newline, String emptyTagEnd, char quote) {

    /** What Get-CsTopology -AsXml | Out-File writes. */
    public static final Style LYNC = new Style("  ", "\r\n", " />", '"');

    /** Elements looked at: the style of a document shows in its first lines. */
    private static final int SAMPLE = 200;

    /**
     * The style of {@code doc}: the indent step of its first nested element, the end of its first
     * empty-element tag, and the quote most of its first attributes use.
     */
    public static Style of(SourceDocument doc) {
        String text = doc.text();
        String unit = null;
        String emptyEnd = null;
        int singleQuoted = 0;
        int doubleQuoted = 0;
        for (SourceElement e : doc.elements().subList(0, Math.min(SAMPLE, doc.elements().size()))) {
            if (unit == null && e.parent() != null) {
                unit = indentStep(doc, e);
            }
            if (emptyEnd == null && e.isEmptyTag()) {
                emptyEnd = text.charAt(e.end() - 3) == ' ' ? " />" : "/>";
            }
            for (SourceAttribute a : e.attributes()) {
                if (a.quote() == '\'') {
                    singleQuoted++;
                } else {
                    doubleQuoted++;
                }
            }
        }
        return new Style(unit == null ? LYNC.indentUnit : unit, doc.lineSeparator(),
                emptyEnd == null ? LYNC.emptyTagEnd : emptyEnd, singleQuoted > doubleQuoted ? '\'' : '"');
    }

    /** The extra indent of an element on its own line relative to its parent, or null. */
    private static String indentStep(SourceDocument doc, SourceElement e) {
        String inner = doc.indentOf(e);
        String outer = doc.indentOf(e.parent());
        int lineStart = e.start() - inner.length();
        boolean ownLine = lineStart > 0 && doc.text().charAt(lineStart - 1) == '\n';
        if (ownLine && inner.length() > outer.length() && inner.startsWith(outer)) {
            return inner.substring(outer.length());
        }
        return null;
    }

    /** An attribute written in this style: {@code name="value"}, escaped for the quote. */
    public String attribute(String name, String value) {
        return name + "=" + quote + escape(value, quote) + quote;
    }

    /** An attribute value escaped for the given quote character. */
    public static String escape(String value, char quote) {
        String escaped = XmlText.escapeAttribute(value);
        return quote == '\'' ? escaped.replace("&quot;", "\"").replace("'", "&apos;") : escaped;
    }
}
