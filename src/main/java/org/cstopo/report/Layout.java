package org.cstopo.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.report.Drawing.Address;
import org.cstopo.report.Drawing.Application;
import org.cstopo.report.Drawing.Box;
import org.cstopo.report.Drawing.Link;
import org.cstopo.report.Drawing.Machine;
import org.cstopo.report.Drawing.Pool;
import org.cstopo.report.Drawing.Role;
import org.cstopo.report.Drawing.Row;
import org.cstopo.report.Drawing.Site;
import org.cstopo.report.Drawing.Span;

/**
 * Places the drawing: sites one under the other across the full width, each site's pools in three
 * columns (each pool in the shortest column, so boxes of different heights pack; a pool right after
 * the pools it links to, so that arrows are short), every line of text at a fixed height in a
 * monospaced font so that widths are known here. A box's text never runs past its edge: long values
 * wrap. Each link is a line of its pool's box ("Edge: edgepool.contoso.net"); it is an arrow too when
 * the drawing has at most {@link #MAX_ARROWS} links, or when it is a trusted pool's registrar or is
 * marked. In a change report of a large topology (more than {@link #FULL_UP_TO} pools) an unchanged
 * pool that no changed pool links to is only named, in a block at the foot of its site (a site with
 * only such pools is its title and that block): the change stays on the first screen.
 */
final class Layout {
    static final double WIDTH = 1000;
    static final int COLUMNS = 3;
    static final double GAP = 28;
    static final double SITE_PAD = 12;
    static final double LINE = 16;
    static final double FONT = 12;
    /** The advance of one character of a 12 px monospaced font (DejaVu Sans Mono, Menlo: 0.602 em; Courier New, Liberation Mono: 0.6; Consolas: 0.55). */
    static final double CHAR = 7.23;
    static final double BOX_PAD = 8;
    static final double COLUMN_WIDTH = Math.floor((WIDTH - 2 * SITE_PAD - (COLUMNS - 1) * GAP) / COLUMNS);
    static final int BOX_CHARS = (int) ((COLUMN_WIDTH - 2 * BOX_PAD) / CHAR);
    static final int SITE_CHARS = (int) ((WIDTH - 2 * SITE_PAD - 2 * BOX_PAD) / CHAR);
    /** Room for the mark's tag ("− REMOVED") at the end of a title line. */
    static final int TAG_CHARS = 11;
    static final int FULL_UP_TO = 12;
    static final int MAX_ARROWS = 12;

    private Layout() {
    }

    /** Places every object; {@code changeReport} is true for a diff, whose unchanged parts may be drawn short. */
    static double place(Drawing d, boolean changeReport) {
        boolean large = d.pools().size() > FULL_UP_TO;
        for (Link l : d.links) {
            l.arrow = d.links.size() <= MAX_ARROWS || l.kind.equals("trusted") || l.mark != Mark.UNCHANGED;
        }
        Set<Pool> near = near(d);
        double y = 0;
        if (d.topology.changes > 0) {
            d.topology.box.x = 0;
            d.topology.box.y = 0;
            d.topology.box.width = WIDTH;
            d.topology.box.height = LINE + 2 * BOX_PAD;
            y = d.topology.box.height + GAP;
        }
        for (Site s : d.sites) {
            for (Pool p : s.pools) {
                p.listed = changeReport && large && !near.contains(p);
            }
            s.collapsed = s.pools.stream().allMatch(p -> p.listed);
            y = site(s, d.links, y) + GAP;
        }
        List<Link> arrows = d.links.stream().filter(l -> l.arrow).toList();
        for (Link l : arrows) {
            route(l, arrows);
        }
        return Math.max(y - GAP, LINE);
    }

    /** Pools with changes and the pools they link to or are linked from: what the reviewer must see in full. */
    private static Set<Pool> near(Drawing d) {
        Set<Pool> out = new HashSet<>();
        for (Pool p : d.pools()) {
            if (p.hasChanges()) {
                out.add(p);
            }
        }
        for (Link l : d.links) {
            if (l.mark != Mark.UNCHANGED || out.contains(l.from) || out.contains(l.to)) {
                out.add(l.from);
                out.add(l.to);
            }
        }
        return out;
    }

