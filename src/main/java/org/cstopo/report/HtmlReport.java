package org.cstopo.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.diff.DiffReport;
import org.cstopo.diff.SemanticDiff;
import org.cstopo.diff.XmlComparison;
import org.cstopo.diff.XmlTrees;
import org.cstopo.io.LineIndex;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.io.TextEncoding;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.model.xml.Cluster;
import org.cstopo.report.ChangeMarks.Change;
import org.cstopo.report.Drawing.Pool;
import org.cstopo.report.Drawing.Shown;
import org.cstopo.transform.Limits;
import org.cstopo.transform.Stylesheet;
import org.cstopo.transform.Transform;
import org.cstopo.validate.Finding;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;
import org.w3c.dom.Document;

/**
 * The HTML page of a change ({@code cstopo diff OLD NEW --format html}) or of one topology
 * ({@code cstopo show TOPOLOGY --format html}). Java reads the topologies with the model the text
 * commands use (the items of {@link SemanticDiff}, the facts of {@code show}, the findings of
 * {@link Validator}, the line diff), draws and places them, and writes all of it as XML
 * ({@link ReportXml}); an XSLT 3.0 stylesheet, run locked down like every stylesheet, turns that
 * into one self-contained HTML5 page. The look lives in the stylesheet, which a user may copy.
 */
public final class HtmlReport {
    /** The stylesheet shipped in xslt/ (and in the jar), used when the user names none. */
    public static final String STYLESHEET = "html-report.xsl";

    /** The page, whether the two topologies are equal (always true for one topology), and the stylesheet's xsl:message texts. */
    public record Page(String html, boolean equal, List<String> messages) {
    }

    private HtmlReport() {
    }

    /** The shipped stylesheet, or the user's file. */
    public static Stylesheet stylesheet(java.nio.file.Path file) {
        return file == null ? Transform.compileBundled(STYLESHEET, Limits.defaults()) : Transform.compileFile(file, Limits.defaults());
    }

    public static Page diff(SourceDocument before, SourceDocument after, Stylesheet stylesheet, Instant now) {
        Model m = diffModel(before, after, now);
        return render(m, stylesheet);
    }

    public static Page show(SourceDocument doc, Stylesheet stylesheet, Instant now) {
        return render(showModel(doc, now), stylesheet);
    }

    /** The report's XML and what the exit code needs. */
    record Model(String xml, boolean equal) {
    }

    private static Page render(Model m, Stylesheet stylesheet) {
        Stylesheet.Output out = Transform.report(SourceDocument.parse("report.xml", TextEncoding.UTF8, m.xml()), stylesheet, Limits.defaults());
        return new Page(out.text(), m.equal(), out.messages());
    }

    static Model diffModel(SourceDocument before, SourceDocument after, Instant now) {
        Topology oldT = TopologyBinder.bind(before);
        Topology newT = TopologyBinder.bind(after);
        Document oldDom = XmlTrees.parse(before);
        Document newDom = XmlTrees.parse(after);
        XmlComparison comparison = XmlComparison.of(oldDom, newDom);
        DiffReport diff = SemanticDiff.describe(comparison);
        Drawing d = DrawingBuilder.of(newT);
        List<Change> changes = ChangeMarks.apply(d, oldT, comparison, oldDom, newDom, diff.items());
        Trust.classify(d, newT);
        double height = Layout.place(d, true);
        Set<String> anchors = d.anchors();
        ValidationReport findings = Validator.report(newT);

        ReportXml x = new ReportXml();
        x.start("report", "kind", "diff", "generated", now.truncatedTo(ChronoUnit.SECONDS).toString(), "version", version());
        file(x, "old", before);
        file(x, "new", after);
        x.empty("summary", "differences", changes.size(), "added", count(changes, Mark.ADDED), "changed", count(changes, Mark.CHANGED),
                "removed", count(changes, Mark.REMOVED), "sites", d.sites.size(), "pools", d.pools().size());
        validation(x, findings, d, newT, after, anchors);
        trust(x, d, newT, oldT);
        x.drawing(d, height, true);
        x.start("changes");
        for (Change c : changes) {
            Shown at = c.target().shownAs(anchors);
            x.text("change", c.difference().text(), "kind", c.difference().kind().name().toLowerCase(java.util.Locale.ROOT),
                    "mark", c.mark().word(), "object", c.target().id, "target", at == null ? null : at.id,
                    "pool", c.difference().pool(), "machine", c.difference().machine(), "xpath", c.difference().xpath());
        }
        x.end();
        lineDiff(x, LineDiff.of(before.name(), before.text(), after.name(), after.text()));
        x.end();
        return new Model(x.finish(), diff.isEmpty());
    }

    static Model showModel(SourceDocument doc, Instant now) {
        Topology t = TopologyBinder.bind(doc);
        Drawing d = DrawingBuilder.of(t);
        Trust.classify(d, t);
        double height = Layout.place(d, false);
        ReportXml x = new ReportXml();
        x.start("report", "kind", "show", "generated", now.truncatedTo(ChronoUnit.SECONDS).toString(), "version", version());
        file(x, "topology", doc);
        x.empty("summary", "sites", d.sites.size(), "pools", d.pools().size());
        validation(x, Validator.report(t), d, t, doc, d.anchors());
        trust(x, d, t, null);
        x.drawing(d, height, false);
        x.end();
        return new Model(x.finish(), true);
    }

