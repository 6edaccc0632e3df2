package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.cstopo.Fixtures;
import org.cstopo.change.ChangeValues.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * One corpus of good and bad values, each given three ways: as a command-line option, in a changes
 * file and in a PowerShell runbook. All three must refuse the same values (the command line with
 * exit 2, naming the option as typed and an example; the files with exit 3, at the value's
 * position) and let the same ones through; and xsd/changes.xsd, read alone, must agree where it
 * states the rule in full (an address and a registrar it only narrows to their characters).
 */
class ValueRulesAgreementTest {
    private static final String TOPOLOGY = Fixtures.path("se-synergy.xml").toString();
    private static final String FRONT_END = "lyncserver.synergy.com";

    @TempDir
    static Path tmp;

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schema = factory.newSchema(ValueRulesAgreementTest.class.getResource("/org/cstopo/xsd/changes.xsd"));
    }

    record Value(Kind kind, String text, boolean good) {
        @Override
        public String toString() {
            return kind + " '" + text + "' " + (good ? "good" : "bad");
        }
    }

    static List<Value> corpus() {
        List<Value> out = new ArrayList<>();
        String label63 = "a".repeat(63);
        String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
        good(out, Kind.FQDN, "trustedpool.sip.com", "a.b", "A-1.Example.COM", "xn--bcher-kva.example", "1.2.3.com", label63 + ".com",
                name253);
        bad(out, Kind.FQDN, "p\"<>.com", "a..b.com", "a.b.com.", ".a.com", "-a.b.com", "a-.b.com", "a.b-", "a_b.sip.com", "trustedpool",
                "", " a.b.com", "a.b.com ", "a b.com", "b\u00fccher.de", "10.10.1.10", "a" + label63 + ".com", name253 + "b",
                "x".repeat(300) + ".com");
        good(out, Kind.APPLICATION_ID, "imptrustedapp.sip.com", "OutlookWebApp", "urn:application:tapp1",
                "Microsoft.Rtc.Applications.Acd", "my_app-1");
        bad(out, Kind.APPLICATION_ID, "", "a b", "urn:application:", "urn:Application:x", "a/b", "app$5", "\u00fc", "a:b", " a");
        good(out, Kind.ADDRESS, "10.10.1.11", "0.0.0.0", "::", "fe80::1", "2001:DB8::1", "::ffff:10.0.0.1");
        bad(out, Kind.ADDRESS, "fe80::1%eth0", "10.0.0.256", "010.0.0.1", "10.0.0", "", "a.b.c.d", "1:2:3:4:5:6:7:8:9", "10.0.0.1 ",
                "10.0.0.1/24");
        good(out, Kind.PORT, "5061", "1", "65535", "+5061", "05061");
        bad(out, Kind.PORT, "0", "65536", "-1", "abc", "", "5061.0", "99999999999");
        good(out, Kind.PORT_COUNT, "1000", "1", "65535");
        bad(out, Kind.PORT_COUNT, "0", "65536", "ten", "");
        good(out, Kind.SITE, "1", "Redmond", "Site One", "site:Redmond");
        bad(out, Kind.SITE, "", " 1", "1 ", "   ");
        good(out, Kind.REGISTRAR, FRONT_END, "Registrar:" + FRONT_END, "1-Registrar-1", "$SkypeFQDN");
        bad(out, Kind.REGISTRAR, "", "Registrar:", "lync server.synergy.com", " " + FRONT_END);
        return out;
    }

    private static void good(List<Value> out, Kind kind, String... values) {
        for (String v : values) {
            out.add(new Value(kind, v, true));
        }
    }

    private static void bad(List<Value> out, Kind kind, String... values) {
        for (String v : values) {
            out.add(new Value(kind, v, false));
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theCommandLineAChangesFileAndARunbookRefuseTheSameValues(Value v) throws IOException {
        CliRun cli = CliRun.of(commandLine(v).toArray(new String[0]));
        Path file = write("changes-" + Math.abs(v.toString().hashCode()) + ".xml", changesFile(v));
        CliRun fromFile = CliRun.of("apply", TOPOLOGY, "-c", file.toString(), "--check");
        Path script = write("runbook-" + Math.abs(v.toString().hashCode()) + ".ps1", runbook(v));
        CliRun fromRunbook = CliRun.of("apply", TOPOLOGY, "-c", script.toString(), "--check");

        assertEquals(!v.good(), cli.exitCode() == 2, "command line " + v + ": " + cli.stderr());
        assertEquals(!v.good(), fromFile.exitCode() == 3, "changes file " + v + ": " + fromFile.stderr());
        assertEquals(!v.good(), fromRunbook.exitCode() == 3, "runbook " + v + ": " + fromRunbook.stderr());
        if (v.good()) {
            return;
        }
        String line = cli.stderr().strip();
        assertEquals(1, cli.stderr().lines().count(), line);
        String named = v.kind() != Kind.ADDRESS ? option(v) + " '" + v.text() + "' is not "
                : v.text().isEmpty() ? "'" + FRONT_END + "=' is not FQDN=ADDRESS" : "'" + v.text() + "' in '" + FRONT_END + "=";
        assertTrue(line.startsWith("cstopo: " + named), "the option as typed and the value: " + line);
        assertTrue(line.contains("e.g. "), "an example of a good value: " + line);
        assertTrue(fromFile.stderr().startsWith("cstopo: " + file + ":3:"), "the value's line: " + fromFile.stderr());
        assertTrue(fromFile.stderr().contains(attribute(v) + " '" + v.text() + "'"), fromFile.stderr());
        assertTrue(fromRunbook.stderr().startsWith("cstopo: " + script + ":1:"), fromRunbook.stderr());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theSchemaAloneStatesTheSameRule(Value v) {
        boolean valid;
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(changesFile(v))));
            valid = true;
        } catch (SAXException | IOException e) {
            valid = false;
        }
        boolean exact = v.kind() != Kind.ADDRESS && v.kind() != Kind.REGISTRAR;
        if (exact || v.good()) {
            assertEquals(v.good(), valid, v + " in xsd/changes.xsd");
        }
    }

    private static Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String option(Value v) {
        return "-" + attribute(v);
    }

    private static String attribute(Value v) {
        return switch (v.kind()) {
            case FQDN -> "Identity";
            case APPLICATION_ID -> "ApplicationId";
            case ADDRESS -> "IPAddress";
            case PORT -> "Port";
            case PORT_COUNT -> "AudioPortCount";
            case SITE -> "Site";
            case REGISTRAR -> "Registrar";
            case APPLICATION_IDENTITY -> throw new IllegalArgumentException(v.toString());
        };
    }

    /** The value in the option a cstopo command line gives it, in the cmdlets' spelling. */
    private static List<String> commandLine(Value v) {
        String t = v.text();
        List<String> args = new ArrayList<>();
        switch (v.kind()) {
            case ADDRESS -> args.addAll(List.of("set-ip", TOPOLOGY, FRONT_END + "=" + t));
            case APPLICATION_ID, PORT -> args.addAll(List.of("trusted-app", "add", TOPOLOGY,
                    "-ApplicationId", v.kind() == Kind.PORT ? "app" : t, "-TrustedApplicationPoolFqdn", FRONT_END,
                    "-Port", v.kind() == Kind.PORT ? t : "5061"));
            default -> {
                args.addAll(List.of("trusted-pool", "add", TOPOLOGY, "-Identity", v.kind() == Kind.FQDN ? t : "trustedpool.sip.com",
                        "-Registrar", v.kind() == Kind.REGISTRAR ? t : FRONT_END, "-Site", v.kind() == Kind.SITE ? t : "1"));
                if (v.kind() == Kind.PORT_COUNT) {
                    args.addAll(List.of("-AudioPortStart", "1", "-AudioPortCount", t));
                }
            }
        }
        args.add("--check");
        return args;
    }

    /** The value in the attribute of a changes file that declares the same change (on its third line). */
    private static String changesFile(Value v) {
        String t = v.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String element = switch (v.kind()) {
            case ADDRESS -> "<SetIPAddress Computer=\"" + FRONT_END + "\" IPAddress=\"" + t + "\"/>";
            case APPLICATION_ID -> "<NewTrustedApplication ApplicationId=\"" + t + "\" TrustedApplicationPoolFqdn=\"" + FRONT_END
                    + "\" Port=\"5061\"/>";
            case PORT -> "<NewTrustedApplication ApplicationId=\"app\" TrustedApplicationPoolFqdn=\"" + FRONT_END + "\" Port=\"" + t + "\"/>";
            default -> "<NewTrustedApplicationPool Identity=\"" + (v.kind() == Kind.FQDN ? t : "trustedpool.sip.com") + "\" Registrar=\""
                    + (v.kind() == Kind.REGISTRAR ? t : FRONT_END) + "\" Site=\"" + (v.kind() == Kind.SITE ? t : "1") + "\""
                    + (v.kind() == Kind.PORT_COUNT ? " AudioPortStart=\"1\" AudioPortCount=\"" + t + "\"" : "") + "/>";
        };
        return "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">\n  <!-- one change -->\n  " + element + "\n</TopologyChanges>\n";
    }

    /** The value in the cmdlet parameter of a runbook line that declares the same change, single-quoted. */
    private static String runbook(Value v) {
        String t = "'" + v.text().replace("'", "''") + "'";
        return switch (v.kind()) {
            case ADDRESS -> "cstopo set-ip C:\\topology.xml '" + FRONT_END + "=" + v.text() + "' --in-place\n";
            case APPLICATION_ID -> "New-CsTrustedApplication -ApplicationId " + t + " -TrustedApplicationPoolFqdn " + FRONT_END
                    + " -Port 5061\n";
            case PORT -> "New-CsTrustedApplication -ApplicationId app -TrustedApplicationPoolFqdn " + FRONT_END + " -Port " + t + "\n";
            default -> "New-CsTrustedApplicationPool -Identity " + (v.kind() == Kind.FQDN ? t : "trustedpool.sip.com") + " -Registrar "
                    + (v.kind() == Kind.REGISTRAR ? t : FRONT_END) + " -Site " + (v.kind() == Kind.SITE ? t : "1")
                    + (v.kind() == Kind.PORT_COUNT ? " -AudioPortStart 1 -AudioPortCount " + t : "") + "\n";
        };
    }
}