    /**
     * A site: its title, its boxed pools in columns, then one block naming the pools it lists
     * instead (unchanged pools of a large topology's change report).
     */
    private static double site(Site s, List<Link> links, double top) {
        s.box.x = 0;
        s.box.y = top;
        s.box.width = WIDTH;
        s.rows.clear();
        Lines title = new Lines(SITE_CHARS - (s.mark == Mark.UNCHANGED ? 0 : TAG_CHARS));
        title.plain(siteTitle(s));
        List<List<Span>> titleRows = title.done();
        rowsAt(s.rows, "site-title", titleRows.size(), "text", titleRows, SITE_PAD + BOX_PAD, top + BOX_PAD);
        double y = top + 2 * BOX_PAD + titleRows.size() * LINE;
        List<Pool> boxed = s.pools.stream().filter(p -> !p.listed).toList();
        List<Pool> listed = s.pools.stream().filter(p -> p.listed).toList();
        double[] heights = new double[COLUMNS];
        for (Pool p : order(boxed, links)) {
            int column = 0;
            for (int c = 1; c < COLUMNS; c++) {
                column = heights[c] < heights[column] ? c : column;
            }
            p.box.x = SITE_PAD + column * (COLUMN_WIDTH + GAP);
            p.box.y = y + heights[column];
            p.box.width = COLUMN_WIDTH;
            pool(p, links);
            heights[column] += p.box.height + GAP;
        }
        double used = 0;
        for (double h : heights) {
            used = Math.max(used, h);
        }
        y += used;
        if (!listed.isEmpty()) {
            y -= boxed.isEmpty() ? 0 : GAP - BOX_PAD;
            Lines names = new Lines(SITE_CHARS);
            names.plain((boxed.isEmpty() ? "" : "and ") + listed.size() + (listed.size() == 1 ? " pool" : " pools")
                    + " where nothing changed: ");
            for (int i = 0; i < listed.size(); i++) {
                names.add(new Span(listed.get(i).fqdn + (i < listed.size() - 1 ? ", " : ""), listed.get(i), true), true);
            }
            List<List<Span>> rows = names.done();
            rowsAt(s.rows, "site-title", 0, "listed", rows, SITE_PAD + BOX_PAD, y - 4);
            y += rows.size() * LINE + BOX_PAD;
        } else if (boxed.isEmpty()) {
            y += LINE;
        } else {
            y -= GAP - SITE_PAD;
        }
        s.box.height = y - top;
        return s.box.bottom();
    }

