package org.cstopo.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;

/**
 * What one pool may be. Director, Edge Server, stand-alone Mediation Server and Office Web Apps
 * Server each need computers of their own, never shared with a Front End Server or with each other
 * ("Server collocation in an Enterprise Edition Front End pool deployment"; a computer in two pools
 * is machine-fqdn-duplicate). A Front End pool holds at most 12 Front End Servers, 16 in Skype for
 * Business Server 2019 (ServiceVersion 8).
 */
final class PoolChecks {
    static final int MAX_FRONT_ENDS = 12;
    static final int MAX_FRONT_ENDS_2019 = 16;
    /** ServiceVersion of Skype for Business Server 2019 in its exports (2015 writes 7, Lync 2013 6). */
    static final int SERVICE_VERSION_2019 = 8;

    private PoolChecks() {
    }

    private record Role(String name, Service service) {
    }

    static void run(Findings out, Map<Cluster, PoolRoles> roles) {
        for (Cluster c : out.topology().clusters()) {
            PoolRoles r = PoolRoles.of(roles, c);
            collocation(out, c, r);
            if (r.frontEnd() != null) {
                size(out, c, r.frontEnd());
            }
        }
    }

    private static void collocation(Findings out, Cluster c, PoolRoles r) {
        List<Role> exclusive = new ArrayList<>();
        add(exclusive, "the Front End", r.frontEnd());
        add(exclusive, "a Director", r.director());
        add(exclusive, "an Edge Server", r.edge());
        add(exclusive, "an Office Web Apps Server", r.officeWebApps());
        add(exclusive, "a stand-alone Mediation Server", r.frontEnd() == null ? r.mediation() : null);
        if (exclusive.size() < 2) {
            return;
        }
        List<String> named = exclusive.stream()
                .map(role -> role.name() + " (" + Findings.serviceId(role.service()) + ", " + out.lineOf(role.service()) + ")").toList();
        Role moved = exclusive.get(exclusive.size() - 1);
        out.add(Rule.ROLE_COLLOCATION, c, Findings.pool(c), "the pool hosts " + String.join(" and ", named)
                        + "; Director, Edge Server, stand-alone Mediation Server and Office Web Apps Server each need computers"
                        + " of their own",
                "define a separate pool with its own computers for " + moved.name().replaceFirst("^(the|an?) ", "the ")
                        + " (Topology Builder), move " + Findings.serviceId(moved.service()) + " to it, then publish");
    }

    private static void add(List<Role> roles, String name, Service s) {
        if (s != null) {
            roles.add(new Role(name, s));
        }
    }

    private static void size(Findings out, Cluster c, Service frontEnd) {
        boolean is2019 = serviceVersion(frontEnd) >= SERVICE_VERSION_2019;
        int max = is2019 ? MAX_FRONT_ENDS_2019 : MAX_FRONT_ENDS;
        List<Machine> machines = c.getMachine();
        if (machines.size() <= max) {
            return;
        }
        Machine first = machines.get(max);
        out.add(Rule.FRONT_END_POOL_SIZE, first, Findings.pool(c),
                "the pool holds " + machines.size() + " Front End Servers; " + (is2019 ? "Skype for Business Server 2019"
                        : "Lync Server 2013 and Skype for Business Server 2015") + " support " + max + " per pool"
                        + " (this is the first beyond them)",
                "define a second Front End pool (Topology Builder), move " + (machines.size() - max) + " of these servers"
                        + " and their users to it (Move-CsUser), then publish");
    }

    /** The numeric ServiceVersion of a service, or 0 when absent or not a number. */
    private static int serviceVersion(Service s) {
        String v = s.getServiceVersion();
        return v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : 0;
    }
}
