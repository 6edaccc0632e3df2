package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real git in a temporary repository: a UTF-16 export committed, then the Cisco change. git itself
 * calls cstopo (textconv, difftool), through a {@code cstopo} on PATH that runs this build's classes,
 * and the README's git blocks run as written, line by line, with bash.
 */
class GitIntegrationTest {
    private static final Path README = Path.of("README.md");
    private static final String SECTION = "### git:";
    private static final Pattern EXITS = Pattern.compile("\\bexits (\\d+)\\b");

    @TempDir
    Path tmp;

    private Path repo;
    private Path bin;

    /** What a command printed and how it ended. */
    record Ran(int exitCode, String stdout, String stderr) {
    }

    @BeforeEach
    void exportThenCiscoChangeCommitted() throws Exception {
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = bin.resolve("cstopo");
        Files.writeString(launcher, "#!/bin/sh\nexec " + quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp " + quote(System.getProperty("java.class.path"))
                + " " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        repo = Files.createDirectories(tmp.resolve("exports"));
        git("init", "-q");
        git("config", "user.name", "cstopo test");
        git("config", "user.email", "test@example.invalid");
        git("config", "commit.gpgsign", "false");
        Files.copy(Fixtures.path("se-synergy.utf16-crlf.xml"), repo.resolve("topology.xml"));
        git("add", "topology.xml");
        git("commit", "-q", "-m", "export");
        CliRun applied = CliRun.of("apply", repo.resolve("topology.xml").toString(), "-c",
                Fixtures.path("cisco-imp-federation.changes.xml").toString(), "--in-place");
        assertEquals(0, applied.exitCode(), applied.stderr());
        Files.delete(repo.resolve("topology.xml.bak"));
        git("commit", "-q", "-a", "-m", "Cisco IM and Presence federation");
    }

    @Test
    void withoutTextconvGitSeesABinaryFile() throws Exception {
        Ran diff = bash("git diff HEAD~1 HEAD -- topology.xml");
        assertEquals("diff --git a/topology.xml b/topology.xml\nindex " + blob("HEAD~1") + ".." + blob("HEAD") + " 100644\n"
                + "Binary files a/topology.xml and b/topology.xml differ\n", diff.stdout());
    }

    @Test
    void theReadmesGitLinesRunAsWritten() throws Exception {
        List<CodeBlock> blocks = CodeBlock.read(README);
        List<CodeBlock> git = blocks.stream().filter(b -> b.heading().startsWith(SECTION) && b.info().equals("bash")).toList();
        assertEquals(2, git.size(), "the setup block and the topology-terms block under " + SECTION);
        for (CodeBlock block : git) {
            Ran last = runLines(block);
            CodeBlock shown = shownUnder(blocks, block);
            assertTrue(shown != null, block.where() + ": the README shows what the last command prints");
            List<String> actual = last.stdout().lines().toList();
            assertTrue(ReadmeCommandsTest.matches(shown.lines(), actual), shown.where() + ": it printed:\n" + last.stdout());
        }
    }

    /** With the README's setup, git diff shows exactly the lines cstopo added, as text, and nothing else. */
    @Test
    void gitDiffShowsTheAddedLinesAsText() throws Exception {
        runLines(setupBlock());
        Ran diff = bash("git diff HEAD~1 HEAD -- topology.xml");
        assertEquals(0, diff.exitCode(), diff.stderr());
        assertFalse(diff.stdout().contains("Binary files"), diff.stdout());
        assertEquals("", diff.stderr());
        List<String> added = diff.stdout().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).toList();
        List<String> removed = diff.stdout().lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).toList();
        assertEquals(List.of(), removed);
        assertEquals(linesCstopoAdds(), added);
        assertTrue(added.contains("+    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"trustedpool.sip.com\">"), added.toString());

