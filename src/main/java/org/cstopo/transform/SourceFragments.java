package org.cstopo.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cstopo.io.Fragment;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;

/** Copies an element of a parsed document (a stylesheet's output) as a {@link Fragment} to insert elsewhere. */
final class SourceFragments {
    private SourceFragments() {
    }

    /** Attribute order, namespace URIs and text are kept; namespace declarations are left to the editor. */
    static Fragment of(SourceDocument doc, SourceElement e) {
        List<Map.Entry<String, String>> attributes = new ArrayList<>();
        for (SourceAttribute a : e.attributes()) {
            if (!a.isNamespaceDeclaration()) {
                attributes.add(Map.entry(a.qName(), a.value()));
            }
        }
        List<Fragment> children = new ArrayList<>();
        for (SourceElement c : e.children()) {
            children.add(of(doc, c));
        }
        String text = e.children().isEmpty() ? doc.directText(e) : null;
        return new Fragment(e.namespaceUri(), e.localName(), attributes, children, text == null || text.isBlank() ? null : text);
    }
}
