package org.cstopo.validate;

import java.util.List;
import java.util.Set;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;
import org.cstopo.shape.TrustedPoolTemplate;

/**
 * Compares each existing trusted application pool with cstopo's built-in form of one, which no
 * public export confirms: every difference is evidence of how Lync really writes it (and the form
 * cstopo copies for new trusted pools in this topology). A trusted pool on a pool that hosts other
 * roles is compared by its service only: its Cluster and Machine are a Lync server's. Info only: the
 * pool is not wrong.
 */
final class TrustedPoolShapeChecks {
    private TrustedPoolShapeChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        Set<Cluster> collocated = null;
        for (Service s : t.services()) {
            if (!Topology.EXTERNAL_SERVER.equals(Topology.roleName(s))) {
                continue;
            }
            collocated = collocated == null ? TrustedPoolTemplate.collocatedPools(t) : collocated;
            List<String> differences = TrustedPoolTemplate.of(t, s, collocated).differencesFromBuiltIn();
            if (!differences.isEmpty()) {
                out.add(Rule.TRUSTED_POOL_SHAPE, s, "trusted application pool " + Findings.text(t.poolFqdnOf(s)) + ", " + Findings.service(s),
                        "written differently from cstopo's built-in (inferred) form: " + String.join("; ", differences)
                                + "; new trusted pools in this topology copy this pool's form",
                        "nothing to fix; please report it so the built-in form can follow real exports"
                                + " (send this finding, not the topology: see README, 'Reporting a trusted-pool-shape finding')");
            }
        }
    }
}