        Ran log = bash("git log -p --format=%s -- topology.xml");
        assertEquals(0, log.exitCode(), log.stderr());
        assertTrue(log.stdout().startsWith("Cisco IM and Presence federation\n"), log.stdout());
        assertTrue(log.stdout().contains("\n+<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\""),
                "the first commit's export, as text too:\n" + log.stdout());
        assertFalse(log.stdout().contains("\r"), "LF line ends");
    }

    @Test
    void pipesAreInputsForDiffAndValidateUtf16Included() throws Exception {
        Ran diff = bash("cstopo diff <(git show HEAD~1:topology.xml) <(git show HEAD:topology.xml)");
        assertEquals(1, diff.exitCode(), diff.stderr());
        assertEquals("""
                pool trustedpool.sip.com added with service 1-ExternalServer-1
                machine impserverPub.sip.com added to pool trustedpool.sip.com (10.10.1.10)
                machine impserver2.sip.com added to pool trustedpool.sip.com (10.10.1.11)
                application imptrustedapp.sip.com added on port 5061
                """, diff.stdout());
        Ran validate = bash("git show HEAD:topology.xml | cstopo validate /dev/stdin");
        assertEquals(0, validate.exitCode(), validate.stderr());
        assertEquals("/dev/stdin: valid, no findings\n", validate.stdout());
        Ran broken = bash("git show HEAD:topology.xml | head -c 3001 | cstopo validate /dev/stdin");
        assertEquals(3, broken.exitCode());
        assertEquals("cstopo: /dev/stdin:27:7: bytes that are not valid UTF-16LE with BOM at byte offset 3000 (the file ends in the"
                + " middle of a character: it looks truncated); export the topology again\n", broken.stderr());
    }

    /** textconv never stops git: a file cstopo would refuse is still shown, with one line saying why. */
    @Test
    void aFileCstopoWouldRefuseStillDiffs() throws Exception {
        runLines(setupBlock());
        Files.write(repo.resolve("other.xml"), "<a>\r\n</a>\r\n".getBytes(StandardCharsets.UTF_16LE));
        Ran diff = bash("git diff --no-index /dev/null other.xml");
        assertEquals(1, diff.exitCode(), diff.stderr());
        assertTrue(diff.stdout().endsWith("@@ -0,0 +1,2 @@\n+<a>\n+</a>\n"), diff.stdout());
        assertTrue(diff.stderr().startsWith("cstopo: other.xml: looks like UTF-16 without a byte order mark;"), diff.stderr());
        assertEquals(1, diff.stderr().lines().count(), diff.stderr());
    }

    private CodeBlock setupBlock() throws IOException {
        return CodeBlock.read(README).stream().filter(b -> b.heading().startsWith(SECTION) && b.info().equals("bash"))
                .findFirst().orElseThrow();
    }

    /** The '+' lines of cstopo's own --diff of the same change. */
    private List<String> linesCstopoAdds() {
        CliRun r = CliRun.of("apply", Fixtures.path("se-synergy.utf16-crlf.xml").toString(), "-c",
                Fixtures.path("cisco-imp-federation.changes.xml").toString(), "--diff");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).map(l -> l.replace("\r", "")).toList();
    }

    /** A block with no language or diff, right under {@code block}: what its last command prints. */
    private static CodeBlock shownUnder(List<CodeBlock> blocks, CodeBlock block) {
        int i = blocks.indexOf(block);
        if (i + 1 < blocks.size()) {
            CodeBlock next = blocks.get(i + 1);
            if ((next.info().isEmpty() || next.info().equals("diff")) && next.followsPrevious()) {
                return next;
            }
        }
        return null;
    }

    /** Runs each command of a bash block in the repository; each exits 0, or the code its comment announces ("exits 1"). */
    private Ran runLines(CodeBlock block) throws Exception {
        String comments = "";
        Ran last = null;
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                comments += " " + line;
                continue;
            }
            last = bash(line);
            Matcher m = EXITS.matcher(comments + " " + line);
            int expected = m.find() ? Integer.parseInt(m.group(1)) : 0;
            comments = "";
            assertEquals(expected, last.exitCode(), README + ":" + (block.line() + 1 + i) + ": " + line + "\nstderr:\n" + last.stderr());
        }
        return last;
    }

    private Ran bash(String command) throws IOException, InterruptedException {
        return run(List.of("bash", "-c", command));
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Ran r = run(command);
        assertEquals(0, r.exitCode(), command + ": " + r.stderr());
    }

    private String blob(String revision) throws IOException, InterruptedException {
        return run(List.of("git", "rev-parse", "--short=7", revision + ":topology.xml")).stdout().strip();
    }

    /** Runs in the repository with this build's cstopo first on PATH and git's user and system configuration left out. */
    private Ran run(List<String> command) throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().remove("GIT_DIR");
        Process p = pb.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "ended: " + command);
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
