package org.cstopo.validate;

import java.util.HashMap;
import java.util.Map;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;

/**
 * The first Front End registrar pool (a Registrar that is not a Director) of each site, for fixes
 * that name a next hop. One per validation, shared by the checks that ask; built on the first
 * question, with one pass over the services: most topologies never ask.
 */
final class FrontEndRegistrars {
    /** What a fix says when the topology has no Front End pool at all. */
    static final String PLACEHOLDER = "FRONT-END-POOL-FQDN";

    private final Topology topology;
    private Map<String, String> bySite;
    private String any;

    private FrontEndRegistrars(Topology topology) {
        this.topology = topology;
    }

    static FrontEndRegistrars of(Topology t) {
        return new FrontEndRegistrars(t);
    }

    /** A Front End pool of the site, else of any site, else {@link #PLACEHOLDER}. */
    String near(String siteId) {
        if (bySite == null) {
            index();
        }
        String inSite = bySite.get(siteId);
        return inSite != null ? inSite : any != null ? any : PLACEHOLDER;
    }

    private void index() {
        bySite = new HashMap<>();
        for (Service s : topology.services()) {
            Cluster pool = Topology.REGISTRAR.equals(Topology.roleName(s)) && !Topology.isDirector(s) ? topology.hostOf(s) : null;
            if (pool != null && pool.getFqdn() != null) {
                bySite.putIfAbsent(s.getServiceId().getSiteId(), pool.getFqdn());
                any = any == null ? pool.getFqdn() : any;
            }
        }
    }
}
