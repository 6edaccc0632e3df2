package org.cstopo.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cstopo.cli.CompletionScript;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * target/cstopo_completion (made by picocli.AutoComplete in process-classes) completes every
 * subcommand of the real command tree, at every level: asked in bash itself, with the words a
 * user would have typed, so the list cannot drift from the commands.
 */
class CompletionScriptTest {
    static final Path SCRIPT = Path.of("target", "cstopo_completion");

    @Test
    void bashCompletesEverySubcommandAtEveryLevel() throws Exception {
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT + " exists (exec-maven-plugin, process-classes)");
        Map<List<String>, Set<String>> expected = new LinkedHashMap<>();
        walk(CompletionScript.commands(), new ArrayList<>(List.of("cstopo")), expected);
        assertTrue(expected.size() >= 2, "the tree has nested commands: " + expected.keySet());

        for (Map.Entry<List<String>, Set<String>> e : expected.entrySet()) {
            assertEquals(e.getValue(), complete(e.getKey()), "completions after '" + String.join(" ", e.getKey()) + " '");
        }
    }

    @Test
    void optionsAreCompletedToo() throws Exception {
        Set<String> options = complete(List.of("cstopo", "validate"), "--");
        assertTrue(options.contains("--format"), options.toString());
        assertFalse(options.contains("--changes"), "apply's option is not offered after validate: " + options);
    }

    /** Each command with subcommands, by the words that name it, and the names (with aliases) it takes. */
    private static void walk(CommandLine cmd, List<String> words, Map<List<String>, Set<String>> into) {
        if (cmd.getSubcommands().isEmpty()) {
            return;
        }
        into.put(List.copyOf(words), new TreeSet<>(cmd.getSubcommands().keySet()));
        for (CommandLine sub : new LinkedHashMap<>(cmd.getSubcommands()).values()) {
            List<String> next = new ArrayList<>(words);
            next.add(sub.getCommandName());
            walk(sub, next, into);
        }
    }

    private static Set<String> complete(List<String> words) throws Exception {
        return complete(words, "");
    }

    /** What bash offers for {@code current} after {@code words}, with the script sourced (compopt works only inside a real completion: stubbed). */
    private static Set<String> complete(List<String> words, String current) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "source \"$1\"; compopt() { :; }; shift; cur=$1; shift; COMP_WORDS=(\"$@\" \"$cur\"); COMP_CWORD=$#;"
                        + " COMP_LINE=\"$* $cur\"; COMP_POINT=${#COMP_LINE}; _complete_cstopo; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", SCRIPT.toString(), current));
        command.addAll(words);
        Launched run = Launched.run(Path.of("."), Map.of(), command);
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        Set<String> offered = new TreeSet<>(List.of(run.stdout().split("\n")));
        offered.remove("");
        return offered;
    }
}
