package org.cstopo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cstopo.CstopoException;
import org.cstopo.Fixtures;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangesFile;
import org.cstopo.io.DocumentEditor;
import org.cstopo.io.FileIO;
import org.cstopo.io.RandomEdits;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.validate.Finding;
import org.cstopo.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Re-binding only what an edit touched gives the model a whole bind of the edited text gives: the
 * same objects (compared as JAXB writes them), each linked to the same element, the same bind
 * problems, the same findings with the same lines; and the input's model is left as it was.
 */
class RebindTest {
    static Stream<Path> topologies() {
        return Fixtures.everyTopology().stream();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void randomEditsRebindAsAWholeBindDoes(Path file) throws Exception {
        Topology before = TopologyBinder.bind(FileIO.readDocument(file));
        String beforeXml = marshal(before);
        Random random = new Random(file.toString().hashCode());
        int compared = 0;
        int kept = 0;
        for (int round = 0; round < 40; round++) {
            DocumentEditor ed = new DocumentEditor(before.source());
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                RandomEdits.one(before.source(), ed, random);
            }
            SourceDocument edited;
            try {
                edited = ed.resultDocument();
            } catch (IllegalStateException | CstopoException wrongEdit) {
                continue;
            }
            Topology whole;
            try {
                whole = TopologyBinder.bind(SourceDocument.parse(edited.name(), edited.encoding(), edited.text()));
            } catch (CstopoException unbindable) {
                continue;
            }
            Topology rebound = TopologyBinder.rebind(before, edited);
            assertSameModel(whole, rebound);
            compared++;
            if (rebound.xml() != before.xml() && before.services().stream().anyMatch(s -> rebound.services().contains(s))) {
                kept++; // the fast path: input objects reused
            }
        }
        assertTrue(compared > 10, "enough edits compared: " + compared);
        assertTrue(kept > compared / 3, "most edits re-bind only what they touched: " + kept + " of " + compared);
        assertEquals(beforeXml, marshal(before), "the input's model is not changed");
    }

    @Test
    void ciscoChangesRebindOnlyThePoolsAndServicesTheyTouch() throws Exception {
        Topology before = TopologyBinder.bind(FileIO.readDocument(Fixtures.path("se-synergy.utf16-crlf.xml")));
        ApplyResult r = ChangeApplier.apply(before, ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml")));
        SourceDocument edited = r.document();
        assertSame(before.source(), edited.base(), "the result was parsed where the changes are");
        Topology rebound = TopologyBinder.rebind(before, edited);
        assertSameModel(TopologyBinder.bind(SourceDocument.parse(edited.name(), edited.encoding(), edited.text())), rebound);
        assertSame(before.sites().get(0), rebound.sites().get(0), "an untouched section entry is the input's object");
        assertNotSame(before.xml().getServices(), rebound.xml().getServices(), "a touched section is a new object");
        assertSame(before.services().get(0), rebound.services().get(0), "whose untouched entries are the input's");
        assertEquals(before.services().size() + 1, rebound.services().size());
    }

    static void assertSameModel(Topology whole, Topology rebound) throws Exception {
        assertEquals(marshal(whole), marshal(rebound));
        assertEquals(links(whole), links(rebound), "each object linked to the same element");
        assertEquals(whole.bindProblems(), rebound.bindProblems());
        assertEquals(findings(whole), findings(rebound));
    }

    private static String marshal(Topology t) throws Exception {
        Marshaller m = TopologyBinder.context().createMarshaller();
        StringWriter w = new StringWriter();
        m.marshal(t.xml(), w);
        return w.toString();
    }

    /** "Class@element index" of every model object reachable from the root, in the order a walk of the model meets them. */
    private static List<String> links(Topology t) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        walk(t, t.xml(), out);
        return out;
    }

    private static void walk(Topology t, Object o, List<String> out) throws IllegalAccessException {
        if (o instanceof jakarta.xml.bind.JAXBElement<?> j) {
            walk(t, j.getValue(), out);
            return;
        }
        if (o == null || !o.getClass().getName().startsWith("org.cstopo.model.xml")) {
            return;
        }
        SourceElement e = t.sourceOf(o);
        out.add(o.getClass().getSimpleName() + "@" + (e == null ? -1 : e.index()));
        for (java.lang.reflect.Field f : o.getClass().getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(o);
            if (v instanceof List<?> list) {
                for (Object item : list) {
                    walk(t, item, out);
                }
            } else {
                walk(t, v, out);
            }
        }
    }

    private static List<String> findings(Topology t) {
        return Validator.report(t).findings().stream().map(Finding::toString).toList();
    }
}
