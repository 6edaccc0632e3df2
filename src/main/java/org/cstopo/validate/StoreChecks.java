package org.cstopo.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.SqlInstanceId;

/**
 * Where stores live. A SQL instance holds one store of each role (two pools' back ends on one
 * instance is what Topology Builder refuses with "already contains a SQL instance hosting role");
 * a file share is a server of its own, or sits on a database server or a Standard Edition server,
 * and serves the pools of its own site. Sources: Lync Server 2013 "Supported server migration paths
 * and coexistence scenarios" and "Server collocation in an Enterprise Edition Front End pool
 * deployment"; Topology Builder help "Add Front End File Store".
 */
final class StoreChecks {
    private StoreChecks() {
    }

    private record Store(SqlKey instance, String roleName) {
        // Written out: a record's generated equals and hashCode bootstrap method handles on first use,
        // 5-20 ms of a cold start each (src/bench/README.md).
        @Override
        public boolean equals(Object other) {
            return other instanceof Store o && Objects.equals(instance, o.instance) && Objects.equals(roleName, o.roleName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instance, roleName);
        }
    }

    /** One pool's use of one file store: reported once, however many of the pool's services depend on it. */
    private record FileStoreUse(Cluster pool, ServiceRef fileStore) {
        @Override
        public boolean equals(Object other) {
            return other instanceof FileStoreUse o && Objects.equals(pool, o.pool) && Objects.equals(fileStore, o.fileStore);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pool, fileStore);
        }
    }

    static void run(Findings out, Map<Cluster, PoolRoles> roles) {
        Topology t = out.topology();
        Map<Store, Service> stores = new HashMap<>();
        Set<FileStoreUse> uses = new HashSet<>();
        for (Service s : t.services()) {
            sharedSqlInstance(out, s, stores);
            if (Topology.FILE_STORE.equals(Topology.roleName(s))) {
                collocatedFileStore(out, s, roles);
            }
            fileStoreOfAnotherSite(out, s, uses);
        }
    }

    private static void sharedSqlInstance(Findings out, Service s, Map<Store, Service> stores) {
        SqlInstanceId id = s.getInstalledOn() == null ? null : s.getInstalledOn().getSqlInstanceId();
        String role = Topology.roleName(s);
        if (id == null || id.getName() == null || id.getClusterId() == null || role == null
                || !Findings.complete(ClusterRef.of(id.getClusterId()))) {
            return;
        }
        Service first = UniquenessChecks.firstOwner(stores, new Store(SqlKey.of(id), role), s);
        if (first == null) {
            return;
        }
        Topology t = out.topology();
        Cluster server = t.cluster(ClusterRef.of(id.getClusterId()));
        String where = "SQL instance '" + id.getName() + "' on " + Findings.text(server == null ? null : server.getFqdn());
        out.add(Rule.SQL_INSTANCE_SHARED, id, Findings.service(s),
                where + " already hosts " + Findings.serviceId(first) + " (" + out.lineOf(first) + "); one SQL instance holds"
                        + " one " + role + " (\"already contains a SQL instance hosting role\"), so two pools cannot share it",
                "give the pool of " + Findings.serviceId(s) + " a SQL Server store of its own: in Topology Builder define a new"
                        + " SQL Server store (another instance or server) for the pool (Edit Properties), then publish");
    }

    private static void collocatedFileStore(Findings out, Service fileStore, Map<Cluster, PoolRoles> roles) {
        Cluster pool = out.topology().installedOn(fileStore);
        if (pool == null) {
            return;
        }
        PoolRoles r = PoolRoles.of(roles, pool);
        String host = r.director() != null ? "a Director pool (" + Findings.serviceId(r.director()) + ")"
                : r.edge() != null ? "an Edge pool (" + Findings.serviceId(r.edge()) + ")"
                : r.officeWebApps() != null ? "an Office Web Apps pool (" + Findings.serviceId(r.officeWebApps()) + ")"
                : r.frontEnd() != null && !PoolRoles.isStandardEdition(r, pool)
                        ? "an Enterprise Edition Front End pool (" + Findings.serviceId(r.frontEnd()) + ")" : null;
        if (host != null) {
            out.add(Rule.FILE_STORE_COLLOCATED, fileStore.getInstalledOn().getClusterId(), Findings.service(fileStore),
                    "the file store is on " + Findings.pool(pool) + ", " + host + "; a file share may sit on a file server,"
                            + " a database server or a Standard Edition server only",
                    "define the file store on a file server (Topology Builder: Shared Components, File stores, New File Store),"
                            + " point the pools that use it at the new one (Edit Properties), then publish");
        }
    }

    private static void fileStoreOfAnotherSite(Findings out, Service s, Set<FileStoreUse> uses) {
        if (s.getDependsOn() == null || s.getServiceId() == null || s.getServiceId().getSiteId() == null) {
            return;
        }
        Topology t = out.topology();
        String site = s.getServiceId().getSiteId();
        Cluster pool = t.hostOf(s);
        for (Dependency d : s.getDependsOn().getDependency()) {
            ServiceRef ref = d.getServiceId() == null ? null : ServiceRef.of(d.getServiceId());
            Service fileStore = ref == null || !Topology.FILE_STORE.equals(ref.roleName()) || !Findings.complete(ref)
                    ? null : t.service(ref);
            if (fileStore == null || site.equals(ref.siteId()) || pool == null || !uses.add(new FileStoreUse(pool, ref))) {
                continue;
            }
            Cluster share = t.hostOf(fileStore);
            out.add(Rule.FILE_STORE_OTHER_SITE, d.getServiceId(), Findings.pool(pool) + ", " + Findings.service(s),
                    "the pool is in site " + site + " but uses file store " + ref + " on "
                            + Findings.text(share == null ? null : share.getFqdn()) + " in site " + ref.siteId()
                            + "; a file share serves the pools of its own site",
                    "define a file store in site " + site + " (Topology Builder: Shared Components, File stores) and point "
                            + Findings.text(pool.getFqdn()) + " at it (Edit Properties), then publish");
        }
    }
}
