package org.cstopo.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cstopo.cmd cannot run here (no Windows): its quoting is checked by reading it. What breaks a
 * batch launcher in practice: a path with spaces or ")" (C:\Program Files (x86)\...) expanded
 * outside quotes or inside a parenthesised block, delayed expansion eating "!", arguments
 * re-split instead of passed as typed (%*), the exit code lost after the JVM ends.
 */
class WindowsLauncherTest {
    static final Path CMD = Path.of("src", "dist", "bin", "cstopo.cmd");
    /** Variables that hold a path, which may contain spaces, "(", ")", "&". */
    static final Pattern PATH_VARIABLE = Pattern.compile("%(JAVA_HOME(:\"=)?|CSTOPO_JH|CSTOPO_JAVA|CSTOPO_LIB|CSTOPO_HERE)%");

    static List<String> code;

    @BeforeAll
    static void read() throws IOException {
        code = new ArrayList<>();
        for (String line : Files.readAllLines(CMD)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.regionMatches(true, 0, "rem", 0, 3) && !t.startsWith("::")) {
                code.add(t);
            }
        }
    }

    @Test
    void everyPathIsExpandedInsideDoubleQuotes() {
        for (String line : code) {
            Matcher m = PATH_VARIABLE.matcher(line);
            while (m.find()) {
                long quotesBefore = line.substring(0, m.start()).chars().filter(c -> c == '"').count();
                assertTrue(quotesBefore % 2 == 1, "a path expanded outside quotes: " + line);
            }
        }
    }

    @Test
    void noParenthesisedBlocksThatAClosingParenthesisInAPathWouldEnd() {
        for (String line : code) {
            assertTrue(!line.endsWith("(") && !line.startsWith(")"), "a multi-line block: " + line);
        }
    }

    @Test
    void delayedExpansionIsOffBeforeAnythingRuns() {
        assertEquals("@echo off", code.get(0));
        assertEquals("setlocal EnableExtensions DisableDelayedExpansion", code.get(1), "a '!' in an argument stays");
    }

    @Test
    void theJvmGetsTheArgumentsAsTypedAndItsExitCodeComesBack() {
        List<String> withArgs = code.stream().filter(l -> l.contains("%*")).toList();
        assertEquals(1, withArgs.size(), "one line passes the arguments: " + withArgs);
        String run = withArgs.get(0);
        assertTrue(run.startsWith("\"%CSTOPO_JAVA%\" "), "the java.exe path is quoted: " + run);
        assertTrue(run.contains(" -cp \"%CSTOPO_LIB%cstopo.jar\" org.cstopo.cli.Main %*"), run);
        assertTrue(run.endsWith(" %*"), "the arguments are last, unchanged: " + run);
        assertEquals("exit /b %ERRORLEVEL%", code.get(code.indexOf(run) + 1), "the JVM's exit code is the launcher's");
    }

    @Test
    void javaHomeComesFirstWithoutItsQuotesThenPath() {
        int home = code.indexOf("if defined JAVA_HOME set \"CSTOPO_JH=%JAVA_HOME:\"=%\"");
        int java = code.indexOf("set \"CSTOPO_JAVA=%CSTOPO_JH%\\bin\\java.exe\"");
        int path = indexOfContaining("%%~$PATH:J");
        assertTrue(home >= 0 && java > home && path > java, "JAVA_HOME (quotes dropped), then PATH");
    }

    @Test
    void everyErrorIsOneLineOnStderrThenExit127() {
        List<String> messages = code.stream().filter(l -> l.startsWith("echo cstopo:")).toList();
        assertEquals(4, messages.size(), "no jar, JAVA_HOME wrong, no Java, Java too old: " + messages);
        for (String m : messages) {
            assertTrue(m.endsWith(" 1>&2"), "to stderr: " + m);
            assertEquals("exit /b 127", code.get(code.indexOf(m) + 1), "after " + m);
        }
    }

    @Test
    void everyJumpHasItsLabel() {
        Set<String> labels = new TreeSet<>();
        Set<String> jumps = new TreeSet<>();
        Matcher jump = Pattern.compile("(?:goto |call :)(\\w+)").matcher("");
        for (String line : code) {
            if (line.startsWith(":")) {
                labels.add(line.substring(1));
            }
            jump.reset(line);
            while (jump.find()) {
                jumps.add(jump.group(1));
            }
        }
        assertTrue(labels.containsAll(jumps), "labels " + labels + " for jumps " + jumps);
    }

    private static int indexOfContaining(String s) {
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).contains(s)) {
                return i;
            }
        }
        return -1;
    }
}
