package org.cstopo.io;

/**
 * An attribute as written in the original text. {@code valueStart}/{@code valueEnd} delimit the raw
 * value between the quotes, so an edit can replace exactly those characters.
 */
public record SourceAttribute(String qName, int nameStart, int valueStart, int valueEnd, char quote,
                              String rawValue) {

    public String localName() {
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    public String prefix() {
        int colon = qName.indexOf(':');
        return colon < 0 ? "" : qName.substring(0, colon);
    }

    public boolean isNamespaceDeclaration() {
        return qName.equals("xmlns") || qName.startsWith("xmlns:");
    }

    /** The value as an XML parser reports it: references resolved, white space normalised. */
    public String value() {
        return XmlText.unescapeAttribute(rawValue);
    }
}
