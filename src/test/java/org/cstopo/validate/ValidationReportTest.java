package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
    void refusalIsOneLineWithExitCodeOne() {
        Path p = InvalidFixturesTest.DIR.resolve("sip-port-conflict.xml");
        ValidationReport r = report(p);
        assertTrue(r.hasErrors());
        CstopoException e = r.refusal();
        assertEquals(ExitCode.FINDINGS, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the result breaks 1 topology rule (first: " + p + ":92:9: [sip-port-conflict] "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written; fix the changes, or pass --force to write it anyway"));
    }
}