    /** The pools in document order, each followed by the pools of the site it has an arrow to or from that are not placed yet. */
    private static List<Pool> order(List<Pool> pools, List<Link> links) {
        java.util.LinkedHashSet<Pool> out = new java.util.LinkedHashSet<>();
        for (Pool p : pools) {
            if (out.add(p)) {
                for (Link l : links) {
                    Pool other = l.from == p ? l.to : l.to == p ? l.from : null;
                    if (l.arrow && other != null && pools.contains(other)) {
                        out.add(other);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** "Site 1 · Dublin (central site)"; a name that only repeats "Site 1" is left out. */
    private static String siteTitle(Site s) {
        String site = "Site " + s.siteId;
        String name = s.name == null || s.name.isBlank() || s.name.strip().equalsIgnoreCase(site) ? "" : " · " + s.name.strip();
        return site + name + " (" + s.kind + (s.kind.contains(" ") ? "" : " site") + ")";
    }

    /** The lines of a pool's box, then its height. */
    private static void pool(Pool p, List<Link> links) {
        Lines title = new Lines(BOX_CHARS - (p.mark == Mark.UNCHANGED ? 0 : TAG_CHARS));
        title.plain(p.fqdn.isBlank() ? "(a pool without Fqdn)" : p.fqdn);
        List<List<Span>> titleRows = title.done();
        Lines body = new Lines(BOX_CHARS);
        body.plain(p.roles.isEmpty() ? "no roles" : "roles: ");
        for (int i = 0; i < p.roles.size(); i++) {
            Role r = p.roles.get(i);
            body.add(new Span(r.name + (i < p.roles.size() - 1 ? ", " : ""), r, true), true);
        }
        body.newRow();
        List<Link> out = links.stream().filter(l -> l.from == p).toList();
        if (p.trusted != null) {
            body.plain("trusted application pool");
            body.newRow();
            if (out.stream().noneMatch(l -> l.kind.equals("trusted"))) {
                body.plain("registrar: " + (p.trusted.registrarServiceId() == null ? "(none)"
                        : p.trusted.registrarServiceId() + " (not in this topology)"));
                body.newRow();
            }
            if (p.form == Trust.Form.BUILT_IN) {
                body.plain("form: cstopo's built-in, inferred (*)");
                body.newRow();
            }
        }
        for (Link l : out) {
            body.add(new Span(l.label + ": " + l.to.fqdn, l, true), true);
            body.newRow();
        }
        {
            for (Machine m : p.machines) {
                body.add(new Span(m.fqdn, m, true), true);
                body.newRow();
                body.indent = 2;
                for (int i = 0; i < m.addresses.size(); i++) {
                    Address a = m.addresses.get(i);
                    body.add(new Span(addressText(a) + (i < m.addresses.size() - 1 ? "  " : ""), a, true), true);
                }
                body.newRow();
                body.indent = 0;
            }
        }
        if (!p.applications.isEmpty()) {
            body.plain("applications:");
            body.newRow();
            for (Application a : p.applications) {
                body.indent = 2;
                body.add(new Span(a.appId + " port " + a.port + " " + a.protocol, a, true), true);
                body.newRow();
            }
            body.indent = 0;
        }
        List<List<Span>> rows = new ArrayList<>(titleRows);
        rows.addAll(body.done());
        p.rows.clear();
        rowsAt(p.rows, "title", titleRows.size(), "text", rows, p.box.x + BOX_PAD, p.box.y + BOX_PAD);
        p.box.height = 2 * BOX_PAD + rows.size() * LINE + 4;
    }

    /** "Primary 10.10.1.10", "External 192.0.2.11 NAT 203.0.113.11", "Primary 10.10.2.22 (was 0.0.0.0)". */
    static String addressText(Address a) {
        return a.side + " " + a.ip + (a.nat == null ? "" : " NAT " + a.nat) + (a.was == null ? "" : " (was " + a.was + ")");
    }

    /**
     * Rows from {@code top}, the first {@code titleRows} of kind {@code titleKind}, the others of kind
     * {@code kind} and 4 px lower; leading blank spans (an indent) become an x offset.
     */
    private static void rowsAt(List<Row> out, String titleKind, int titleRows, String kind, List<List<Span>> rows, double x, double top) {
        for (int i = 0; i < rows.size(); i++) {
            List<Span> spans = rows.get(i);
            int indent = 0;
            while (indent < spans.size() && spans.get(indent).text().isBlank() && spans.get(indent).ref() == null) {
                indent++;
            }
            double lead = spans.stream().limit(indent).mapToDouble(s -> s.text().length() * CHAR).sum();
            double extra = i >= titleRows ? 4 : 0;
            out.add(new Row(i < titleRows ? titleKind : kind, x + lead, top + (i + 1) * LINE - 4 + extra,
                    spans.subList(indent, spans.size())));
        }
    }

    /**
     * Text broken into rows of at most {@code width} characters: spans are kept whole where they fit,
     * and a span longer than a row is cut after a dot, space or comma (or anywhere, as a last resort).
     */
    private static final class Lines {
        final int width;
        final List<List<Span>> rows = new ArrayList<>();
        List<Span> row = new ArrayList<>();
        int used;
        int indent;

        Lines(int width) {
            this.width = Math.max(width, 8);
        }

        void plain(String text) {
            add(Span.plain(text), false);
        }

        /** Adds a span; {@code wrapBefore}: start a new row rather than cut it when it does not fit. */
        void add(Span s, boolean wrapBefore) {
            if (row.isEmpty() && indent > 0) {
                row.add(Span.plain(" ".repeat(indent)));
                used = indent;
            }
            if (used + s.width() <= width) {
                put(s);
                return;
            }
            if (wrapBefore && used > indent && s.width() <= width - indent) {
                newRow();
                add(s, false);
                return;
            }
            int room = width - used - (s.width() - s.text().length());
            int cut = cut(s.text(), room);
            if (cut <= 0 && used > indent) {
                newRow();
                add(s, false);
                return;
            }
            cut = Math.max(cut, 1);
            put(new Span(s.text().substring(0, cut), s.ref(), s.anchor()));
            newRow();
            add(new Span(s.text().substring(cut), s.ref(), false), false);
        }

        private void put(Span s) {
            row.add(s);
            used += s.width();
        }

        void newRow() {
            if (!row.isEmpty()) {
                rows.add(row);
            }
            row = new ArrayList<>();
            used = 0;
        }

        /** Where to cut {@code text} to fit {@code room}: after the last dot, space, comma or hyphen that fits. */
        private static int cut(String text, int room) {
            if (room <= 0) {
                return 0;
            }
            for (int i = Math.min(room, text.length()) - 1; i > 0; i--) {
                char c = text.charAt(i - 1);
                if (c == '.' || c == ' ' || c == ',' || c == '-') {
                    return i;
                }
            }
            return Math.min(room, text.length());
        }

        List<List<Span>> done() {
            newRow();
            return rows;
        }
    }

    // ---- links -------------------------------------------------------------------------------------

    private enum Side { TOP, BOTTOM, LEFT, RIGHT }

    /** A curve from the side of the start box that faces the end box to the side of the end box that faces back. */
    private static void route(Link l, List<Link> all) {
        Box a = l.from.box;
        Box b = l.to.box;
        Side from;
        Side to;
        if (a.y < b.bottom() && b.y < a.bottom()) {
            from = b.x > a.x ? Side.RIGHT : Side.LEFT;
            to = b.x > a.x ? Side.LEFT : Side.RIGHT;
        } else {
            from = b.y < a.y ? Side.TOP : Side.BOTTOM;
            to = b.y < a.y ? Side.BOTTOM : Side.TOP;
        }
        double[] p = l.points;
        double[] start = anchor(a, from, spread(l, l.from, all));
        double[] end = anchor(b, to, spread(l, l.to, all));
        double reach = Math.max(12, (from == Side.TOP || from == Side.BOTTOM ? Math.abs(end[1] - start[1]) : Math.abs(end[0] - start[0])) / 2);
        double[] c1 = toward(start, from, reach);
        double[] c2 = toward(end, to, reach);
        p[0] = start[0];
        p[1] = start[1];
        p[2] = c1[0];
        p[3] = c1[1];
        p[4] = c2[0];
        p[5] = c2[1];
        p[6] = end[0];
        p[7] = end[1];
    }

    /** Links touching one box are spread along its edge, 24 px apart, so that their ends do not meet. */
    private static double spread(Link l, Pool p, List<Link> all) {
        Map<Link, Integer> index = new HashMap<>();
        for (Link x : all) {
            if (x.from == p || x.to == p) {
                index.put(x, index.size());
            }
        }
        int n = index.size();
        return (index.getOrDefault(l, 0) - (n - 1) / 2.0) * 24;
    }

    private static double[] anchor(Box b, Side s, double offset) {
        double cx = b.x + b.width / 2 + Math.max(-b.width / 2 + 10, Math.min(b.width / 2 - 10, offset));
        double cy = b.y + b.height / 2 + Math.max(-b.height / 2 + 6, Math.min(b.height / 2 - 6, offset));
        return switch (s) {
            case TOP -> new double[] {cx, b.y};
            case BOTTOM -> new double[] {cx, b.bottom()};
            case LEFT -> new double[] {b.x, cy};
            case RIGHT -> new double[] {b.right(), cy};
        };
    }

    private static double[] toward(double[] point, Side s, double reach) {
        return switch (s) {
            case TOP -> new double[] {point[0], point[1] - reach};
            case BOTTOM -> new double[] {point[0], point[1] + reach};
            case LEFT -> new double[] {point[0] - reach, point[1]};
            case RIGHT -> new double[] {point[0] + reach, point[1]};
        };
    }
}
