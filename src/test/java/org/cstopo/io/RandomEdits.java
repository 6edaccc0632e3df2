package org.cstopo.io;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random edits of a document through {@link DocumentEditor}, every kind it makes (tests of what reads edited documents). */
public final class RandomEdits {
    private RandomEdits() {
    }

    /** One edit of a random element other than the root; two edits may overlap, which result() then refuses. */
    public static void one(SourceDocument doc, DocumentEditor ed, Random random) {
        List<SourceElement> all = doc.elements();
        SourceElement e = all.get(1 + random.nextInt(all.size() - 1));
        switch (random.nextInt(6)) {
            case 0 -> ed.setAttribute(e, e.attributes().isEmpty() || random.nextBoolean() ? "Added" : e.attributes().get(0).qName(),
                    "v<&\"'" + random.nextInt(100));
            case 1 -> ed.remove(e);
            case 2 -> ed.appendChild(e, Fragment.element(e.namespaceUri(), "New", List.of(Map.entry("A", "1")),
                    List.of(Fragment.element(e.namespaceUri(), "Inner", List.of(), List.of()))));
            case 3 -> ed.insertBefore(e, Fragment.element("urn:other", "Other", List.of(Map.entry("B", "2")), List.of()));
            case 4 -> {
                if (e.children().isEmpty()) {
                    ed.replaceText(e, "text & more " + random.nextInt(10));
                } else {
                    ed.removeAttribute(e, e.attributes().isEmpty() ? "None" : e.attributes().get(0).qName());
                }
            }
            default -> ed.insertAfter(e, Fragment.element(e.namespaceUri(), "After", List.of(), List.of()));
        }
    }
}
