package org.cstopo.validate;

import java.util.List;
import org.cstopo.model.Topology;

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
        Findings out = new Findings(topology);
        bindProblems(out);
        ReferenceChecks.run(out);
        UniquenessChecks.run(out);
        PortChecks.run(out);
        AddressChecks.run(out);
        TrustedPoolChecks.run(out);
        return out.sorted();
    }

    /** The findings with their counts, ready for the CLI or for {@code apply}'s refusal. */
    public static ValidationReport report(Topology topology) {
        return new ValidationReport(topology.source().name(), validate(topology));
    }

    /**
     * Values JAXB could not convert. The binder writes them as "file:line:column: message"; the
     * position is taken back out so that they sort and print like every other finding.
     */
    private static void bindProblems(Findings out) {
        String prefix = out.topology().source().name() + ":";
        for (String problem : out.topology().bindProblems()) {
            int line = 0;
            int column = 0;
            String message = problem;
            if (problem.startsWith(prefix)) {
                String[] parts = problem.substring(prefix.length()).split(":", 3);
                if (parts.length == 3 && parts[0].matches("\\d+") && parts[1].matches("\\d+")) {
                    line = Integer.parseInt(parts[0]);
                    column = Integer.parseInt(parts[1]);
                    message = parts[2].strip();
                }
            }
            out.add(Rule.VALUE_INVALID, line, column, "element at line " + line, message,
                    "correct the value (booleans are true or false, as Get-CsTopology writes them)");
        }
    }
}
