package org.cstopo.validate;

import static org.cstopo.validate.EditedFixture.findings;
import static org.cstopo.validate.EditedFixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge next hop and NAT address, beyond the one fixture per rule. */
class EdgeChecksTest {
    @Test
    void theNextHopFixNamesAFrontEndPoolOfTheEdgesSite() {
        List<Finding> f = findings("ee-two-sites-edge.xml", "      <DependsOn>\n        <Dependency Usage=\"Default\">\n"
                + "          <ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" />\n        </Dependency>\n      </DependsOn>\n"
                + "      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"3\" />", "      <DependsOn />\n"
                + "      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"3\" />");
        assertEquals(List.of("error edge-next-hop pool edgepool.contoso.net, service 1-EdgeServer-1"), summary(f));
        assertTrue(f.get(0).fix().startsWith("Set-CsEdgeServer -Identity EdgeServer:edgepool.contoso.net"
                + " -Registrar Registrar:fepool.contoso.net "), f.get(0).fix());
    }

    @Test
    void everyNonPublicNatAddressIsReportedOnEveryEdgeMachineButOnlyThere() {
        List<Finding> f = findings("ee-two-sites-edge.xml", "ConfiguredIPAddress=\"203.0.113.11\"", "ConfiguredIPAddress=\"fd12::11\"",
                "ConfiguredIPAddress=\"203.0.113.12\"", "ConfiguredIPAddress=\"172.20.0.12\"");
        assertEquals(List.of("warning edge-nat-private pool edgepool.contoso.net, machine edge01.contoso.net",
                "warning edge-nat-private pool edgepool.contoso.net, machine edge02.contoso.net"), summary(f));
        List<Finding> notEdge = findings("se-synergy.xml", "<NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />",
                "<NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" ConfiguredIPAddress=\"10.1.1.1\" />");
        assertEquals(List.of(), notEdge, "a Front End's External interface is not an Edge's public side");
    }
}
