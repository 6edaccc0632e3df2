package org.cstopo.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.Fixtures;
import org.cstopo.JsonRead;
import org.cstopo.cli.CliRun;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void trustedPoolShowsRegistrarSiteSettingsComputersAndApplications() {
        CliRun run = CliRun.of("show", Fixtures.path("se-trusted-pool.xml").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("""
                Trusted application pools:
                  ucmapool.synergy.com  (1-ExternalServer-1)
                    Registrar            : lyncserver.synergy.com (1-Registrar-1)
                    Site                 : 1 (Synergy HQ)
                    TreatAsAuthenticated : True
                    ThrottleAsServer     : True
                    RequiresReplication  : False
                    OutboundOnly         : False
                    Computers            : ucma01.synergy.com  Primary=10.10.2.21
                                           ucma02.synergy.com  Primary=0.0.0.0
                    Applications         : ivr.synergy.com           port 6001  Mtls
                                           callrecorder.synergy.com  port 6002  Mtls
                """, run.stdout().substring(run.stdout().indexOf("Trusted application pools:")));
        assertTrue(run.stdout().contains("""
                  ucmapool.synergy.com  site 1, cluster 3  roles: ExternalServer
                    machine ucma01.synergy.com  Primary=10.10.2.21
                    machine ucma02.synergy.com  Primary=0.0.0.0
                """), run.stdout());
    }

    @Test
    void aTopologyWithoutTrustedPoolsHasNoSuchSection() {
        CliRun run = CliRun.of("show", Fixtures.path("se-synergy.xml").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertFalse(run.stdout().contains("Trusted application pools"), run.stdout());
    }

    @Test
    void mediaPortsAMissingRegistrarAndUnstatedSettingsAreSaid(@TempDir Path tmp) throws Exception {
        Path media = tmp.resolve("media.xml");
        assertEquals(0, CliRun.of("trusted-pool", "add", "fixtures/se-synergy.xml", "--identity", "media.synergy.com", "--registrar",
                "lyncserver.synergy.com", "--site", "1", "--audio-port-start", "50000", "--audio-port-count", "100",
                "-o", media.toString()).exitCode());
        String text = CliRun.of("show", media.toString()).stdout();
        assertTrue(text.contains("""
                    OutboundOnly         : False
                    AudioPortStart       : 50000
                    AudioPortCount       : 100
                    Computers            : media.synergy.com  Primary=0.0.0.0
                    Applications         : (none)
                """), text);
        Map<String, Object> pool = trustedPool(CliRun.of("show", media.toString(), "--format", "json"), "media.synergy.com");
        assertEquals("50000", pool.get("audioPortStart"));
        assertEquals("100", pool.get("audioPortCount"));
        assertTrue(pool.containsKey("videoPortStart") && pool.get("videoPortStart") == null, pool.toString());

        Path odd = tmp.resolve("odd.xml");
        String original = Files.readString(Fixtures.path("se-trusted-pool.xml"));
        String edited = original.replace("<ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\" />\n        </Dependency>\n      </DependsOn>\n"
                + "      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"3\" />",
                "<ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"9\" />\n        </Dependency>\n      </DependsOn>\n"
                + "      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"3\" />")
                .replace(" TreatAsAuthenticated=\"true\" ThrottleAsServer=\"true\" OutboundOnly=\"false\"", " ThrottleAsServer=\"true\"");
        assertFalse(edited.equals(original));
        Files.writeString(odd, edited);
        text = CliRun.of("show", odd.toString()).stdout();
        assertTrue(text.contains("""
                    Registrar            : 1-Registrar-9 (not in this topology)
                    Site                 : 1 (Synergy HQ)
                    TreatAsAuthenticated : (not stated)
                    ThrottleAsServer     : True
                """), text);
        pool = trustedPool(CliRun.of("show", odd.toString(), "--format", "json"), "ucmapool.synergy.com");
        assertEquals("1-Registrar-9", pool.get("registrarServiceId"));
        assertTrue(pool.containsKey("registrar") && pool.get("registrar") == null, pool.toString());
        assertTrue(pool.containsKey("treatAsAuthenticated") && pool.get("treatAsAuthenticated") == null, pool.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trustedPool(CliRun json, String fqdn) {
        assertEquals(0, json.exitCode(), json.stderr());
        for (Object p : (List<Object>) JsonRead.object(json.stdout()).get("pools")) {
            Map<String, Object> pool = (Map<String, Object>) p;
            if (fqdn.equals(pool.get("fqdn"))) {
                return (Map<String, Object>) pool.get("trustedApplicationPool");
            }
        }
        throw new AssertionError("no pool " + fqdn + " in " + json.stdout());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesEveryKeyWithNullWhenTheTopologySaysNothing() {
        CliRun run = CliRun.of("show", Fixtures.path("se-trusted-pool.utf16-crlf.xml").toString(), "--format", "json");
        Map<String, Object> root = JsonRead.object(run.stdout());
        assertEquals(List.of("file", "signature", "sites", "pools"), List.copyOf(root.keySet()));
        List<Map<String, Object>> pools = (List<Map<String, Object>>) root.get("pools");
        Map<String, Object> fileStore = pools.get(1);
        assertEquals("fs01.synergy.com", fileStore.get("fqdn"));
        assertTrue(fileStore.containsKey("trustedApplicationPool") && fileStore.get("trustedApplicationPool") == null);
        Map<String, Object> machine = ((List<Map<String, Object>>) fileStore.get("machines")).get(0);
        assertEquals(Map.of("fqdn", "fs01.synergy.com", "netInterfaces", List.of()), machine);
        Map<String, Object> ucma01 = ((List<Map<String, Object>>) pools.get(2).get("machines")).get(0);
        Map<String, Object> address = ((List<Map<String, Object>>) ucma01.get("netInterfaces")).get(0);
        assertEquals(List.of("interfaceSide", "interfaceNumber", "ipAddress", "configuredIpAddress"), List.copyOf(address.keySet()));
        assertEquals("10.10.2.21", address.get("ipAddress"));
        assertEquals(null, address.get("configuredIpAddress"));
        Map<String, Object> trusted = (Map<String, Object>) pools.get(2).get("trustedApplicationPool");
        assertEquals("1-ExternalServer-1", trusted.get("serviceId"));
        assertEquals("lyncserver.synergy.com", trusted.get("registrar"));
        assertEquals("1-Registrar-1", trusted.get("registrarServiceId"));
        assertEquals(List.of(true, true, false, false), List.of(trusted.get("treatAsAuthenticated"), trusted.get("throttleAsServer"),
                trusted.get("requiresReplication"), trusted.get("outboundOnly")));
        assertEquals(List.of(Map.of("applicationId", "ivr.synergy.com", "port", "6001", "protocol", "Mtls"),
                Map.of("applicationId", "callrecorder.synergy.com", "port", "6002", "protocol", "Mtls")), trusted.get("applications"));
    }

    static List<Path> inputsAndInvalid() {
        List<Path> all = new java.util.ArrayList<>(inputs());
        all.addAll(Fixtures.invalid());
        return all;
    }

    /** Whatever the text says of a trusted pool, the JSON says too (broken topologies included). */
    @ParameterizedTest
    @MethodSource("inputsAndInvalid")
    @SuppressWarnings("unchecked")
    void textAndJsonSayTheSameOfEachTrustedPool(Path input) {
        String text = CliRun.of("show", input.toString()).stdout();
        List<Map<String, Object>> pools = (List<Map<String, Object>>) JsonRead.object(
                CliRun.of("show", input.toString(), "--format", "json").stdout()).get("pools");
        String section = text.contains("Trusted application pools:\n") ? text.substring(text.indexOf("Trusted application pools:\n")) : "";
        int trusted = 0;
        for (Map<String, Object> pool : pools) {
            Map<String, Object> tp = (Map<String, Object>) pool.get("trustedApplicationPool");
            if (tp == null) {
                assertFalse(section.contains("\n  " + pool.get("fqdn") + "  ("), pool.get("fqdn") + " is no trusted pool");
                continue;
            }
            trusted++;
            int start = section.indexOf("\n  " + pool.get("fqdn") + "  (" + tp.get("serviceId") + ")\n");
            assertTrue(start >= 0, pool.get("fqdn") + " in\n" + text);
            String block = section.substring(start, nextPool(section, start));
            String registrar = tp.get("registrarServiceId") == null ? "(none)" : tp.get("registrar") == null
                    ? tp.get("registrarServiceId") + " (not in this topology)" : tp.get("registrar") + " (" + tp.get("registrarServiceId") + ")";
            assertTrue(block.contains("Registrar            : " + registrar + "\n"), block);
            assertTrue(block.contains("Site                 : " + pool.get("siteId")), block);
            for (String setting : List.of("treatAsAuthenticated", "throttleAsServer", "requiresReplication", "outboundOnly")) {
                String label = Character.toUpperCase(setting.charAt(0)) + setting.substring(1);
                String value = tp.get(setting) == null ? "(not stated)" : (Boolean) tp.get(setting) ? "True" : "False";
                assertTrue(block.contains(label + " ".repeat(21 - label.length()) + ": " + value + "\n"), label + " in " + block);
            }
            for (Map<String, Object> m : (List<Map<String, Object>>) pool.get("machines")) {
                assertTrue(block.contains(String.valueOf(m.get("fqdn"))), block);
                for (Map<String, Object> a : (List<Map<String, Object>>) m.get("netInterfaces")) {
                    assertTrue(block.contains(a.get("interfaceSide") + "=" + a.get("ipAddress")), block);
                }
            }
            for (Map<String, Object> a : (List<Map<String, Object>>) tp.get("applications")) {
                assertTrue(block.matches("(?s).*" + java.util.regex.Pattern.quote((String) a.get("applicationId")) + " +port "
                        + a.get("port") + "  " + a.get("protocol") + "\n.*"), block);
            }
        }
        assertEquals(trusted == 0, section.isEmpty(), text);
    }

    private static int nextPool(String section, int start) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\n  \\S").matcher(section);
        return m.find(start + 1) ? m.start() : section.length();
    }
}
