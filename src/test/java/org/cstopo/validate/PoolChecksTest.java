package org.cstopo.validate;

import static org.cstopo.validate.EditedFixture.findings;
import static org.cstopo.validate.EditedFixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Role collocation and pool size, beyond the one fixture per rule. */
class PoolChecksTest {
    /** invalid/front-end-pool-size.xml: a Front End pool of 13 machines whose services have ServiceVersion 6. */
    private static final String THIRTEEN = "invalid/front-end-pool-size.xml";

    @Test
    void skypeForBusiness2019PoolsMayHoldSixteen() {
        assertEquals(List.of(), findings(THIRTEEN, "ServiceVersion=\"6\"", "ServiceVersion=\"8\""));
    }

    @Test
    void twelveIsTheLimitBefore2019() {
        assertEquals(List.of("warning front-end-pool-size pool fepool.fabrikam.com"),
                summary(findings(THIRTEEN, "ServiceVersion=\"6\"", "ServiceVersion=\"7\"")));
        List<Finding> twelve = findings(THIRTEEN, "      <Machine OrdinalInCluster=\"13\" Fqdn=\"fe13.fabrikam.com\">\n"
                + "        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"10.20.0.23\" />\n"
                + "        <NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n"
                + "      </Machine>\n", "");
        assertEquals(List.of(), twelve);
    }

    @Test
    void aDirectorRoleOnTheFrontEndPool() {
        List<Finding> f = findings("invalid/role-collocation.xml",
                "<ClusterId SiteId=\"1\" Number=\"1\" />\n      </InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy"
                        + ".ServiceRoles.2008\">\n        <Port Owner=\"urn:component:AccessEdge\"",
                "<ClusterId SiteId=\"1\" Number=\"4\" />\n      </InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy"
                        + ".ServiceRoles.2008\">\n        <Port Owner=\"urn:component:AccessEdge\"",
                "IsDirector=\"false\"", "IsDirector=\"true\"");
        assertEquals(List.of("error role-collocation pool fepool.fabrikam.com"), summary(f), "the Edge is back on its own pool");
        assertTrue(f.get(0).message().startsWith("the pool hosts the Front End (1-UserServices-1, line 56) and a Director"
                + " (1-Registrar-1, line "), f.get(0).message());
    }

    @Test
    void aStandAloneMediationPoolWithTheEdge() {
        String mediation = "    <Service RoleVersion=\"1\" ServiceVersion=\"6\">\n"
                + "      <ServiceId SiteId=\"1\" RoleName=\"MediationServer\" Instance=\"1\" />\n      <DependsOn />\n"
                + "      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"%s\" />\n      </InstalledOn>\n    </Service>\n  </Services>";
        assertEquals(List.of(), findings("se-synergy.xml", "  </Services>", mediation.formatted("1")),
                "collocated with the Front End, as in every export");
        List<Finding> onEdge = findings("ee-two-sites-edge.xml", "  </Services>", mediation.formatted("3"));
        assertEquals(List.of("error role-collocation pool edgepool.contoso.net"), summary(onEdge));
        assertTrue(onEdge.get(0).fix().contains("for the stand-alone Mediation Server"), onEdge.get(0).fix());
    }
}
