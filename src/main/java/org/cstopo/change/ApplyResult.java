package org.cstopo.change;

import java.util.List;

/** The text after the changes, and what each change did. */
public record ApplyResult(String originalText, String text, List<Outcome> outcomes) {
    public ApplyResult {
        outcomes = List.copyOf(outcomes);
    }

    /** True when the text differs from the original. */
    public boolean changed() {
        return !originalText.equals(text);
    }
}
