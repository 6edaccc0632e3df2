package org.cstopo.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.IpAddress;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.roles.Port;

/**
 * Trusted application pools (clusters hosting an ExternalServer service, New-CsTrustedApplicationPool)
 * and the Cisco IM and Presence partitioned intradomain federation rules. See
 * ../shared/topology-format.md, "Trusted application pools" and "The procedure that started this project".
 */
final class TrustedPoolChecks {
    static final String CENTRAL_MGMT = "CentralMgmt";

    /**
     * The TLS ports Cisco's guide allows for the IM and Presence trusted application (TCP is not
     * supported). A trusted pool with an application on one of them is taken to be the IM and
     * Presence federation pool; other trusted pools (UCMA applications) commonly share the Lync
     * pools' DNS domain, so the domain rule does not apply to them. This is an inference, not a
     * documented marker: the topology holds nothing else that tells the two apart.
     */
    static final Set<String> IM_AND_PRESENCE_PORTS = Set.of("5061", "5062");

    private TrustedPoolChecks() {
    }

    /** A federation trusted pool and the application that makes it one. */
    private record Federation(Cluster pool, Port application) {
        // Written out: a record's generated equals and hashCode bootstrap method handles on first use,
        // 5-20 ms of a cold start each (src/bench/README.md).
        @Override
        public boolean equals(Object other) {
            return other instanceof Federation o && Objects.equals(pool, o.pool) && Objects.equals(application, o.application);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pool, application);
        }
    }

    static void run(Findings out, FrontEndRegistrars frontEnds) {
        Topology t = out.topology();
        Set<Cluster> seen = new HashSet<>();
        Map<String, Federation> federatedDomains = new HashMap<>();
        for (Service s : t.services()) {
            if (!Topology.EXTERNAL_SERVER.equals(Topology.roleName(s))) {
                continue;
            }
            registrar(out, s, frontEnds);
            Cluster pool = t.hostOf(s);
            if (pool == null || !seen.add(pool)) {
                continue;
            }
            netBiosNames(out, pool);
            singleComputer(out, pool);
            unassignedAddresses(out, pool);
            Port imp = imAndPresenceApplication(s);
            String domain = pool.getFqdn() == null ? null : domainOf(Topology.key(pool.getFqdn()));
            if (imp != null && domain != null) {
                federatedDomains.putIfAbsent(domain, new Federation(pool, imp));
            }
        }
        if (!federatedDomains.isEmpty()) {
            lyncPoolsOutside(out, federatedDomains, seen);
        }
    }

    /** The registrar (-Registrar of New-CsTrustedApplicationPool) is an existing Registrar service in an existing site. */
    private static void registrar(Findings out, Service s, FrontEndRegistrars frontEnds) {
        Topology t = out.topology();
        Dependency dependency = registrarDependency(s);
        String object = "trusted application pool " + Findings.text(t.poolFqdnOf(s)) + ", " + Findings.service(s);
        String fix = "name the registrar pool's Registrar service in DependsOn (Set-CsTrustedApplicationPool -Registrar)";
        if (dependency == null) {
            out.add(Rule.TRUSTED_POOL_REGISTRAR, s, object, "its DependsOn names no Registrar service", fix);
            return;
        }
        ServiceRef ref = ServiceRef.of(dependency.getServiceId());
        if (!Findings.complete(ref)) {
            return;
        }
        if (t.service(ref) == null) {
            out.add(Rule.TRUSTED_POOL_REGISTRAR, dependency.getServiceId(), object,
                    "its registrar " + ref + " does not exist", fix);
        } else if (t.site(ref.siteId()) == null) {
            out.add(Rule.TRUSTED_POOL_REGISTRAR, dependency.getServiceId(), object,
                    "its registrar " + ref + " is in site " + ref.siteId() + ", which is not defined", fix);
        } else if (Topology.isDirector(t.service(ref))) {
            Cluster director = t.hostOf(t.service(ref));
            out.add(Rule.TRUSTED_POOL_NEXT_HOP, dependency.getServiceId(), object,
                    "its registrar " + ref + " is Director pool " + Findings.text(director == null ? null : director.getFqdn())
                            + " (RegistrarService IsDirector=\"true\", " + out.lineOf(t.service(ref))
                            + "); a trusted application pool's next hop must be a Front End pool or Standard Edition server",
                    nextHopFix(out, t.poolFqdnOf(s), ref.siteId(), frontEnds));
        }
    }

    /** Set-CsTrustedApplicationPool -Registrar, naming a Front End pool of the registrar's site when there is one. */
    private static String nextHopFix(Findings out, String trustedPool, String siteId, FrontEndRegistrars frontEnds) {
        String identity = trustedPool == null ? "POOL" : trustedPool;
        String registrar = frontEnds.near(siteId);
        return "point it at a Front End pool: " + out.fixes().setRegistrar(identity, registrar)
                + " (on the server: Set-CsTrustedApplicationPool -Identity "
                + identity + " -Registrar " + registrar + ")";
    }

    private static Dependency registrarDependency(Service s) {
        if (s.getDependsOn() == null) {
            return null;
        }
        for (Dependency d : s.getDependsOn().getDependency()) {
            if (d.getServiceId() != null && Topology.REGISTRAR.equals(d.getServiceId().getRoleName())) {
                return d;
            }
        }
        return null;
    }

    /** Publish-CsTopology's NetBIOSNameNotAllowed: a pool or computer name without a domain. */
    private static void netBiosNames(Findings out, Cluster pool) {
        String fix = "use the fully qualified name (e.g. NAME.example.com), as New-CsTrustedApplicationPool requires";
        if (pool.getFqdn() != null && pool.getFqdn().indexOf('.') < 0) {
            out.add(Rule.TRUSTED_POOL_NETBIOS_NAME, pool, Findings.pool(pool), "'" + pool.getFqdn() + "' is not an FQDN", fix);
        }
        for (Machine m : pool.getMachine()) {
            if (m.getFqdn() != null && m.getFqdn().indexOf('.') < 0) {
                out.add(Rule.TRUSTED_POOL_NETBIOS_NAME, m, Findings.machine(pool, m), "'" + m.getFqdn() + "' is not an FQDN", fix);
            }
        }
    }

    /** A trusted pool collocated with Registrar or CentralMgmt, or whose computer has the pool FQDN, holds one computer. */
    private static void singleComputer(Findings out, Cluster pool) {
        List<Machine> machines = pool.getMachine();
        if (machines.size() < 2) {
            return;
        }
        Topology t = out.topology();
        String reason = null;
        if (t.serviceOn(pool, Topology.REGISTRAR) != null) {
            reason = "it also hosts the Registrar role";
        } else if (t.serviceOn(pool, CENTRAL_MGMT) != null) {
            reason = "it also hosts the Central Management store";
        } else if (pool.getFqdn() != null) {
            for (Machine m : machines) {
                if (pool.getFqdn().equalsIgnoreCase(m.getFqdn())) {
                    reason = "its computer " + m.getFqdn() + " has the pool's FQDN";
                    break;
                }
            }
        }
        if (reason != null) {
            Machine second = machines.get(1);
            out.add(Rule.TRUSTED_POOL_SINGLE_COMPUTER, second, Findings.machine(pool, second),
                    "the pool holds " + machines.size() + " computers, but " + reason + ", so it may hold one only",
                    "move the other computers to a pool of their own (a pool FQDN different from every computer FQDN)");
        }
    }

    /** Step 6 of the Cisco procedure: each IM and Presence node gets its real address instead of 0.0.0.0. */
    private static void unassignedAddresses(Findings out, Cluster pool) {
        for (Machine m : pool.getMachine()) {
            for (NetInterface n : m.getNetInterface()) {
                if (IpAddress.isUnspecified(IpAddress.canonical(n.getIPAddress()))) {
                    out.add(Rule.TRUSTED_POOL_UNASSIGNED_IP, n, Findings.machine(pool, m),
                            "the " + Findings.text(n.getInterfaceSide()) + " interface is still on " + n.getIPAddress()
                                    + "; the trusted application computer needs its real address",
                            out.fixes().setAddress(Findings.text(m.getFqdn())));
                }
            }
        }
    }

    private static Port imAndPresenceApplication(Service external) {
        for (Port p : Topology.applicationPorts(external)) {
            if (IM_AND_PRESENCE_PORTS.contains(p.getPort())) {
                return p;
            }
        }
        return null;
    }

    /** The DNS domain of an FQDN ("trustedpool.sip.com" gives "sip.com"), or null for a single label. */
    static String domainOf(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot < 0 || dot == fqdn.length() - 1 ? null : fqdn.substring(dot + 1);
    }

    /** Cisco: the Lync pool FQDN must not be in the IM and Presence domain used for the federation. */
    private static void lyncPoolsOutside(Findings out, Map<String, Federation> federatedDomains, Set<Cluster> trustedPools) {
        Topology t = out.topology();
        for (Cluster c : t.clusters()) {
            if (c.getFqdn() == null || trustedPools.contains(c) || t.serviceOn(c, Topology.REGISTRAR) == null) {
                continue;
            }
            for (String domain = domainOf(Topology.key(c.getFqdn())); domain != null; domain = domainOf(domain)) {
                Federation f = federatedDomains.get(domain);
                if (f != null) {
                    out.add(Rule.LYNC_POOL_IN_FEDERATED_DOMAIN, c, Findings.pool(c),
                            "this Lync registrar pool is inside " + domain + ", the IM and Presence domain of trusted"
                                    + " application pool " + f.pool().getFqdn() + " (application "
                                    + Topology.applicationId(f.application()) + " on port " + f.application().getPort() + ", "
                                    + out.lineOf(f.pool()) + ")",
                            "keep Lync pools out of the IM and Presence domain: give the trusted application pool an FQDN"
                                    + " in the IM and Presence domain and the Lync pool one in another DNS domain");
                    break;
                }
            }
        }
    }
}
