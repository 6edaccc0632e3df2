package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cstopo.Fixtures;
import org.cstopo.diff.SemanticDiff;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.junit.jupiter.api.Test;

/** Stylesheet outputs written as edits of the original: the output is re-serialised, the edit is not. */
class MinimalEditTest {
    static final SourceDocument ORIGINAL = FileIO.readDocument(Fixtures.path("se-trusted-pool.xml"));

    /** The original as a stylesheet might write it: one line, attributes reordered, other prefixes. */
    static SourceDocument output(String text) {
        String reserialised = text.replaceAll(">\\s+<", "><").replace(" />", "/>")
                .replace("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"");
        return SourceDocument.parse("out.xml", ORIGINAL.encoding(), reserialised);
    }

    static List<String> edit(String from, String to) {
        assertTrue(ORIGINAL.text().contains(from), from);
        SourceDocument out = output(ORIGINAL.text().replace(from, to));
        String result = MinimalEdit.apply(ORIGINAL, out);
        assertTrue(SemanticDiff.compare(SourceDocument.parse("result.xml", ORIGINAL.encoding(), result), out).isEmpty());
        return UnifiedDiff.changes(ORIGINAL.text(), result);
    }

    @Test
    void unchangedOutputIsTheOriginalByteForByte() {
        assertEquals(ORIGINAL.text(), MinimalEdit.apply(ORIGINAL, output(ORIGINAL.text())));
    }

    @Test
    void textAndAttributeEditsTouchTheirLineOnly() {
        assertEquals(List.of("-      <Name>Synergy HQ</Name>", "+      <Name>Synergy Head Office</Name>"),
                edit("<Name>Synergy HQ</Name>", "<Name>Synergy Head Office</Name>"));
        assertEquals(List.of("-    <InternalDomain Name=\"synergy.com\" Authoritative=\"false\" AllowSubDomains=\"false\" />",
                "+    <InternalDomain Name=\"synergy.com\" AllowSubDomains=\"true\" />"),
                edit("Authoritative=\"false\" AllowSubDomains=\"false\"", "AllowSubDomains=\"true\""));
    }

    @Test
    void removingEveryApplicationEmptiesThePortsElementAsLyncWritesIt() {
        String ivr = "<Port Owner=\"urn:application:ivr.synergy.com\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\""
                + " Port=\"6001\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"ivr.synergy.com\" />";
        String rec = ivr.replace("ivr", "callrecorder").replace("6001", "6002");
        String ports = "<Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\n        " + ivr + "\n        " + rec
                + "\n      </Ports>";
        List<String> changed = edit(ports, "<Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />");
        assertEquals("+      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />", changed.get(changed.size() - 1));
        assertEquals(5, changed.size(), changed.toString());
    }

    @Test
    void elementsAddedIntoAnEmptyElementOpenItUp() {
        String empty = "<DependsOn />\n      <InstalledOn>\n        <SqlInstanceId";
        List<String> changed = edit(empty, "<DependsOn><Dependency Usage=\"Default\"><ServiceId SiteId=\"1\" RoleName=\"FileStore\" Instance=\"1\" />"
                + "</Dependency><Dependency Usage=\"Default\"><ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" /></Dependency>"
                + "</DependsOn>\n      <InstalledOn>\n        <SqlInstanceId");
        assertEquals(List.of("-      <DependsOn />", "+      <DependsOn>", "+        <Dependency Usage=\"Default\">",
                "+          <ServiceId SiteId=\"1\" RoleName=\"FileStore\" Instance=\"1\" />", "+        </Dependency>",
                "+        <Dependency Usage=\"Default\">", "+          <ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" />",
                "+        </Dependency>", "+      </DependsOn>"), changed);
    }

    @Test
    void anElementAddedFirstGoesBeforeItsFollowingSibling() {
        String first = "<Machine OrdinalInCluster=\"1\" Fqdn=\"ucma01.synergy.com\">";
        List<String> changed = edit(first, "<Machine OrdinalInCluster=\"0\" Fqdn=\"ucma00.synergy.com\"/>" + first);
        assertEquals(List.of("+      <Machine OrdinalInCluster=\"0\" Fqdn=\"ucma00.synergy.com\" />"), changed);
    }

    /**
     * Entries the output shares with the original are left out before XMLUnit compares them
     * (diff.CommonSubtrees): a new pool between two shared ones still goes between them, and the
     * shared ones, reformatted by the stylesheet, keep their bytes.
     */
    @Test
    void aNewEntryAmongSharedOnesGoesWhereTheOutputHasIt() {
        String text = ORIGINAL.text();
        int second = text.indexOf("<Cluster ", text.indexOf("<Cluster ") + 1);
        int secondEnd = text.indexOf("</Cluster>", second) + "</Cluster>".length();
        String pool = "<Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"new.synergy.com\">"
                + "<ClusterId SiteId=\"1\" Number=\"9\" /></Cluster>";
        SourceDocument out = output(text.substring(0, secondEnd) + pool + text.substring(secondEnd));
        String result = MinimalEdit.apply(ORIGINAL, out);
        assertTrue(SemanticDiff.compare(SourceDocument.parse("result.xml", ORIGINAL.encoding(), result), out).isEmpty());
        List<String> changed = UnifiedDiff.changes(text, result);
        assertTrue(changed.stream().allMatch(l -> l.startsWith("+")), changed.toString());
        int at = result.indexOf("new.synergy.com");
        assertTrue(at > result.indexOf(text.substring(second, secondEnd)), "after the second pool");
        assertTrue(at < result.indexOf("Fqdn=\"ucmapool.synergy.com\""), "and before the third");
        assertEquals(text.substring(0, secondEnd), result.substring(0, secondEnd), "everything before it keeps its bytes");
    }
}
