package org.cstopo.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.xml.sax.SAXException;

/**
 * The model of an edited document from the model of the document it was edited from: the sections
 * (Sites, Clusters, SqlInstances, Services, ...) whose entries an edit touched get new lists, in
 * which the touched or new entries are bound from the edited text (JAXB, on a skeleton of root,
 * section and those entries) and every other entry is the original's object. Sections the edit did
 * not reach are the original's objects. The original model is never changed.
 *
 * <p>Returns null, for a whole bind, where this would have to guess: a section that is new or whose
 * own tags changed, or a section entry JAXB keeps without a link to its element (a DOM).
 */
final class Rebind {
    private final Topology before;
    private final SourceDocument result;
    /** Index in {@code result} of the copy of each element of before's source, or -1. */
    private final int[] copyOf;

    private Rebind(Topology before, SourceDocument result) {
        this.before = before;
        this.result = result;
        this.copyOf = new int[before.source().elements().size()];
        Arrays.fill(copyOf, -1);
        for (SourceElement e : result.elements()) {
            SourceElement o = result.origin(e);
            if (o != null) {
                copyOf[o.index()] = e.index();
            }
        }
    }

    static Topology of(Topology before, SourceDocument result) {
        return new Rebind(before, result).run();
    }

    private Topology run() {
        SourceElement root = result.root();
        if (result.origin(root) == null) {
            return null;
        }
        List<SourceElement> touchedSections = new ArrayList<>();
        for (SourceElement section : root.children()) {
            if (result.origin(section) == null) {
                return null;
            }
            if (result.unchangedOrigin(section) == null && SchemaElements.NAMES.contains(section.localName())) {
                touchedSections.add(section);
            }
        }
        TopologyBinder.Binding fresh = bindTouched(root, touchedSections);
        org.cstopo.model.xml.Topology freshRoot = fresh.result();

        Map<Object, SourceElement> sources = new IdentityHashMap<>(fresh.sources.size() + 16);
        org.cstopo.model.xml.Topology oldRoot = before.xml();
        org.cstopo.model.xml.Topology newRoot = shallowCopy(oldRoot);
        int rebuilt = 0;
        for (Field f : fields(oldRoot.getClass())) {
            Object section = get(f, oldRoot);
            SourceElement was = section == null ? null : before.sourceOf(section);
            if (was == null || section instanceof List || section instanceof Map) {
                continue;
            }
            if (copyOf[was.index()] < 0) {
                return null; // a whole section removed
            }
            SourceElement now = result.elements().get(copyOf[was.index()]);
            if (touchedSections.contains(now)) {
                Object freshSection = get(f, freshRoot);
                if (freshSection == null || fresh.sources.get(freshSection) != now) {
                    return null;
                }
                section = mergedSection(section, freshSection, fresh.sources);
                if (section == null) {
                    return null;
                }
                set(f, newRoot, section);
                rebuilt++;
            }
            sources.put(section, now);
        }
        if (rebuilt != touchedSections.size()) {
            return null; // a touched section the original model did not hold (a second <Clusters>, say)
        }
        sources.put(newRoot, root);
        fresh.sources.forEach((o, e) -> {
            if (depth(e) >= 2) {
                sources.put(o, e);
            }
        });
        // The objects of untouched entries keep their links in before, looked up through copyOf.
        return new Topology(result, newRoot, sources, problems(fresh.problems), before, copyOf);
    }

    /** JAXB on root, touched sections and their touched or new entries, with the SAX events a whole bind sends for them. */
    private TopologyBinder.Binding bindTouched(SourceElement root, List<SourceElement> sections) {
        TopologyBinder.Binding b = new TopologyBinder.Binding(result, 64);
        try {
            b.handler.startDocument();
            List<String> rootPrefixes = b.startTag(root);
            for (SourceElement section : sections) {
                List<String> prefixes = b.startTag(section);
                for (SourceElement entry : section.children()) {
                    if (result.unchangedOrigin(entry) == null && SchemaElements.NAMES.contains(entry.localName())) {
                        b.emit(result, entry);
                    }
                }
                b.endTag(section, prefixes);
            }
            b.endTag(root, rootPrefixes);
            b.handler.endDocument();
            return b;
        } catch (SAXException e) {
            throw CstopoException.badInput(result.name() + ": cannot be read as a topology (" + e.getMessage() + ")");
        } catch (CstopoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TopologyBinder.unreadableValue(result, b.current[0] == null ? result.root() : b.current[0], e);
        }
    }

