package org.cstopo.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cstopo.Fixtures;
import org.cstopo.cli.CliRun;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `show` must name every pool, machine and address; checked against the raw elements, not the model. */
class ShowCommandTest {

    static List<Path> inputs() {
        return Fixtures.topologiesAndSamples();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void textNamesEveryPoolMachineAndAddress(Path input) {
        CliRun run = CliRun.of("show", input.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEveryPoolMachineAndAddressIn(input, run.stdout());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void jsonNamesEveryPoolMachineAndAddress(Path input) {
        CliRun run = CliRun.of("show", input.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("{"));
        assertEveryPoolMachineAndAddressIn(input, run.stdout());
    }

    private static void assertEveryPoolMachineAndAddressIn(Path input, String out) {
        SourceDocument doc = FileIO.readDocument(input);
        int seen = 0;
        for (SourceElement e : doc.elements()) {
            switch (e.localName()) {
                case "Cluster", "Machine" -> {
                    assertTrue(out.contains(e.attributeValue("Fqdn")), "missing " + e.attributeValue("Fqdn"));
                    seen++;
                }
                case "NetInterface" -> {
                    assertTrue(out.contains(e.attributeValue("IPAddress")), "missing " + e.attributeValue("IPAddress"));
                    seen++;
                }
                default -> { }
            }
        }
        assertTrue(seen > 2);
    }

    @Test
    void trustedPoolShowsRegistrarAndApplications() {
        CliRun run = CliRun.of("show", Fixtures.path("se-trusted-pool.xml").toString());
        assertTrue(run.stdout().contains("trusted application pool: registrar lyncserver.synergy.com [1-Registrar-1]"), run.stdout());
        assertTrue(run.stdout().contains("application ivr.synergy.com port 6001 Mtls"));
    }

    @Test
    void jsonHasStableFieldNames() {
        CliRun run = CliRun.of("show", Fixtures.path("se-trusted-pool.utf16-crlf.xml").toString(), "--format", "json");
        String json = run.stdout();
        assertTrue(json.contains("\"trustedApplicationPool\": {"), json);
        assertTrue(json.contains("\"applicationId\": \"callrecorder.synergy.com\""));
        assertTrue(json.contains("\"ipAddress\": \"10.10.2.21\""));
    }
}
