package org.cstopo.validate;

import java.util.HashMap;
import java.util.Map;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;

/**
 * Names that must be unique: pool FQDNs, machine FQDNs, ClusterId numbers per site, ServiceIds.
 * Each is one pass with a hash map from key to first owner; the second owner is reported.
 */
final class UniquenessChecks {
    private UniquenessChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        Map<String, Cluster> pools = new HashMap<>();
        Map<ClusterRef, Cluster> numbers = new HashMap<>();
        for (Cluster c : t.clusters()) {
            Cluster first = firstOwner(pools, c.getFqdn() == null ? null : Topology.key(c.getFqdn()), c);
            if (first != null) {
                out.add(Rule.POOL_FQDN_DUPLICATE, c, Findings.pool(c),
                        "the FQDN is already the pool at " + out.lineOf(first),
                        "give this pool its own FQDN, or merge its machines into the first pool");
            }
            ClusterRef ref = c.getClusterId() == null ? null : ClusterRef.of(c.getClusterId());
            ref = Findings.complete(ref) ? ref : null;
            Cluster sameNumber = firstOwner(numbers, ref, c);
            if (sameNumber != null) {
                out.add(Rule.CLUSTER_NUMBER_DUPLICATE, c.getClusterId(), Findings.pool(c),
                        ref + " is already " + Findings.pool(sameNumber) + " (" + out.lineOf(sameNumber) + ")",
                        "give this cluster a Number not used in site " + ref.siteId()
                                + " and update the ClusterIds that point at it");
            }
        }
        machines(out, pools);
        Map<ServiceRef, Service> services = new HashMap<>();
        for (Service s : t.services()) {
            ServiceRef ref = s.getServiceId() == null ? null : ServiceRef.of(s.getServiceId());
            ref = Findings.complete(ref) ? ref : null;
            Service first = firstOwner(services, ref, s);
            if (first != null) {
                out.add(Rule.SERVICE_INSTANCE_DUPLICATE, s.getServiceId(), Findings.service(s),
                        "another service has the same id (" + out.lineOf(first) + ")",
                        "give this service an Instance not used for role " + ref.roleName() + " in site " + ref.siteId()
                                + " and update the DependsOn entries that mean it");
            }
        }
    }

    /** A machine FQDN belongs to one machine, and to no other pool (its own Standard Edition pool may share it). */
    private static void machines(Findings out, Map<String, Cluster> pools) {
        Map<String, Machine> machines = new HashMap<>();
        for (Cluster c : out.topology().clusters()) {
            for (Machine m : c.getMachine()) {
                String key = m.getFqdn() == null ? null : Topology.key(m.getFqdn());
                Machine first = firstOwner(machines, key, m);
                Cluster pool = key == null ? null : pools.get(key);
                if (first != null) {
                    Cluster firstPool = out.topology().clusterOf(first);
                    String where = firstPool == c ? "this pool already has it (" + out.lineOf(first) + ")"
                            : Findings.pool(firstPool) + " already has it (" + out.lineOf(first) + ")";
                    out.add(Rule.MACHINE_FQDN_DUPLICATE, m, Findings.machine(c, m),
                            "a machine FQDN belongs to one pool once; " + where,
                            "remove this machine (a computer is added once), or give it its own FQDN");
                } else if (pool != null && pool != c) {
                    out.add(Rule.MACHINE_FQDN_DUPLICATE, m, Findings.machine(c, m),
                            "the FQDN is the FQDN of " + Findings.pool(pool) + " (" + out.lineOf(pool) + ")",
                            "give the machine its own FQDN; only a Standard Edition machine may share its own pool's FQDN");
                }
            }
        }
    }

    /** Records {@code value} as owner of {@code key}; returns the earlier owner, or null (also for a null key). */
    static <K, V> V firstOwner(Map<K, V> owners, K key, V value) {
        return key == null ? null : owners.putIfAbsent(key, value);
    }
}