    private static long count(List<Change> changes, Mark m) {
        return changes.stream().filter(c -> c.mark() == m).count();
    }

    private static String version() {
        return HtmlReport.class.getPackage().getImplementationVersion();
    }

    private static void file(ReportXml x, String role, SourceDocument doc) {
        String newline = doc.lineSeparator().equals("\r\n") ? "CRLF" : "LF";
        x.empty("file", "role", role, "name", doc.name(), "signature", doc.root().attributeValue("Signature"),
                "encoding", doc.encoding().name(), "line-ends", newline, "lines", doc.lines().line(doc.text().length()),
                "bytes", doc.bytes().length);
    }

    private static void validation(ReportXml x, ValidationReport v, Drawing d, Topology t, SourceDocument doc, Set<String> anchors) {
        x.start("validation", "file", v.file(), "errors", v.errors(), "warnings", v.warnings(), "infos", v.infos(), "summary", v.summary());
        Map<Long, SourceElement> byPosition = new HashMap<>();
        LineIndex lines = doc.lines();
        for (SourceElement e : doc.elements()) {
            byPosition.putIfAbsent(position(lines.line(e.start()), lines.column(e.start())), e);
        }
        for (Finding f : v.findings()) {
            Shown object = objectAt(d, t, byPosition.get(position(f.line(), f.column())));
            Shown at = object == null ? null : object.shownAs(anchors);
            x.start("finding", "severity", f.severity().label(), "rule", f.ruleId(), "location", f.location(), "line", f.line(),
                    "column", f.column(), "target", at == null ? null : at.id, "mark", at == null ? null : ReportXml.mark(at));
            x.text("object", f.object());
            x.text("message", f.message());
            x.text("fix", f.fix());
            x.end();
        }
        x.end();
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | column;
    }

    /** The drawn object a finding's element is or sits in: its machine, pool (a service's: where it is installed) or site. */
    private static Shown objectAt(Drawing d, Topology t, SourceElement e) {
        for (SourceElement x = e; x != null; x = x.parent()) {
            switch (x.localName()) {
                case "Machine" -> {
                    Pool p = x.parent() == null ? null : d.pool(x.parent().attributeValue("Fqdn"));
                    Shown m = p == null ? null : p.machine(x.attributeValue("Fqdn"));
                    if (m != null) {
                        return m;
                    }
                }
                case "Cluster" -> {
                    return d.pool(x.attributeValue("Fqdn"));
                }
                case "Service" -> {
                    SourceElement on = x.child("InstalledOn");
                    SourceElement id = on == null ? null : on.child("ClusterId") != null ? on.child("ClusterId")
                            : on.child("SqlInstanceId") == null ? null : on.child("SqlInstanceId").child("ClusterId");
                    Cluster c = id == null ? null : t.cluster(new ClusterRef(id.attributeValue("SiteId"), id.attributeValue("Number")));
                    return c == null ? null : d.pool(c.getFqdn());
                }
                case "CentralSite", "BranchSite" -> {
                    return d.site(x.attributeValue("SiteId"));
                }
                default -> { }
            }
        }
        return null;
    }

    /** Each trusted pool drawn, with its form; the pools OLD had, for a change report. */
    private static void trust(ReportXml x, Drawing d, Topology t, Topology before) {
        x.start("trust");
        for (Pool p : d.pools()) {
            if (p.form == null) {
                continue;
            }
            x.start("pool", "ref", p.id, "fqdn", p.fqdn, "mark", ReportXml.mark(p), "form", p.form == Trust.Form.BUILT_IN ? "built-in" : "own");
            if (p.form == Trust.Form.BUILT_IN) {
                for (String[] i : Trust.inferred(t, p)) {
                    x.empty("inferred", "element", i[0], "what", i[1]);
                }
            }
            x.end();
        }
        if (before != null) {
            for (Cluster c : before.trustedApplicationPools()) {
                x.empty("old-trusted-pool", "fqdn", c.getFqdn());
            }
        }
        x.end();
    }

    private static void lineDiff(ReportXml x, LineDiff.Result r) {
        x.start("line-diff", "lines", r.total(), "shown", r.shown(), "truncated", r.truncated());
        for (LineDiff.Hunk h : r.hunks()) {
            x.start("hunk", "header", h.header());
            for (LineDiff.Line l : h.lines()) {
                x.start("line", "type", l.type().name().toLowerCase(java.util.Locale.ROOT), "old", l.oldNumber() == 0 ? null : l.oldNumber(),
                        "new", l.newNumber() == 0 ? null : l.newNumber());
                if (l.changedFrom() < 0) {
                    x.text("same", l.text());
                } else {
                    x.text("same", l.text().substring(0, l.changedFrom()));
                    x.text("changed", l.text().substring(l.changedFrom(), l.changedTo()));
                    x.text("same", l.text().substring(l.changedTo()));
                }
                x.end();
            }
            x.end();
        }
        x.end();
    }
}
