package org.cstopo.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.diff.Difference;
import org.cstopo.diff.XmlComparison;
import org.cstopo.model.Topology;
import org.cstopo.report.Drawing.Address;
import org.cstopo.report.Drawing.Application;
import org.cstopo.report.Drawing.Link;
import org.cstopo.report.Drawing.Machine;
import org.cstopo.report.Drawing.Pool;
import org.cstopo.report.Drawing.Role;
import org.cstopo.report.Drawing.Shown;
import org.cstopo.report.Drawing.Site;
import org.cstopo.show.TopologySummary;
import org.cstopo.show.TopologySummary.PoolInfo;
import org.cstopo.show.TopologySummary.SiteInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Marks the drawing of NEW with the differences {@code cstopo diff} finds: each item gets the
 * object of the drawing it is about (the application, address, machine, role, pool or site its
 * element is or sits in), and that object gets the item's mark. What OLD had and NEW lost is drawn
 * too, from OLD, marked removed. Links are compared as wholes: one NEW has and OLD had not is added.
 */
final class ChangeMarks {
    /** A difference and the object of the drawing it is about (the drawing's topology-wide note when none). */
    record Change(Difference difference, Shown target) {
        Mark mark() {
            return target.mark;
        }
    }

    private static final Pattern STEP = Pattern.compile("/([^/\\[@()]+)\\[(\\d+)]");

    private final Drawing d;
    private final Topology before;
    private final TopologySummary old;
    private final XmlComparison comparison;
    private final Document oldDom;
    private final Document newDom;

    private ChangeMarks(Drawing d, Topology before, XmlComparison comparison, Document oldDom, Document newDom) {
        this.d = d;
        this.before = before;
        this.old = TopologySummary.of(before);
        this.comparison = comparison;
        this.oldDom = oldDom;
        this.newDom = newDom;
    }

    /** Marks {@code d} (the drawing of NEW) with {@code items}, the differences from OLD; returns the items with their objects. */
    static List<Change> apply(Drawing d, Topology before, XmlComparison comparison, Document oldDom, Document newDom,
                              List<Difference> items) {
        ChangeMarks marks = new ChangeMarks(d, before, comparison, oldDom, newDom);
        List<Change> out = new ArrayList<>();
        for (Difference item : items) {
            out.add(marks.mark(item));
        }
        marks.markLinks();
        return out;
    }

    private Change mark(Difference item) {
        boolean removed = item.kind().name().endsWith("_REMOVED");
        boolean added = item.kind().name().endsWith("_ADDED");
        Element e = resolve(removed ? oldDom : newDom, item.xpath());
        Target t = e == null ? fallback(item) : target(e, item, removed);
        Mark m = t.self && added ? Mark.ADDED : t.self && removed ? Mark.REMOVED : Mark.CHANGED;
        if (t.object == d.topology) {
            d.topology.changes++;
            m = added ? Mark.ADDED : removed ? Mark.REMOVED : Mark.CHANGED;
        }
        t.object.mark(m);
        return new Change(item, t.object);
    }

    /** The object an item is about, and whether it is that object's own element (added or removed as a whole). */
    private record Target(Shown object, boolean self) {
    }

    private Target target(Element e, Difference item, boolean fromOld) {
        for (Element x = e; x != null; x = parent(x)) {
            boolean self = x == e;
            Shown found = switch (x.getLocalName()) {
                case "Port" -> x.getAttribute("Owner").startsWith(Topology.APPLICATION_OWNER_PREFIX) ? application(x, item, fromOld) : null;
                case "NetInterface" -> address(x, fromOld);
                case "Machine" -> machine(x, fromOld);
                case "Cluster" -> pool(x.getAttribute("Fqdn"), fromOld);
                case "Service" -> role(x, item, fromOld);
                case "CentralSite", "BranchSite" -> site(x.getAttribute("SiteId"), fromOld);
                default -> null;
            };
            if (found != null) {
                return new Target(found, self);
            }
        }
        return new Target(d.topology, false);
    }

    /** An item whose path does not resolve: the machine or pool it names. */
    private Target fallback(Difference item) {
        Pool p = d.pool(item.pool());
        Machine m = p == null || item.machine() == null ? null : p.machine(item.machine());
        return new Target(m != null ? m : p != null ? p : d.topology, false);
    }

    private Application application(Element port, Difference item, boolean fromOld) {
        Pool p = pool(item.pool(), fromOld);
        if (p == null) {
            return null;
        }
        String appId = port.getAttribute("Owner").substring(Topology.APPLICATION_OWNER_PREFIX.length());
        Application a = p.application(appId);
        if (a == null) {
            a = DrawingBuilder.application(d, p, appId, port.getAttribute("Port"), port.getAttribute("Protocol")).in(p);
            p.applications.add(a);
        }
        return a;
    }

