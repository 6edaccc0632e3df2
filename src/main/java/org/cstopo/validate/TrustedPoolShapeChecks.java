package org.cstopo.validate;

import java.util.List;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Service;
import org.cstopo.shape.TrustedPoolTemplate;

/**
 * Compares each existing trusted application pool with cstopo's built-in form of one, which no
 * public export confirms: every difference is evidence of how Lync really writes it (and the form
 * cstopo copies for new trusted pools in this topology). Info only: the pool is not wrong.
 */
final class TrustedPoolShapeChecks {
    private TrustedPoolShapeChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        for (Service s : t.services()) {
            if (!Topology.EXTERNAL_SERVER.equals(Topology.roleName(s))) {
                continue;
            }
            List<String> differences = TrustedPoolTemplate.of(t, s).differencesFromBuiltIn();
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
