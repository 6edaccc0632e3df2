package org.cstopo.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cstopo.show.TopologySummary.TrustedPoolInfo;

/**
 * What a report draws: sites holding pools (roles, machines with their addresses, applications) and
 * the links between pools, each object with the id the page gives it and its {@link Mark}. Built by
 * {@link DrawingBuilder} from one topology, marked by {@link ChangeMarks}, placed by {@link Layout}.
 */
final class Drawing {
    final List<Site> sites = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    /** Changes that concern no site, pool or machine (internal domains, ...): drawn as one note at the top. */
    final Topology topology = new Topology();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Pool> poolsByFqdn = new HashMap<>();
    private final Map<String, Site> sitesById = new HashMap<>();
    private int pools;

    /** Something the page draws and links to. */
    abstract static class Shown {
        final String id;
        Mark mark = Mark.UNCHANGED;
        /** What it is part of (a machine's pool, a pool's site), or null. */
        Shown parent;

        Shown(String id) {
            this.id = id;
        }

        /** This object, or the nearest one it is part of, that has an element of its own in the page. */
        Shown shownAs(Set<String> anchors) {
            for (Shown s = this; s != null; s = s.parent) {
                if (anchors.contains(s.id)) {
                    return s;
                }
            }
            return null;
        }

        <T extends Shown> T in(Shown parent) {
            this.parent = parent;
            @SuppressWarnings("unchecked")
            T self = (T) this;
            return self;
        }

        void mark(Mark m) {
            mark = mark.and(m);
        }
    }

