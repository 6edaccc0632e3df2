package org.cstopo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cstopo.Fixtures;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangesFile;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import org.cstopo.transform.Stylesheet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/** Makes report pages for tests and reads them as a browser does: with an HTML5 parser that reports every parse error. */
final class Pages {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Stylesheet SHIPPED = HtmlReport.stylesheet(null);
    static final String CISCO_CHANGES = "fixtures/cisco-imp-federation.changes.xml";

    private Pages() {
    }

    static SourceDocument read(String fixture) {
        return FileIO.readDocument(Fixtures.path(fixture));
    }

    /** {@code before} with the changes of a changes file's text applied, named {@code name}, in before's encoding. */
    static SourceDocument applied(SourceDocument before, String changesXml, String name) {
        var changes = ChangesFile.parse(SourceDocument.parse("changes.xml", changesXml.getBytes(StandardCharsets.UTF_8)));
        ApplyResult r = ChangeApplier.apply(TopologyBinder.bind(before), changes);
        assertTrue(r.changed(), "the changes change " + before.name());
        return SourceDocument.parse(name, before.encoding(), r.text());
    }

    static String cisco() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(CISCO_CHANGES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Document diff(SourceDocument before, SourceDocument after) {
        return parse(HtmlReport.diff(before, after, SHIPPED, NOW).html());
    }

    static Document show(SourceDocument doc) {
        return parse(HtmlReport.show(doc, SHIPPED, NOW).html());
    }

    /**
     * Parses a page as HTML5 and fails on any parse error; then checks what every page must be:
     * unique ids, every in-page link landing on an element, and nothing loaded from outside.
     */
    static Document parse(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(html, "", parser);
        List<String> errors = parser.getErrors().stream().map(ParseError::toString).toList();
        assertEquals(List.of(), errors, "the page is HTML5 without parse errors");
        assertTrue(html.startsWith("<!DOCTYPE HTML>"), "an HTML5 doctype");
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            assertTrue(ids.add(e.id()), "id " + e.id() + " is unique");
        }
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith("#") && ids.contains(href.substring(1)), "link " + href + " (" + a.text() + ") lands in the page");
        }
        for (Element e : doc.select("[marker-end], [fill^=url], [style*=url]")) {
            String url = e.hasAttr("marker-end") ? e.attr("marker-end") : e.attr("fill");
            assertTrue(url.matches("url\\(#[\\w.-]+\\)") && ids.contains(url.substring(5, url.length() - 1)), "reference " + url);
        }
        assertTrue(doc.select("script, link, img, iframe, object, embed, [src]").isEmpty(), "the page loads nothing");
        String css = doc.select("style").html();
        assertFalse(css.contains("@import") || css.replaceAll("url\\(#[\\w-]+\\)", "").contains("url("), "the CSS loads nothing");
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(attr -> assertFalse(attr.getValue().matches("(?i)\\s*(https?|ftp|file|data|javascript):.*")
                    && !attr.getKey().equals("xmlns"), "no URL leaves the page: " + attr));
        }
        return doc;
    }

    /** The element the page gives an id, or a failure naming it. */
    static Element byId(Document doc, String id) {
        Element e = doc.getElementById(id);
        assertNotNull(e, "the page has an element #" + id);
        return e;
    }

    /** The mark an element of the drawing carries in its classes (added, changed, removed), or "" when none. */
    static String mark(Element e) {
        for (String m : List.of("added", "changed", "removed")) {
            if (e.hasClass(m)) {
                return m;
            }
        }
        return "";
    }

    /** x, y, width, height of a rect. */
    static double[] rect(Element rect) {
        assertEquals("rect", rect.tagName(), rect.toString());
        return new double[] {num(rect, "x"), num(rect, "y"), num(rect, "width"), num(rect, "height")};
    }

    static double num(Element e, String attribute) {
        return Double.parseDouble(e.attr(attribute));
    }

    /** The box of a pool or site drawn in the page: its first rect. */
    static double[] box(Document doc, String id) {
        Element g = byId(doc, id);
        assertEquals("g", g.tagName(), id + " is a group of the drawing");
        return rect(g.selectFirst("> rect"));
    }

    static boolean inside(double[] inner, double[] outer) {
        return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[0] + inner[2] <= outer[0] + outer[2]
                && inner[1] + inner[3] <= outer[1] + outer[3];
    }

    static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** Whether point (x, y) lies on the edge of box b (within half a pixel). */
    static boolean onEdge(double x, double y, double[] b) {
        boolean inX = x >= b[0] - 0.5 && x <= b[0] + b[2] + 0.5;
        boolean inY = y >= b[1] - 0.5 && y <= b[1] + b[3] + 0.5;
        boolean onVertical = Math.abs(x - b[0]) <= 0.5 || Math.abs(x - b[0] - b[2]) <= 0.5;
        boolean onHorizontal = Math.abs(y - b[1]) <= 0.5 || Math.abs(y - b[1] - b[3]) <= 0.5;
        return inX && inY && (onVertical || onHorizontal);
    }

    /** Start and end point of an arrow's path "M x y C ..., x y". */
    static double[] ends(Element link) {
        String d = link.selectFirst("path.line").attr("d");
        String[] n = d.replaceAll("[MC,]", " ").trim().split("\\s+");
        assertEquals(8, n.length, d);
        return new double[] {Double.parseDouble(n[0]), Double.parseDouble(n[1]), Double.parseDouble(n[6]), Double.parseDouble(n[7])};
    }

    /** The text of every row of a group of the drawing, one string per row. */
    static List<String> rows(Element g) {
        List<String> out = new ArrayList<>();
        g.select("text.row").forEach(t -> out.add(t.text()));
        return out;
    }
}
