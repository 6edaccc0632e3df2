package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangesFile;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What apply will do before writing: validate the result of the changes and refuse it when it
 * breaks a rule. The Cisco procedure's changes give a valid topology; the same changes with a
 * typo or with the trusted pool in the Lync pool's domain give a result apply must refuse.
 */
class ApplyResultValidationTest {
    private static final Path CISCO = Fixtures.path("cisco-imp-federation.changes.xml");

    @TempDir
    Path tmp;

    private ValidationReport resultOf(String changes) throws IOException {
        Path file = tmp.resolve("changes.xml");
        Files.writeString(file, changes);
        SourceDocument doc = FileIO.readDocument(Fixtures.path("se-synergy.xml"));
        ApplyResult result = ChangeApplier.apply(TopologyBinder.bind(doc), ChangesFile.read(file));
        assertTrue(result.changed());
        SourceDocument written = SourceDocument.parse(doc.name(), doc.encoding(), result.text());
        return Validator.report(TopologyBinder.bind(written));
    }

    private static List<String> rules(ValidationReport r) {
        return r.findings().stream().map(f -> f.severity().label() + " " + f.ruleId()).toList();
    }

    @Test
    void theCiscoProcedureGivesAValidTopology() throws IOException {
        ValidationReport r = resultOf(Files.readString(CISCO));
        assertEquals(List.of(), r.findings());
    }

    @Test
    void withoutStepSixTheComputersAreOnlyWarnedAbout() throws IOException {
        String changes = String.join("\n", Files.readString(CISCO).lines().filter(l -> !l.contains("<SetIPAddress")).toList());
        ValidationReport r = resultOf(changes);
        assertFalse(r.hasErrors());
        assertEquals(List.of("warning trusted-pool-unassigned-ip", "warning trusted-pool-unassigned-ip"), rules(r));
    }

    @Test
    void twoNodesOnOneAddressAreRefused() throws IOException {
        ValidationReport r = resultOf(Files.readString(CISCO).replace("10.10.1.11", "10.10.1.10"));
        assertEquals(List.of("error ip-address-shared"), rules(r));
        assertEquals(ExitCode.RESULT_BREAKS_RULES, r.refusal(new ValidationReport("se-synergy.xml", List.of()), true).exitCode());
    }

    @Test
    void aTrustedPoolInTheLyncPoolsDomainIsRefused() throws IOException {
        ValidationReport r = resultOf(Files.readString(CISCO).replace("sip.com", "synergy.com"));
        assertEquals(List.of("error lync-pool-in-federated-domain"), rules(r));
        assertTrue(r.findings().get(0).object().equals("pool lyncserver.synergy.com"), r.toText());
    }
}
