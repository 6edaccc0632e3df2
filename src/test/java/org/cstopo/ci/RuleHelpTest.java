package org.cstopo.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cstopo.validate.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The help a SARIF log gives each rule is the README's, read from the copy the jar carries. */
class RuleHelpTest {
    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyRuleHasWhatFixAndSource(Rule rule) {
        RuleHelp help = RuleHelp.of(rule);
        assertFalse(help.what().isBlank(), rule.id());
        assertFalse(help.fix().isBlank(), rule.id());
        assertFalse(help.source().isBlank(), rule.id());
    }

    @Test
    void theJarsCopyIsTheReadme() throws Exception {
        Map<String, RuleHelp> fromFile = RuleHelp.read(Files.readString(Path.of("README.md")));
        for (Rule rule : Rule.values()) {
            assertEquals(fromFile.get(rule.id()), RuleHelp.of(rule), rule.id());
        }
    }

    @Test
    void aRowNamingSeveralRulesGivesEachTheSource() {
        String readme = """
                ## Validation rules

                | rule id | severity | what | fix |
                |---|---|---|---|
                | `a-rule` | error | a `thing` is *wrong* | fix it |
                | `b-rule` | warning | b | fix b |

                ### Where each rule comes from

                | rule id | source |
                |---|---|
                | `a-rule`, `b-rule` | the *book* |

                ## Next
                """;
        Map<String, RuleHelp> help = RuleHelp.read(readme);
        assertEquals(new RuleHelp("a `thing` is *wrong*", "fix it", "the *book*"), help.get("a-rule"));
        assertEquals("the *book*", help.get("b-rule").source());
        assertEquals("a thing is wrong\n\nFix: fix it\n\nSource: the book", help.get("a-rule").text());
    }
}
