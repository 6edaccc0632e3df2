package org.cstopo.diff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.io.TextEdits;

/**
 * Drops the pools, services and other section entries that two documents share character for
 * character, so the semantic comparison before a write looks only at what an edit could have
 * touched. Identical text under identical ancestors is semantically identical, and XMLUnit pairs
 * the remaining entries by identity, not position, so the comparison's verdict is unchanged; on a
 * 1,000-pool topology it compares a few elements instead of the whole document.
 */
final class CommonSubtrees {
    private CommonSubtrees() {
    }

    /** The two documents without the section children they share; {a, b}. */
    static SourceDocument[] drop(SourceDocument a, SourceDocument b) {
        if (!startTag(a, a.root()).equals(startTag(b, b.root()))) {
            return new SourceDocument[] {a, b};
        }
        Map<String, SourceElement> sectionsA = new HashMap<>();
        for (SourceElement s : a.root().children()) {
            sectionsA.merge(s.qName(), s, (x, y) -> null);
        }
        List<SourceElement[]> twins = new ArrayList<>();
        Set<String> hostsOfChanges = new HashSet<>();
        for (SourceElement sectionB : b.root().children()) {
            SourceElement sectionA = sectionsA.get(sectionB.qName());
            if (sectionA == null || !startTag(a, sectionA).equals(startTag(b, sectionB))) {
                continue;
            }
            Map<Region, Deque<SourceElement>> byText = new HashMap<>();
            for (SourceElement e : sectionA.children()) {
                byText.computeIfAbsent(text(a, e), k -> new ArrayDeque<>()).add(e);
            }
            for (SourceElement e : sectionB.children()) {
                Deque<SourceElement> same = byText.get(text(b, e));
                if (same != null && !same.isEmpty()) {
                    twins.add(new SourceElement[] {same.poll(), e});
                } else {
                    addHost(hostsOfChanges, e);
                }
            }
            byText.values().forEach(rest -> rest.forEach(e -> addHost(hostsOfChanges, e)));
        }
        TextEdits editsA = new TextEdits();
        TextEdits editsB = new TextEdits();
        for (SourceElement[] t : twins) {
            // A changed service is described through the pool it runs on: keep that pool.
            boolean pool = t[1].localName().equals("Cluster");
            if (!pool || !hostsOfChanges.contains(clusterKey(t[1].child("ClusterId")))) {
                editsA.delete(t[0].start(), t[0].end());
                editsB.delete(t[1].start(), t[1].end());
            }
        }
        if (editsA.isEmpty()) {
            return new SourceDocument[] {a, b};
        }
        return new SourceDocument[] {reduced(a, editsA), reduced(b, editsB)};
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

    private static Region text(SourceDocument d, SourceElement e) {
        return new Region(d.text(), e.start(), e.end());
    }

    /**
     * An element's text, compared and hashed where it lies: a 1,000-pool topology would otherwise be
     * copied whole, twice, into substrings only to be compared.
     */
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

    private static String startTag(SourceDocument d, SourceElement e) {
        return d.text().substring(e.start(), e.startTagEnd());
    }
}
