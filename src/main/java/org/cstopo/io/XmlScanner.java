package org.cstopo.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records where every element, tag and attribute of a document sits in its text.
 *
 * <p>It runs only on text that the JDK's parser has already accepted as well-formed (see
 * {@link SafeXml#checkWellFormed}), so it knows the grammar, not its error cases: anything it does
 * not expect is a bug and raises IllegalStateException.
 */
final class XmlScanner {
    private final String text;
    private int pos;
    private final List<SourceElement> elements = new ArrayList<>();
    /** Start and end offsets of every comment and processing instruction, in document order. */
    private final List<int[]> markup = new ArrayList<>();
    /**
     * One String per distinct name and short value: a topology repeats a few hundred of them
     * ("InterfaceSide", "Primary", "true", ...) hundreds of thousands of times, and sharing them
     * roughly halves the memory of the source tree of a large export.
     */
    private final Map<String, String> shared = new HashMap<>();
    private static final int SHARED_VALUE_MAX = 32;
    private int depth;

    /** Real topologies nest about ten levels; the bound keeps recursive consumers safe. */
    static final int MAX_DEPTH = 256;

    /**
     * The longest attribute value accepted. Real values are GUIDs, FQDNs, addresses and URL paths
     * (well under 1 KiB); the bound keeps messages that quote a value, and everything downstream,
     * proportionate.
     */
    static final int MAX_ATTRIBUTE_CHARS = 64 * 1024;

    /** Thrown when the text exceeds one of the scanner's limits; {@code offset} is where. */
    static final class LimitExceeded extends RuntimeException {
        final int offset;

        LimitExceeded(int offset, String what) {
            super(what, null, false, false);
            this.offset = offset;
        }
    }

    private XmlScanner(String text) {
        this.text = text;
    }

    /** What a scan found: every element in document order (the first is the root), and the comments and PIs. */
    record Result(List<SourceElement> elements, List<int[]> markup) {
    }

    static Result scan(String text) {
        XmlScanner s = new XmlScanner(text);
        s.run();
        return new Result(s.elements, s.markup);
    }

    private void run() {
        SourceElement current = null;
        int n = text.length();
        while (pos < n) {
            int lt = text.indexOf('<', pos);
            if (lt < 0) {
                break;
            }
            pos = lt;
            if (text.startsWith("<!--", pos)) {
                pos = markup(pos, endOf("-->", pos + 4));
            } else if (text.startsWith("<![CDATA[", pos)) {
                pos = endOf("]]>", pos + 9);
            } else if (text.startsWith("<?", pos)) {
                pos = markup(pos, endOf("?>", pos + 2));
            } else if (text.startsWith("<!", pos)) {
                throw new IllegalStateException("markup declaration at offset " + pos + " (DTDs are refused earlier)");
            } else if (text.startsWith("</", pos)) {
                if (current == null) {
                    throw new IllegalStateException("end tag without start at " + pos);
                }
                current.contentEnd = pos;
                pos = text.indexOf('>', pos) + 1;
                current.end = pos;
                current.trimChildren();
                current = current.parent;
                depth--;
            } else {
                SourceElement e = startTag(current);
                if (current != null) {
                    current.addChild(e);
                }
                if (!e.emptyTag) {
                    current = e;
                    if (++depth > MAX_DEPTH) {
                        throw new LimitExceeded(e.start, "elements nest deeper than " + MAX_DEPTH + " levels");
                    }
                }
            }
        }
        if (current != null) {
            throw new IllegalStateException("unclosed element " + current);
        }
    }

    private int markup(int start, int end) {
        markup.add(new int[] {start, end});
        return end;
    }

    private SourceElement startTag(SourceElement parent) {
        int start = pos;
        pos++;
        String name = name();
        SourceElement e = new SourceElement(name, elements.size(), start, parent);
        elements.add(e);
        while (true) {
            skipSpace();
            char c = text.charAt(pos);
            if (c == '>') {
                pos++;
                e.startTagEnd = pos;
                e.trimAttributes();
                break;
            }
            if (c == '/') {
                pos += 2;
                e.startTagEnd = e.contentEnd = e.end = pos;
                e.emptyTag = true;
                e.trimAttributes();
                break;
            }
            int nameStart = pos;
            String attrName = name();
            skipSpace();
            expect('=');
            skipSpace();
            char quote = text.charAt(pos);
            if (quote != '"' && quote != '\'') {
                throw new IllegalStateException("unquoted attribute at " + pos);
            }
            int valueStart = pos + 1;
            int valueEnd = text.indexOf(quote, valueStart);
            if (valueEnd - valueStart > MAX_ATTRIBUTE_CHARS) {
                throw new LimitExceeded(nameStart, "attribute " + attrName + " has a value of " + (valueEnd - valueStart)
                        + " characters (the limit is " + MAX_ATTRIBUTE_CHARS + ")");
            }
            e.addAttribute(new SourceAttribute(attrName, nameStart, valueStart, valueEnd, quote,
                    valueEnd - valueStart <= SHARED_VALUE_MAX ? share(valueStart, valueEnd) : text.substring(valueStart, valueEnd)));
            pos = valueEnd + 1;
        }
        String ns = e.namespaceFor(e.prefix());
        e.namespaceUri = ns == null ? "" : ns;
        return e;
    }

    private String name() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '=' || c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new IllegalStateException("name expected at " + pos);
        }
        return share(start, pos);
    }

    private String share(int from, int to) {
        String s = text.substring(from, to);
        String known = shared.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalStateException("'" + c + "' expected at " + pos);
        }
        pos++;
    }

    private int endOf(String terminator, int from) {
        int i = text.indexOf(terminator, from);
        if (i < 0) {
            throw new IllegalStateException("unterminated markup at " + from);
        }
        return i + terminator.length();
    }
}