    /** Where a box is, in the drawing's coordinates (px of a 1000-wide drawing). */
    static final class Box {
        double x;
        double y;
        double width;
        double height;

        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }
    }

    static final class Topology extends Shown {
        int changes;
        final Box box = new Box();

        Topology() {
            super("topology-wide");
        }
    }

    static final class Site extends Shown {
        final String siteId;
        final String name;
        final String kind;
        final List<Pool> pools = new ArrayList<>();
        final Box box = new Box();
        /** Every pool of it is only named (a large topology's site where nothing changed). */
        boolean collapsed;
        final List<Row> rows = new ArrayList<>();

        Site(String id, String siteId, String name, String kind) {
            super(id);
            this.siteId = siteId;
            this.name = name;
            this.kind = kind;
        }

        boolean hasChanges() {
            return mark != Mark.UNCHANGED || pools.stream().anyMatch(Pool::hasChanges);
        }
    }

    static final class Pool extends Shown {
        final String fqdn;
        final String siteId;
        final String number;
        /** Its place in the topology's Clusters (tables list pools in that order; the drawing groups them by site). */
        int order;
        final List<Role> roles = new ArrayList<>();
        final List<Machine> machines = new ArrayList<>();
        final List<Application> applications = new ArrayList<>();
        /** Null unless the pool is a trusted application pool (hosts an ExternalServer service). */
        TrustedPoolInfo trusted;
        /** How its trusted pool is written: see {@link Trust}; null for other pools. */
        Trust.Form form;
        final Box box = new Box();
        /** Only named, at the foot of its site, not drawn (an unchanged pool of a large topology's change report). */
        boolean listed;
        final List<Row> rows = new ArrayList<>();

        Pool(String id, String fqdn, String siteId, String number) {
            super(id);
            this.fqdn = fqdn;
            this.siteId = siteId;
            this.number = number;
        }

        boolean hasChanges() {
            return mark != Mark.UNCHANGED || roles.stream().anyMatch(r -> r.mark != Mark.UNCHANGED)
                    || applications.stream().anyMatch(a -> a.mark != Mark.UNCHANGED) || machines.stream().anyMatch(Machine::hasChanges);
        }

        Role role(String name) {
            return roles.stream().filter(r -> r.name.equals(name)).findFirst().orElse(null);
        }

        Machine machine(String fqdn) {
            return machines.stream().filter(m -> key(m.fqdn).equals(key(fqdn))).findFirst().orElse(null);
        }

        Application application(String appId) {
            return applications.stream().filter(a -> a.appId.equals(appId)).findFirst().orElse(null);
        }
    }

    static final class Role extends Shown {
        final String name;

        Role(String id, String name) {
            super(id);
            this.name = name;
        }
    }

    static final class Machine extends Shown {
        final String fqdn;
        final List<Address> addresses = new ArrayList<>();

        Machine(String id, String fqdn) {
            super(id);
            this.fqdn = fqdn;
        }

        boolean hasChanges() {
            return mark != Mark.UNCHANGED || addresses.stream().anyMatch(a -> a.mark != Mark.UNCHANGED);
        }

        Address address(String side, String number) {
            return addresses.stream().filter(a -> a.side.equals(side) && a.number.equals(number)).findFirst().orElse(null);
        }
    }

    /** One NetInterface; {@code nat} is an Edge's ConfiguredIPAddress, {@code was} the address OLD had (both may be null). */
    static final class Address extends Shown {
        final String side;
        final String number;
        final String ip;
        final String nat;
        String was;

        Address(String id, String side, String number, String ip, String nat) {
            super(id);
            this.side = side;
            this.number = number;
            this.ip = ip;
            this.nat = nat;
        }
    }

    static final class Application extends Shown {
        final String appId;
        final String port;
        final String protocol;

        Application(String id, String appId, String port, String protocol) {
            super(id);
            this.appId = appId;
            this.port = port;
            this.protocol = protocol;
        }
    }

    /**
     * A dependency of a service on one pool on a service of another, as the topology's DependsOn
     * states it: a trusted pool on its registrar, an Edge on its next hop, a gateway on its Mediation
     * Server... {@code points} are the start, two control points and the end of its curve.
     */
    static final class Link extends Shown {
        final Pool from;
        final Pool to;
        final String kind;
        final String label;
        /** Drawn as an arrow too (every link is a row of its pool's box); see {@link Layout#MAX_ARROWS}. */
        boolean arrow;
        final double[] points = new double[8];

        Link(String id, Pool from, Pool to, String kind, String label) {
            super(id);
            this.from = from;
            this.to = to;
            this.kind = kind;
            this.label = label;
        }

        String key() {
            return key(from, to, label);
        }

        /** Links are the same when they join the same pools with the same meaning. */
        static String key(Pool from, Pool to, String label) {
            return Drawing.key(from.fqdn) + "|" + Drawing.key(to.fqdn) + "|" + label;
        }
    }

    /** One line of text in a box, at baseline {@code y}. */
    record Row(String kind, double x, double y, List<Span> spans) {
    }

    /**
     * Text showing object {@code ref} (null for plain text such as a label or separator). The
     * {@code anchor} span of an object carries its id and its mark's sign ("+ " before the text); the
     * rest of a value cut over two rows shows the same object without them.
     */
    record Span(String text, Shown ref, boolean anchor) {
        static Span plain(String text) {
            return new Span(text, null, false);
        }

        /** Characters it takes: its text, and two before it for the sign of a marked object. */
        int width() {
            return text.length() + (anchor && ref != null && ref.mark != Mark.UNCHANGED ? 2 : 0);
        }
    }

    // ---- ids and look-ups -------------------------------------------------------------------------

    /** An id unique in the page, made of {@code kind} and a name: "pool-trustedpool.sip.com". */
    String newId(String kind, String... names) {
        StringBuilder sb = new StringBuilder(kind);
        for (String n : names) {
            sb.append('-').append(n == null ? "" : n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_"));
        }
        String base = sb.toString();
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** The ids the page gives an element: drawn sites and pools, and the first span of each object a row shows. */
    Set<String> anchors() {
        Set<String> out = new HashSet<>();
        if (topology.changes > 0) {
            out.add(topology.id);
        }
        for (Site s : sites) {
            out.add(s.id);
            s.rows.forEach(r -> r.spans().stream().filter(Span::anchor).forEach(x -> out.add(x.ref().id)));
            for (Pool p : s.pools) {
                if (!p.rows.isEmpty()) {
                    out.add(p.id);
                }
                p.rows.forEach(r -> r.spans().stream().filter(Span::anchor).forEach(x -> out.add(x.ref().id)));
            }
        }
        return out;
    }

    Site site(String siteId) {
        return sitesById.get(siteId);
    }

    void add(Site s) {
        sites.add(s);
        sitesById.putIfAbsent(s.siteId, s);
    }

    Pool pool(String fqdn) {
        return fqdn == null ? null : poolsByFqdn.get(key(fqdn));
    }

    void add(Site s, Pool p) {
        p.order = pools++;
        s.pools.add(p.in(s));
        poolsByFqdn.putIfAbsent(key(p.fqdn), p);
    }

    List<Pool> pools() {
        return sites.stream().flatMap(s -> s.pools.stream()).toList();
    }

    static String key(String fqdn) {
        return fqdn == null ? "" : fqdn.toLowerCase(Locale.ROOT);
    }
}
