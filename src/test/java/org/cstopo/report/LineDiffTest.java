package org.cstopo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cstopo.report.LineDiff.Line;
import org.cstopo.report.LineDiff.Type;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    private static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void aReplacedLineMarksThePartThatChangedAndKeepsBothNumbers() {
        LineDiff.Result r = LineDiff.of("old", lines("a", "b", "<X IPAddress=\"0.0.0.0\" />", "c"),
                "new", lines("a", "b", "<X IPAddress=\"10.10.1.11\" />", "c"));
        assertEquals(1, r.hunks().size());
        List<Line> changed = r.hunks().get(0).lines().stream().filter(l -> l.type() != Type.CONTEXT).toList();
        assertEquals(2, changed.size());
        Line removed = changed.get(0);
        Line added = changed.get(1);
        assertEquals("0.0.0.0", removed.text().substring(removed.changedFrom(), removed.changedTo()));
        assertEquals("10.10.1.11", added.text().substring(added.changedFrom(), added.changedTo()));
        assertEquals(3, removed.oldNumber());
        assertEquals(0, removed.newNumber(), "a removed line has no number in NEW");
        assertEquals(3, added.newNumber());
        assertFalse(r.truncated());
    }

    @Test
    void addedLinesAloneHaveNoChangedPart() {
        LineDiff.Result r = LineDiff.of("old", lines("a", "b"), "new", lines("a", "x", "y", "b"));
        List<Line> added = r.hunks().get(0).lines().stream().filter(l -> l.type() == Type.ADDED).toList();
        assertEquals(List.of("x", "y"), added.stream().map(Line::text).toList());
        assertTrue(added.stream().allMatch(l -> l.changedFrom() == -1));
        assertEquals(List.of(2, 3), added.stream().map(Line::newNumber).toList());
    }

    @Test
    void aHugeDiffIsCutAndSaysHowMuchItHas() {
        String before = IntStream.range(0, 2000).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 2000).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));
        LineDiff.Result r = LineDiff.of("old", before, "new", after);
        assertEquals(4000, r.total());
        assertEquals(LineDiff.MAX_LINES, r.shown());
        assertTrue(r.truncated());
        assertEquals(LineDiff.MAX_LINES, r.hunks().stream().mapToInt(h -> h.lines().size()).sum());
    }

    @Test
    void equalTextsHaveNoHunks() {
        LineDiff.Result r = LineDiff.of("old", lines("a"), "new", "a\n");
        assertEquals(0, r.total());
        assertTrue(r.hunks().isEmpty());
    }
}
