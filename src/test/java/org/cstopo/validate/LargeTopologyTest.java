package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;

/**
 * A generated topology of 2,000 pools validates, and a problem at its end is still found. No
 * timing assertion: linear time is a property of the design (one pass per list, hash-map lookups),
 * not something a shared CI machine can measure reliably.
 */
class LargeTopologyTest {
    static final int POOLS = 2_000;

    static String topology(int pools, String lastAddress) {
        StringBuilder clusters = new StringBuilder();
        StringBuilder services = new StringBuilder();
        for (int i = 1; i <= pools; i++) {
            String fqdn = "fe" + i + ".fabrikam.com";
            String address = i == pools && lastAddress != null ? lastAddress : "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255);
            clusters.append("    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"").append(fqdn).append("\">\n")
                    .append("      <ClusterId SiteId=\"1\" Number=\"").append(i).append("\" />\n")
                    .append("      <Machine OrdinalInCluster=\"1\" Fqdn=\"").append(fqdn).append("\">\n")
                    .append("        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"").append(address).append("\" />\n")
                    .append("      </Machine>\n    </Cluster>\n");
            services.append("    <Service RoleVersion=\"2\" ServiceVersion=\"6\">\n")
                    .append("      <ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"").append(i).append("\" />\n")
                    .append("      <DependsOn>\n        <Dependency Usage=\"Default\">\n")
                    .append("          <ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"").append(i == 1 ? pools : i - 1).append("\" />\n")
                    .append("        </Dependency>\n      </DependsOn>\n")
                    .append("      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"").append(i).append("\" />\n      </InstalledOn>\n")
                    .append("      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\n")
                    .append("        <Port Owner=\"urn:component:Registrar\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"5061\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" />\n")
                    .append("      </Ports>\n    </Service>\n");
        }
        return "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n"
                + "  <Sites>\n    <CentralSite SiteId=\"1\">\n      <Name>Large</Name>\n    </CentralSite>\n  </Sites>\n"
                + "  <Clusters>\n" + clusters + "  </Clusters>\n  <Services>\n" + services + "  </Services>\n</Topology>\n";
    }

    private static Topology bind(String text) {
        return TopologyBinder.bind(SourceDocument.parse("large.xml", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void twoThousandPoolsValidateClean() {
        Topology t = bind(topology(POOLS, null));
        assertEquals(POOLS, t.clusters().size());
        assertEquals(List.of(), Validator.validate(t));
    }

    @Test
    void aProblemInTheLastPoolIsFound() {
        List<Finding> findings = Validator.validate(bind(topology(POOLS, "10.0.0.1")));
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("ip-address-shared", f.ruleId());
        assertTrue(f.object().equals("pool fe2000.fabrikam.com, machine fe2000.fabrikam.com"), f.object());
        assertTrue(f.message().contains("fe1.fabrikam.com"), f.message());
    }
}
