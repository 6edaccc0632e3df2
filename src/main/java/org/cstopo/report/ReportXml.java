package org.cstopo.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cstopo.report.Drawing.Address;
import org.cstopo.report.Drawing.Application;
import org.cstopo.report.Drawing.Link;
import org.cstopo.report.Drawing.Machine;
import org.cstopo.report.Drawing.Pool;
import org.cstopo.report.Drawing.Role;
import org.cstopo.report.Drawing.Row;
import org.cstopo.report.Drawing.Shown;
import org.cstopo.report.Drawing.Site;
import org.cstopo.report.Drawing.Span;
import org.cstopo.show.TopologySummary.TrustedPoolInfo;

/**
 * Writes the report's XML, the input of the HTML stylesheet (xslt/html-report.xsl documents every
 * element). Attributes hold values, elements hold structure; a value the topology does not state is
 * an absent attribute.
 */
final class ReportXml {
    static final String NS = "urn:cstopo:report";

    private final XMLStreamWriter w;
    private final StringWriter out = new StringWriter();
    private boolean root = true;
    /** The ids the page gives an element (see {@link Drawing#anchors()}). */
    private java.util.Set<String> anchors = java.util.Set.of();

    ReportXml() {
        try {
            w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            w.setDefaultNamespace(NS);
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer cannot be created", e);
        }
    }

    /** Starts an element; {@code attributes} are name, value pairs, a null value leaves the attribute out. */
    ReportXml start(String name, Object... attributes) {
        try {
            w.writeStartElement(NS, name);
            if (root) {
                w.writeDefaultNamespace(NS);
                root = false;
            }
            write(attributes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    ReportXml end() {
        try {
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element with attributes and no content. */
    ReportXml empty(String name, Object... attributes) {
        return start(name, attributes).end();
    }

    /** An element holding text. */
    ReportXml text(String name, String text, Object... attributes) {
        start(name, attributes);
        try {
            w.writeCharacters(text == null ? "" : text);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return end();
    }

    String finish() {
        try {
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private void write(Object... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value != null) {
                w.writeAttribute((String) attributes[i], value instanceof Double d ? number(d) : value.toString());
            }
        }
    }

    /** Coordinates with one decimal at most: "12", "12.5". */
    static String number(double d) {
        double r = Math.round(d * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    static String mark(Shown s) {
        return s == null || s.mark == Mark.UNCHANGED ? null : s.mark.word();
    }

    // ---- the drawing ------------------------------------------------------------------------------

    void drawing(Drawing d, double height, boolean changeReport) {
        anchors = d.anchors();
        long collapsed = d.sites.stream().filter(s -> s.collapsed).count();
        long listed = d.pools().stream().filter(p -> p.listed).count();
        long rowsOnly = d.links.stream().filter(l -> !l.arrow).count();
        start("drawing", "width", Layout.WIDTH, "height", height, "font-size", Layout.FONT, "line-height", Layout.LINE, "padding", Layout.BOX_PAD,
                "pools", d.pools().size(), "full-up-to", Layout.FULL_UP_TO, "collapsed-sites", collapsed, "listed-pools", listed,
                "links", d.links.size(), "links-without-arrow", rowsOnly, "max-arrows", Layout.MAX_ARROWS,
                "change-report", changeReport);
        if (d.topology.changes > 0) {
            Drawing.Box b = d.topology.box;
            empty("topology-wide", "id", d.topology.id, "mark", mark(d.topology), "changes", d.topology.changes,
                    "x", b.x, "y", b.y, "width", b.width, "height", b.height);
        }
        for (Site s : d.sites) {
            site(s);
        }
        for (Link l : d.links) {
            if (l.arrow && !l.from.rows.isEmpty() && !l.to.rows.isEmpty()) {
                double[] p = l.points;
                empty("link", "id", l.id + "-arrow", "ref", l.id, "from", l.from.id, "from-fqdn", l.from.fqdn, "to", l.to.id,
                        "to-fqdn", l.to.fqdn, "kind", l.kind, "label", l.label, "mark", mark(l),
                        "x1", p[0], "y1", p[1], "c1x", p[2], "c1y", p[3], "c2x", p[4], "c2y", p[5], "x2", p[6], "y2", p[7]);
            }
        }
        end();
    }

    private void site(Site s) {
        start("site", "id", s.id, "site-id", s.siteId, "name", s.name, "kind", s.kind, "mark", mark(s), "collapsed", s.collapsed,
                "x", s.box.x, "y", s.box.y, "width", s.box.width, "height", s.box.height);
        rows(s.rows);
        for (Pool p : s.pools) {
            pool(p);
        }
        end();
    }

    /**
     * A pool: its data (each object with {@code ref}, its id, and {@code at}, the id of the element
     * that shows it: its own, or that of the pool or site it is drawn in) and, when drawn, its box and rows.
     */
    private void pool(Pool p) {
        start("pool", "ref", p.id, "at", at(p), "n", p.order, "fqdn", p.fqdn, "site", p.siteId, "cluster", p.number, "mark", mark(p),
                "trusted", p.trusted != null, "form", p.form == null ? null : p.form.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "listed", p.listed);
        boolean drawn = !p.rows.isEmpty();
        if (drawn) {
            attributes("x", p.box.x, "y", p.box.y, "width", p.box.width, "height", p.box.height);
        }
        for (Role r : p.roles) {
            empty("role", "ref", r.id, "at", at(r), "name", r.name, "mark", mark(r));
        }
        for (Machine m : p.machines) {
            start("machine", "ref", m.id, "at", at(m), "fqdn", m.fqdn, "mark", mark(m));
            for (Address a : m.addresses) {
                empty("address", "ref", a.id, "at", at(a), "side", a.side, "number", a.number, "ip", a.ip, "nat", a.nat, "was", a.was,
                        "mark", mark(a));
            }
            end();
        }
        for (Application a : p.applications) {
            empty("application", "ref", a.id, "at", at(a), "app-id", a.appId, "port", a.port, "protocol", a.protocol, "mark", mark(a));
        }
        TrustedPoolInfo t = p.trusted;
        if (t != null) {
            empty("trusted", "service", t.serviceId(), "registrar", t.registrar(), "registrar-service", t.registrarServiceId(),
                    "TreatAsAuthenticated", t.treatAsAuthenticated(), "ThrottleAsServer", t.throttleAsServer(),
                    "RequiresReplication", t.requiresReplication(), "OutboundOnly", t.outboundOnly());
        }
        if (drawn) {
            rows(p.rows);
        }
        end();
    }

    private String at(Shown s) {
        Shown shown = s.shownAs(anchors);
        return shown == null ? null : shown.id;
    }

    /** More attributes for the element just started. */
    private void attributes(Object... attributes) {
        try {
            write(attributes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rows(List<Row> rows) {
        for (Row r : rows) {
            start("row", "kind", r.kind(), "x", r.x(), "y", r.y());
            for (Span s : r.spans()) {
                Shown ref = s.ref();
                text("span", s.text(), "id", ref != null && s.anchor() ? ref.id : null, "of", ref == null ? null : ref.id, "mark", mark(ref));
            }
            end();
        }
    }
}
