package org.cstopo.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.shape.Part;
import org.junit.jupiter.api.Test;

class TrustedPoolTemplateTest {
    static Topology load(String fixture) {
        return TopologyBinder.bind(FileIO.readDocument(Fixtures.path(fixture)));
    }

    static TrustedPoolTemplate ofTheTrustedPool(Topology t) {
        return TrustedPoolTemplate.of(t, t.serviceOn(t.clusterByFqdn("ucmapool.synergy.com"), Topology.EXTERNAL_SERVER),
                TrustedPoolTemplate.collocatedPools(t));
    }

    @Test
    void aPoolInTheBuiltInFormHasNoDifferences() {
        assertEquals(List.of(), ofTheTrustedPool(load("se-trusted-pool.xml")).differencesFromBuiltIn());
    }

    @Test
    void everyDifferenceOfTheOwnFormFixtureIsNamed() {
        assertEquals(List.of(
                "Cluster: attribute order Fqdn RequiresReplication RequiresSetup (built-in: RequiresReplication RequiresSetup Fqdn)",
                "Cluster: RequiresSetup \"true\" (built-in: \"false\")",
                "Machine: has FaultDomain \"{machine FQDN}\" (built-in: no FaultDomain)",
                "Machine: has UpgradeDomain \"{machine FQDN}\" (built-in: no UpgradeDomain)",
                "Machine NetInterface: attribute order InterfaceSide IPAddress InterfaceNumber (built-in: InterfaceSide InterfaceNumber IPAddress)",
                "Service: no Type (built-in: has it)",
                "Service: RoleVersion \"2\" (built-in: \"1\")",
                "Dependency: Usage \"NextHop\" (built-in: \"Default\")",
                "Port (application): attribute order Owner Usage Port Protocol InterfaceSide InterfaceNumber AuthorizesRequests UrlPath GruuType"
                        + " (built-in: Owner Usage InterfaceSide InterfaceNumber Port Protocol UrlPath AuthorizesRequests GruuType)",
                "Port (application): AuthorizesRequests \"false\" (built-in: \"true\")",
                "Port (application): GruuType \"Synergy.Trusted.{application id}\" (built-in: \"{application id}\")",
                "ExternalServerService: attribute order TreatAsAuthenticated OutboundOnly ThrottleAsServer xmlns"
                        + " (built-in: xmlns TreatAsAuthenticated ThrottleAsServer OutboundOnly)",
                "Service: children ServiceId DependsOn InstalledOn ExternalServerService Ports"
                        + " (built-in: ServiceId DependsOn InstalledOn Ports ExternalServerService)"),
                ofTheTrustedPool(load("se-trusted-pool-own-form.xml")).differencesFromBuiltIn());
    }

    @Test
    void withoutAnExampleEveryPartIsTheBuiltInOneAndSaysWhy() {
        TrustedPoolTemplate t = TrustedPoolTemplate.choose(load("se-synergy.xml"), null, "1");
        for (Part p : Part.values()) {
            assertNull(t.source(p), p.label());
            assertEquals(TrustedPoolTemplate.builtIn().form(p), t.form(p));
        }
        assertEquals("no trusted application pool in this topology to copy", t.whyBuiltIn(Part.ROLE));
        assertEquals(List.of(Part.SERVICE_ID, Part.DEPENDS_ON, Part.INSTALLED_ON, Part.PORTS, Part.ROLE), t.serviceOrder());
    }

    @Test
    void whatAnExampleLacksComesFromTheBuiltInFormAndIsNamed() {
        TrustedPoolTemplate t = TrustedPoolTemplate.choose(load("se-trusted-pool-own-form.xml"), null, "1");
        assertEquals("1-ExternalServer-1", t.source(Part.ROLE).serviceId());
        assertNull(t.source(Part.MEDIA_PORT), "the example has no media ports");
        assertEquals("trusted pool ucmapool.synergy.com (service 1-ExternalServer-1) has no Port (MediaComp) to copy",
                t.whyBuiltIn(Part.MEDIA_PORT));
    }
}
