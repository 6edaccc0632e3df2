package org.cstopo.report;

import static org.cstopo.report.Pages.box;
import static org.cstopo.report.Pages.byId;
import static org.cstopo.report.Pages.ends;
import static org.cstopo.report.Pages.inside;
import static org.cstopo.report.Pages.mark;
import static org.cstopo.report.Pages.onEdge;
import static org.cstopo.report.Pages.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cstopo.diff.UnifiedDiff;
import org.cstopo.io.SourceDocument;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The change report as a change board reads it: the Cisco change of the bundled export and of a
 * two-site topology, and removals. Each page is parsed as HTML5 (any parse error fails) and checked
 * for unique ids, links that land and nothing loaded from outside (see {@link Pages#parse}).
 */
class HtmlReportTest {
    static final SourceDocument SYNERGY = Pages.read("se-synergy.utf16-crlf.xml");
    static final SourceDocument CISCO = Pages.applied(SYNERGY, Pages.cisco(), "cisco.xml");
    static final SourceDocument TWO_SITES = Pages.read("ee-two-sites-edge.xml");
    /** A trusted pool for Cisco IM and Presence in Boston (site 2), on Boston's registrar, and one address of Dublin changed. */
    static final SourceDocument TWO_SITES_CHANGED = Pages.applied(TWO_SITES, """
            <TopologyChanges xmlns="urn:cstopo:changes:1">
              <NewTrustedApplicationPool Identity="imp.fabrikam.net" Registrar="se02.contoso.net" Site="2"
                  TreatAsAuthenticated="true" ThrottleAsServer="true" RequiresReplication="false" OutboundOnly="false"
                  ComputerFqdn="imp01.fabrikam.net"/>
              <NewTrustedApplicationComputer Identity="imp02.fabrikam.net" Pool="imp.fabrikam.net"/>
              <NewTrustedApplication ApplicationId="impapp.fabrikam.net" TrustedApplicationPoolFqdn="imp.fabrikam.net" Port="5061"/>
              <SetIPAddress Computer="imp01.fabrikam.net" IPAddress="10.2.5.21"/>
              <SetIPAddress Computer="imp02.fabrikam.net" IPAddress="10.2.5.22"/>
              <SetIPAddress Computer="fe02.contoso.net" IPAddress="10.1.0.22"/>
            </TopologyChanges>
            """, "two-sites.new.xml");
    static final SourceDocument TRUSTED = Pages.read("se-trusted-pool.xml");
    /** One application and one computer of an existing trusted pool removed, the other computer's address changed. */
    static final SourceDocument TRUSTED_CHANGED = Pages.applied(TRUSTED, """
            <TopologyChanges xmlns="urn:cstopo:changes:1">
              <RemoveTrustedApplication Identity="ucmapool.synergy.com/urn:application:callrecorder.synergy.com"/>
              <RemoveTrustedApplicationComputer Identity="ucma02.synergy.com"/>
              <SetIPAddress Computer="ucma01.synergy.com" IPAddress="10.10.2.31"/>
            </TopologyChanges>
            """, "trusted.new.xml");

    /** The whole trusted pool removed. */
    static final SourceDocument TRUSTED_REMOVED = Pages.applied(TRUSTED, """
            <TopologyChanges xmlns="urn:cstopo:changes:1">
              <RemoveTrustedApplicationPool Identity="ucmapool.synergy.com"/>
            </TopologyChanges>
            """, "no-trusted-pool.xml");

    @Test
    void theCiscoChangeShowsTheNewPoolInItsSiteLinkedToItsRegistrarWithItsComputersAndApplication() {
        Document page = Pages.diff(SYNERGY, CISCO);
        Element pool = byId(page, "pool-trustedpool.sip.com");
        assertEquals("added", mark(pool));
        assertTrue(pool.hasClass("trusted"), pool.className());
        assertTrue(inside(box(page, "pool-trustedpool.sip.com"), box(page, "site-1")), "the new pool is drawn in site 1");
        List<String> rows = rows(pool);
        assertEquals("trustedpool.sip.com", rows.get(0));
        assertTrue(rows.contains("+ registrar: lyncserver.synergy.com"), rows.toString());
        assertTrue(rows.contains("+ impserverPub.sip.com") && rows.contains("Primary 10.10.1.10"), rows.toString());
        assertTrue(rows.contains("+ impserver2.sip.com") && rows.contains("Primary 10.10.1.11"), rows.toString());
        assertTrue(rows.contains("+ imptrustedapp.sip.com port 5061 Mtls"), rows.toString());
        assertEquals("+ NEW", pool.selectFirst("g.tag").text(), "the box says NEW in words, not only in colour");

        Element arrow = byId(page, "link-trustedpool.sip.com-lyncserver.synergy.com-registrar-arrow");
        assertTrue(arrow.hasClass("trusted") && arrow.hasClass("added"), arrow.className());
        double[] e = ends(arrow);
        assertTrue(onEdge(e[0], e[1], box(page, "pool-trustedpool.sip.com")), "the arrow starts at the trusted pool");
        assertTrue(onEdge(e[2], e[3], box(page, "pool-lyncserver.synergy.com")), "and ends at its registrar's pool");

        assertEquals(List.of("+ NEW pool trustedpool.sip.com added with service 1-ExternalServer-1",
                "+ NEW machine impserverPub.sip.com added to pool trustedpool.sip.com (10.10.1.10)",
                "+ NEW machine impserver2.sip.com added to pool trustedpool.sip.com (10.10.1.11)",
                "+ NEW application imptrustedapp.sip.com added on port 5061"), page.select("ol.changes li").eachText());
        assertEquals("No findings: NEW breaks none of the rules cstopo checks (no error, no warning, no info).",
                page.selectFirst("#validation .no-findings").text());
    }

    @Test
    void theHeaderNamesBothFilesTheirSignaturesEncodingsTheDateAndTheCounts() {
        Document page = Pages.diff(SYNERGY, CISCO);
        Elements rows = page.select("table.files tbody tr");
        assertEquals(List.of("file fixtures/se-synergy.utf16-crlf.xml cisco.xml",
                "signature 3f2c7a10-5b8e-4d21-9c64-0e7a1b2c3d4e 3f2c7a10-5b8e-4d21-9c64-0e7a1b2c3d4e",
                "encoding UTF-16LE with BOM, CRLF line ends UTF-16LE with BOM, CRLF line ends",
                "size 153 lines, 17820 bytes 177 lines, 20782 bytes"), rows.eachText());
        String counts = page.selectFirst("p.counts").text();
        assertTrue(counts.startsWith("4 differences: + 4 added, ~ 0 changed, − 0 removed. NEW: 0 errors, 0 warnings"), counts);
        assertTrue(counts.endsWith("Generated 2026-11-28T10:00:00Z."), counts);
        assertEquals("Topology change: fixtures/se-synergy.utf16-crlf.xml → cisco.xml", page.title());
    }

    @Test
    void thePageSaysWhatIsInferredAboutTheNewTrustedPool() {
        Document page = Pages.diff(SYNERGY, CISCO);
        String callout = page.selectFirst("header p.callout").text();
        assertTrue(callout.contains("1 trusted application pool (trustedpool.sip.com) is written in cstopo's built-in form, which is inferred"),
                callout);
        Element trust = byId(page, "trust");
        String inferred = trust.selectFirst("li").text();
        assertTrue(inferred.startsWith("Inferred: trustedpool.sip.com (new) is written in cstopo's built-in form"), inferred);
        assertEquals(List.of("Cluster", "Machine", "Service", "Port (application)", "ExternalServerService"),
                trust.select("li li code").eachText());
        assertTrue(rows(byId(page, "pool-trustedpool.sip.com")).contains("form: cstopo's built-in, inferred (*)"));
    }

    @Test
    void aTrustedPoolInTheDeploymentsOwnFormIsNotCalledInferred() {
        Document page = Pages.show(Pages.read("se-trusted-pool-own-form.xml"));
        String own = byId(page, "trust").selectFirst("li").text();
        assertTrue(own.startsWith("Not cstopo's built-in form: ucmapool.synergy.com is written differently"), own);
        assertTrue(page.select("header p.callout").isEmpty(), "no warning about inferred forms");
        assertFalse(rows(byId(page, "pool-ucmapool.synergy.com")).contains("form: cstopo's built-in, inferred (*)"));
    }

    @Test
    void theLineDiffHasEveryChangedLineHighlighted() {
        Document page = Pages.diff(SYNERGY, CISCO);
        List<String> expected = UnifiedDiff.changes(SYNERGY.text(), CISCO.text());
        List<String> shown = page.select("table.line-diff tr.added, table.line-diff tr.removed").stream()
                .map(tr -> (tr.hasClass("added") ? "+" : "-") + tr.selectFirst("td.code").wholeText()).toList();
        assertEquals(expected, shown);
        Element first = page.selectFirst("table.line-diff tr.added");
        assertEquals("24", first.select("td.no").get(1).text(), "numbered as in NEW");
        assertEquals("+", first.selectFirst("td.sign").text(), "a sign, not only a colour");
    }

    @Test
    void aChangedLineMarksThePartThatChanged() {
        Document page = Pages.diff(TWO_SITES, TWO_SITES_CHANGED);
        Element removed = page.select("table.line-diff tr.removed").first();
        Element added = page.select("table.line-diff tr.added").first();
        assertEquals("1", removed.selectFirst("mark").text());
        assertEquals("2", added.selectFirst("mark").text());
        assertTrue(added.selectFirst("td.code").text().endsWith("IPAddress=\"10.1.0.22\" />"), added.text());
    }

    @Test
    void twoSitesTheNewPoolIsInItsSiteOnItsSitesRegistrarAndTheChangedAddressSaysWhatItWas() {
        Document page = Pages.diff(TWO_SITES, TWO_SITES_CHANGED);
        double[] pool = box(page, "pool-imp.fabrikam.net");
        assertTrue(inside(pool, box(page, "site-2")), "in Boston");
        assertFalse(inside(pool, box(page, "site-1")), "not in Dublin");
        assertEquals("Site 2 · Boston (central site)", rows(byId(page, "site-2")).get(0));
        Element arrow = byId(page, "link-imp.fabrikam.net-se02.contoso.net-registrar-arrow");
        double[] e = ends(arrow);
        assertTrue(onEdge(e[0], e[1], pool) && onEdge(e[2], e[3], box(page, "pool-se02.contoso.net")));
        List<String> rows = rows(byId(page, "pool-imp.fabrikam.net"));
        assertTrue(rows.containsAll(List.of("+ imp01.fabrikam.net", "Primary 10.2.5.21", "+ imp02.fabrikam.net", "Primary 10.2.5.22",
                "+ impapp.fabrikam.net port 5061 Mtls", "+ registrar: se02.contoso.net")), rows.toString());

        Element address = byId(page, "address-fe02.contoso.net-primary-1");
        assertEquals("changed", mark(address));
        assertEquals("~ Primary 10.1.0.22 (was 10.1.0.12)", address.text());
        assertEquals("", mark(byId(page, "pool-fepool.contoso.net")), "the pool itself did not change");

        // the Edge pool and its Front End, as the export links them, both ways
        assertNotNull(page.getElementById("link-fepool.contoso.net-edgepool.contoso.net-edge-arrow"));
        assertNotNull(page.getElementById("link-edgepool.contoso.net-fepool.contoso.net-next_hop-arrow"));
        assertTrue(rows(byId(page, "pool-edgepool.contoso.net")).contains("next hop: fepool.contoso.net"));
        assertTrue(rows(byId(page, "pool-edgepool.contoso.net")).contains("External 192.0.2.11 NAT 203.0.113.11"));

        assertEquals("No findings", page.selectFirst("#validation .no-findings strong").text(), "the result's findings");
        assertEquals(UnifiedDiff.changes(TWO_SITES.text(), TWO_SITES_CHANGED.text()).size(),
                page.select("table.line-diff tr.added, table.line-diff tr.removed").size(), "and the whole line diff");
    }

    @Test
    void removedObjectsAreDrawnFromOldAndMarkedRemoved() {
        Document page = Pages.diff(TRUSTED, TRUSTED_CHANGED);
        Element machine = byId(page, "machine-ucma02.synergy.com");
        assertEquals("removed", mark(machine));
        assertEquals("− ucma02.synergy.com", machine.text());
        Element app = byId(page, "application-ucmapool.synergy.com-callrecorder.synergy.com");
        assertEquals("removed", mark(app));
        assertEquals("~ Primary 10.10.2.31 (was 10.10.2.21)", byId(page, "address-ucma01.synergy.com-primary-1").text());
        assertEquals(List.of("changed", "removed", "removed"), page.select("ol.changes li").stream().map(Pages::mark).sorted().toList());
    }

    @Test
    void aRemovedPoolIsDrawnFromOldInItsSiteWithItsComputersAndItsArrow() {
        Document page = Pages.diff(TRUSTED, TRUSTED_REMOVED);
        Element pool = byId(page, "pool-ucmapool.synergy.com");
        assertEquals("removed", mark(pool));
        assertEquals("− REMOVED", pool.selectFirst("g.tag").text());
        assertTrue(inside(box(page, "pool-ucmapool.synergy.com"), box(page, "site-1")));
        assertEquals("removed", mark(byId(page, "machine-ucma01.synergy.com")));
        Element arrow = byId(page, "link-ucmapool.synergy.com-lyncserver.synergy.com-registrar-arrow");
        assertEquals("removed", mark(arrow));
        assertTrue(page.select("#trust li").first().text().startsWith("No trusted application pool is written"), "NEW has none");
    }

    static Stream<Arguments> changes() {
        return Stream.of(Arguments.of("Cisco", SYNERGY, CISCO), Arguments.of("two sites", TWO_SITES, TWO_SITES_CHANGED),
                Arguments.of("removals", TRUSTED, TRUSTED_CHANGED), Arguments.of("a pool removed", TRUSTED, TRUSTED_REMOVED));
    }

    /**
     * Every item of the list links to its object in the drawing, which carries the item's mark (class
     * and sign); and every object the drawing marks is the object of an item. (Arrows are marked by
     * their pools' changes and are not items.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyChangedObjectIsInTheDrawingAndInTheListWithTheSameMark(String name, SourceDocument before, SourceDocument after) {
        Document page = Pages.diff(before, after);
        Elements items = page.select("ol.changes li");
        assertFalse(items.isEmpty());
        Set<String> objects = new HashSet<>();
        for (Element li : items) {
            String m = mark(li);
            assertFalse(m.isEmpty(), li.text());
            String target = li.selectFirst("a").attr("href").substring(1);
            Element drawn = byId(page, target);
            assertNotNull(drawn.closest("svg#drawing"), target + " is in the drawing");
            assertEquals(m, mark(drawn), li.text() + ": same mark in the list and in the drawing");
            String sign = li.selectFirst(".sign").text();
            assertTrue(drawn.tagName().equals("g") ? drawn.selectFirst(".tag").text().startsWith(sign)
                    : drawn.selectFirst(".sign").text().equals(sign), li.text() + ": same sign (" + sign + ") in the drawing");
            assertEquals(target, li.attr("data-object"), "the item's object is drawn itself, not only its pool");
            objects.add(target);
        }
        Elements marked = page.select("svg#drawing [id].added, svg#drawing [id].changed, svg#drawing [id].removed");
        for (Element e : marked) {
            if (!e.id().startsWith("link-") && e.closest("defs") == null) {
                assertTrue(objects.contains(e.id()), e.id() + " is marked " + mark(e) + " in the drawing and so is an item of the list");
            }
        }
    }

    @Test
    void equalTopologiesMakeAPageThatSaysSo() {
        HtmlReport.Page page = HtmlReport.diff(SYNERGY, Pages.read("se-synergy.xml"), Pages.SHIPPED, Pages.NOW);
        assertTrue(page.equal(), "UTF-16 and UTF-8 forms of one topology are equal");
        Document doc = Pages.parse(page.html());
        assertEquals("No differences: OLD and NEW describe the same topology.", doc.selectFirst("#changes p").text());
        assertEquals(List.of(), doc.select("svg#drawing .added, svg#drawing .changed, svg#drawing .removed").stream()
                .filter(e -> e.closest("defs") == null).toList(), "nothing is marked");
        assertTrue(doc.selectFirst("header p.note").text().contains("The encodings or line ends differ"));
    }

    @Test
    void findingsOfNewAreListedWithRuleSeverityObjectAndFixLinkedToTheirObject() {
        SourceDocument broken = Pages.applied(SYNERGY, Pages.cisco().replace("10.10.1.11", "10.10.1.10"), "same-address.xml");
        Document page = Pages.diff(SYNERGY, broken);
        Elements findings = page.select("#validation table.findings tbody tr");
        assertFalse(findings.isEmpty());
        Element row = findings.stream().filter(r -> r.text().contains("ip-address-shared")).findFirst().orElseThrow(() ->
                new AssertionError(findings.text()));
        assertTrue(row.selectFirst("td.severity").text().endsWith("error"), row.text());
        assertTrue(page.selectFirst("p.counts").text().contains("(Publish-CsTopology would refuse it)"), page.selectFirst("p.counts").text());
        String target = row.selectFirst("a").attr("href").substring(1);
        assertTrue(target.startsWith("machine-impserver"), target);
        assertFalse(row.select("td").get(4).text().isBlank(), "a fix is said");
    }
}
