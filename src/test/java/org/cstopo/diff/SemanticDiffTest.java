package org.cstopo.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.JsonRead;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangesFile;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TextEncoding;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;

class SemanticDiffTest {
    static SourceDocument read(String fixture) {
        return FileIO.readDocument(Fixtures.path(fixture));
    }

    static SourceDocument cisco() {
        SourceDocument doc = read("se-synergy.xml");
        String text = ChangeApplier.apply(TopologyBinder.bind(doc),
                ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml"))).text();
        return SourceDocument.parse("cisco.xml", doc.encoding(), text);
    }

    static SourceDocument edited(SourceDocument doc, String from, String to) {
        assertTrue(doc.text().contains(from), from);
        return SourceDocument.parse("edited.xml", doc.encoding(), doc.text().replace(from, to));
    }

    @Test
    void ciscoExampleIsThePoolWithBothComputersAndAddressesAndTheApplication() {
        DiffReport report = SemanticDiff.compare(read("se-synergy.xml"), cisco());
        assertEquals(List.of(
                "pool trustedpool.sip.com added with service 1-ExternalServer-1",
                "machine impserverPub.sip.com added to pool trustedpool.sip.com (10.10.1.10)",
                "machine impserver2.sip.com added to pool trustedpool.sip.com (10.10.1.11)",
                "application imptrustedapp.sip.com added on port 5061"),
                report.items().stream().map(Difference::text).toList());
        assertEquals(List.of(Difference.Kind.POOL_ADDED, Difference.Kind.MACHINE_ADDED, Difference.Kind.MACHINE_ADDED,
                Difference.Kind.APPLICATION_ADDED),
                report.items().stream().map(Difference::kind).toList());
        assertTrue(report.items().stream().allMatch(d -> d.pool().equals("trustedpool.sip.com")));
    }

    @Test
    void encodingLineEndsAttributeOrderPrefixesAndChildOrderAreNotDifferences() {
        assertTrue(SemanticDiff.compare(read("se-synergy.xml"), read("se-synergy.utf16-crlf.xml")).isEmpty());
        SourceDocument doc = read("se-synergy.xml");
        String reordered = doc.text()
                .replace("<InternalDomain Name=\"synergy.com\" Authoritative=\"false\"", "<InternalDomain Authoritative=\"false\" Name=\"synergy.com\"")
                .replace("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"",
                        "<!-- reviewed --><t:Topology xmlns:t=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\""
                                + " xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"")
                .replace("</Topology>", "</t:Topology>");
        // the two SipServer ports of the registrar swap places
        String a = line(reordered, "<Port Owner=\"urn:component:Registrar\" Usage=\"SipServer\"");
        String b = line(reordered, "<Port Owner=\"urn:component:QoE\" Usage=\"SipServer\"");
        reordered = reordered.replace(a, "@A@").replace(b, a).replace("@A@", b);
        SourceDocument other = SourceDocument.parse("other.xml", TextEncoding.UTF8, reordered);
        DiffReport report = SemanticDiff.compare(doc, other);
        assertTrue(report.isEmpty(), report.text());
    }

    static String line(String text, String part) {
        int at = text.indexOf(part);
        return text.substring(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at));
    }

    @Test
    void addressChangeOfAnExistingMachineNamesMachineAndOldAndNewValues() {
        SourceDocument before = read("se-trusted-pool.xml");
        SourceDocument after = edited(before, "Fqdn=\"ucma02.synergy.com\">\n        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\"",
                "Fqdn=\"ucma02.synergy.com\">\n        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"10.10.2.22\"");
        DiffReport report = SemanticDiff.compare(before, after);
        assertEquals(1, report.items().size());
        Difference d = report.items().get(0);
        assertEquals("machine ucma02.synergy.com: IPAddress 0.0.0.0 -> 10.10.2.22", d.text());
        assertEquals(Difference.Kind.ADDRESS_CHANGED, d.kind());
        assertEquals("ucmapool.synergy.com", d.pool());
        assertEquals("ucma02.synergy.com", d.machine());
    }

    @Test
    void removalsAndGenericChangesSpeakInTopologyTerms() {
        SourceDocument before = read("se-trusted-pool.xml");
        String callrecorder = "        <Port Owner=\"urn:application:callrecorder.synergy.com\" Usage=\"SipServer\" InterfaceSide=\"Primary\""
                + " InterfaceNumber=\"1\" Port=\"6002\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"callrecorder.synergy.com\" />\n";
        SourceDocument after = SourceDocument.parse("after.xml", before.encoding(), before.text().replace(callrecorder, "")
                .replace("<Name>Synergy HQ</Name>", "<Name>Synergy Head Office</Name>")
                .replace("ShareName=\"LyncShare\"", "ShareName=\"LyncShare2\""));
        List<String> texts = SemanticDiff.compare(before, after).items().stream().map(Difference::text).toList();
        assertEquals(List.of("site 1 Name: text 'Synergy HQ' -> 'Synergy Head Office'",
                "service 1-FileStore-1 FileStoreService: ShareName LyncShare -> LyncShare2",
                "application callrecorder.synergy.com removed from port 6002"), texts);
    }

    @Test
    void jsonCarriesKindPoolMachineTextAndPathOfEveryItem() {
        DiffReport report = SemanticDiff.compare(read("se-synergy.xml"), cisco());
        Map<String, Object> json = JsonRead.object(report.json());
        assertEquals(false, json.get("equal"));
        assertEquals(Map.of("kind", "machine_added", "pool", "trustedpool.sip.com", "machine", "impserver2.sip.com",
                "text", "machine impserver2.sip.com added to pool trustedpool.sip.com (10.10.1.11)",
                "xpath", "/Topology[1]/Clusters[1]/Cluster[3]/Machine[2]"), jsonItems(report).get(2));
        assertEquals(List.of("kind", "pool", "machine", "text", "xpath"), List.copyOf(jsonItems(report).get(0).keySet()));
        assertEquals(null, jsonItems(report).get(0).get("machine"));
        Map<String, Object> equal = JsonRead.object(SemanticDiff.compare(read("se-synergy.xml"), read("se-synergy.xml")).json());
        assertEquals(Map.of("equal", true, "differences", List.of()), equal);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jsonItems(DiffReport report) {
        return (List<Map<String, Object>>) JsonRead.object(report.json()).get("differences");
    }

    static SourceDocument applied(SourceDocument doc, List<Change> changes) {
        return SourceDocument.parse("after.xml", doc.encoding(), ChangeApplier.apply(TopologyBinder.bind(doc), changes).text());
    }

    @Test
    void ciscoPathsPointAtThePoolEachMachineAndTheApplicationNotAtTheCluster() {
        SourceDocument before = read("se-synergy.utf16-crlf.xml");
        SourceDocument after = applied(before, ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml")));
        DiffReport report = SemanticDiff.compare(before, after);
        assertEquals(List.of("/Topology[1]/Clusters[1]/Cluster[3]",
                "/Topology[1]/Clusters[1]/Cluster[3]/Machine[1]",
                "/Topology[1]/Clusters[1]/Cluster[3]/Machine[2]",
                "/Topology[1]/Services[1]/Service[8]/Ports[1]/Port[1]"),
                report.items().stream().map(Difference::xpath).toList());
        DiffPaths.assertEachPointsAtItsSubject(jsonItems(report), before, after);
    }

    @Test
    void setIpPathIsTheChangedAddressAttribute() {
        SourceDocument before = read("se-trusted-pool.utf16-crlf.xml");
        SourceDocument after = applied(before, List.of(new Change.SetIPAddress("test", "ucma02.synergy.com", "10.10.2.22", "Primary")));
        DiffReport report = SemanticDiff.compare(before, after);
        assertEquals(List.of("/Topology[1]/Clusters[1]/Cluster[3]/Machine[2]/NetInterface[1]/@IPAddress"),
                report.items().stream().map(Difference::xpath).toList());
        DiffPaths.assertEachPointsAtItsSubject(jsonItems(report), before, after);
    }

    @Test
    void removalsPointIntoTheOldTopology() {
        SourceDocument before = read("se-trusted-pool.xml");
        SourceDocument fewer = applied(before, List.of(new Change.RemoveTrustedApplicationComputer("test", "ucma01.synergy.com"),
                new Change.RemoveTrustedApplication("test", "ivr.synergy.com", "ucmapool.synergy.com")));
        DiffReport report = SemanticDiff.compare(before, fewer);
        assertEquals(List.of("/Topology[1]/Clusters[1]/Cluster[3]/Machine[1]",
                "/Topology[1]/Services[1]/Service[8]/Ports[1]/Port[1]"),
                report.items().stream().map(Difference::xpath).toList(), report.text());
        DiffPaths.assertEachPointsAtItsSubject(jsonItems(report), before, fewer);
        SourceDocument none = applied(before, List.of(new Change.RemoveTrustedApplicationPool("test", "ucmapool.synergy.com")));
        DiffReport gone = SemanticDiff.compare(before, none);
        assertEquals(Difference.Kind.POOL_REMOVED, gone.items().get(0).kind(), gone.text());
        assertEquals(5, gone.items().size(), gone.text());
        DiffPaths.assertEachPointsAtItsSubject(jsonItems(gone), before, none);
    }

    @Test
    void attributeAndTextPathsNameTheAttributeOrTheElement() {
        SourceDocument before = read("se-trusted-pool.xml");
        SourceDocument after = SourceDocument.parse("after.xml", before.encoding(), before.text()
                .replace("<Name>Synergy HQ</Name>", "<Name>Synergy Head Office</Name>")
                .replace("ShareName=\"LyncShare\"", "ShareName=\"LyncShare2\"")
                .replace(" OutboundOnly=\"false\" />", " />"));
        assertEquals(List.of("/Topology[1]/Sites[1]/CentralSite[1]/Name[1]",
                "/Topology[1]/Services[1]/Service[4]/FileStoreService[1]/@ShareName",
                "/Topology[1]/Services[1]/Service[8]/ExternalServerService[1]"),
                SemanticDiff.compare(before, after).items().stream().map(Difference::xpath).toList());
    }

    @Test
    void writeCheckRefusesDifferencesNoChangeNamed() {
        SourceDocument before = read("se-trusted-pool.xml");
        SourceDocument after = edited(before, "IPAddress=\"10.10.2.21\"", "IPAddress=\"10.10.2.99\"");
        assertEquals(1, WriteCheck.requireOnly(before, after, List.of("UCMA01.synergy.com")).items().size());
        CstopoException e = assertThrows(CstopoException.class, () -> WriteCheck.requireOnly(before, after, List.of("ucma02.synergy.com")));
        assertEquals(ExitCode.INTERNAL, e.exitCode());
        assertTrue(e.getMessage().contains("machine ucma01.synergy.com: IPAddress 10.10.2.21 -> 10.10.2.99"), e.getMessage());
        assertThrows(CstopoException.class, () -> WriteCheck.requireSame(after, before));
    }
}
