package org.cstopo.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cstopo.CstopoException;

/**
 * A topology file as it was read: its exact text and encoding, and the position of every element.
 * Immutable; edits are expressed with {@link TextEdits} and produce a new text.
 */
public final class SourceDocument {
    private final String name;
    private final TextEncoding encoding;
    private final String text;
    private final List<SourceElement> elements;
    private final List<int[]> markup;
    private LineIndex lines;

    private final Derivation derivation;

    private SourceDocument(String name, TextEncoding encoding, String text, XmlScanner.Result scan) {
        this(name, encoding, text, scan, null);
    }

    SourceDocument(String name, TextEncoding encoding, String text, XmlScanner.Result scan, Derivation derivation) {
        this.name = name;
        this.encoding = encoding;
        this.text = text;
        this.elements = scan.elements();
        this.markup = scan.markup();
        this.derivation = derivation;
    }

    /**
     * How a document made by editing another one relates to it (see {@link TextEdits#applyTo(SourceDocument)}):
     * {@code origin[i]} is the element of {@code base} that element i was copied from (null for an
     * element the edit wrote), and {@code touched} holds the elements that are new or hold an edit
     * somewhere inside: an element not in it has exactly its original's subtree, text and all.
     */
    record Derivation(SourceDocument base, SourceElement[] origin, java.util.BitSet touched) {
    }

    /** The document this one was made from by an edit, or null when it was parsed from its text. */
    public SourceDocument base() {
        return derivation == null ? null : derivation.base();
    }

    /**
     * The element of {@link #base()} that {@code e} is a copy of, with the same subtree, text and
     * attributes (only its offsets shifted); null when {@code e} is new or changed inside, or this
     * document has no base.
     */
    public SourceElement unchangedOrigin(SourceElement e) {
        if (derivation == null || derivation.touched().get(e.index())) {
            return null;
        }
        return derivation.origin()[e.index()];
    }

    /** The element of {@link #base()} that {@code e} was copied from (its tags at least are the original's), or null. */
    public SourceElement origin(SourceElement e) {
        return derivation == null ? null : derivation.origin()[e.index()];
    }

    /** [start, end) of every comment and processing instruction, in document order. */
    List<int[]> markup() {
        return markup;
    }

    /** Parses text that is already decoded (for example a stylesheet's output). */
    public static SourceDocument parse(String name, TextEncoding encoding, String text) {
        if (looksLikePowerShellError(text)) {
            throw CstopoException.badInput(name + ":1:1: this is a PowerShell error message, not a topology (the export"
                    + " failed and its error was saved); run Get-CsTopology -AsXml | Out-File in the Skype for Business"
                    + " Server Management Shell and check that it succeeds");
        }
        SafeXml.checkWellFormed(text, name);
        try {
            return new SourceDocument(name, encoding, text, XmlScanner.scan(text));
        } catch (XmlScanner.LimitExceeded e) {
            LineIndex li = new LineIndex(text);
            throw CstopoException.badInput(name + ":" + li.line(e.offset) + ":" + li.column(e.offset)
                    + ": " + e.getMessage() + "; no topology export does: check that this is the right file");
        }
    }

    /** A saved PowerShell error record: text, not markup, with the record's tell-tale fields. */
    private static boolean looksLikePowerShellError(String text) {
        String head = text.stripLeading();
        return !head.startsWith("<") && head.contains("FullyQualifiedErrorId");
    }

    /** Decodes and parses a file's bytes. */
    public static SourceDocument parse(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw CstopoException.badInput(
                    name + ": the file is empty; export the topology with Get-CsTopology -AsXml | Out-File " + name);
        }
        TextEncoding encoding = TextEncoding.detect(bytes, name);
        String text = encoding.decode(bytes, name);
        bytes = null; // the file's bytes can go before the parse, which holds the text and its tree
        encoding.checkDeclaration(text, name);
        return parse(name, encoding, text);
    }

    /** True when {@code bytes} are exactly this document's {@link #bytes()}, compared without encoding it again. */
    public boolean isEncodedAs(byte[] bytes) {
        return encoding.encodes(text, bytes);
    }

    /** The file name used in messages. */
    public String name() {
        return name;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    public String text() {
        return text;
    }

    public byte[] bytes() {
        return encoding.encode(text);
    }

    public SourceElement root() {
        return elements.get(0);
    }

    /** Every element, in document order. */
    public List<SourceElement> elements() {
        return Collections.unmodifiableList(elements);
    }

    public LineIndex lines() {
        if (lines == null) {
            lines = new LineIndex(text);
        }
        return lines;
    }

    /** "file:line:column" of an element's start tag. */
    public String location(SourceElement e) {
        return location(e.start());
    }

    public String location(int offset) {
        LineIndex li = lines();
        return name + ":" + li.line(offset) + ":" + li.column(offset);
    }

    /**
     * The comments and processing instructions, in document order, as a serialiser would write them:
     * a comment as it is, a PI as {@code <?target data?>} with the space after the target made one.
     * The XML declaration is not a processing instruction and is not listed.
     */
    public List<String> commentsAndInstructions() {
        List<String> out = new ArrayList<>(markup.size());
        for (int[] range : markup) {
            String m = text.substring(range[0], range[1]);
            if (m.startsWith("<?")) {
                String body = m.substring(2, m.length() - 2);
                int space = 0;
                while (space < body.length() && !Character.isWhitespace(body.charAt(space))) {
                    space++;
                }
                String target = body.substring(0, space);
                if (target.equals("xml")) {
                    continue;
                }
                String data = body.substring(space).stripLeading();
                m = "<?" + target + (data.isEmpty() ? "" : " " + data) + "?>";
            }
            out.add(m);
        }
        return out;
    }

    /** The line separator the file uses most: "\r\n" for PowerShell exports. */
    public String lineSeparator() {
        int crlf = 0;
        int lf = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '\r') {
                crlf++;
            } else {
                lf++;
            }
        }
        return crlf > 0 && crlf >= lf ? "\r\n" : "\n";
    }

    /** The white space between the start of an element's line and its start tag. */
    public String indentOf(SourceElement e) {
        int i = e.start();
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return text.substring(i, e.start());
    }

    /**
     * The character data directly inside an element (not inside its children), with references
     * resolved and CDATA sections unwrapped; comments and processing instructions are skipped.
     */
    public String directText(SourceElement e) {
        if (e.isEmptyTag()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int from = e.startTagEnd();
        for (SourceElement child : e.children()) {
            appendCharacterData(from, child.start(), sb);
            from = child.end();
        }
        appendCharacterData(from, e.contentEnd(), sb);
        return sb.toString();
    }

    /** Character data of [from, to), a range that holds no element. */
    public void appendCharacterData(int from, int to, StringBuilder sb) {
        int i = from;
        while (i < to) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt >= to) {
                XmlText.appendText(text, i, to, sb);
                return;
            }
            XmlText.appendText(text, i, lt, sb);
            if (text.startsWith("<![CDATA[", lt)) {
                int close = text.indexOf("]]>", lt);
                sb.append(text, lt + 9, close);
                i = close + 3;
            } else if (text.startsWith("<!--", lt)) {
                i = text.indexOf("-->", lt) + 3;
            } else {
                i = text.indexOf("?>", lt) + 2;
            }
        }
    }
}
