package org.cstopo.shape;

import static org.cstopo.shape.TrustedPoolTemplate.APPLICATION_ID;
import static org.cstopo.shape.TrustedPoolTemplate.MACHINE_FQDN;
import static org.cstopo.shape.TrustedPoolTemplate.POOL_FQDN;

import java.util.List;
import java.util.Set;

/**
 * The kinds of element cstopo writes for trusted application objects: the attributes whose values
 * the change decides, the names other values may follow, and what the built-in form infers (null
 * when every real export writes the element this way). A Machine's form holds its NetInterfaces,
 * so their decided attributes are listed with it.
 */
public enum Part {
    CLUSTER("Cluster", "RequiresSetup=\"false\"", Set.of("RequiresReplication", "Fqdn"), POOL_FQDN),
    CLUSTER_ID("ClusterId", null, Set.of("SiteId", "Number")),
    MACHINE("Machine", "no FaultDomain/UpgradeDomain and one Primary NetInterface",
            Set.of("OrdinalInCluster", "Fqdn", "IPAddress", "ConfiguredIPAddress"), MACHINE_FQDN, POOL_FQDN),
    SERVICE("Service", "RoleVersion=\"1\", its Type and the order of its children", Set.of()),
    SERVICE_ID("ServiceId", null, Set.of("SiteId", "RoleName", "Instance")),
    DEPENDS_ON("DependsOn", null, Set.of()),
    DEPENDENCY("Dependency", null, Set.of()),
    INSTALLED_ON("InstalledOn", null, Set.of()),
    PORTS("Ports", null, Set.of()),
    APPLICATION_PORT("Port", "AuthorizesRequests=\"true\", UrlPath=\"/\" and GruuType = the application id",
            Set.of("Owner", "Port", "Protocol"), APPLICATION_ID),
    MEDIA_PORT("Port", "the MediaComp port range as the ApplicationServer service's", Set.of("Usage", "Port", "Range")),
    ROLE("ExternalServerService", "its name, namespace and attributes (no real export shows one)",
            Set.of("TreatAsAuthenticated", "ThrottleAsServer", "OutboundOnly"));

    final String element;
    private final String inferred;
    final Set<String> given;
    final List<String> names;

    Part(String element, String inferred, Set<String> given, String... names) {
        this.element = element;
        this.inferred = inferred;
        this.given = given;
        this.names = List.of(names);
    }

    /** The element name, told apart where two parts share one ("Port (application)"). */
    public String label() {
        return this == APPLICATION_PORT ? "Port (application)" : this == MEDIA_PORT ? "Port (MediaComp)" : element;
    }

    /** The attributes the change decides that every element of this kind has. */
    Set<String> required() {
        return this == MACHINE ? Set.of("OrdinalInCluster", "Fqdn") : given;
    }

    /** What the built-in form of this element infers, or null when real exports confirm it. */
    public String inferred() {
        return inferred;
    }
}
