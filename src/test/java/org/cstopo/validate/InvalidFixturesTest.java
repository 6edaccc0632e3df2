package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.cstopo.cli.CliRun;
import org.cstopo.io.FileIO;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fixtures/invalid/RULE-ID[.variant].xml each break one rule. The expected finding is written in a
 * comment at the top of the fixture, {@code <!-- expect: error dependency-missing 67:11 -->}, by
 * whoever wrote the fixture: the test never asks the validator where the problem is.
 */
class InvalidFixturesTest {
    static final Path DIR = Fixtures.DIR.resolve("invalid");
    private static final Pattern EXPECT = Pattern.compile("<!-- expect: (error|warning|info) ([a-z-]+) (\\d+):(\\d+) -->");

    record Expected(Severity severity, String rule, int line, int column) {
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    static Expected expected(Path fixture) {
        Matcher m = EXPECT.matcher(FileIO.readDocument(fixture).text());
        assertTrue(m.find(), fixture + " has no expect comment");
        return new Expected(Severity.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)), m.group(2),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    }

    private static String ruleOfName(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void yieldsExactlyItsFindingAtTheExpectedPosition(Path fixture) {
        Expected e = expected(fixture);
        assertEquals(ruleOfName(fixture), e.rule(), "the file name names the rule it breaks");
        List<Finding> findings = Validator.validate(TopologyBinder.bind(FileIO.readDocument(fixture)));
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(e, new Expected(f.severity(), f.ruleId(), f.line(), f.column()), f.toText());
        assertEquals(fixture.toString(), f.file());
        assertFalse(f.object().isBlank());
        assertFalse(f.fix().isBlank());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void cliPrintsTheFindingAndExitsOneForAnError(Path fixture) {
        Expected e = expected(fixture);
        CliRun run = CliRun.of("validate", fixture.toString());
        assertEquals(e.severity() == Severity.ERROR ? 1 : 0, run.exitCode(), run.stdout() + run.stderr());
        String prefix = fixture + ":" + e.line() + ":" + e.column() + ": " + e.severity().label() + " [" + e.rule() + "] ";
        assertTrue(run.stdout().startsWith(prefix), run.stdout());
        assertTrue(run.stdout().contains("; fix: "), run.stdout());
        assertEquals("", run.stderr());
    }

    @Test
    void everyRuleHasABrokenFixture() throws IOException {
        List<String> covered = fixtures().stream().map(InvalidFixturesTest::ruleOfName).distinct().toList();
        for (Rule r : Rule.values()) {
            assertTrue(covered.contains(r.id()), "no fixtures/invalid/" + r.id() + ".xml");
        }
        assertEquals(Rule.values().length, covered.size(), "a fixture names a rule that does not exist: " + covered);
    }

    @Test
    void brokenFixturesStayOutOfTheValidOnes() {
        assertTrue(Fixtures.topologies().stream().noneMatch(p -> p.startsWith(DIR)), Fixtures.topologies().toString());
        assertFalse(Fixtures.topologies().isEmpty());
    }
}
