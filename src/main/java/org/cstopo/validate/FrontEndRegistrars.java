package org.cstopo.validate;

import java.util.HashMap;
import java.util.Map;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;

/**
 * The first Front End registrar pool (a Registrar that is not a Director) of each site, for fixes
 * that name a next hop: one pass over the services.
 */
final class FrontEndRegistrars {
    /** What a fix says when the topology has no Front End pool at all. */
    static final String PLACEHOLDER = "FRONT-END-POOL-FQDN";

    private final Map<String, String> bySite = new HashMap<>();
    private String any;

    private FrontEndRegistrars() {
    }

    static FrontEndRegistrars of(Topology t) {
        FrontEndRegistrars out = new FrontEndRegistrars();
        for (Service s : t.services()) {
            Cluster pool = Topology.REGISTRAR.equals(Topology.roleName(s)) && !Topology.isDirector(s) ? t.hostOf(s) : null;
            if (pool != null && pool.getFqdn() != null) {
                out.bySite.putIfAbsent(s.getServiceId().getSiteId(), pool.getFqdn());
                out.any = out.any == null ? pool.getFqdn() : out.any;
            }
        }
        return out;
    }

    /** A Front End pool of the site, else of any site, else {@link #PLACEHOLDER}. */
    String near(String siteId) {
        String inSite = bySite.get(siteId);
        return inSite != null ? inSite : any != null ? any : PLACEHOLDER;
    }
}
