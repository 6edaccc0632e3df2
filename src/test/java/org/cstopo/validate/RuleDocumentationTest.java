package org.cstopo.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README's rule table lists every rule with its severity, and the source table says where each comes from. */
class RuleDocumentationTest {
    private static final Path README = Path.of("README.md");

    private static String section(String heading) throws IOException {
        String text = Files.readString(README);
        int start = text.indexOf(heading);
        assertTrue(start >= 0, "README has no " + heading);
        int end = text.indexOf("\n#", start + heading.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The rows of a markdown table whose first cell names the rule (alone or among others). */
    private static List<String> rowsNaming(String section, Rule rule) {
        return section.lines().filter(l -> l.startsWith("| ") && l.split("\\|")[1].contains("`" + rule.id() + "`")).toList();
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void theRuleTableHasOneRowWithTheRulesSeverity(Rule rule) throws IOException {
        List<String> rows = rowsNaming(section("## Validation rules"), rule);
        assertEquals(1, rows.size(), rule.id() + ": " + rows);
        Matcher m = Pattern.compile("^\\| `[a-z-]+` \\| (\\w+) \\|").matcher(rows.get(0));
        assertTrue(m.find(), rows.get(0));
        assertEquals(rule.severity().label(), m.group(1), rule.id());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void theSourceTableCitesTheRule(Rule rule) throws IOException {
        List<String> rows = rowsNaming(section("### Where each rule comes from"), rule);
        assertEquals(1, rows.size(), rule.id() + ": " + rows);
        assertTrue(rows.get(0).split("\\|")[2].strip().length() > 10, rows.get(0));
    }
}
