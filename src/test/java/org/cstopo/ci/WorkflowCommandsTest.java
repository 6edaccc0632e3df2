package org.cstopo.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cstopo.validate.Finding;
import org.cstopo.validate.Severity;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {
    @Test
    void messagesEscapePercentAndLineBreaksPropertiesAlsoColonAndComma() {
        Annotation a = new Annotation("dir,1/a:b%.xml", 3, 7, Severity.WARNING, "rule-id", "50% done:\r\nnext, then");
        assertEquals("::warning file=dir%2C1/a%3Ab%25.xml,line=3,col=7,title=rule-id::50%25 done:%0D%0Anext, then\n",
                WorkflowCommands.of(List.of(a)));
    }

    @Test
    void levelsAndAFindingWithoutAPlace() {
        Annotation info = new Annotation("t.xml", 0, 0, Severity.INFO, "trusted-pool-shape", "m");
        Annotation error = new Annotation("t.xml", 1, 1, Severity.ERROR, "site-missing", "n");
        assertEquals("::notice file=t.xml,title=trusted-pool-shape::m\n::error file=t.xml,line=1,col=1,title=site-missing::n\n",
                WorkflowCommands.of(List.of(info, error)));
        assertEquals("::error title=cstopo::t.xml: no such topology file\n", WorkflowCommands.error("t.xml: no such topology file"));
    }

    @Test
    void aFindingAboutAResultInNoFileSitsOnTheInputItsLineInTheText() {
        Finding f = new Finding(Severity.ERROR, "ip-address-shared", "<result>", 30, 9, "pool p", "shared", "fix it");
        assertEquals(new Annotation("t.xml", 0, 0, Severity.ERROR, "ip-address-shared",
                "in the result of the edit, not written (its line 30, column 9): pool p: shared; fix: fix it"), Annotation.of(f, "<result>", "t.xml"));
        Finding written = new Finding(Severity.ERROR, "ip-address-shared", "out.xml", 30, 9, "pool p", "shared", "fix it");
        assertEquals(new Annotation("out.xml", 30, 9, Severity.ERROR, "ip-address-shared", "pool p: shared; fix: fix it"),
                Annotation.of(written, "<result>", "t.xml"));
    }
}
