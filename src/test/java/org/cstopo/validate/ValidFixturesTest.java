package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.cstopo.cli.CliRun;
import org.cstopo.io.FileIO;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our valid fixtures and the real exports are accepted by Publish-CsTopology: no errors. */
class ValidFixturesTest {

    static List<Path> inputs() {
        return Fixtures.topologiesAndSamples();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void hasNoErrors(Path input) {
        ValidationReport report = Validator.report(TopologyBinder.bind(FileIO.readDocument(input)));
        assertFalse(report.hasErrors(), report.toText());
        CliRun run = CliRun.of("validate", input.toString());
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertFalse(run.stdout().contains(": error ["), run.stdout());
        assertTrue(run.stdout().strip().endsWith(report.summary()), run.stdout());
    }

    /** Real exports were published as they are: every rule, warnings included, must stay silent on them. */
    @TestFactory
    Stream<DynamicTest> realExportsHaveNoFindingsAtAll() {
        return Fixtures.samples().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () ->
                assertEquals(List.of(), Validator.validate(TopologyBinder.bind(FileIO.readDocument(sample))))));
    }

    @Test
    void ourValidFixturesHaveNoFindingsButTheOneTheyAreAbout() {
        for (Path fixture : Fixtures.topologies()) {
            List<String> rules = Validator.validate(TopologyBinder.bind(FileIO.readDocument(fixture))).stream()
                    .map(Finding::ruleId).toList();
            String name = fixture.getFileName().toString();
            // The own-form pool differs from the built-in form on purpose: that is the info finding it exists for.
            List<String> expected = name.startsWith("se-trusted-pool.") ? List.of("trusted-pool-unassigned-ip")
                    : name.startsWith("se-trusted-pool-own-form.") ? List.of("trusted-pool-unassigned-ip", "trusted-pool-shape")
                    : List.of();
            assertEquals(expected, rules, fixture.toString());
        }
    }

    @Test
    void theExistingTrustedPoolWarnsOnlyAboutItsUnassignedComputer() {
        Path input = Fixtures.path("se-trusted-pool.xml");
        CliRun run = CliRun.of("validate", input.toString());
        assertEquals(0, run.exitCode());
        assertEquals(input + ":30:9: warning [trusted-pool-unassigned-ip] pool ucmapool.synergy.com, machine"
                + " ucma02.synergy.com: the Primary interface is still on 0.0.0.0; the trusted application computer needs"
                + " its real address; fix: cstopo set-ip " + input + " ucma02.synergy.com=ADDRESS --in-place\n"
                + input + ": 0 errors, 1 warning\n", run.stdout());
    }

    @Test
    void aCleanFileSaysSo() {
        CliRun run = CliRun.of("validate", Fixtures.path("se-synergy.xml").toString());
        assertEquals(0, run.exitCode());
        assertEquals(Fixtures.path("se-synergy.xml") + ": valid, no findings\n", run.stdout());
    }
}
