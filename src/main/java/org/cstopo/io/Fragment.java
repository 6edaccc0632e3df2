package org.cstopo.io;

import java.util.List;
import java.util.Map;

/**
 * A new element to be written into a document: namespace, name, attributes in writing order,
 * children. Built from an element form (shape.ElementForm) or copied from a parsed document, and
 * rendered by {@link DocumentEditor} in the style of the document it goes into. An {@code xmlns}
 * entry among the attributes places the namespace declaration; without one it is written first,
 * where the namespace changes.
 */
public record Fragment(String namespaceUri, String localName, List<Map.Entry<String, String>> attributes,
                       List<Fragment> children, String text) {

    public Fragment {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    public static Fragment element(String namespaceUri, String localName, List<Map.Entry<String, String>> attributes,
                                   List<Fragment> children) {
        return new Fragment(namespaceUri, localName, attributes, children, null);
    }

    /** Renders this fragment. The first line has no indent (the caller places it); later lines carry {@code indent}. */
    public String render(String indent, Style style, String inheritedDefaultNamespace) {
        StringBuilder sb = new StringBuilder();
        render(sb, indent, style, inheritedDefaultNamespace);
        return sb.toString();
    }

    private void render(StringBuilder sb, String indent, Style style, String inheritedNs) {
        sb.append('<').append(localName);
        boolean declared = attributes.stream().anyMatch(a -> a.getKey().equals("xmlns"));
        if (!declared && !namespaceUri.equals(inheritedNs)) {
            // Lync writes each switch of namespace as a default-namespace declaration, first among the
            // attributes; a fragment that lists its own xmlns (copied from an example) keeps its place.
            sb.append(' ').append(style.attribute("xmlns", namespaceUri));
        }
        for (Map.Entry<String, String> a : attributes) {
            sb.append(' ').append(style.attribute(a.getKey(), a.getValue()));
        }
        if (children.isEmpty() && (text == null || text.isEmpty())) {
            sb.append(style.emptyTagEnd());
            return;
        }
        sb.append('>');
        if (children.isEmpty()) {
            sb.append(XmlText.escapeText(text));
        } else {
            String childIndent = indent + style.indentUnit();
            for (Fragment c : children) {
                sb.append(style.newline()).append(childIndent);
                c.render(sb, childIndent, style, namespaceUri);
            }
            sb.append(style.newline()).append(indent);
        }
        sb.append("</").append(localName).append('>');
    }
}
