package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "diff: a change in topology terms" examples, run as written (files it writes go to a
 * temporary directory): each block of commands must print the block of output shown after it.
 */
class ReadmeDiffSectionTest {
    private static final Pattern EXAMPLE = Pattern.compile("```sh\n(.*?)```\n```\n(.*?)```", Pattern.DOTALL);

    @Test
    void eachExampleOutputIsWhatItsCommandsPrint(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("### diff: a change in topology terms");
        String section = readme.substring(from, readme.indexOf("\n#", from + 1));
        Matcher m = EXAMPLE.matcher(section);
        int examples = 0;
        while (m.find()) {
            String printed = "";
            for (String line : m.group(1).lines().toList()) {
                CliRun run = CliRun.of(arguments(line, tmp));
                assertTrue(run.exitCode() <= 1, line + ": " + run.stderr());
                printed = run.stdout();
            }
            assertEquals(m.group(2), printed, m.group(1));
            examples++;
        }
        assertEquals(2, examples, "the Cisco change and set-ip: " + section);
    }

    /** A README command's arguments, "cstopo" dropped; files it names outside fixtures/ are in {@code tmp}. */
    private static String[] arguments(String line, Path tmp) {
        List<String> words = new ArrayList<>(Arrays.asList(line.strip().split(" +")));
        assertEquals("cstopo", words.remove(0), line);
        return words.stream().map(w -> w.endsWith(".xml") && !w.startsWith("fixtures/") ? tmp.resolve(w).toString() : w)
                .toArray(String[]::new);
    }
}
