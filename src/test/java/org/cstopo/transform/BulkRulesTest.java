package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.SourceDocument;
import org.junit.jupiter.api.Test;

/** The bulk rules (readdress, rename-domain) on UTF-16 + CRLF exports, with the exact lines each changes. */
class BulkRulesTest {
    private static final String EE = "ee-two-sites-edge.utf16-crlf.xml";
    private static final String TRUSTED = "se-trusted-pool.utf16-crlf.xml";

    private static Transform.Result run(SourceDocument doc, String rule, Map<String, String> params) {
        Transform.Result r = RulesTest.run(doc, rule, params);
        assertEquals(doc.encoding(), r.edited().encoding(), "the export's encoding");
        assertEquals(doc.text().split("\r\n", -1).length, r.text().split("\r\n", -1).length, "as many CRLF line ends");
        assertTrue(!r.text().replace("\r\n", "").contains("\n"), "CRLF only");
        return r;
    }

    /** "-old" then "+new" for each changed line (lines apart from each other), in file order. */
    private static List<String> changes(String... oldAndNew) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < oldAndNew.length; i += 2) {
            out.add("-" + oldAndNew[i]);
            out.add("+" + oldAndNew[i + 1]);
        }
        return out;
    }

    private static String iface(String side, String address) {
        return "        <NetInterface InterfaceSide=\"" + side + "\" InterfaceNumber=\"1\" IPAddress=\"" + address + "\" />";
    }

    private static String edge(String address, String nat) {
        return "        <NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"" + address
                + "\" ConfiguredIPAddress=\"" + nat + "\" />";
    }

    private static CstopoException refused(SourceDocument doc, String rule, Map<String, String> params) {
        CstopoException e = assertThrows(CstopoException.class, () -> RulesTest.run(doc, rule, params));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e;
    }

    private static String message(CstopoException e) {
        return e.getMessage().replaceFirst("^[a-z-]+\\.xsl:\\d+: ", "");
    }

    @Test
    void readdressMovesSubnetsAndAddressesLineByLine() {
        SourceDocument doc = RulesTest.read(EE);
        Transform.Result r = run(doc, "readdress", Map.of("map",
                "10.1.0.0/16=10.5.0.0/16, 10.1.0.12=10.9.9.9,192.0.2.11=198.51.100.11,203.0.113.12=198.51.100.112,10.7.0.0/24=10.8.0.0/24"));
        // Hunks in file order; within a hunk the removed lines come first. 10.2.0.5 (another site) and the 0.0.0.0 sides stay.
        List<String> expected = new ArrayList<>();
        expected.addAll(changes(
                iface("Primary", "10.1.0.11"), iface("Primary", "10.5.0.11"),
                iface("Primary", "10.1.0.12"), iface("Primary", "10.9.9.9"),
                iface("Primary", "10.1.0.13"), iface("Primary", "10.5.0.13")));
        expected.addAll(List.of(
                "-" + iface("Internal", "10.1.9.1"), "-" + edge("192.0.2.11", "203.0.113.11"),
                "+" + iface("Internal", "10.5.9.1"), "+" + edge("198.51.100.11", "203.0.113.11")));
        expected.addAll(List.of(
                "-" + iface("Internal", "10.1.9.2"), "-" + edge("192.0.2.12", "203.0.113.12"),
                "+" + iface("Internal", "10.5.9.2"), "+" + edge("192.0.2.12", "198.51.100.112")));
        List<String> actual = UnifiedDiff.changes(doc.text(), r.text());
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
        assertEquals(14, actual.size());
        assertEquals(List.of("10.7.0.0/24=10.8.0.0/24 matches no address in this topology", "re-addressed 7 addresses"), r.messages());
        assertEquals(doc.text().length() - 1 + 3 + 2, r.text().length(), "only the addresses' characters change");
    }

    @Test
    void readdressLeavesZeroAndIpv6Alone() {
        SourceDocument doc = RulesTest.read(EE);
        // A subnet holding 0.0.0.0 changes none of the machines that are not pinned.
        Transform.Result zero = run(doc, "readdress", Map.of("map", "0.0.0.0/8=11.0.0.0/8"));
        assertEquals(doc.text(), zero.text());
        assertEquals(List.of("0.0.0.0/8=11.0.0.0/8 matches no address in this topology", "re-addressed 0 addresses"), zero.messages());
        SourceDocument v6 = SourceDocument.parse("v6.xml", doc.encoding(), doc.text().replace("IPAddress=\"10.2.0.5\"", "IPAddress=\"fd00::5\""));
        Transform.Result kept = run(v6, "readdress", Map.of("map", "10.2.0.0/16=10.3.0.0/16"));
        assertEquals(v6.text(), kept.text(), "an IPv6 address is never re-addressed");
    }

    @Test
    void readdressTakesCsvRowsCommentsAndAHeader() {
        SourceDocument doc = RulesTest.read(EE);
        Transform.Result inline = run(doc, "readdress", Map.of("map", "10.1.0.0/16=10.5.0.0/16,10.1.0.12=10.9.9.9"));
        Transform.Result csv = run(doc, "readdress", Map.of("map", "old,new\r\n# the Front End site\r\n10.1.0.0/16, 10.5.0.0/16\r\n"
                + "\r\n10.1.0.12;10.9.9.9   # moved by hand\r\n"));
        assertEquals(inline.text(), csv.text());
        Transform.Result lines = run(doc, "readdress", Map.of("map", "10.1.0.0/16=10.5.0.0/16\n10.1.0.12=10.9.9.9\n"));
        assertEquals(inline.text(), lines.text());
    }

    @Test
    void readdressRefusesWhatWouldMapAnAddressTwiceOrGuess() {
        SourceDocument doc = RulesTest.read(EE);
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("10.1.0.12=10.9.9.9,10.1.0.12=10.9.9.8",
                "map: 10.1.0.12 is mapped twice (10.1.0.12=10.9.9.9, 10.1.0.12=10.9.9.8): map each address once");
        refusals.put("10.1.0.0/16=10.5.0.0/16,10.1.0.0/16=10.6.0.0/16",
                "map: 10.1.0.0/16 is mapped twice (10.1.0.0/16=10.5.0.0/16, 10.1.0.0/16=10.6.0.0/16): map each address once");
        refusals.put("10.1.0.0/16=10.5.0.0/16,10.1.5.0/24=10.6.5.0/24",
                "map: 10.1.0.0/16=10.5.0.0/16 and 10.1.5.0/24=10.6.5.0/24 map overlapping subnets: map each address once");
        refusals.put("10.1.0.11=10.9.9.9,10.1.0.12=10.9.9.9",
                "map: 10.1.0.11=10.9.9.9 and 10.1.0.12=10.9.9.9 map to the same addresses: give each address its own");
        refusals.put("10.1.0.0/16=10.5.0.0/16,10.2.0.0/24=10.5.7.0/24",
                "map: 10.1.0.0/16=10.5.0.0/16 and 10.2.0.0/24=10.5.7.0/24 map to the same addresses: give each address its own");
        refusals.put("10.1.5.0/16=10.2.0.0/16", "map: 10.1.5.0/16 has host bits set: the subnet is 10.1.0.0/16");
        refusals.put("10.1.0.0/16=10.2.0.0/24",
                "map: 10.1.0.0/16=10.2.0.0/24: a subnet maps onto a subnet of the same size, an address onto an address");
        refusals.put("fe80::1=fe80::2", "map: fe80::1 is IPv6: this rule re-addresses IPv4 only (set-ip changes an IPv6 address)");
        refusals.put("0.0.0.0=10.1.1.1", "map: 0.0.0.0 means \"not pinned\" and is never re-addressed (set-ip and"
                + " replace-unassigned-ips give machines their addresses)");
        refusals.put("10.1.1.1=0.0.0.0", refusals.get("0.0.0.0=10.1.1.1"));
        refusals.put("10.1.0.300=10.1.1.1", "map: '10.1.0.300' is not an IPv4 address or subnet (e.g. 10.1.5.7 or 10.1.0.0/16)");
        refusals.put("10.1.0.11", "map: '10.1.0.11' is not OLD=NEW (e.g. 10.1.0.0/16=10.2.0.0/16 or 10.1.5.7=10.9.9.9)");
        refusals.put(" # nothing", "map: no entry; give OLD=NEW pairs (e.g. map=10.1.0.0/16=10.2.0.0/16,10.1.5.7=10.9.9.9)");
        refusals.forEach((map, expected) -> {
            CstopoException e = refused(doc, "readdress", Map.of("map", map));
            assertTrue(e.getMessage().matches("readdress\\.xsl:\\d+: .*"), e.getMessage());
            assertEquals(expected, message(e), map);
        });
        // An address given exactly may sit in a subnet mapped as a whole: the exact entry wins.
        Transform.Result wins = run(doc, "readdress", Map.of("map", "10.1.0.0/16=10.2.0.0/16,10.1.0.12=10.9.9.9"));
        assertTrue(wins.text().contains(iface("Primary", "10.9.9.9")), "the exact entry");
        assertTrue(wins.text().contains(iface("Primary", "10.2.0.11")), "the subnet");
    }

    @Test
    void renameDomainRenamesWholeLabelsInEveryAttributeThatHoldsAServerName() {
        SourceDocument export = RulesTest.read(TRUSTED);
        SourceDocument doc = SourceDocument.parse(TRUSTED, export.encoding(), export.text().replace("fs01.synergy.com", "fs01.notsynergy.com"));
        Transform.Result r = run(doc, "rename-domain", Map.of("from", "synergy.com", "to", "sip.example.com"));
        List<String> expected = new ArrayList<>(changes(
                "    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"lyncserver.synergy.com\">",
                "    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"lyncserver.sip.example.com\">",
                "      <Machine OrdinalInCluster=\"1\" Fqdn=\"lyncserver.synergy.com\" FaultDomain=\"lyncserver.synergy.com\""
                        + " UpgradeDomain=\"lyncserver.synergy.com\">",
                "      <Machine OrdinalInCluster=\"1\" Fqdn=\"lyncserver.sip.example.com\" FaultDomain=\"lyncserver.sip.example.com\""
                        + " UpgradeDomain=\"lyncserver.sip.example.com\">"));
        expected.addAll(changes(
                "    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"ucmapool.synergy.com\">",
                "    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"ucmapool.sip.example.com\">"));
        expected.addAll(changes(
                "      <Machine OrdinalInCluster=\"1\" Fqdn=\"ucma01.synergy.com\">",
                "      <Machine OrdinalInCluster=\"1\" Fqdn=\"ucma01.sip.example.com\">"));
        expected.addAll(changes(
                "      <Machine OrdinalInCluster=\"2\" Fqdn=\"ucma02.synergy.com\">",
                "      <Machine OrdinalInCluster=\"2\" Fqdn=\"ucma02.sip.example.com\">"));
        expected.addAll(changes(
                "        <ExternalSettings Host=\"lyncweb.synergy.com\">",
                "        <ExternalSettings Host=\"lyncweb.sip.example.com\">"));
        assertEquals(expected, UnifiedDiff.changes(doc.text(), r.text()));
        assertEquals(List.of("renamed 8 names from synergy.com to sip.example.com"), r.messages());
        // Left alone: fs01.notsynergy.com (not a whole label), the SIP domain, the trusted applications' ids.
        assertTrue(r.text().contains("Fqdn=\"fs01.notsynergy.com\""));
        assertTrue(r.text().contains("<InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"synergy.com\">"));
        assertTrue(r.text().contains("<InternalDomain Name=\"synergy.com\" "));
        assertTrue(r.text().contains("Owner=\"urn:application:ivr.synergy.com\"") && r.text().contains("GruuType=\"ivr.synergy.com\""));
    }

    @Test
    void renameDomainIgnoresCaseKeepsThePrefixAndRenamesUrlHostsAndEdgeNames() {
        SourceDocument doc = RulesTest.read(EE);
        Transform.Result r = run(doc, "rename-domain", Map.of("from", "CONTOSO.net", "to", "contoso.example"));
        List<String> changed = UnifiedDiff.changes(doc.text(), r.text());
        assertTrue(changed.contains("+        <Port Owner=\"urn:component:AccessEdge\" Usage=\"SipClient\" InterfaceSide=\"External\""
                + " InterfaceNumber=\"1\" Port=\"5061\" Protocol=\"Tls\" UrlPath=\"/\" AuthorizesRequests=\"false\""
                + " ConfiguredFqdn=\"sip.contoso.example\" />"), changed.toString());
        assertTrue(changed.contains("+    <SqlInstance AlwaysOnPrimaryNodeFqdn=\"sqlbe.contoso.example\">"), changed.toString());
        // Every changed line is a line with contoso.net, changed in its names only; the SIP domains stay.
        List<String> removed = changed.stream().filter(l -> l.startsWith("-")).toList();
        List<String> linesWithTheDomain = doc.text().lines().filter(l -> l.contains(".contoso.net\""))
                .filter(l -> !l.contains("InternalDomain")).map(l -> "-" + l).toList();
        assertEquals(linesWithTheDomain, removed);
        assertEquals(removed.stream().map(l -> "+" + l.substring(1).replace(".contoso.net\"", ".contoso.example\"")).toList(),
                changed.stream().filter(l -> l.startsWith("+")).toList());
        assertEquals(List.of("renamed 31 names from contoso.net to contoso.example"), r.messages());

        SourceDocument wac = RulesTest.read("invalid/name-characters.xml");
        Transform.Result url = RulesTest.run(wac, "rename-domain", Map.of("from", "fabrikam.com", "to", "fabrikam.example"));
        assertTrue(UnifiedDiff.changes(wac.text(), url.text()).stream().anyMatch(l -> l.startsWith("+")
                && l.contains("DiscoveryUrl=\"https://wac.fabrikam.example/hosting/discovery\"")), "the host of a URL");
    }

    /** A renamed pool stays the same element: only its names change, even where the export is written unusually. */
    @Test
    void renameDomainIsAMinimalEditAroundUnusualContent() {
        SourceDocument doc = RulesTest.read("future-version-unknown-content.xml");
        Transform.Result r = RulesTest.run(doc, "rename-domain", Map.of("from", "tailspin.example", "to", "tailspin.test"));
        assertEquals(changes(
                "    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"pool.tailspin.example\"   NewAttribute = \"x\" >",
                "    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"pool.tailspin.test\"   NewAttribute = \"x\" >",
                "      <Machine OrdinalInCluster=\"1\" Fqdn=\"pool.tailspin.example\" FaultDomain=\"pool.tailspin.example\""
                        + " UpgradeDomain=\"pool.tailspin.example\">",
                "      <Machine OrdinalInCluster=\"1\" Fqdn=\"pool.tailspin.test\" FaultDomain=\"pool.tailspin.test\""
                        + " UpgradeDomain=\"pool.tailspin.test\">"), UnifiedDiff.changes(doc.text(), r.text()));
    }

    @Test
    void renameDomainRefusesWhatIsNotADomainAndSaysWhenNothingMatches() {
        SourceDocument doc = RulesTest.read(TRUSTED);
        assertEquals("from='sip..com' is not a DNS domain: give labels of letters, digits and hyphens joined by dots"
                + " (e.g. from=sip.com to=sip.example.com)", message(refused(doc, "rename-domain", Map.of("from", "sip..com", "to", "a.com"))));
        assertEquals("to='com' is not a DNS domain: give labels of letters, digits and hyphens joined by dots"
                + " (e.g. from=sip.com to=sip.example.com)", message(refused(doc, "rename-domain", Map.of("from", "sip.com", "to", "com"))));
        assertEquals("from and to are the same domain (synergy.com): nothing to rename",
                message(refused(doc, "rename-domain", Map.of("from", "synergy.com", "to", "Synergy.COM"))));
        Transform.Result none = RulesTest.run(doc, "rename-domain", Map.of("from", "ergy.com", "to", "x.example"));
        assertEquals(doc.text(), none.text(), "ergy.com is no whole-label suffix of synergy.com");
        assertEquals(List.of("no name in the domain ergy.com: nothing renamed"), none.messages());
    }

    /** Every shipped rule is a row of the README's table of rules, and its file documents its parameters. */
    @Test
    void everyShippedRuleIsDocumented() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| rule | parameters | what it does |"));
        for (String rule : Stylesheet.SHIPPED) {
            assertTrue(table.contains("\n| `" + rule + "` | "), rule + " has a row in the README's table of rules");
            String xsl = java.nio.file.Files.readString(java.nio.file.Path.of("xslt", rule + ".xsl"));
            assertTrue(xsl.contains("Parameters") || xsl.contains("method=\"text\"") || xsl.contains("method=\"html\""),
                    rule + ".xsl says its parameters");
        }
    }
}
