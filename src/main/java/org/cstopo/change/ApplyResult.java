package org.cstopo.change;

import java.util.List;
import org.cstopo.io.SourceDocument;

/**
 * The document after the changes (parsed where they are, see TextEdits#applyTo(SourceDocument)),
 * what each change did, and how the new elements were shaped:
 * {@code shapeFrom} is the service id of the trusted pool whose form they copy (null when none
 * was copied), {@code inferred} one entry per kind of element written in cstopo's built-in,
 * inferred form.
 */
public record ApplyResult(String originalText, SourceDocument document, List<Outcome> outcomes, String shapeFrom,
                          List<Inferred> inferred) {
    public ApplyResult {
        outcomes = List.copyOf(outcomes);
        inferred = List.copyOf(inferred);
    }

    /** An element written in a form no example in the topology confirms, and why. */
    public record Inferred(String element, String why) {
    }

    /** The text after the changes. */
    public String text() {
        return document.text();
    }

    /** True when the text differs from the original. */
    public boolean changed() {
        return !originalText.equals(text());
    }
}
