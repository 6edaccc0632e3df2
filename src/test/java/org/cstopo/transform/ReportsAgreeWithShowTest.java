package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import org.cstopo.show.TopologySummary;
import org.cstopo.show.TopologySummary.ApplicationInfo;
import org.cstopo.show.TopologySummary.PoolInfo;
import org.cstopo.show.TopologySummary.TrustedPoolInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped reports and {@code cstopo show} must say the same of every pool: its roles and, for a
 * trusted application pool, its service, registrar, settings and applications. Each output is
 * reduced to the same list of facts, in document order, and the lists are compared, on every
 * topology we have (valid, invalid, and the real exports when present).
 */
class ReportsAgreeWithShowTest {
    private static final Stylesheet TEXT = Stylesheet.load("report-text");
    private static final Stylesheet HTML = Stylesheet.load("report-html");

    static List<Path> topologies() {
        List<Path> all = new ArrayList<>(Fixtures.topologiesAndSamples());
        all.addAll(Fixtures.invalid());
        return all;
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void reportTextSaysWhatShowSays(Path input) {
        SourceDocument doc = FileIO.readDocument(input);
        assertEquals(fromShow(doc), fromText(Transform.run(doc, TEXT, Map.of()).text()));
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void reportHtmlSaysWhatShowSays(Path input) {
        SourceDocument doc = FileIO.readDocument(input);
        assertEquals(fromShow(doc), fromHtml(Transform.run(doc, HTML, Map.of()).text()));
    }

    /** The comparison would pass on empty lists; it must not be empty where the facts are there. */
    @Test
    void theFactsAreReadFromEveryReport() {
        SourceDocument doc = FileIO.readDocument(Fixtures.path("se-trusted-pool.xml"));
        List<String> facts = List.of(
                "pool lyncserver.synergy.com: UserServices, Registrar, UserStore, WebServices, ApplicationServer, CentralMgmt",
                "pool fs01.synergy.com: FileStore",
                "pool ucmapool.synergy.com: ExternalServer",
                "trusted ucmapool.synergy.com 1-ExternalServer-1 registrar lyncserver.synergy.com (1-Registrar-1)"
                        + " TreatAsAuthenticated True ThrottleAsServer True RequiresReplication False OutboundOnly False",
                "application ucmapool.synergy.com ivr.synergy.com 6001 Mtls",
                "application ucmapool.synergy.com callrecorder.synergy.com 6002 Mtls");
        assertEquals(facts, fromShow(doc));
        assertEquals(facts, fromText(Transform.run(doc, TEXT, Map.of()).text()));
        assertEquals(facts, fromHtml(Transform.run(doc, HTML, Map.of()).text()));
    }

    /** The two reports share their reading of the topology; a stylesheet may include nothing, so each has a copy. */
    @Test
    void theSharedPartOfBothReportsIsTheSameText() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("xslt", "report-text.xsl"));
        String html = java.nio.file.Files.readString(Path.of("xslt", "report-html.xsl"));
        assertTrue(shared(text).contains("<xsl:function name=\"r:roles\""), shared(text));
        assertEquals(shared(text), shared(html));
    }

    private static String shared(String stylesheet) {
        int from = stylesheet.indexOf("<!-- From here to \"end of the shared part\"");
        int to = stylesheet.indexOf("<!-- end of the shared part -->");
        assertTrue(from > 0 && to > from, "the shared part is marked");
        return stylesheet.substring(from, to);
    }

    // ---- the facts as show gives them -----------------------------------------------------------

    static List<String> fromShow(SourceDocument doc) {
        TopologySummary summary = TopologySummary.of(TopologyBinder.bind(doc));
        List<String> pools = new ArrayList<>();
        List<String> trusted = new ArrayList<>();
        List<String> applications = new ArrayList<>();
        for (PoolInfo p : summary.pools()) {
            pools.add(pool(p.fqdn(), String.join(", ", p.roles())));
            TrustedPoolInfo tp = p.trustedApplicationPool();
            if (tp == null) {
                continue;
            }
            String registrar = tp.registrarServiceId() == null ? "(none)" : tp.registrar() == null
                    ? tp.registrarServiceId() + " (not in this topology)" : tp.registrar() + " (" + tp.registrarServiceId() + ")";
            trusted.add(trusted(p.fqdn(), tp.serviceId(), registrar, bool(tp.treatAsAuthenticated()), bool(tp.throttleAsServer()),
                    bool(tp.requiresReplication()), bool(tp.outboundOnly())));
            for (ApplicationInfo a : tp.applications()) {
                applications.add(application(p.fqdn(), a.id(), a.port(), a.protocol()));
            }
        }
        pools.addAll(trusted);
        pools.addAll(applications);
        return pools;
    }

