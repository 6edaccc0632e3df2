package org.cstopo.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One element of the original text, with the offsets of its tags. This is what the writer edits:
 * the JAXB model is bound from it, but the text between these offsets is the source of truth.
 *
 * <pre>
 *   start          startTagEnd              contentEnd   end
 *   v              v                        v            v
 *   &lt;Machine a="b"&gt;  ...children...       &lt;/Machine&gt;
 * </pre>
 * For an empty-element tag ({@code <X />}) startTagEnd == contentEnd == end.
 */
public final class SourceElement {
    final String qName;
    final int index;
    final int start;
    int startTagEnd;
    int contentEnd;
    int end;
    boolean emptyTag;
    final SourceElement parent;
    String namespaceUri;
    /** Empty lists until something is added, then lists of the exact size (see trim): most elements are leaves. */
    List<SourceAttribute> attributes = List.of();
    List<SourceElement> children = List.of();

    SourceElement(String qName, int index, int start, SourceElement parent) {
        this.qName = qName;
        this.index = index;
        this.start = start;
        this.parent = parent;
    }

    void addAttribute(SourceAttribute a) {
        if (!(attributes instanceof ArrayList)) {
            attributes = new ArrayList<>(4);
        }
        attributes.add(a);
    }

    void addChild(SourceElement child) {
        if (!(children instanceof ArrayList)) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    /** Drops the spare room of the lists once they are complete. */
    void trimAttributes() {
        if (attributes instanceof ArrayList<SourceAttribute> a) {
            a.trimToSize();
        }
    }

    void trimChildren() {
        if (children instanceof ArrayList<SourceElement> c) {
            c.trimToSize();
        }
    }

    public String qName() {
        return qName;
    }

    public String localName() {
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    public String prefix() {
        int colon = qName.indexOf(':');
        return colon < 0 ? "" : qName.substring(0, colon);
    }

    public String namespaceUri() {
        return namespaceUri;
    }

    /** Position in document order, 0 for the root. */
    public int index() {
        return index;
    }

    public int start() {
        return start;
    }

    public int startTagEnd() {
        return startTagEnd;
    }

    public int contentEnd() {
        return contentEnd;
    }

    public int end() {
        return end;
    }

    /** True when written as {@code <X ... />} rather than with an end tag. */
    public boolean isEmptyTag() {
        return emptyTag;
    }

    public SourceElement parent() {
        return parent;
    }

    public List<SourceAttribute> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    public List<SourceElement> children() {
        return Collections.unmodifiableList(children);
    }

    public SourceAttribute attribute(String qName) {
        for (SourceAttribute a : attributes) {
            if (a.qName().equals(qName)) {
                return a;
            }
        }
        return null;
    }

    /** The value of an unprefixed attribute, or null. */
    public String attributeValue(String name) {
        SourceAttribute a = attribute(name);
        return a == null ? null : a.value();
    }

    /** The namespace bound to a prefix ("" for the default namespace) here, or null when unbound. */
    public String namespaceFor(String prefix) {
        String name = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
        for (SourceElement e = this; e != null; e = e.parent) {
            SourceAttribute decl = e.attribute(name);
            if (decl != null) {
                return decl.value();
            }
        }
        if (prefix.equals("xml")) {
            return "http://www.w3.org/XML/1998/namespace";
        }
        return prefix.isEmpty() ? "" : null;
    }

    public SourceElement child(String localName) {
        for (SourceElement c : children) {
            if (c.localName().equals(localName)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "<" + qName + "> #" + index;
    }
}