    /**
     * A copy of {@code old} whose lists hold, in document order, old's entries that are unchanged in
     * the result and fresh's entries; null when an entry cannot be placed.
     */
    private Object mergedSection(Object old, Object fresh, Map<Object, SourceElement> freshSources) {
        Object merged = shallowCopy(old);
        for (Field f : fields(old.getClass())) {
            if (!List.class.isAssignableFrom(f.getType())) {
                continue;
            }
            List<Object[]> placed = new ArrayList<>();
            for (Object o : list(f, old)) {
                SourceElement was = before.sourceOf(o);
                if (was == null) {
                    return null;
                }
                int now = copyOf[was.index()];
                if (now >= 0 && result.unchangedOrigin(result.elements().get(now)) != null) {
                    placed.add(new Object[] {now, o});
                }
            }
            for (Object o : list(f, fresh)) {
                SourceElement now = freshSources.get(o);
                if (now == null) {
                    return null;
                }
                placed.add(new Object[] {now.index(), o});
            }
            placed.sort(Comparator.comparingInt(p -> (Integer) p[0]));
            List<Object> entries = new ArrayList<>(placed.size());
            placed.forEach(p -> entries.add(p[1]));
            set(f, merged, entries);
        }
        return merged;
    }

    /**
     * before's problems in what was kept (the root's and sections' own tags, untouched entries), and
     * the fresh bind's in the entries it bound (its root and section tags are the same as before's).
     */
    private List<Topology.BindProblem> problems(List<Topology.BindProblem> fresh) {
        List<Topology.BindProblem> out = new ArrayList<>();
        for (Topology.BindProblem p : before.bindProblemList()) {
            int now = p.at() == null ? -1 : copyOf[p.at().index()];
            if (now < 0) {
                continue;
            }
            SourceElement e = result.elements().get(now);
            SourceElement entry = entryOf(e);
            if (entry == null || result.unchangedOrigin(entry) != null) {
                out.add(new Topology.BindProblem(e, p.message()));
            }
        }
        for (Topology.BindProblem p : fresh) {
            if (p.at() != null && depth(p.at()) >= 2) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingInt(p -> p.at() == null ? -1 : p.at().index()));
        return out;
    }

    /** The section entry (depth 2) an element is or lies in; null for the root and the sections. */
    private static SourceElement entryOf(SourceElement e) {
        SourceElement entry = e;
        while (entry.parent() != null && entry.parent().parent() != null) {
            if (entry.parent().parent().parent() == null) {
                return entry;
            }
            entry = entry.parent();
        }
        return null;
    }

    private static int depth(SourceElement e) {
        int d = 0;
        for (SourceElement p = e.parent(); p != null; p = p.parent()) {
            d++;
        }
        return d;
    }

    // ---- shallow copies of generated JAXB classes (plain fields, a no-argument constructor) ----

    private static final Map<Class<?>, List<Field>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T shallowCopy(T o) {
        try {
            T copy = (T) o.getClass().getDeclaredConstructor().newInstance();
            for (Field f : fields(o.getClass())) {
                Object v = f.get(o);
                f.set(copy, v instanceof List<?> l ? new ArrayList<>(l) : v);
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + o.getClass().getName(), e);
        }
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field f, Object o, Object value) {
        try {
            f.set(o, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<?> list(Field f, Object o) {
        Object v = get(f, o);
        return v == null ? List.of() : (List<?>) v;
    }
}
