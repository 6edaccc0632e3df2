package org.cstopo.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.io.SourceDocument;
import org.junit.jupiter.api.Test;

class ChangesFileTest {
    private static List<Change> parse(String xml) {
        return ChangesFile.parse(SourceDocument.parse("c.xml", xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String wrap(String body) {
        return "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">\n" + body + "\n</TopologyChanges>\n";
    }

    @Test
    void readsTheCiscoRunbookInOrderWithOrigins() {
        List<Change> changes = ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml"));
        assertEquals(5, changes.size());
        Change.NewTrustedApplicationPool pool = (Change.NewTrustedApplicationPool) changes.get(0);
        assertEquals("trustedpool.sip.com", pool.identity());
        assertEquals("lyncserver.synergy.com", pool.registrar());
        assertEquals("impserverPub.sip.com", pool.firstComputer());
        assertEquals(false, pool.requiresReplication());
        assertEquals(Fixtures.path("cisco-imp-federation.changes.xml") + ":9:3", pool.origin());
        assertEquals(new Change.SetIPAddress(changes.get(4).origin(), "impserver2.sip.com", "10.10.1.11", "Primary"), changes.get(4));
        assertEquals(5061, ((Change.NewTrustedApplication) changes.get(2)).port());
    }

    @Test
    void cmdletDefaultsApplyWhenAttributesAreLeftOut() {
        Change.NewTrustedApplicationPool p = (Change.NewTrustedApplicationPool) parse(wrap(
                "<NewTrustedApplicationPool Identity=\"a.sip.com\" Registrar=\"1-Registrar-1\" Site=\"1\"/>")).get(0);
        assertEquals("a.sip.com", p.firstComputer());
        assertTrue(p.requiresReplication());
        assertTrue(p.treatAsAuthenticated());
        assertEquals(false, p.outboundOnly());
    }

    @Test
    void setPoolLeavesOutWhatItDoesNotName() {
        Change.SetTrustedApplicationPool p = (Change.SetTrustedApplicationPool) parse(wrap(
                "<SetTrustedApplicationPool Identity=\"trustedpool.sip.com\" OutboundOnly=\"true\"/>")).get(0);
        assertEquals(new Change.SetTrustedApplicationPool(p.origin(), "trustedpool.sip.com", null, null, null, null, true), p);
    }

    @Test
    void removeApplicationAcceptsTheCmdletIdentity() {
        Change.RemoveTrustedApplication r = (Change.RemoveTrustedApplication) parse(wrap(
                "<RemoveTrustedApplication Identity=\"trustedpool.sip.com/urn:application:imptrustedapp.sip.com\"/>")).get(0);
        assertEquals("trustedpool.sip.com", r.pool());
        assertEquals("urn:application:imptrustedapp.sip.com", r.applicationId());
    }

    @Test
    void schemaErrorsNameTheLine() {
        assertBad(wrap("  <SetIPAddress Computer=\"a.sip.com\"/>"), "c.xml:2:");
        assertBad(wrap("  <NewTrustedApplication ApplicationId=\"x\" TrustedApplicationPoolFqdn=\"p.sip.com\" Port=\"70000\"/>"), "70000");
        assertBad(wrap("\n  <NewTrustedApplicationPol Identity=\"p.sip.com\"/>"), "c.xml:3:");
        assertBad(wrap("  <NewTrustedApplicationComputer Identity=\"not a name\" Pool=\"p.sip.com\"/>"), "not a name");
    }

    @Test
    void theWrongRootIsNamed() {
        CstopoException e = assertThrows(CstopoException.class, () -> parse("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"/>"));
        assertTrue(e.getMessage().startsWith("c.xml:1:1: <Topology> in namespace"), e.getMessage());
        assertTrue(e.getMessage().contains("is not a changes file"));
    }

    @Test
    void anIncompleteRemoveApplicationIsRefused() {
        assertBad(wrap("<RemoveTrustedApplication ApplicationId=\"x\"/>"), "needs Identity");
        assertBad(wrap("<RemoveTrustedApplication Identity=\"noslash\"/>"), "Identity 'noslash' is not pool.fqdn/application-id: it has no '/' between");
    }

    private static void assertBad(String xml, String fragment) {
        CstopoException e = assertThrows(CstopoException.class, () -> parse(xml));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
