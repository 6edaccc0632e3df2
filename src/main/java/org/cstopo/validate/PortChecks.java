package org.cstopo.validate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.roles.Port;

/**
 * Listeners of one pool: an application id is defined once per usage, and no two SIP listeners
 * (Usage SipServer) share (interface side and number, port, protocol, usage, URL path). Real
 * exports share 5061 between Registrar and QoE (different URL path), 444 between WebServer paths,
 * and the MediaComp port ranges between several services: only SIP listeners are compared, on the
 * whole key, so those pass.
 */
final class PortChecks {
    static final String SIP_SERVER = "SipServer";

    private PortChecks() {
    }

    /** What makes a listener distinct on one pool. Text compares without case, as Lync and IIS do. */
    private record Listener(ClusterRef pool, String side, String number, String port, String protocol, String usage,
                            String path) {
        // Written out: a record's generated equals and hashCode bootstrap method handles on first use,
        // 5-20 ms of a cold start each (src/bench/README.md).
        @Override
        public boolean equals(Object other) {
            return other instanceof Listener o && Objects.equals(pool, o.pool) && Objects.equals(side, o.side)
                    && Objects.equals(number, o.number) && Objects.equals(port, o.port) && Objects.equals(protocol, o.protocol)
                    && Objects.equals(usage, o.usage) && Objects.equals(path, o.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pool, side, number, port, protocol, usage, path);
        }

        static Listener of(ClusterRef pool, Port p) {
            return new Listener(pool, lower(p.getInterfaceSide()), lower(p.getInterfaceNumber()), p.getPort(),
                    lower(p.getProtocol()), lower(p.getUsage()), lower(p.getUrlPath()));
        }
    }

    private record Application(ClusterRef pool, String id, String usage) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Application o && Objects.equals(pool, o.pool) && Objects.equals(id, o.id)
                    && Objects.equals(usage, o.usage);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pool, id, usage);
        }
    }

    private record Use(Service service, Port port) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Use o && Objects.equals(service, o.service) && Objects.equals(port, o.port);
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, port);
        }
    }

    static void run(Findings out) {
        Topology t = out.topology();
        Map<Listener, Use> listeners = new HashMap<>();
        Map<Application, Use> applications = new HashMap<>();
        for (Service s : t.services()) {
            ClusterRef host = Topology.hostCluster(s);
            if (host == null) {
                continue;
            }
            Cluster pool = t.cluster(host);
            String poolName = pool == null ? host.toString() : Findings.pool(pool);
            for (Port p : Topology.portList(s)) {
                Use use = new Use(s, p);
                if (p.getOwner() != null && p.getOwner().startsWith(Topology.APPLICATION_OWNER_PREFIX)) {
                    String id = Topology.applicationId(p);
                    Use first = UniquenessChecks.firstOwner(applications,
                            new Application(host, id.toLowerCase(Locale.ROOT), lower(p.getUsage())), use);
                    if (first != null) {
                        out.add(Rule.APPLICATION_ID_DUPLICATE, p, poolName + ", application " + id,
                                "the application is already defined on this pool for usage " + p.getUsage() + " ("
                                        + out.lineOf(first.port()) + ")",
                                "remove this Port (Remove-CsTrustedApplication), or use another -ApplicationID");
                        continue;
                    }
                }
                if (p.getPort() == null || !SIP_SERVER.equalsIgnoreCase(p.getUsage())) {
                    continue;
                }
                Use first = UniquenessChecks.firstOwner(listeners, Listener.of(host, p), use);
                if (first != null) {
                    out.add(Rule.SIP_PORT_CONFLICT, p, poolName + ", " + Findings.service(s) + ", port " + p.getPort(),
                            Findings.text(p.getOwner()) + " listens for SIP on " + describe(p) + ", already taken by "
                                    + Findings.text(first.port().getOwner()) + " of " + Findings.service(first.service())
                                    + " (" + out.lineOf(first.port()) + ")",
                            "give one of them another Port (for a trusted application: Set-CsTrustedApplication -Port)");
                }
            }
        }
    }

    private static String describe(Port p) {
        return p.getPort() + "/" + p.getProtocol() + " on " + p.getInterfaceSide() + " " + p.getInterfaceNumber()
                + " (usage " + p.getUsage() + ", path " + p.getUrlPath() + ")";
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
