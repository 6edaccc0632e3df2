package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.diff.SemanticDiff;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;

/** Each shipped rule on the fixtures, with the exact lines it changes. */
class RulesTest {
    static final String UCMA02_BEFORE = "        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />";

    static SourceDocument read(String fixture) {
        return FileIO.readDocument(Fixtures.path(fixture));
    }

    static Transform.Result run(SourceDocument doc, String rule, Map<String, String> params) {
        return Transform.run(doc, Stylesheet.load(rule), params);
    }

    @Test
    void setIpChangesOneLineAndKeepsEncodingAndLineEnds() {
        SourceDocument doc = read("se-trusted-pool.utf16-crlf.xml");
        Transform.Result r = run(doc, "set-ip", Map.of("machines", "UCMA02.synergy.com=10.10.2.22"));
        assertEquals(List.of("-" + UCMA02_BEFORE, "+" + UCMA02_BEFORE.replace("0.0.0.0", "10.10.2.22")),
                UnifiedDiff.changes(doc.text(), r.text()));
        assertEquals(doc.text().split("\r\n", -1).length, r.text().split("\r\n", -1).length);
        assertEquals(doc.text().length() - "0.0.0.0".length() + "10.10.2.22".length(), r.text().length());
    }

    @Test
    void setIpOnAnotherSideAndUnknownMachineIsRefused() {
        SourceDocument doc = read("se-synergy.xml");
        Transform.Result r = run(doc, "set-ip", Map.of("machines", "lyncserver.synergy.com=192.0.2.7", "side", "External"));
        assertEquals(List.of("-        <NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />",
                "+        <NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"192.0.2.7\" />"),
                UnifiedDiff.changes(doc.text(), r.text()));
        CstopoException e = assertThrows(CstopoException.class, () -> run(doc, "set-ip", Map.of("machines", "nosuch.synergy.com=1.2.3.4")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("no machine nosuch.synergy.com with a Primary interface"), e.getMessage());
    }

    @Test
    void replaceUnassignedIpsChangesOnlyTheZeroAddressesOfThePool() {
        SourceDocument doc = read("se-trusted-pool.xml");
        Transform.Result r = run(doc, "replace-unassigned-ips",
                Map.of("pool", "ucmapool.synergy.com", "addresses", "ucma01.synergy.com=10.10.2.99, ucma02.synergy.com=10.10.2.22"));
        // ucma01 already has a real address: it stays; lyncserver's 0.0.0.0 is in another pool: it stays.
        assertEquals(List.of("-" + UCMA02_BEFORE, "+" + UCMA02_BEFORE.replace("0.0.0.0", "10.10.2.22")),
                UnifiedDiff.changes(doc.text(), r.text()));
        CstopoException e = assertThrows(CstopoException.class, () -> run(doc, "replace-unassigned-ips",
                Map.of("pool", "ucmapool.synergy.com", "addresses", "ucma01.synergy.com=10.10.2.99")));
        assertTrue(e.getMessage().contains("no address given for ucma02.synergy.com"), e.getMessage());
    }

    @Test
    void addTrustedPoolAddsOnlyLinesAndMatchesApply() {
        SourceDocument doc = read("se-synergy.xml");
        Transform.Result r = run(doc, "add-trusted-pool", Map.of("identity", "trustedpool.sip.com", "registrar", "lyncserver.synergy.com",
                "site", "1", "computers", "impserverPub.sip.com,impserver2.sip.com", "applications", "imptrustedapp.sip.com=5061",
                "requiresReplication", "false"));
        List<String> changed = UnifiedDiff.changes(doc.text(), r.text());
        assertTrue(changed.stream().allMatch(l -> l.startsWith("+")), changed.toString());
        List<String> expected = new ArrayList<>(List.of(
                "+    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"trustedpool.sip.com\">",
                "+      <ClusterId SiteId=\"1\" Number=\"3\" />",
                "+      <Machine OrdinalInCluster=\"1\" Fqdn=\"impserverPub.sip.com\">",
                "+        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />",
                "+      </Machine>",
                "+      <Machine OrdinalInCluster=\"2\" Fqdn=\"impserver2.sip.com\">",
                "+        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />",
                "+      </Machine>",
                "+    </Cluster>"));
        assertEquals(expected, changed.subList(0, 9));
        assertEquals(9 + 15, changed.size());
        assertTrue(changed.contains("+        <Port Owner=\"urn:application:imptrustedapp.sip.com\" Usage=\"SipServer\" InterfaceSide=\"Primary\""
                + " InterfaceNumber=\"1\" Port=\"5061\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\""
                + " GruuType=\"imptrustedapp.sip.com\" />"), changed.toString());

        String applied = ChangeApplier.apply(TopologyBinder.bind(doc), List.of(
                new Change.NewTrustedApplicationPool("test", "trustedpool.sip.com", "lyncserver.synergy.com", "1", "impserverPub.sip.com",
                        true, true, false, false, new Change.MediaPorts(null, null, null, null, null, null)),
                new Change.NewTrustedApplicationComputer("test", "impserver2.sip.com", "trustedpool.sip.com"),
                new Change.NewTrustedApplication("test", "imptrustedapp.sip.com", "trustedpool.sip.com", 5061, false))).text();
        assertTrue(SemanticDiff.compare(SourceDocument.parse("applied.xml", doc.encoding(), applied),
                SourceDocument.parse("transformed.xml", doc.encoding(), r.text())).isEmpty());
        assertEquals(applied, r.text(), "same shape, same place: even the text is the same");
    }

    @Test
    void reportTextListsPoolsMachinesAndApplications() {
        Transform.Result r = run(read("se-trusted-pool.utf16-crlf.xml"), "report-text", Map.of());
        assertTrue(r.report());
        assertEquals("""
                pool ucmapool.synergy.com (site 1): ExternalServer
                  machine ucma01.synergy.com Primary=10.10.2.21
                  machine ucma02.synergy.com Primary=0.0.0.0
                  trusted application pool 1-ExternalServer-1, registrar lyncserver.synergy.com (1-Registrar-1)
                  TreatAsAuthenticated True, ThrottleAsServer True, RequiresReplication False, OutboundOnly False
                  application ivr.synergy.com port 6001 Mtls
                  application callrecorder.synergy.com port 6002 Mtls
                """, r.text().substring(r.text().indexOf("pool ucmapool")));
        assertTrue(r.text().contains("machine lyncserver.synergy.com Primary=0.0.0.0 External=0.0.0.0 Pstn=0.0.0.0\n"), r.text());
        // the Front End's UserStore lives in its SQL instance: still one of the pool's roles, as show says
        assertTrue(r.text().contains("pool lyncserver.synergy.com (site 1): UserServices, Registrar, UserStore, WebServices,"
                + " ApplicationServer, CentralMgmt\n"), r.text());
    }

    /** report-html went: the HTML page is show's (and diff's); whoever still asks for it is told where it is. */
    @Test
    void theRetiredReportHtmlRuleSaysWhereTheHtmlReportIs() {
        CstopoException e = assertThrows(CstopoException.class, () -> Stylesheet.load("report-html"));
        assertEquals("report-html: no such stylesheet; give a file, or a shipped rule: set-ip, replace-unassigned-ips, add-trusted-pool,"
                + " readdress, rename-domain, report-text (the HTML report is now 'cstopo show TOPOLOGY --format html')", e.getMessage());
    }
}
