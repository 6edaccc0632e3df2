package org.cstopo.powershell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeValues;
import org.cstopo.runbook.Runbook;

/**
 * The hand-written PowerShell reader against text it was not written for, and the writer against
 * values PowerShell would split or expand. Properties: reading ends in changes or in a one-line
 * BAD_INPUT error naming the file, never another exception; any value written into a runbook reads
 * back as itself.
 */
class RunbookFuzzTest {
    /** PowerShell's syntax characters, typographic quotes and dashes, line ends, and plain text around them. */
    private static final String ALPHABET = "aZ09._-:=/\\ \t\r\n'\"`$@#<>|;,&(){}[]\u2013\u2018\u2019\u201c\u201d\u00a0";

    private static final List<String> RUNBOOKS = List.of(read("cisco-imp-federation.ps1"), read("exchange-owa-im.ps1"));

    private static String read(String name) {
        try {
            return new String(Files.readAllBytes(Fixtures.path(name)), StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> scripts() {
        Arbitrary<String> noise = Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(200);
        Arbitrary<String> damaged = Arbitraries.integers().between(0, RUNBOOKS.size() - 1).flatMap(i -> {
            String text = RUNBOOKS.get(i);
            return Arbitraries.integers().between(0, text.length()).flatMap(at -> Arbitraries.integers().between(0, 20)
                    .flatMap(cut -> Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(6)
                            .map(insert -> text.substring(0, at) + insert + text.substring(Math.min(text.length(), at + cut)))));
        });
        return Arbitraries.oneOf(noise, damaged);
    }

    @Property
    void readingEndsInChangesOrInOneLineNamingTheFile(@ForAll("scripts") String script) {
        try {
            RunbookReader.read("r.ps1", script);
        } catch (CstopoException e) {
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().startsWith("r.ps1:"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(30);
    }

    @Property
    void anyValueWrittenIntoARunbookReadsBackAsItself(@ForAll("values") String site, @ForAll("values") String registrar) {
        List<Change> changes = List.of(new Change.NewTrustedApplicationPool("c.xml:2:3", "p.sip.com", registrar, site, null, true,
                false, true, false, Change.MediaPorts.NONE));
        try {
            Runbook.of("c.xml", changes, null);
        } catch (CstopoException e) {
            // a registrar that looks like a service id (x-Registrar-y) needs --topology, a value that breaks its rule
            // (ChangeValues: blank, spaces around a site, white space in a registrar...) is refused as it would be in a
            // changes file; nothing else may fail (the runbook is read back inside Runbook.of: a value that does not survive fails there)
            boolean serviceId = e.exitCode() == ExitCode.USAGE && e.getMessage().contains("is a topology service id");
            boolean blank = e.exitCode() == ExitCode.BAD_INPUT && e.getMessage().startsWith("c.xml:2:3: NewTrustedApplicationPool ")
                    && ChangeValues.problem(changes.get(0)) != null;
            assertTrue(serviceId || blank, e.getMessage());
        }
    }
}
