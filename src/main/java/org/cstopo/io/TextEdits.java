package org.cstopo.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of replacements of ranges of an original text. Everything outside the ranges is copied
 * unchanged, which is what keeps a diff minimal. Insertions at one offset keep the order in which
 * they were added.
 */
public final class TextEdits {
    private record Edit(int start, int end, String replacement, int seq) {
    }

    private final List<Edit> edits = new ArrayList<>();

    public void replace(int start, int end, String replacement) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        edits.add(new Edit(start, end, replacement, edits.size()));
    }

    public void insert(int offset, String text) {
        replace(offset, offset, text);
    }

    public void delete(int start, int end) {
        replace(start, end, "");
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    public int size() {
        return edits.size();
    }

    /** Two edits that touch the same characters: a bug in the caller. */
    public static final class OverlapException extends IllegalStateException {
        private final int offset;

        OverlapException(int offset) {
            super("overlapping edits at offset " + offset);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /**
     * Applies all edits to a parsed document: the result is parsed too, but only where the edits
     * are (the rest of its tree is the original's, shifted), so an edit costs in proportion to what
     * it changes plus one copy of the tree. Overlapping ranges are a bug in the caller.
     */
    public SourceDocument applyTo(SourceDocument original) {
        String text = applyTo(original.text());
        List<int[]> spans = new ArrayList<>(edits.size());
        for (Edit e : sorted()) {
            spans.add(new int[] {e.start, e.end, e.replacement.length()});
        }
        return EditedParse.parse(original, spans, text);
    }

    private List<Edit> sorted() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::seq));
        return sorted;
    }

    /** Applies all edits to {@code original}. Overlapping ranges are a bug in the caller. */
    public String applyTo(String original) {
        List<Edit> sorted = sorted();
        StringBuilder out = new StringBuilder(original.length() + 256);
        int copied = 0;
        for (Edit e : sorted) {
            if (e.start < copied) {
                throw new OverlapException(e.start);
            }
            // substring + append(String) are two array copies; append(CharSequence, int, int) copies a char at a time.
            out.append(original.substring(copied, e.start)).append(e.replacement);
            copied = e.end;
        }
        out.append(original.substring(copied));
        return out.toString();
    }
}
