package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.Fixtures;
import org.cstopo.JsonRead;
import org.cstopo.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void jsonHasTheDocumentedShape() {
        Path input = InvalidFixturesTest.DIR.resolve("dependency-missing.xml");
        CliRun run = CliRun.of("validate", input.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        Map<String, Object> json = JsonRead.object(run.stdout());
        assertEquals(List.of("file", "errors", "warnings", "infos", "findings"), List.copyOf(json.keySet()));
        assertEquals(List.of(input.toString(), 1L, 0L, 0L), List.of(json.get("file"), json.get("errors"), json.get("warnings"), json.get("infos")));
        List<?> findings = (List<?>) json.get("findings");
        assertEquals(1, findings.size());
        Map<?, ?> f = (Map<?, ?>) findings.get(0);
        assertEquals(List.of("severity", "rule", "file", "line", "column", "object", "message", "fix"), List.copyOf(f.keySet()));
        assertEquals(List.of("error", "dependency-missing", input.toString(), 67L, 11L, "service 1-Registrar-1",
                "depends on 1-FileStore-2, which does not exist"), List.of(f.get("severity"), f.get("rule"), f.get("file"), f.get("line"),
                f.get("column"), f.get("object"), f.get("message")));
        assertFalse(((String) f.get("fix")).isBlank());
    }

    @Test
    void jsonOfACleanFileHasNoFindings() {
        CliRun run = CliRun.of("validate", Fixtures.path("se-synergy.utf16-crlf.xml").toString(), "--format", "json");
        assertEquals(0, run.exitCode());
        Map<String, Object> json = JsonRead.object(run.stdout());
        assertEquals(List.of(0L, 0L, 0L, List.of()), List.of(json.get("errors"), json.get("warnings"), json.get("infos"), json.get("findings")));
    }

    @Test
    void infoFindingsAreCountedAndNeverChangeTheExitCode() {
        Path input = InvalidFixturesTest.DIR.resolve("trusted-pool-shape.xml");
        CliRun text = CliRun.of("validate", input.toString());
        assertEquals(0, text.exitCode(), text.stdout());
        assertTrue(text.stdout().endsWith("\n" + input + ": 0 errors, 0 warnings, 1 info\n"), text.stdout());
        assertTrue(text.stdout().startsWith(input + ":161:5: info [trusted-pool-shape] trusted application pool ucmapool.synergy.com,"
                + " service 1-ExternalServer-1: written differently from cstopo's built-in (inferred) form: Cluster: RequiresSetup \"true\""
                + " (built-in: \"false\"); new trusted pools in this topology copy this pool's form; fix: nothing to fix;"), text.stdout());
        Map<String, Object> json = JsonRead.object(CliRun.of("validate", input.toString(), "--format", "json").stdout());
        assertEquals(List.of(0L, 0L, 1L), List.of(json.get("errors"), json.get("warnings"), json.get("infos")));
        assertEquals("info", ((Map<?, ?>) ((List<?>) json.get("findings")).get(0)).get("severity"));
    }

    @Test
    void badFormatIsAUsageError() {
        CliRun run = CliRun.of("validate", Fixtures.path("se-synergy.xml").toString(), "--format", "yaml");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
    }

    @Test
    void unreadableInputIsExitThreeOnOneLine() throws IOException {
        CliRun missing = CliRun.of("validate", tmp.resolve("nope.xml").toString());
        assertEquals(3, missing.exitCode());
        Path notXml = tmp.resolve("broken.xml");
        Files.writeString(notXml, "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"><Sites>",
                StandardCharsets.UTF_8);
        CliRun broken = CliRun.of("validate", notXml.toString());
        assertEquals(3, broken.exitCode());
        for (CliRun run : new CliRun[] {missing, broken}) {
            assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
            assertFalse(run.stderr().contains("Exception"), run.stderr());
            assertEquals("", run.stdout());
        }
    }

    @Test
    void aSkeletonWithoutAttributesGivesFindingsNotACrash() throws IOException {
        Path input = tmp.resolve("skeleton.xml");
        Files.writeString(input, String.join("\n",
                "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">",
                "<Sites><CentralSite /></Sites>",
                "<Clusters><Cluster><ClusterId /><Machine><NetInterface /></Machine></Cluster><Cluster /></Clusters>",
                "<SqlInstances><SqlInstance><SqlInstanceId /></SqlInstance><SqlInstance /></SqlInstances>",
                "<Services><Service><ServiceId /><DependsOn><Dependency><ServiceId /></Dependency><Dependency /></DependsOn>",
                "<InstalledOn><ClusterId /><SqlInstanceId /></InstalledOn>",
                "<Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\"><Port /><Port Owner=\"urn:application:\" />",
                "<Port Owner=\"urn:application:\" /></Ports></Service>",
                "<Service><ServiceId RoleName=\"ExternalServer\" /><DependsOn><Dependency><ServiceId RoleName=\"Registrar\" />",
                "</Dependency></DependsOn><InstalledOn><ClusterId /></InstalledOn></Service><Service /></Services></Topology>"));
        CliRun run = CliRun.of("validate", input.toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertTrue(run.stdout().contains(input + ":3:20: error [attribute-missing] ClusterId: <ClusterId> has no SiteId, Number"),
                run.stdout());
    }

    @Test
    void helpListsValidate() {
        CliRun run = CliRun.of("--help");
        assertTrue(run.stdout().contains("validate"), run.stdout());
    }

    @Test
    void findingsComeInDocumentOrder() throws IOException {
        // Two problems written bottom-up: a missing dependency (late) and a shared address (early).
        String text = Files.readString(InvalidFixturesTest.DIR.resolve("dependency-missing.xml"))
                .replace("IPAddress=\"10.20.0.22\"", "IPAddress=\"10.20.0.10\"");
        Path input = tmp.resolve("two.xml");
        Files.writeString(input, text);
        CliRun run = CliRun.of("validate", input.toString());
        assertEquals(1, run.exitCode());
        String[] lines = run.stdout().split("\n");
        assertEquals(3, lines.length, run.stdout());
        assertTrue(lines[0].startsWith(input + ":29:9: error [ip-address-shared] "), lines[0]);
        assertTrue(lines[1].startsWith(input + ":67:11: error [dependency-missing] "), lines[1]);
        assertEquals(input + ": 2 errors, 0 warnings", lines[2]);
    }
}
