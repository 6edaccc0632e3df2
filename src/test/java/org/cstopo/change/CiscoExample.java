package org.cstopo.change;

import java.util.ArrayList;
import java.util.List;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Service;

/** The Cisco IM and Presence federation steps (values from Cisco's guide), aimed at a topology's own registrar. */
final class CiscoExample {
    static final String POOL = "trustedpool.sip.com";
    static final String ROUTING_NODE = "impserverPub.sip.com";
    static final String SECOND_NODE = "impserver2.sip.com";
    static final String APPLICATION = "imptrustedapp.sip.com";

    private CiscoExample() {
    }

    /** The first registrar pool of the topology, or null when it has none. */
    static Service firstRegistrar(Topology t) {
        for (Service s : t.services()) {
            if (Topology.REGISTRAR.equals(Topology.roleName(s)) && t.poolFqdnOf(s) != null) {
                return s;
            }
        }
        return null;
    }

    static List<Change> structure(Topology t) {
        Service registrar = firstRegistrar(t);
        String site = registrar.getServiceId().getSiteId();
        List<Change> out = new ArrayList<>();
        out.add(new Change.NewTrustedApplicationPool("test", POOL, t.poolFqdnOf(registrar), site, ROUTING_NODE,
                true, true, false, false, Change.MediaPorts.NONE));
        out.add(new Change.NewTrustedApplicationComputer("test", SECOND_NODE, POOL));
        out.add(new Change.NewTrustedApplication("test", APPLICATION, POOL, 5061, false));
        return out;
    }

    static List<Change> addresses() {
        return List.of(new Change.SetIPAddress("test", ROUTING_NODE, "10.10.1.10", "Primary"),
                new Change.SetIPAddress("test", SECOND_NODE, "10.10.1.11", "Primary"));
    }

    static List<Change> all(Topology t) {
        List<Change> out = new ArrayList<>(structure(t));
        out.addAll(addresses());
        return out;
    }
}
