package org.cstopo.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.Service;
import org.cstopo.report.Drawing.Address;
import org.cstopo.report.Drawing.Application;
import org.cstopo.report.Drawing.Link;
import org.cstopo.report.Drawing.Machine;
import org.cstopo.report.Drawing.Pool;
import org.cstopo.report.Drawing.Role;
import org.cstopo.report.Drawing.Site;
import org.cstopo.show.TopologySummary;
import org.cstopo.show.TopologySummary.AddressInfo;
import org.cstopo.show.TopologySummary.ApplicationInfo;
import org.cstopo.show.TopologySummary.MachineInfo;
import org.cstopo.show.TopologySummary.PoolInfo;
import org.cstopo.show.TopologySummary.SiteInfo;

/**
 * The drawing of one topology, with the facts {@code cstopo show} reports ({@link TopologySummary}):
 * its sites, its pools in their sites, and the links the Services section states between pools.
 */
final class DrawingBuilder {
    /** The roles whose dependencies on other pools are drawn: trusted pools, Edge, Mediation, PSTN gateways. */
    private static final Set<String> LINKED_ROLES = Set.of(Topology.EXTERNAL_SERVER, Topology.EDGE_SERVER, Topology.MEDIATION_SERVER,
            "PstnGateway");

    private DrawingBuilder() {
    }

    static Drawing of(Topology t) {
        return of(t, TopologySummary.of(t));
    }

    static Drawing of(Topology t, TopologySummary summary) {
        Drawing d = new Drawing();
        for (SiteInfo s : summary.sites()) {
            d.add(site(d, s));
        }
        for (PoolInfo p : summary.pools()) {
            addPool(d, p);
        }
        d.links.addAll(links(d, t));
        return d;
    }

    static Site site(Drawing d, SiteInfo s) {
        return new Site(d.newId("site", s.id()), s.id(), s.name(), s.kind());
    }

    /** Adds a pool to its site; a site the Sites section does not define is drawn too, and says so. */
    static Pool addPool(Drawing d, PoolInfo p) {
        Site site = d.site(p.siteId());
        if (site == null) {
            site = new Site(d.newId("site", p.siteId()), p.siteId(), null, "not defined in Sites");
            d.add(site);
        }
        Pool pool = new Pool(d.newId("pool", p.fqdn()), p.fqdn() == null ? "" : p.fqdn(), p.siteId(), p.number());
        for (String r : p.roles()) {
            pool.roles.add(new Role(d.newId("role", p.fqdn(), r), r).in(pool));
        }
        for (MachineInfo m : p.machines()) {
            pool.machines.add(machine(d, m).in(pool));
        }
        pool.trusted = p.trustedApplicationPool();
        if (pool.trusted != null) {
            for (ApplicationInfo a : pool.trusted.applications()) {
                pool.applications.add(application(d, pool, a.id(), a.port(), a.protocol()).in(pool));
            }
        }
        d.add(site, pool);
        return pool;
    }

    static Machine machine(Drawing d, MachineInfo m) {
        Machine machine = new Machine(d.newId("machine", m.fqdn()), String.valueOf(m.fqdn()));
        for (AddressInfo a : m.addresses()) {
            machine.addresses.add(address(d, machine, a.side(), a.number(), a.ipAddress(), a.configuredIpAddress()).in(machine));
        }
        return machine;
    }

    static Address address(Drawing d, Machine m, String side, String number, String ip, String nat) {
        return new Address(d.newId("address", m.fqdn, side, number), String.valueOf(side), String.valueOf(number), String.valueOf(ip), nat);
    }

    static Application application(Drawing d, Pool p, String appId, String port, String protocol) {
        return new Application(d.newId("application", p.fqdn, appId), appId, String.valueOf(port), String.valueOf(protocol));
    }

    /** Each dependency of a service on a pool on a service on another pool, once per pair of pools and meaning. */
    static List<Link> links(Drawing d, Topology t) {
        Set<String> seen = new HashSet<>();
        List<Link> out = new ArrayList<>();
        for (Service s : t.services()) {
            Cluster host = t.hostOf(s);
            if (host == null || s.getDependsOn() == null) {
                continue;
            }
            for (Dependency dep : s.getDependsOn().getDependency()) {
                Service target = dep.getServiceId() == null ? null : t.service(ServiceRef.of(dep.getServiceId()));
                Cluster other = target == null ? null : t.hostOf(target);
                String fromRole = Topology.roleName(s);
                String toRole = Topology.roleName(target == null ? s : target);
                if (other == null || other == host || !(LINKED_ROLES.contains(fromRole) || LINKED_ROLES.contains(toRole))) {
                    continue;
                }
                Pool from = d.pool(host.getFqdn());
                Pool to = d.pool(other.getFqdn());
                if (from == null || to == null || from == to) {
                    continue;
                }
                String label = label(fromRole, toRole);
                if (seen.add(Link.key(from, to, label))) {
                    out.add(new Link(d.newId("link", from.fqdn, to.fqdn, label), from, to, kind(fromRole, toRole), label));
                }
            }
        }
        return out;
    }

    /** What the arrow means, read from its start: "registrar" (a trusted pool's), "next hop", "Edge", ... */
    private static String label(String fromRole, String toRole) {
        if (Topology.EXTERNAL_SERVER.equals(fromRole) && Topology.REGISTRAR.equals(toRole)) {
            return "registrar";
        }
        return switch (String.valueOf(toRole)) {
            case Topology.REGISTRAR -> "next hop";
            case Topology.EDGE_SERVER -> "Edge";
            case Topology.MEDIATION_SERVER -> "Mediation Server";
            default -> String.valueOf(toRole);
        };
    }

    private static String kind(String fromRole, String toRole) {
        if (Topology.EXTERNAL_SERVER.equals(fromRole)) {
            return "trusted";
        }
        Set<String> roles = Set.of(String.valueOf(fromRole), String.valueOf(toRole));
        return roles.contains(Topology.EDGE_SERVER) ? "edge" : roles.contains("PstnGateway") ? "pstn" : "mediation";
    }
}
