package org.cstopo.validate;

import static org.cstopo.validate.EditedFixture.findings;
import static org.cstopo.validate.EditedFixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** External Web services FQDNs and listening ports, beyond the one fixture per rule. */
class WebServiceChecksTest {
    private static final String DIRECTOR = "se-synergy-director.xml";

    @Test
    void twoPoolsWithoutAnExternalFqdnDoNotClash() {
        assertEquals(List.of(), findings(DIRECTOR, " Host=\"lyncweb.synergy.com\"", "", " Host=\"dirweb.synergy.com\"", " Host=\"\""));
    }

    @Test
    void portsClashWithinOnePoolOnlyAndOnTheNumber() {
        String directorExternalHttp = "<ClusterId SiteId=\"1\" Number=\"3\" />\n      </InstalledOn>\n      <Ports xmlns=\""
                + "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\n        <Port Owner=\"urn:component:OCSWebSite\""
                + " Usage=\"WebSite\" InterfaceSide=\"External\" InterfaceNumber=\"1\" Port=\"8080\"";
        List<Finding> f = findings(DIRECTOR, directorExternalHttp, directorExternalHttp.replace("Port=\"8080\"", "Port=\"443\""));
        assertEquals(List.of("warning web-port-conflict pool director.synergy.com, service 1-WebServices-2, port 443"), summary(f),
                "external HTTP on the port of the internal HTTPS site; the Front End pool's own 443 is another pool");
    }
}
