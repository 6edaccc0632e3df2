package org.cstopo.diff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.io.TextEdits;

/**
 * Drops the pools, services and other section entries that two documents share, so that a
 * comparison looks only at what an edit could have touched. Two entries are shared when they are
 * the same structure: the same elements (namespace and local name), attributes (by namespace and
 * name, in any order, with their values as a parser reports them) and non-blank text, in the same
 * order, whatever their formatting, quotes or namespace prefixes. That is stricter than the
 * semantic comparison (which also ignores the order of children), and XMLUnit pairs the remaining
 * entries by identity, not position, so the comparison's verdict is unchanged; on a 1,000-pool
 * topology it compares a few elements instead of the whole document.
 */
public final class CommonSubtrees {
    private CommonSubtrees() {
    }

    /**
     * The two documents without the entries they share ({@code a}, {@code b}), where each element
     * of those is in the whole documents ({@code wholeA[i]} for element i of {@code a}), and for each
     * dropped entry of the whole b its twin in the whole a.
     */
    public record Reduction(SourceDocument a, SourceDocument b, SourceElement[] wholeA, SourceElement[] wholeB,
                            Map<SourceElement, SourceElement> twinInA) {
    }

    /** The two documents without the section children they share; {a, b}. */
    static SourceDocument[] drop(SourceDocument a, SourceDocument b) {
        Reduction r = reduce(a, b);
        return new SourceDocument[] {r.a(), r.b()};
    }

    public static Reduction reduce(SourceDocument a, SourceDocument b) {
        Map<String, SourceElement> sectionsA = new HashMap<>();
        for (SourceElement s : a.root().children()) {
            sectionsA.merge(s.namespaceUri() + " " + s.localName(), s, (x, y) -> null);
        }
        List<SourceElement[]> twins = new ArrayList<>();
        Set<String> hostsOfChanges = new HashSet<>();
        for (SourceElement sectionB : b.root().children()) {
            SourceElement sectionA = sectionsA.get(sectionB.namespaceUri() + " " + sectionB.localName());
            if (sectionA == null) {
                continue;
            }
            // Equal text under equal start tags is the same structure, and cheap to find: an edit's result
            // shares nearly every entry so. What is left (a stylesheet's re-serialised output) is compared by structure.
            List<SourceElement> restA = new ArrayList<>(sectionA.children());
            List<SourceElement> restB = new ArrayList<>(sectionB.children());
            if (startTag(a, a.root()).equals(startTag(b, b.root())) && startTag(a, sectionA).equals(startTag(b, sectionB))) {
                if (b.base() == a) {
                    pairCopies(a, b, restA, restB, twins);
                }
                pair(restA, restB, e -> new Region(a.text(), e.start(), e.end()), e -> new Region(b.text(), e.start(), e.end()), twins);
            }
            pair(restA, restB, e -> new Structure(a, e), e -> new Structure(b, e), twins);
            restA.forEach(e -> addHost(hostsOfChanges, e));
            restB.forEach(e -> addHost(hostsOfChanges, e));
        }
        TextEdits editsA = new TextEdits();
        TextEdits editsB = new TextEdits();
        Set<SourceElement> droppedA = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<SourceElement> droppedB = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<SourceElement, SourceElement> twinInA = new IdentityHashMap<>();
        for (SourceElement[] t : twins) {
            // A changed service is described through the pool it runs on: keep that pool.
            boolean pool = t[1].localName().equals("Cluster");
            if (!pool || !hostsOfChanges.contains(clusterKey(t[1].child("ClusterId")))) {
                editsA.delete(t[0].start(), t[0].end());
                editsB.delete(t[1].start(), t[1].end());
                droppedA.add(t[0]);
                droppedB.add(t[1]);
                twinInA.put(t[1], t[0]);
            }
        }
        if (editsA.isEmpty()) {
            return new Reduction(a, b, a.elements().toArray(new SourceElement[0]), b.elements().toArray(new SourceElement[0]), twinInA);
        }
        return new Reduction(reduced(a, editsA), reduced(b, editsB), kept(a, droppedA), kept(b, droppedB), twinInA);
    }

    /**
     * b was made by editing a (SourceDocument#base): each entry of b that says it is a copy of an
     * entry of a is paired with it when their texts are indeed equal, compared in place; nothing is
     * taken on trust, and what does not compare equal is left for the other pairings.
     */
    private static void pairCopies(SourceDocument a, SourceDocument b, List<SourceElement> restA, List<SourceElement> restB,
                                   List<SourceElement[]> twins) {
        Set<SourceElement> inA = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inA.addAll(restA);
        Set<SourceElement> paired = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<SourceElement> unpairedB = new ArrayList<>();
        for (SourceElement e : restB) {
            SourceElement o = b.unchangedOrigin(e);
            int length = e.end() - e.start();
            if (o != null && inA.contains(o) && !paired.contains(o) && o.end() - o.start() == length
                    && a.text().regionMatches(o.start(), b.text(), e.start(), length)) {
                twins.add(new SourceElement[] {o, e});
                paired.add(o);
            } else {
                unpairedB.add(e);
            }
        }
        restA.removeIf(paired::contains);
        restB.clear();
        restB.addAll(unpairedB);
    }

