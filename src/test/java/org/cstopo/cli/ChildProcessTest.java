package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.cstopo.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a separate process shows: cstopo's own standard output redirected by a shell, and a
 * stylesheet loop that no check inside the JVM can reach, which only the end of the process stops.
 */
class ChildProcessTest {
    @TempDir
    Path dir;

    /**
     * {@code cstopo ... -o /dev/stdout >> out.txt}: /dev/stdout leads to the file the shell opened.
     * It is written through (appended, as the shell asked), never replaced by a rename: the file
     * keeps its inode and what was already in it.
     */
    @Test
    void devStdoutRedirectedToAFileIsWrittenThroughNotReplaced() throws Exception {
        Path input = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        Path regular = dir.resolve("regular.xml");
        assertEquals(0, CliRun.of("set-ip", input.toString(), "ucma02.synergy.com=10.10.2.22", "-o", regular.toString()).exitCode());
        byte[] expected = Files.readAllBytes(regular);

        Path out = Files.writeString(dir.resolve("out.txt"), "earlier output\n");
        Object inode = Files.readAttributes(out, BasicFileAttributes.class).fileKey();
        CliRun run = ChildJvm.run(ChildJvm.builder(Main.class, "set-ip", input.toString(), "ucma02.synergy.com=10.10.2.22", "-o",
                "/dev/stdout").redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("cstopo: applied: computer ucma02.synergy.com Primary address 0.0.0.0 -> 10.10.2.22\n"
                + "cstopo: wrote /dev/stdout\n", run.stderr());
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write("earlier output\n".getBytes(StandardCharsets.UTF_8));
        whole.write(expected);
        assertArrayEquals(whole.toByteArray(), Files.readAllBytes(out));
        assertEquals(inode, Files.readAttributes(out, BasicFileAttributes.class).fileKey(), "the same file, not a new one");
    }

    /**
     * {@code cstopo ... -o - >> topology.xml}: standard output is the input file, so the result
     * would be appended to it. Refused like {@code -o /dev/stdout}, before anything is written.
     */
    @Test
    void standardOutputRedirectedToTheInputIsRefused() throws Exception {
        Path input = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        byte[] original = Files.readAllBytes(input);
        CliRun run = ChildJvm.run(ChildJvm.builder(Main.class, "set-ip", input.toString(), "ucma02.synergy.com=10.10.2.22", "-o", "-")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(input.toFile())));
        assertEquals(2, run.exitCode(), run.stderr());
        assertEquals("cstopo: -o - writes to standard output, which is redirected to the input file; use --in-place to replace it"
                + " (it keeps the original as a backup)\n", run.stderr());
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals(java.util.List.of("t.xml"), java.util.List.copyOf(DirSnapshot.of(dir).files().keySet()));
    }

    /**
     * {@code sum(1 to 2000000000)} loops inside one built-in function, where no checkpoint is: the
     * watchdog stops waiting, prints its one line, and the process exits (ending the loop with it).
     */
    @Test
    void aLoopNoCheckReachesEndsWithTheProcess() throws Exception {
        Path input = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        byte[] original = Files.readAllBytes(input);
        Path rule = Files.writeString(dir.resolve("rule.xsl"), "<xsl:stylesheet version=\"3.0\""
                + " xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match='/'>"
                + "<x><xsl:value-of select='sum(1 to 2000000000)'/></x></xsl:template></xsl:stylesheet>");
        CliRun run = ChildJvm.run(ChildJvm.builder(Main.class, "transform", input.toString(), "--xslt", rule.toString(), "--timeout", "1",
                "-o", dir.resolve("out.xml").toString()));
        assertEquals(3, run.exitCode(), run.stderr());
        assertEquals("cstopo: " + rule + ": stopped after 1 s (--timeout 1); nothing was written: a rule that runs this long is"
                + " probably looping; if it is not, give it a larger --timeout\n", run.stderr());
        assertArrayEquals(original, Files.readAllBytes(input));
        assertEquals(java.util.List.of("rule.xsl", "t.xml"), java.util.List.copyOf(DirSnapshot.of(dir).files().keySet()));
    }
}
