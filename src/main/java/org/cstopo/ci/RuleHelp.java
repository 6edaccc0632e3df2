package org.cstopo.ci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.validate.Rule;

/**
 * What each rule is, how to fix what it finds and where it comes from, as the README's tables say
 * it (the jar carries the README): one text for the reader of the README and of a code-scanning
 * alert. {@code ## Validation rules} has a row {@code | `id` | severity | what | fix |} per rule,
 * {@code ### Where each rule comes from} a row {@code | `id`, `id2` | source |} per group.
 */
public record RuleHelp(String what, String fix, String source) {

    private static Map<String, RuleHelp> all;

    /** The help of {@code rule}; the rule's own summary where the README has no row (a test holds it has one for every rule). */
    public static synchronized RuleHelp of(Rule rule) {
        if (all == null) {
            all = read(readme());
        }
        return all.getOrDefault(rule.id(), new RuleHelp(rule.summary(), "", ""));
    }

    /** The help, as markdown: the README's own cells. */
    public String markdown() {
        return what + (fix.isEmpty() ? "" : "\n\nFix: " + fix) + (source.isEmpty() ? "" : "\n\nSource: " + source);
    }

    /** The help as plain text: the markdown without its code and emphasis marks. */
    public String text() {
        return markdown().replace("`", "").replace("*", "");
    }

    static Map<String, RuleHelp> read(String readme) {
        Map<String, String[]> rules = rows(section(readme, "## Validation rules"));
        Map<String, String[]> sources = rows(section(readme, "### Where each rule comes from"));
        Map<String, RuleHelp> out = new HashMap<>();
        rules.forEach((id, cells) -> {
            if (cells.length >= 4) {
                String[] source = sources.get(id);
                out.put(id, new RuleHelp(cells[2], cells[3], source == null ? "" : source[1]));
            }
        });
        return out;
    }

    /** The rows of the section's tables, by each rule id their first cell names. */
    private static Map<String, String[]> rows(String section) {
        Map<String, String[]> out = new HashMap<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(2, line.length() - (line.endsWith(" |") ? 2 : 0)).split(" \\| ", -1);
            for (String id : List.of(cells[0].split(",\\s*"))) {
                out.put(id.strip().replace("`", ""), cells);
            }
        }
        return out;
    }

    private static String section(String text, String heading) {
        int start = ("\n" + text).indexOf("\n" + heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n#", start + heading.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String readme() {
        try (InputStream in = RuleHelp.class.getResourceAsStream("README.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
