package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
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
import org.cstopo.report.HtmlReport;
import org.cstopo.show.TopologySummary;
import org.cstopo.show.TopologySummary.ApplicationInfo;
import org.cstopo.show.TopologySummary.PoolInfo;
import org.cstopo.show.TopologySummary.TrustedPoolInfo;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped text report, the HTML page of {@code cstopo show --format html} (its tables) and
 * {@code cstopo show} must say the same of every pool: its roles and, for a trusted application pool,
 * its service, registrar, settings and applications. Each output is reduced to the same list of
 * facts, in document order, and the lists are compared, on every topology we have (valid, invalid,
 * and the real exports when present).
 */
class ReportsAgreeWithShowTest {
    private static final Stylesheet TEXT = Stylesheet.load("report-text");
    private static final Stylesheet PAGE = HtmlReport.stylesheet(null);

    static List<Path> topologies() {
        return Fixtures.everyTopology();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void reportTextSaysWhatShowSays(Path input) {
        SourceDocument doc = FileIO.readDocument(input);
        assertEquals(fromShow(doc), fromText(Transform.run(doc, TEXT, Map.of()).text()));
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void theHtmlPageSaysWhatShowSays(Path input) {
        SourceDocument doc = FileIO.readDocument(input);
        assertEquals(fromShow(doc), fromPage(HtmlReport.show(doc, PAGE, Instant.EPOCH).html()));
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
        assertEquals(facts, fromPage(HtmlReport.show(doc, PAGE, Instant.EPOCH).html()));
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

    // ---- the facts as the HTML page's tables give them ---------------------------------------------

    static List<String> fromPage(String html) {
        Document page = Jsoup.parse(html);
        List<String> facts = new ArrayList<>();
        for (Element row : page.select("#pools tbody tr")) {
            facts.add(pool(row.child(0).text(), row.child(2).text()));
        }
        List<String> applications = new ArrayList<>();
        for (Element row : page.select("#trusted-pools tbody tr")) {
            String fqdn = row.child(0).text().replaceFirst("^[+~\u2212] ", "");
            String[] service = lines(row.child(2));
            List<String> settings = new ArrayList<>();
            for (String line : lines(row.child(3))) {
                if (!line.isEmpty()) {
                    settings.add(line.substring(line.indexOf(' ') + 1));
                }
            }
            facts.add(trusted(fqdn, service[0], service[1], settings.toArray(String[]::new)));
            for (Element app : row.child(5).select("div")) {
                Matcher m = PAGE_APPLICATION.matcher(app.text().replaceFirst("^[+~\u2212] ", ""));
                assertTrue(m.matches(), app.text());
                applications.add(application(fqdn, m.group(1), m.group(2), m.group(3)));
            }
        }
        facts.addAll(applications);
        return facts;
    }

    private static final Pattern PAGE_APPLICATION = Pattern.compile("(\\S*) port (\\S*) ?(\\S*)");

    /** The lines of a cell whose values are separated by line breaks (an empty value is an empty line). */
    private static String[] lines(Element cell) {
        return java.util.Arrays.stream(cell.html().split("<br>\\s*", -1)).map(h -> Jsoup.parse(h).text().strip()).toArray(String[]::new);
    }
}
