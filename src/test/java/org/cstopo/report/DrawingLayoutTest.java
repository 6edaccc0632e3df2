package org.cstopo.report;

import static org.cstopo.report.Pages.box;
import static org.cstopo.report.Pages.inside;
import static org.cstopo.report.Pages.num;
import static org.cstopo.report.Pages.overlap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cstopo.Fixtures;
import org.cstopo.bench.SyntheticTopology;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import org.cstopo.show.TopologySummary;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drawing of every topology we have (valid, invalid, the real exports when present) is a valid
 * page in which boxes sit in their site, do not overlap, and hold their text; and a topology of 50
 * pools stays readable: the change report draws what changed and names the rest.
 */
class DrawingLayoutTest {
    static List<Path> topologies() {
        return Fixtures.everyTopology();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyTopologyIsDrawnWithEveryPoolInItsSiteWithoutOverlapsAndWithItsTextInside(Path topology) {
        SourceDocument doc = FileIO.readDocument(topology);
        Document page = Pages.show(doc);
        assertGeometry(page);
        TopologySummary summary = TopologySummary.of(TopologyBinder.bind(doc));
        assertEquals(summary.pools().size(), page.select("svg#drawing g.pool").size(), "show draws every pool");
        assertEquals(summary.pools().size(), page.select("#pools tbody tr").size(), "and lists every pool");
    }

    /** Pool boxes inside their site's region, none over another, every row of text inside its box. */
    static void assertGeometry(Document page) {
        List<double[]> pools = new ArrayList<>();
        for (Element site : page.select("svg#drawing > g.site")) {
            double[] region = box(page, site.id());
            String siteId = site.id();
            for (Element pool : page.select("svg#drawing > g.pool")) {
                double[] b = box(page, pool.id());
                if (overlap(b, region)) {
                    assertTrue(inside(b, region), pool.id() + " lies in " + siteId + " whole");
                }
            }
            assertRowsInside(site, region);
        }
        for (Element pool : page.select("svg#drawing > g.pool")) {
            double[] b = box(page, pool.id());
            for (double[] other : pools) {
                assertFalse(overlap(b, other), pool.id() + " overlaps another pool");
            }
            pools.add(b);
            assertTrue(page.select("svg#drawing > g.site").stream().anyMatch(s -> inside(b, box(page, s.id()))), pool.id() + " is in a site");
            assertRowsInside(pool, b);
        }
        double height = num(page.selectFirst("svg#drawing"), "height");
        for (Element site : page.select("svg#drawing > g.site")) {
            double[] r = box(page, site.id());
            assertTrue(r[1] + r[3] <= height, site.id() + " is within the drawing's height");
        }
    }

    /** Each row's text, at the monospaced advance the layout uses, ends inside the box. */
    private static void assertRowsInside(Element group, double[] box) {
        for (Element row : group.select("> text.row")) {
            double x = num(row, "x");
            double y = num(row, "y");
            double end = x + row.wholeText().length() * Layout.CHAR;
            assertTrue(x >= box[0] && end <= box[0] + box[2], group.id() + ": '" + row.wholeText() + "' fits the width of its box");
            assertTrue(y > box[1] && y <= box[1] + box[3], group.id() + ": '" + row.wholeText() + "' is inside its box");
        }
    }

    @Test
    void aChangeToATopologyOfFiftyPoolsDrawsWhatChangedAndNamesTheRest(@TempDir Path tmp) throws Exception {
        Path topology = tmp.resolve("fifty.xml");
        SyntheticTopology.write(50, false, topology);
        SourceDocument before = FileIO.readDocument(topology);
        String changes = Pages.cisco().replace("lyncserver.synergy.com", SyntheticTopology.poolFqdn(1));
        SourceDocument after = Pages.applied(before, changes, "fifty.new.xml");
        HtmlReport.Page page = HtmlReport.diff(before, after, Pages.SHIPPED, Pages.NOW);
        Document doc = Pages.parse(page.html());
        assertGeometry(doc);
        int pools = TopologySummary.of(TopologyBinder.bind(after)).pools().size();
        assertTrue(pools > 100, "50 Front End pools and their SQL, Edge and file store pools: " + pools);
        assertEquals(List.of("pool-pool0001.bench.example", "pool-trustedpool.sip.com"),
                doc.select("svg#drawing > g.pool").eachAttr("id"), "only the new pool and its registrar are boxes");
        assertEquals(pools - 2, doc.select("svg#drawing g.site text.row.listed tspan[id^=pool-]").size(), "every other pool is named");
        double height = num(doc.selectFirst("svg#drawing"), "height");
        assertTrue(height < 1200, "the drawing stays short: " + height);
        assertTrue(page.html().length() < 150_000, "and the page small: " + page.html().length());
        assertEquals(5, doc.select("svg#drawing > g.site").size());
        assertTrue(doc.selectFirst("#drawing-section").text().contains("cstopo show fifty.new.xml --format html draws every pool"));
    }

    @Test
    void theFiftyPoolTopologyShownWholeWrapsIntoColumns(@TempDir Path tmp) throws Exception {
        Path topology = tmp.resolve("fifty.xml");
        SyntheticTopology.write(50, false, topology);
        HtmlReport.Page page = HtmlReport.show(FileIO.readDocument(topology), Pages.SHIPPED, Pages.NOW);
        Document doc = Pages.parse(page.html());
        assertGeometry(doc);
        List<Double> columns = doc.select("svg#drawing > g.pool > rect.box").stream().map(r -> num(r, "x")).distinct().sorted().toList();
        assertEquals(3, columns.size(), "three columns: " + columns);
        assertEquals(Layout.WIDTH, num(doc.selectFirst("svg#drawing"), "width"), "no wider than the page");
        assertTrue(page.html().length() < 1_000_000, "a page of " + page.html().length() + " characters");
        assertTrue(Files.size(topology) > 5 * page.html().length() / 4, "smaller than the topology itself");
    }
}