    private static String bool(Boolean b) {
        return b == null ? "(not stated)" : b ? "True" : "False";
    }

    private static String pool(String fqdn, String roles) {
        return "pool " + text(fqdn) + ": " + roles;
    }

    private static String trusted(String fqdn, String service, String registrar, String... settings) {
        return "trusted " + text(fqdn) + " " + text(service) + " registrar " + registrar + " TreatAsAuthenticated " + settings[0]
                + " ThrottleAsServer " + settings[1] + " RequiresReplication " + settings[2] + " OutboundOnly " + settings[3];
    }

    private static String application(String pool, String id, String port, String protocol) {
        return "application " + text(pool) + " " + text(id) + " " + text(port) + " " + text(protocol);
    }

    /** A value the topology leaves out is null in show and empty in a report. */
    private static String text(String value) {
        return Objects.toString(value, "");
    }

    // ---- the facts as report-text gives them ----------------------------------------------------

    private static final Pattern TEXT_POOL = Pattern.compile("pool (.*) \\(site .*\\): (.*)");
    private static final Pattern TEXT_TRUSTED = Pattern.compile("  trusted application pool (\\S*), registrar (.*)");
    private static final Pattern TEXT_SETTINGS = Pattern.compile(
            "  TreatAsAuthenticated (.*), ThrottleAsServer (.*), RequiresReplication (.*), OutboundOnly (.*)");
    private static final Pattern TEXT_APPLICATION = Pattern.compile("  application (.*) port (.*) (.*)");

    static List<String> fromText(String report) {
        List<String> pools = new ArrayList<>();
        List<String> trusted = new ArrayList<>();
        List<String> applications = new ArrayList<>();
        String pool = null;
        List<String> lines = report.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m;
            if ((m = TEXT_POOL.matcher(lines.get(i))).matches()) {
                pool = m.group(1);
                pools.add(pool(pool, m.group(2)));
            } else if ((m = TEXT_TRUSTED.matcher(lines.get(i))).matches()) {
                Matcher s = TEXT_SETTINGS.matcher(lines.get(++i));
                assertTrue(s.matches(), lines.get(i));
                trusted.add(trusted(pool, m.group(1), m.group(2), s.group(1), s.group(2), s.group(3), s.group(4)));
            } else if ((m = TEXT_APPLICATION.matcher(lines.get(i))).matches()) {
                applications.add(application(pool, m.group(1), m.group(2), m.group(3)));
            }
        }
        pools.addAll(trusted);
        pools.addAll(applications);
        return pools;
    }

    // ---- the facts as report-html gives them ----------------------------------------------------

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td( rowspan=\"\\d+\")?>(.*?)</td>", Pattern.DOTALL);

    static List<String> fromHtml(String report) {
        String[] tables = report.split("<h2>");
        assertEquals(4, tables.length, "three tables after the title: " + report);
        List<String> facts = new ArrayList<>();
        for (List<String[]> row : rows(tables[1])) {
            if (row.get(0)[0] != null) {
                facts.add(pool(row.get(0)[1], row.get(2)[1]));
            }
        }
        for (List<String[]> row : rows(tables[2])) {
            facts.add(trusted(row.get(0)[1], row.get(1)[1], row.get(2)[1], row.get(4)[1], row.get(5)[1], row.get(6)[1], row.get(7)[1]));
        }
        for (List<String[]> row : rows(tables[3])) {
            facts.add(application(row.get(0)[1], row.get(1)[1], row.get(2)[1], row.get(3)[1]));
        }
        return facts;
    }

    /** The data rows of a table; each cell is {rowspan attribute or null, text}. */
    private static List<List<String[]>> rows(String table) {
        List<List<String[]>> rows = new ArrayList<>();
        Matcher r = ROW.matcher(table);
        while (r.find()) {
            List<String[]> cells = new ArrayList<>();
            Matcher c = CELL.matcher(r.group(1));
            while (c.find()) {
                cells.add(new String[] {c.group(1), unescape(c.group(2))});
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