    private Address address(Element nic, boolean fromOld) {
        Machine m = parent(nic) == null ? null : machine(parent(nic), fromOld);
        if (m == null) {
            return null;
        }
        String side = nic.getAttribute("InterfaceSide");
        String number = nic.getAttribute("InterfaceNumber");
        Address a = m.address(side, number);
        if (a == null) {
            a = DrawingBuilder.address(d, m, side, number, nic.getAttribute("IPAddress"), attribute(nic, "ConfiguredIPAddress")).in(m);
            m.addresses.add(a);
        }
        Element was = fromOld ? null : comparison.controlOf(nic);
        if (was != null && !was.getAttribute("IPAddress").equals(nic.getAttribute("IPAddress"))) {
            a.was = was.getAttribute("IPAddress");
        }
        return a;
    }

    private Machine machine(Element machine, boolean fromOld) {
        Element cluster = parent(machine);
        Pool p = cluster == null ? null : pool(cluster.getAttribute("Fqdn"), fromOld);
        if (p == null) {
            return null;
        }
        Machine m = p.machine(machine.getAttribute("Fqdn"));
        if (m == null) {
            m = new Machine(d.newId("machine", machine.getAttribute("Fqdn")), machine.getAttribute("Fqdn")).in(p);
            for (Node n = machine.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element nic && "NetInterface".equals(nic.getLocalName())) {
                    m.addresses.add(DrawingBuilder.address(d, m, nic.getAttribute("InterfaceSide"), nic.getAttribute("InterfaceNumber"),
                            nic.getAttribute("IPAddress"), attribute(nic, "ConfiguredIPAddress")).in(m));
                }
            }
            p.machines.add(m);
        }
        return m;
    }

    private Role role(Element service, Difference item, boolean fromOld) {
        Pool p = pool(item.pool(), fromOld);
        Element id = child(service, "ServiceId");
        if (p == null || id == null) {
            return null;
        }
        String name = id.getAttribute("RoleName");
        Role r = p.role(name);
        if (r == null) {
            r = new Role(d.newId("role", p.fqdn, name), name).in(p);
            p.roles.add(r);
        }
        return r;
    }

    /** The pool of that FQDN; one that only OLD has is drawn from OLD, marked removed, in its site. */
    private Pool pool(String fqdn, boolean fromOld) {
        Pool p = d.pool(fqdn);
        if (p != null || !fromOld || fqdn == null) {
            return p;
        }
        PoolInfo info = old.pools().stream().filter(i -> Drawing.key(i.fqdn()).equals(Drawing.key(fqdn))).findFirst().orElse(null);
        if (info == null) {
            return null;
        }
        site(info.siteId(), true);
        p = DrawingBuilder.addPool(d, info);
        p.mark(Mark.REMOVED);
        return p;
    }

    private Site site(String siteId, boolean fromOld) {
        Site s = d.site(siteId);
        if (s != null || !fromOld) {
            return s;
        }
        SiteInfo info = old.sites().stream().filter(i -> java.util.Objects.equals(i.id(), siteId)).findFirst().orElse(null);
        if (info == null) {
            return null;
        }
        s = DrawingBuilder.site(d, info);
        s.mark(Mark.REMOVED);
        d.add(s);
        return s;
    }

    /** A link NEW has and OLD had not is added; one OLD had between pools still drawn is drawn, removed. */
    private void markLinks() {
        Set<String> before = new HashSet<>();
        List<Link> oldLinks = DrawingBuilder.links(d, this.before);
        oldLinks.forEach(l -> before.add(l.key()));
        Set<String> after = new HashSet<>();
        for (Link l : d.links) {
            after.add(l.key());
            if (!before.contains(l.key())) {
                l.mark(Mark.ADDED);
            }
        }
        for (Link l : oldLinks) {
            if (!after.contains(l.key())) {
                l.mark(Mark.REMOVED);
                d.links.add(l);
            }
        }
    }

    // ---- DOM ----------------------------------------------------------------------------------------

    /** The element a difference's path names (its last element step: the owner of an attribute), or null. */
    static Element resolve(Document doc, String xpath) {
        if (xpath == null) {
            return null;
        }
        Matcher m = STEP.matcher(xpath);
        Node at = doc;
        int end = 0;
        while (m.find() && m.start() == end) {
            end = m.end();
            int position = Integer.parseInt(m.group(2));
            Node found = null;
            for (Node c = at.getFirstChild(); c != null && found == null; c = c.getNextSibling()) {
                if (c instanceof Element ce && m.group(1).equals(ce.getLocalName()) && --position == 0) {
                    found = c;
                }
            }
            if (found == null) {
                return null;
            }
            at = found;
        }
        return at instanceof Element e ? e : null;
    }

    private static Element parent(Element e) {
        return e.getParentNode() instanceof Element p ? p : null;
    }

    private static Element child(Element e, String localName) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && localName.equals(ce.getLocalName())) {
                return ce;
            }
        }
        return null;
    }

    private static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
