package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.Fixtures;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;

/** A fixture's text with exact replacements (each must occur), validated in memory: one variation per test. */
final class EditedFixture {
    private EditedFixture() {
    }

    /** {@code fixture} is relative to fixtures/; {@code pairs} alternate text to find and its replacement. */
    static String text(String fixture, String... pairs) {
        try {
            String text = Files.readString(Fixtures.DIR.resolve(fixture));
            for (int i = 0; i < pairs.length; i += 2) {
                assertTrue(text.contains(pairs[i]), fixture + " has no " + pairs[i]);
                text = text.replace(pairs[i], pairs[i + 1]);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Finding> findings(String fixture, String... pairs) {
        return validate(Path.of(fixture).getFileName().toString(), text(fixture, pairs));
    }

    static List<Finding> validate(String name, String text) {
        return Validator.validate(TopologyBinder.bind(SourceDocument.parse(name, text.getBytes(StandardCharsets.UTF_8))));
    }

    /** "severity rule-id object" of each finding, for exact comparisons. */
    static List<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.ruleId() + " " + f.object()).toList();
    }
}
