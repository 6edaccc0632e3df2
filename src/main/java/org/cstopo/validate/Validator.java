package org.cstopo.validate;

import java.util.List;
import java.util.Map;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;

/**
 * Checks a bound topology against the rules Topology Builder and Publish-CsTopology enforce (see
 * {@link Rule}). Never prints and never throws for a broken topology: it returns findings.
 *
 * <p>Runs in time linear in the size of the topology: each check walks each list once and looks
 * up what it needs in hash maps built on the way.
 */
public final class Validator {
    private Validator() {
    }

    /** Every finding, sorted by position in the file. */
    public static List<Finding> validate(Topology topology) {
        return validate(topology, topology.source().name(), Fixes.onFile(topology.source().name()));
    }

    private static List<Finding> validate(Topology topology, String file, Fixes fixes) {
        Findings out = new Findings(topology, file, fixes);
        Map<Cluster, PoolRoles> roles = PoolRoles.index(topology);
        FrontEndRegistrars frontEnds = FrontEndRegistrars.of(topology);
        ValueChecks.run(out);
        ReferenceChecks.run(out);
        UniquenessChecks.run(out);
        PortChecks.run(out);
        AddressChecks.run(out);
        TrustedPoolChecks.run(out, frontEnds);
        TrustedPoolShapeChecks.run(out);
        NameChecks.run(out, roles);
        StoreChecks.run(out, roles);
        PoolChecks.run(out, roles);
        WebServiceChecks.run(out);
        EdgeChecks.run(out, roles, frontEnds);
        return out.sorted();
    }

    /** The findings with their counts, ready for the CLI or for {@code apply}'s refusal. */
    public static ValidationReport report(Topology topology) {
        return report(topology, topology.source().name(), Fixes.onFile(topology.source().name()));
    }

    /**
     * The same for a topology known by another name than its document's: an edit's result, named
     * by where it is written ({@code out.xml}, {@code <stdout>}) or {@code <result>} when it is in no
     * file, with fixes worded for that place.
     */
    public static ValidationReport report(Topology topology, String file, Fixes fixes) {
        return new ValidationReport(file, validate(topology, file, fixes));
    }
}
