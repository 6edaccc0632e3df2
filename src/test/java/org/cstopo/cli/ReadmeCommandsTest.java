package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cstopo.CstopoException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.ThrowingConsumer;
import picocli.CommandLine;

/**
 * The README's commands, run as a user runs them from a clone, so that the README cannot drift from
 * what cstopo does. Every {@code ```sh} block of README.md runs, line by line, in a directory of its
 * own holding a copy of fixtures/, xslt/ and xsd/, with {@code cstopo} (and
 * {@code java -jar target/cstopo.jar}) being the CLI in-process and paths resolved in that directory.
 * Each command must exit 0, or the code a comment on it announces ("exits 1"); a block with no
 * language right under a {@code sh} block is what the last command prints, and must be what it
 * prints ({@code ...} stands for any lines). Every other {@code cstopo} line (PowerShell blocks,
 * src/bench/README.md) must be a command line cstopo accepts.
 */
class ReadmeCommandsTest {
    private static final Path README = Path.of("README.md");
    private static final Path BENCH_README = Path.of("src", "bench", "README.md");
    private static final List<String> COPIED = List.of("fixtures", "xslt", "xsd");
    private static final Pattern EXITS = Pattern.compile("\\bexits (\\d+)\\b");
    private static final String SESSION = "## A typical session";
    private static final String TRANSFORM = "### transform:";

    /** What the README says in prose about the result of a block, checked after it runs (by heading). */
    private static final Map<String, ThrowingConsumer<Path>> CLAIMS = Map.of(
            SESSION, ReadmeCommandsTest::theNewFileKeepsTheExportsEncodingAndLineEnds,
            TRANSFORM, ReadmeCommandsTest::theRulesGiveTheBytesApplyGives);

    @TempDir
    Path root;

