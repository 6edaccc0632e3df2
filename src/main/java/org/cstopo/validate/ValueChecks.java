package org.cstopo.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;

/**
 * Values the model cannot hold. JAXB turns a boolean it cannot read ("yes", "True") into null
 * without a word, so the boolean attributes are read from the source; Publish-CsTopology refuses
 * them. Identifying attributes must be present (the other checks skip objects without them, so
 * each gap is reported once, here). Also reports whatever JAXB itself complained about while binding.
 */
final class ValueChecks {
    /** The xs:boolean attributes of xsd/topology.xsd and xsd/serviceroles.xsd, by element. */
    static final Map<String, Set<String>> BOOLEAN_ATTRIBUTES = Map.of(
            "InternalDomains", Set.of("AllowAllDomains"),
            "InternalDomain", Set.of("Authoritative", "AllowSubDomains"),
            "Cluster", Set.of("RequiresReplication", "RequiresSetup"),
            "Port", Set.of("AuthorizesRequests"),
            "RegistrarService", Set.of("IsDirector", "IsPoolEnabledForSAOnEdge"),
            "ExternalServerService", Set.of("TreatAsAuthenticated", "ThrottleAsServer", "OutboundOnly"));

    /** Attributes that identify an object: without them nothing can point at it, and Publish-CsTopology refuses it. */
    static final Map<String, List<String>> REQUIRED_ATTRIBUTES = Map.of(
            "ClusterId", List.of("SiteId", "Number"),
            "ServiceId", List.of("SiteId", "RoleName", "Instance"),
            "Cluster", List.of("Fqdn"),
            "Machine", List.of("Fqdn"),
            "SqlInstanceId", List.of("Name"));

    /** The lexical space of xs:boolean (and of .NET's XmlConvert.ToBoolean), after white space collapse. */
    private static final Set<String> BOOLEANS = Set.of("true", "false", "1", "0");

    private ValueChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        for (SourceElement e : t.source().elements()) {
            if (!isModelled(e)) {
                continue;
            }
            // A loop, not a stream: this runs for every element of the topology.
            List<String> missing = List.of();
            for (String name : REQUIRED_ATTRIBUTES.getOrDefault(e.localName(), List.of())) {
                if (e.attributeValue(name) == null) {
                    missing = missing.isEmpty() ? new java.util.ArrayList<>(2) : missing;
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                out.add(Rule.ATTRIBUTE_MISSING, e, describe(e), "<" + e.localName() + "> has no " + String.join(", ", missing),
                        "add " + String.join(", ", missing) + " as Get-CsTopology writes them (compare with a fresh export)");
            }
            Set<String> booleans = BOOLEAN_ATTRIBUTES.getOrDefault(e.localName(), Set.of());
            for (SourceAttribute a : e.attributes()) {
                if (a.prefix().isEmpty() && booleans.contains(a.localName()) && !BOOLEANS.contains(a.value().strip())) {
                    out.add(Rule.VALUE_INVALID, e, describe(e), a.localName() + "=\"" + a.value() + "\" is not a boolean",
                            "write " + a.localName() + "=\"true\" or " + a.localName() + "=\"false\"");
                }
            }
        }
        bindProblems(out);
    }

    private static boolean isModelled(SourceElement e) {
        String ns = e.namespaceUri();
        return TopologyBinder.TOPOLOGY_NS.equals(ns) || TopologyBinder.SERVICE_ROLES_NS.equals(ns);
    }

    /** "Cluster fs.fabrikam.com", "Port urn:application:x", or just the element name. */
    private static String describe(SourceElement e) {
        String name = e.attributeValue("Fqdn") != null ? e.attributeValue("Fqdn")
                : e.attributeValue("Owner") != null ? e.attributeValue("Owner") : e.attributeValue("Name");
        return e.localName() + (name == null ? "" : " " + name);
    }

    /** Values JAXB could not convert, at the element it was binding, so that they sort and print like every other finding. */
    private static void bindProblems(Findings out) {
        Topology t = out.topology();
        for (Topology.BindProblem problem : t.bindProblemList()) {
            int line = 0;
            int column = 0;
            if (problem.at() != null) {
                line = t.source().lines().line(problem.at().start());
                column = t.source().lines().column(problem.at().start());
            }
            out.add(Rule.VALUE_INVALID, line, column, "element at line " + line, problem.message(),
                    "correct the value as Get-CsTopology writes it");
        }
    }
}
