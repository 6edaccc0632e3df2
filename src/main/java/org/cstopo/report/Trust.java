package org.cstopo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;
import org.cstopo.report.Drawing.Pool;
import org.cstopo.shape.Part;
import org.cstopo.shape.TrustedPoolTemplate;

/**
 * How a trusted application pool is written, which is what a reviewer must know before publishing
 * it: no public export holds a trusted pool, so cstopo's built-in form of one is inferred (README,
 * "What is confirmed, what is inferred"). A pool written exactly in that form gets the list of what
 * it infers; a pool written otherwise was copied from this deployment or written by Lync, and the
 * validation finding {@code trusted-pool-shape} names each difference.
 */
final class Trust {
    enum Form {
        /** Exactly cstopo's built-in form: the parts {@link Part#inferred()} names are inferences. */
        BUILT_IN,
        /** Another form: this deployment's own (copied, or exported by Lync). */
        OWN
    }

    private Trust() {
    }

    /** Gives each trusted pool of {@code t} drawn in {@code d} (not those only OLD had) its form. */
    static void classify(Drawing d, Topology t) {
        Set<Cluster> collocated = null;
        for (Pool p : d.pools()) {
            Cluster c = p.trusted == null || p.mark == Mark.REMOVED ? null : t.clusterByFqdn(p.fqdn);
            Service s = c == null ? null : t.serviceOn(c, Topology.EXTERNAL_SERVER);
            if (s == null) {
                continue;
            }
            collocated = collocated == null ? TrustedPoolTemplate.collocatedPools(t) : collocated;
            p.form = TrustedPoolTemplate.of(t, s, collocated).differencesFromBuiltIn().isEmpty() ? Form.BUILT_IN : Form.OWN;
        }
    }

    /** What the built-in form of a pool infers, one entry per kind of element the pool has: {element, what}. */
    static List<String[]> inferred(Topology t, Pool p) {
        List<String[]> out = new ArrayList<>();
        Cluster c = t.clusterByFqdn(p.fqdn);
        Service s = c == null ? null : t.serviceOn(c, Topology.EXTERNAL_SERVER);
        if (s == null) {
            return out;
        }
        TrustedPoolTemplate form = TrustedPoolTemplate.of(t, s, TrustedPoolTemplate.collocatedPools(t));
        for (Part part : Part.values()) {
            if (part.inferred() != null && form.form(part) != null) {
                out.add(new String[] {part.label(), part.inferred()});
            }
        }
        return out;
    }
}