    @TestFactory
    Stream<DynamicTest> everyShellBlockOfTheReadmeRunsAsWrittenFromAClone() throws IOException {
        List<CodeBlock> blocks = CodeBlock.read(README);
        List<CodeBlock> shell = blocks.stream().filter(CodeBlock::isShell).toList();
        for (String heading : CLAIMS.keySet()) {
            assertTrue(shell.stream().anyMatch(b -> b.heading().startsWith(heading)), "README has no sh block under " + heading);
        }
        return shell.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> run(b, CodeBlock.outputOf(blocks, b))));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherCstopoLineIsACommandLineCstopoAccepts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (CodeBlock b : CodeBlock.read(README)) {
            if (b.isShell()) {
                continue;
            }
            for (int i = 0; i < b.lines().size(); i++) {
                String line = b.lines().get(i).strip();
                if (line.startsWith("cstopo ")) {
                    int number = b.line() + 1 + i;
                    tests.add(DynamicTest.dynamicTest(README + ":" + number, () -> parses(cliArguments(number, line))));
                }
            }
        }
        for (CodeBlock b : CodeBlock.read(BENCH_README)) {
            for (ShellLine c : ShellLine.commands(b)) {
                if (!c.isCommentOnly() && c.words().get(0).equals("java")) {
                    tests.add(DynamicTest.dynamicTest(BENCH_README + ":" + c.line(), () -> parses(cstopoArguments(c))));
                }
            }
        }
        assertFalse(tests.isEmpty(), "the READMEs show cstopo lines outside sh blocks (PowerShell, the bench's java -jar)");
        return tests.stream();
    }

    /** The session must stay a block this test runs, with its output under it: a prose rewrite would otherwise test nothing. */
    @Test
    void theTypicalSessionIsRunnableAndShowsWhatItsLastCommandPrints() throws IOException {
        List<CodeBlock> blocks = CodeBlock.read(README);
        List<CodeBlock> session = blocks.stream().filter(b -> b.isShell() && b.heading().startsWith(SESSION)).toList();
        assertEquals(1, session.size(), "one sh block under " + SESSION);
        List<String> commands = ShellLine.commands(session.get(0)).stream().filter(c -> !c.isCommentOnly())
                .map(c -> String.join(" ", c.words())).toList();
        for (String step : List.of("cstopo validate ", "cstopo apply ", "cstopo diff ")) {
            assertTrue(commands.stream().anyMatch(c -> c.startsWith(step)), "the session has a step " + step + ": " + commands);
        }
        assertTrue(commands.stream().anyMatch(c -> c.contains(" --diff")), "the session reviews with --diff: " + commands);
        assertNotNull(CodeBlock.outputOf(blocks, session.get(0)), "the session shows what its last command prints");
        assertTrue(Files.readString(README).startsWith("# cstopo\n\n```sh\nmvn -B -ntp -q -DskipTests package && java -jar target/cstopo.jar ")
                && Files.readString(README).contains("\nmvn -B -ntp verify\n```\n"), "the README opens with the build-and-run and test commands");
    }

    /** "What it does" lists every command cstopo has, so a command added without its README row fails here. */
    @Test
    void theCommandTableListsEveryCommand() throws IOException {
        String readme = Files.readString(README);
        int from = readme.indexOf("\n## What it does\n");
        assertTrue(from >= 0, "README has ## What it does");
        String section = readme.substring(from, readme.indexOf("\n## ", from + 1));
        List<String> missing = new ArrayList<>();
        for (String command : Main.commandLine(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream())).getSubcommands().keySet()) {
            if (!Pattern.compile("\n\\| `cstopo " + Pattern.quote(command) + "[ `\\\\]").matcher(section).find()) {
                missing.add(command);
            }
        }
        assertEquals(List.of(), missing, "commands without a row in README's ## What it does");
    }

    /** The changes file the README shows is the bundled one, without its comments. */
    @Test
    void theChangesFileShownIsTheBundledOne() throws IOException {
        List<CodeBlock> xml = CodeBlock.read(README).stream().filter(b -> b.info().equals("xml")
                && b.heading().equals("## The changes file")).toList();
        assertEquals(1, xml.size(), "one xml block under ## The changes file");
        String bundled = Files.readString(Path.of("fixtures", "cisco-imp-federation.changes.xml"))
                .replaceAll("(?s)<\\?xml.*?\\?>|<!--.*?-->", "");
        assertEquals(bundled.lines().filter(l -> !l.isBlank()).toList(), xml.get(0).lines());
    }

    private void run(CodeBlock block, CodeBlock expectedOutput) throws Throwable {
        Path dir = Files.createDirectories(root.resolve("line-" + block.line())).toRealPath();
        for (String d : COPIED) {
            copyTree(Path.of(d), dir.resolve(d));
        }
        DirSnapshot project = DirSnapshot.of(Path.of("."));
        String comments = "";
        CliRun last = null;
        for (ShellLine c : ShellLine.commands(block)) {
            if (c.isCommentOnly()) {
                comments += " " + c.comment();
                continue;
            }
            String said = comments + " " + c.comment();
            comments = "";
            String where = README + ":" + c.line() + ": " + String.join(" ", c.words());
            switch (c.words().get(0)) {
                case "mvn", "alias" -> {
                    // the build this test runs in; the README's name for what this test calls in-process
                }
                case "cp" -> {
                    assertEquals(3, c.words().size(), where);
                    Files.copy(dir.resolve(c.words().get(1)), dir.resolve(c.words().get(2)), StandardCopyOption.REPLACE_EXISTING);
                }
                case "cstopo", "java" -> {
                    CliRun r = CliRun.of(inDirectory(dir, cstopoArguments(c)).toArray(String[]::new));
                    last = new CliRun(r.exitCode(), relative(dir, r.stdout()).getBytes(StandardCharsets.UTF_8), relative(dir, r.stderr()));
                    assertEquals(expectedExit(said), last.exitCode(), where + "\nstderr:\n" + last.stderr());
                }
                default -> fail(where + ": the README test runs cstopo, java -jar target/cstopo.jar, cp and mvn lines only");
            }
        }
        assertEquals(project, DirSnapshot.of(Path.of(".")), block.where() + ": the commands wrote into the clone itself");
        if (expectedOutput != null) {
            assertNotNull(last, block.where() + ": output shown under a block that runs no cstopo command");
            assertPrints(expectedOutput, last);
        }
        for (Map.Entry<String, ThrowingConsumer<Path>> claim : CLAIMS.entrySet()) {
            if (block.heading().startsWith(claim.getKey())) {
                claim.getValue().accept(dir);
            }
        }
    }

    private static int expectedExit(String comments) {
        Matcher m = EXITS.matcher(comments);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Lines that all begin with "cstopo:" are what the command says on standard error; other lines are
     * its standard output. "..." stands for any number of lines.
     */
    private static void assertPrints(CodeBlock expected, CliRun run) {
        List<String> lines = expected.lines();
        boolean stderr = lines.stream().allMatch(l -> l.equals("...") || l.startsWith("cstopo: "));
        String actual = stderr ? run.stderr() : run.stdout();
        List<String> actualLines = actual.lines().map(String::stripTrailing).toList();
        assertTrue(matches(lines.stream().map(String::stripTrailing).toList(), actualLines),
                expected.where() + ": the README shows what the command above prints, but it printed (on "
                        + (stderr ? "stderr" : "stdout") + "):\n" + actual);
    }

    static boolean matches(List<String> expected, List<String> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty();
        }
        if (expected.get(0).equals("...")) {
            for (int skip = 0; skip <= actual.size(); skip++) {
                if (matches(expected.subList(1, expected.size()), actual.subList(skip, actual.size()))) {
                    return true;
                }
            }
            return false;
        }
        return !actual.isEmpty() && expected.get(0).equals(actual.get(0)) && matches(expected.subList(1, expected.size()),
                actual.subList(1, actual.size()));
    }

    /** The arguments after {@code cstopo}, or after {@code java [JVM options] -jar target/cstopo.jar}. */
    private static List<String> cstopoArguments(ShellLine c) {
        List<String> w = c.words();
        if (w.get(0).equals("cstopo")) {
            return w.subList(1, w.size());
        }
        int jar = w.indexOf("-jar");
        assertTrue(jar > 0 && jar + 1 < w.size() && w.get(jar + 1).equals("target/cstopo.jar"), "line " + c.line()
                + ": a java line runs target/cstopo.jar: " + w);
        return w.subList(jar + 2, w.size());
    }

    private static List<String> cliArguments(int number, String line) {
        List<ShellLine> commands = ShellLine.commands(new CodeBlock(README, number - 1, "", List.of(line), "", false));
        assertEquals(1, commands.size(), line);
        return cstopoArguments(commands.get(0));
    }

    /**
     * Paths as the shell would resolve them in {@code dir}: the value of -o/--output/--backup (not
     * "-"), and every other argument that names a file there.
     */
    private static List<String> inDirectory(Path dir, List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean output = i > 0 && List.of("-o", "--output", "--backup").contains(args.get(i - 1).toLowerCase()) && !a.equals("-");
            out.add(output || !a.startsWith("-") && Files.exists(dir.resolve(a)) ? dir.resolve(a).toString() : a);
        }
        return out;
    }

    private static String relative(Path dir, String printed) {
        return printed.replace(dir + File.separator, "");
    }

    private static void parses(List<String> args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CommandLine cmd = Main.commandLine(nowhere, nowhere);
        try {
            cmd.parseArgs(TypedArguments.resolve(args.toArray(String[]::new), cmd).args);
        } catch (CommandLine.ParameterException | CstopoException e) {
            fail("cstopo " + String.join(" ", args) + ": " + e.getMessage());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** "topology.new.xml keeps the export's UTF-16 encoding, byte order mark and CRLF line ends". */
    private static void theNewFileKeepsTheExportsEncodingAndLineEnds(Path dir) throws IOException {
        byte[] export = Files.readAllBytes(dir.resolve("topology.xml"));
        byte[] result = Files.readAllBytes(dir.resolve("topology.new.xml"));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {export[0], export[1]}, "the bundled export is UTF-16 LE");
        assertArrayEquals(new byte[] {export[0], export[1]}, new byte[] {result[0], result[1]}, "the same byte order mark");
        String text = new String(result, StandardCharsets.UTF_16LE);
        assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF line ends only");
    }

    /** "cisco.xml is byte for byte what apply writes from fixtures/cisco-imp-federation.changes.xml". */
    private static void theRulesGiveTheBytesApplyGives(Path dir) throws IOException {
        Path applied = dir.resolve("applied.xml");
        CliRun r = CliRun.of("apply", dir.resolve("fixtures/se-synergy.utf16-crlf.xml").toString(), "-c",
                dir.resolve("fixtures/cisco-imp-federation.changes.xml").toString(), "-o", applied.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(Files.readAllBytes(applied), Files.readAllBytes(dir.resolve("cisco.xml")));
    }
}
