package org.cstopo.validate;

import java.util.HashSet;
import java.util.Set;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.ClusterId;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.SqlInstance;
import org.cstopo.model.xml.SqlInstanceId;

/**
 * References resolve: every DependsOn service, every InstalledOn cluster or SQL instance, every
 * SQL instance's cluster, every cluster's site. One pass over each list, lookups in hash maps.
 */
final class ReferenceChecks {
    private ReferenceChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        for (Cluster c : t.clusters()) {
            ClusterId id = c.getClusterId();
            if (id != null && id.getSiteId() != null && t.site(id.getSiteId()) == null) {
                out.add(Rule.SITE_MISSING, id, Findings.pool(c),
                        "its ClusterId names site " + id.getSiteId() + ", which is not defined under <Sites>",
                        "use the SiteId of an existing site (Get-CsSite shows them) or define the site");
            }
        }
        Set<SqlKey> sqlInstances = new HashSet<>();
        for (SqlInstance s : t.sqlInstances()) {
            SqlInstanceId id = s.getSqlInstanceId();
            if (id == null) {
                continue;
            }
            sqlInstances.add(SqlKey.of(id));
            if (id.getClusterId() != null && Findings.complete(ClusterRef.of(id.getClusterId()))
                    && t.cluster(ClusterRef.of(id.getClusterId())) == null) {
                out.add(Rule.INSTALLED_ON_MISSING, id.getClusterId(), "SQL instance " + Findings.text(id.getName()),
                        "it is installed on " + ClusterRef.of(id.getClusterId()) + ", which does not exist",
                        "point its ClusterId at the SQL server's cluster, or restore that cluster");
            }
        }
        for (Service s : t.services()) {
            checkInstalledOn(out, s, sqlInstances);
            checkDependencies(out, s);
        }
    }

    private static void checkInstalledOn(Findings out, Service s, Set<SqlKey> sqlInstances) {
        Topology t = out.topology();
        if (s.getInstalledOn() == null) {
            return;
        }
        ClusterId cid = s.getInstalledOn().getClusterId();
        if (cid != null && Findings.complete(ClusterRef.of(cid)) && t.cluster(ClusterRef.of(cid)) == null) {
            out.add(Rule.INSTALLED_ON_MISSING, cid, Findings.service(s),
                    "it is installed on " + ClusterRef.of(cid) + ", which does not exist",
                    "point InstalledOn at an existing cluster (its ClusterId SiteId and Number), or restore that cluster");
        }
        SqlInstanceId sid = s.getInstalledOn().getSqlInstanceId();
        if (sid != null && sid.getName() != null && !sqlInstances.contains(SqlKey.of(sid))) {
            out.add(Rule.INSTALLED_ON_MISSING, sid, Findings.service(s),
                    "it is installed on SQL instance " + Findings.text(sid.getName()) + " on "
                            + (sid.getClusterId() == null ? "(no cluster)" : ClusterRef.of(sid.getClusterId())) + ", which is not defined under <SqlInstances>",
                    "name an existing SQL instance (Name and ClusterId as under <SqlInstances>), or define it");
        }
    }

    private static void checkDependencies(Findings out, Service s) {
        Topology t = out.topology();
        if (s.getDependsOn() == null) {
            return;
        }
        // The registrar of a trusted application pool is reported by TrustedPoolChecks, with a better message.
        boolean trustedPool = Topology.EXTERNAL_SERVER.equals(Topology.roleName(s));
        for (Dependency d : s.getDependsOn().getDependency()) {
            if (d.getServiceId() == null) {
                continue;
            }
            ServiceRef ref = ServiceRef.of(d.getServiceId());
            if (trustedPool && Topology.REGISTRAR.equals(ref.roleName())) {
                continue;
            }
            if (Findings.complete(ref) && t.service(ref) == null) {
                out.add(Rule.DEPENDENCY_MISSING, d.getServiceId(), Findings.service(s),
                        "depends on " + ref + ", which does not exist",
                        "name an existing service in DependsOn (SiteId, RoleName and Instance as in its ServiceId), or restore "
                                + ref);
            }
        }
    }
}