    /** Pairs entries of restA and restB with equal keys (each at most once, in order), and leaves in them the others. */
    private static <K> void pair(List<SourceElement> restA, List<SourceElement> restB, java.util.function.Function<SourceElement, K> keyA,
                                 java.util.function.Function<SourceElement, K> keyB, List<SourceElement[]> twins) {
        if (restA.isEmpty() || restB.isEmpty()) {
            return;
        }
        Map<K, Deque<SourceElement>> byKey = new HashMap<>();
        for (SourceElement e : restA) {
            byKey.computeIfAbsent(keyA.apply(e), k -> new ArrayDeque<>()).add(e);
        }
        Set<SourceElement> pairedA = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<SourceElement> unpairedB = new ArrayList<>();
        for (SourceElement e : restB) {
            Deque<SourceElement> same = byKey.get(keyB.apply(e));
            if (same != null && !same.isEmpty()) {
                SourceElement twin = same.poll();
                twins.add(new SourceElement[] {twin, e});
                pairedA.add(twin);
            } else {
                unpairedB.add(e);
            }
        }
        restA.removeIf(pairedA::contains);
        restB.clear();
        restB.addAll(unpairedB);
    }

    private static String startTag(SourceDocument d, SourceElement e) {
        return d.text().substring(e.start(), e.startTagEnd());
    }

    /** An element's text, compared and hashed where it lies, not copied into a substring. */
    private static final class Region {
        private final String text;
        private final int start;
        private final int end;
        private final int hash;

        Region(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + text.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Region r && r.hash == hash && r.end - r.start == end - start
                    && text.regionMatches(start, r.text, r.start, end - start);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The elements of d outside the dropped subtrees, in document order: those of the reduced document. */
    private static SourceElement[] kept(SourceDocument d, Set<SourceElement> dropped) {
        List<SourceElement> out = new ArrayList<>(d.elements().size());
        List<SourceElement> all = d.elements();
        for (int i = 0; i < all.size(); i++) {
            SourceElement e = all.get(i);
            if (dropped.contains(e)) {
                SourceElement last = e;
                while (!last.children().isEmpty()) {
                    last = last.children().get(last.children().size() - 1);
                }
                i = last.index();
            } else {
                out.add(e);
            }
        }
        return out.toArray(new SourceElement[0]);
    }

    private static void addHost(Set<String> hosts, SourceElement entry) {
        String host = hostCluster(entry);
        if (host != null) {
            hosts.add(host);
        }
    }

    /** The ClusterId a service (or SQL instance) entry is installed on, as "site:number"; null for others. */
    private static String hostCluster(SourceElement entry) {
        SourceElement on = entry.child("InstalledOn");
        SourceElement sql = on == null ? entry.child("SqlInstanceId") : on.child("SqlInstanceId");
        if (on != null && on.child("ClusterId") != null) {
            return clusterKey(on.child("ClusterId"));
        }
        return sql == null ? null : clusterKey(sql.child("ClusterId"));
    }

    private static String clusterKey(SourceElement clusterId) {
        return clusterId == null ? null : clusterId.attributeValue("SiteId") + ":" + clusterId.attributeValue("Number");
    }

    private static SourceDocument reduced(SourceDocument d, TextEdits edits) {
        return SourceDocument.parse(d.name(), d.encoding(), edits.applyTo(d.text()));
    }

    /**
     * An entry's structure, hashed once and compared element by element: names by namespace,
     * attributes as a set of (namespace, name, value), text stripped with its white space collapsed
     * (what the semantic comparison compares), children in order.
     */
    private static final class Structure {
        private final SourceDocument doc;
        private final SourceElement element;
        private final int hash;

        Structure(SourceDocument doc, SourceElement element) {
            this.doc = doc;
            this.element = element;
            this.hash = hash(doc, element);
        }

        private static int hash(SourceDocument d, SourceElement e) {
            int h = e.namespaceUri().hashCode() * 31 + e.localName().hashCode();
            int attributes = 0;
            for (SourceAttribute a : e.attributes()) {
                if (!a.isNamespaceDeclaration()) {
                    attributes += (Objects.hashCode(namespace(e, a)) * 31 + a.localName().hashCode()) ^ a.value().hashCode();
                }
            }
            h = h * 31 + attributes;
            h = h * 31 + text(d, e).hashCode();
            for (SourceElement c : e.children()) {
                h = h * 31 + hash(d, c);
            }
            return h;
        }

        private static boolean same(SourceDocument da, SourceElement a, SourceDocument db, SourceElement b) {
            if (!a.localName().equals(b.localName()) || !a.namespaceUri().equals(b.namespaceUri())
                    || a.children().size() != b.children().size() || !attributes(a).equals(attributes(b))
                    || !text(da, a).equals(text(db, b))) {
                return false;
            }
            for (int i = 0; i < a.children().size(); i++) {
                if (!same(da, a.children().get(i), db, b.children().get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static Map<String, String> attributes(SourceElement e) {
            Map<String, String> out = new HashMap<>();
            for (SourceAttribute a : e.attributes()) {
                if (!a.isNamespaceDeclaration()) {
                    out.put(namespace(e, a) + " " + a.localName(), a.value());
                }
            }
            return out;
        }

        private static String namespace(SourceElement e, SourceAttribute a) {
            return a.prefix().isEmpty() ? "" : e.namespaceFor(a.prefix());
        }

        private static String text(SourceDocument d, SourceElement e) {
            String t = d.directText(e);
            return t.isBlank() ? "" : t.strip().replaceAll("\\s+", " ");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Structure s && s.hash == hash && same(doc, element, s.doc, s.element);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
