package org.cstopo.runbook;

import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.change.Change;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.Site;

/**
 * Names as the cmdlets take them, resolved in the topology when there is one. A registrar given as
 * a topology service id ({@code 1-Registrar-1}) becomes its pool's FQDN, which -Registrar takes;
 * a site keeps the value given (-Site takes the SiteId, as the Cisco guide's {@code -Site 1} does)
 * and its name is added in the comment.
 */
final class Names {
    private final Topology topology;

    Names(Topology topology) {
        this.topology = topology;
    }

    /** The registrar as -Registrar takes it: a pool FQDN, or Registrar:pool.fqdn. */
    String registrarFor(Change c, String registrar) {
        if (registrar == null) {
            return null;
        }
        ServiceRef ref = ServiceRef.parse(registrar);
        if (ref == null || !Topology.REGISTRAR.equalsIgnoreCase(ref.roleName())) {
            return registrar;
        }
        if (topology == null) {
            throw new CstopoException(ExitCode.USAGE, c.origin() + ": " + c.describe() + ": Registrar " + registrar
                    + " is a topology service id, which -Registrar does not take; give --topology TOPOLOGY so cstopo can name"
                    + " the registrar pool, or write the pool's FQDN");
        }
        Service s = topology.service(new ServiceRef(ref.siteId(), Topology.REGISTRAR, ref.instance()));
        String fqdn = s == null ? null : topology.poolFqdnOf(s);
        return fqdn == null ? registrar : fqdn;
    }

    /** For comments: the registrar with its service id when the topology knows it. */
    String registrar(String registrar) {
        if (topology == null) {
            return registrar;
        }
        Service s = topology.registrarNamed(registrar);
        return s == null ? registrar : registrar + " (" + ServiceRef.of(s.getServiceId()) + ")";
    }

    /** For comments: the site with its name (or its id, when given by name) when the topology knows it. */
    String site(String site) {
        if (topology == null) {
            return site;
        }
        Site byId = topology.site(site);
        if (byId != null && byId.getName() != null) {
            return site + " (" + byId.getName() + ")";
        }
        for (Site s : topology.sites()) {
            if (site.equalsIgnoreCase(s.getName()) && s.getSiteId() != null) {
                return site + " (SiteId " + s.getSiteId() + ")";
            }
        }
        return site;
    }
}
