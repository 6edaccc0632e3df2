package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;

/** The API apply uses to refuse a result that breaks a rule. */
class ValidationReportTest {
    private static ValidationReport report(Path p) {
        return Validator.report(TopologyBinder.bind(FileIO.readDocument(p)));
    }

    @Test
    void warningsAloneDoNotRefuse() {
        ValidationReport r = report(Fixtures.path("se-trusted-pool.xml"));
        assertFalse(r.hasErrors());
        assertEquals(0, r.errors());
        assertEquals(1, r.warnings());
    }

    @Test
    void refusalIsOneLineWithExitCodeSix() {
        Path p = InvalidFixturesTest.DIR.resolve("sip-port-conflict.xml");
        ValidationReport r = report(p);
        assertTrue(r.hasErrors());
        CstopoException e = r.refusal(new ValidationReport("input.xml", List.of()), true);
        assertEquals(ExitCode.RESULT_BREAKS_RULES, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the result breaks 1 topology rule (first: " + p + ":92:9: [sip-port-conflict] "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written; fix the changes, or pass --force to write it anyway"));
    }

    /** An input that already breaks the rule: the fix is in that file, not in the changes. */
    @Test
    void errorsAlreadyInTheInputAreNamedAsSuch() {
        ValidationReport r = report(InvalidFixturesTest.DIR.resolve("sip-port-conflict.xml"));
        ValidationReport input = new ValidationReport("t.xml", r.findings());
        CstopoException e = r.refusal(input, true);
        assertEquals(ExitCode.RESULT_BREAKS_RULES, e.exitCode());
        assertTrue(e.getMessage().startsWith("the result breaks 1 topology rule, already broken in t.xml (first: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written; fix t.xml first ('cstopo validate t.xml' lists them),"
                + " or pass --force to write it anyway"), e.getMessage());
        CstopoException check = r.refusal(input, false);
        assertTrue(check.getMessage().endsWith("a write would be refused: fix t.xml first ('cstopo validate t.xml' lists them),"
                + " or write it with --force"), check.getMessage());
    }

    /** Two errors of one rule about two objects, one of them in the input: the new one is named first. */
    @Test
    void theFirstErrorTheEditBroughtIsNamedFirst() {
        Finding old = new Finding(Severity.ERROR, "ip-address-shared", "r.xml", 10, 9, "pool p.sip.com, machine a.sip.com", "m1", "f1");
        Finding brought = new Finding(Severity.ERROR, "ip-address-shared", "r.xml", 20, 9, "pool p.sip.com, machine b.sip.com", "m2", "f2");
        ValidationReport result = new ValidationReport("r.xml", List.of(old, brought));
        Finding inInput = new Finding(Severity.ERROR, "ip-address-shared", "t.xml", 12, 9, "pool p.sip.com, machine a.sip.com", "m1", "f1");
        ValidationReport input = new ValidationReport("t.xml", List.of(inInput));
        String message = result.refusal(input, true).getMessage();
        assertEquals("the result breaks 2 topology rules, 1 of them already broken in t.xml (first new: r.xml:20:9: [ip-address-shared]"
                + " pool p.sip.com, machine b.sip.com: m2; and 1 more); nothing was written; fix the changes and t.xml,"
                + " or pass --force to write it anyway", message);
    }
}
