package org.cstopo.validate;

import java.util.Map;
import org.cstopo.model.IpAddress;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;
import org.cstopo.model.xml.Service;

/**
 * Edge pools. The next hop (the Registrar in the EdgeServer service's DependsOn, as every export
 * with an Edge writes it) is a Director or Front End pool (Topology Builder help "Edge Next Hop
 * Settings Expander"); the public address a NAT device translates to (ConfiguredIPAddress on the
 * External interface) is reachable from the Internet ("Edge Server environmental requirements").
 */
final class EdgeChecks {
    private EdgeChecks() {
    }

    static void run(Findings out, Map<Cluster, PoolRoles> roles, FrontEndRegistrars frontEnds) {
        Topology t = out.topology();
        for (Service s : t.services()) {
            if (Topology.EDGE_SERVER.equals(Topology.roleName(s)) && Topology.registrarDependency(s) == null) {
                Cluster pool = t.hostOf(s);
                String edge = pool == null || pool.getFqdn() == null ? "EDGE-POOL-FQDN" : pool.getFqdn();
                out.add(Rule.EDGE_NEXT_HOP, s, (pool == null ? "" : Findings.pool(pool) + ", ") + Findings.service(s),
                        "the Edge pool has no next hop: its DependsOn names no Registrar (a Director or Front End pool)",
                        "Set-CsEdgeServer -Identity EdgeServer:" + edge + " -Registrar Registrar:"
                                + frontEnds.near(s.getServiceId().getSiteId())
                                + " (or Topology Builder: Edge pool, Edit Properties, Next hop pool), then publish");
            }
        }
        for (Cluster c : t.clusters()) {
            if (PoolRoles.of(roles, c).edge() == null) {
                continue;
            }
            for (Machine m : c.getMachine()) {
                for (NetInterface n : m.getNetInterface()) {
                    if (IpAddress.isNonPublic(IpAddress.canonical(n.getConfiguredIPAddress()))) {
                        out.add(Rule.EDGE_NAT_PRIVATE, n, Findings.machine(c, m),
                                "the public address the NAT device translates to (ConfiguredIPAddress " + n.getConfiguredIPAddress()
                                        + " of the " + Findings.text(n.getInterfaceSide()) + " interface) is a private, loopback"
                                        + " or link-local address, which Internet clients cannot reach",
                                "enter the public address of this Edge Server (Topology Builder: Edge pool, Edit Properties,"
                                        + " public IP address for NAT), then publish");
                    }
                }
            }
        }
    }
}
