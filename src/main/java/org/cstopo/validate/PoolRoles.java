package org.cstopo.validate;

import java.util.IdentityHashMap;
import java.util.Map;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;

/**
 * What a pool is, read from the services installed on it (InstalledOn ClusterId; stores installed
 * through a SQL instance do not count). Each field is the first service that makes the pool one,
 * or null, so that a message can point at it. A Front End pool hosts UserServices or a Registrar
 * that is not a Director; a Director pool hosts a Registrar with RegistrarService IsDirector="true".
 * MediationServer is collocated with the Front End in most exports; without a Front End it is a
 * stand-alone Mediation pool.
 */
record PoolRoles(Service frontEnd, Service director, Service edge, Service officeWebApps, Service fileStore,
                 Service trustedApplications, Service mediation) {

    static final PoolRoles NONE = new PoolRoles(null, null, null, null, null, null, null);

    /** Every pool's roles, one pass over the services. */
    static Map<Cluster, PoolRoles> index(Topology t) {
        Map<Cluster, PoolRoles> out = new IdentityHashMap<>();
        for (Service s : t.services()) {
            Cluster pool = t.installedOn(s);
            if (pool != null) {
                out.put(pool, out.getOrDefault(pool, NONE).with(s));
            }
        }
        return out;
    }

    static PoolRoles of(Map<Cluster, PoolRoles> index, Cluster pool) {
        return index.getOrDefault(pool, NONE);
    }

    private PoolRoles with(Service s) {
        String role = Topology.roleName(s);
        if (role == null) {
            return this;
        }
        return switch (role) {
            case Topology.USER_SERVICES -> new PoolRoles(frontEnd == null || Topology.REGISTRAR.equals(Topology.roleName(frontEnd))
                    ? s : frontEnd, director, edge, officeWebApps, fileStore, trustedApplications, mediation);
            case Topology.REGISTRAR -> Topology.isDirector(s)
                    ? new PoolRoles(frontEnd, first(director, s), edge, officeWebApps, fileStore, trustedApplications, mediation)
                    : new PoolRoles(first(frontEnd, s), director, edge, officeWebApps, fileStore, trustedApplications, mediation);
            case Topology.EDGE_SERVER ->
                    new PoolRoles(frontEnd, director, first(edge, s), officeWebApps, fileStore, trustedApplications, mediation);
            case Topology.OFFICE_WEB_APPS ->
                    new PoolRoles(frontEnd, director, edge, first(officeWebApps, s), fileStore, trustedApplications, mediation);
            case Topology.FILE_STORE ->
                    new PoolRoles(frontEnd, director, edge, officeWebApps, first(fileStore, s), trustedApplications, mediation);
            case Topology.EXTERNAL_SERVER ->
                    new PoolRoles(frontEnd, director, edge, officeWebApps, fileStore, first(trustedApplications, s), mediation);
            case Topology.MEDIATION_SERVER ->
                    new PoolRoles(frontEnd, director, edge, officeWebApps, fileStore, trustedApplications, first(mediation, s));
            default -> this;
        };
    }

    /** The first service of a role stays (for a Front End, UserServices replaces a Registrar seen before it). */
    private static Service first(Service current, Service candidate) {
        return current != null ? current : candidate;
    }

    /**
     * A Standard Edition server: a Front End pool of one machine that carries the pool's own FQDN
     * (an Enterprise Edition pool's FQDN is never one of its machines').
     */
    static boolean isStandardEdition(PoolRoles roles, Cluster pool) {
        if (roles.frontEnd() == null || pool.getMachine().size() != 1 || pool.getFqdn() == null) {
            return false;
        }
        Machine only = pool.getMachine().get(0);
        return pool.getFqdn().equalsIgnoreCase(only.getFqdn());
    }
}
