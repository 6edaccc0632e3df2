package org.cstopo.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cstopo.CstopoException;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.junit.jupiter.api.Test;

/** Pruning shared entries before the write check must never hide a difference. */
class CommonSubtreesTest {
    private final SourceDocument before = FileIO.readDocument(Fixtures.path("ee-two-sites-edge.xml"));

    private SourceDocument edited(String from, String to) {
        int at = before.text().indexOf(from);
        assertTrue(at >= 0, from);
        String text = before.text().substring(0, at) + to + before.text().substring(at + from.length());
        return SourceDocument.parse(before.name(), before.encoding(), text);
    }

    @Test
    void sharedEntriesAreDroppedFromBothSides() {
        SourceDocument after = edited("IPAddress=\"10.1.0.12\"", "IPAddress=\"10.1.0.99\"");
        SourceDocument[] pair = CommonSubtrees.drop(before, after);
        assertEquals(1, pair[0].root().child("Clusters").children().size(), "only the edited pool is left");
        assertEquals(0, pair[1].root().child("Services").children().size());
        List<Difference> items = WriteCheck.requireOnly(before, after, List.of("fe02.contoso.net")).items();
        assertEquals(1, items.size());
        assertEquals("machine fe02.contoso.net: IPAddress 10.1.0.12 -> 10.1.0.99", items.get(0).text());
    }

    @Test
    void aChangedServiceKeepsThePoolItRunsOn() {
        SourceDocument after = edited("Port=\"5061\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"HomeServer\" />\n        <Port Owner=\"urn:component:QoE\"",
                "Port=\"5061\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"HomeServer\" />\n"
                + "        <Port Owner=\"urn:application:x.contoso.net\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"7000\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" />\n"
                + "        <Port Owner=\"urn:component:QoE\"");
        SourceDocument[] pair = CommonSubtrees.drop(before, after);
        assertEquals(List.of("fepool.contoso.net"), pair[1].root().child("Clusters").children().stream().map(c -> c.attributeValue("Fqdn")).toList());
        assertEquals(1, WriteCheck.requireOnly(before, after, List.of("fepool.contoso.net")).items().size());
        assertThrows(CstopoException.class, () -> WriteCheck.requireOnly(before, after, List.of("se02.contoso.net")));
    }

    @Test
    void anUnaskedChangeIsStillRefused() {
        SourceDocument after = edited("IPAddress=\"10.1.0.12\"", "IPAddress=\"10.1.0.99\"");
        assertThrows(CstopoException.class, () -> WriteCheck.requireOnly(before, after, List.of("fe01.contoso.net")));
    }

    @Test
    void aDuplicatedEntryIsNotHiddenByItsTwin() {
        String cluster = before.text().substring(before.text().indexOf("    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"fs.contoso.net\">"));
        cluster = cluster.substring(0, cluster.indexOf("</Cluster>") + "</Cluster>\n".length());
        SourceDocument after = edited(cluster, cluster + cluster);
        CstopoException e = assertThrows(CstopoException.class, () -> WriteCheck.requireOnly(before, after, List.of("other.contoso.net")));
        assertTrue(e.getMessage().contains("fs.contoso.net"), e.getMessage());
    }

    @Test
    void identicalDocumentsLeaveNothingToCompare() {
        SourceDocument[] pair = CommonSubtrees.drop(before, before);
        assertTrue(pair[0].root().children().stream().allMatch(s -> s.children().isEmpty()));
        assertTrue(WriteCheck.requireOnly(before, before, List.of()).isEmpty());
    }

    /** A stylesheet's output is formatted its own way: entries that are the same structure are shared all the same. */
    @Test
    void reformattedEntriesAreSharedButAChangedAttributeIsNot() {
        String text = before.text().replaceAll(">\\s+<", "><").replace(" />", "/>").replace("\"1\"", "'1'")
                .replace("IPAddress=\"10.1.0.12\"", "IPAddress=\"10.1.0.99\"");
        SourceDocument after = SourceDocument.parse("out.xml", before.encoding(), text);
        SourceDocument[] pair = CommonSubtrees.drop(before, after);
        assertEquals(List.of("fepool.contoso.net"), pair[1].root().child("Clusters").children().stream()
                .map(c -> c.attributeValue("Fqdn")).toList());
        assertEquals(0, pair[1].root().child("Services").children().size());
        assertEquals(1, WriteCheck.requireOnly(before, after, List.of("fe02.contoso.net")).items().size());
    }

    /** An edit's result says which entries it copied (SourceDocument#base): the check uses that, and still sees every change. */
    @Test
    void anEditsResultIsCheckedAsStrictlyAsAParsedOne() {
        org.cstopo.io.DocumentEditor ed = new org.cstopo.io.DocumentEditor(before);
        for (org.cstopo.io.SourceElement e : before.elements()) {
            if (e.localName().equals("NetInterface") && "10.1.0.12".equals(e.attributeValue("IPAddress"))) {
                ed.setAttribute(e, "IPAddress", "10.1.0.99");
            }
            if (e.localName().equals("NetInterface") && "10.1.0.11".equals(e.attributeValue("IPAddress"))) {
                ed.setAttribute(e, "IPAddress", "10.1.0.98");
            }
        }
        SourceDocument after = ed.resultDocument();
        assertTrue(after.base() == before, "parsed where it changed");
        SourceDocument[] pair = CommonSubtrees.drop(before, after);
        assertEquals(1, pair[1].root().child("Clusters").children().size(), "only the edited pool is left");
        assertEquals(2, WriteCheck.requireOnly(before, after, List.of("fe01.contoso.net", "fe02.contoso.net")).items().size());
        CstopoException e = assertThrows(CstopoException.class, () -> WriteCheck.requireOnly(before, after, List.of("fe02.contoso.net")));
        assertTrue(e.getMessage().contains("fe01.contoso.net"), e.getMessage());
    }
}
