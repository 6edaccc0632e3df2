package org.cstopo.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/cstopo, the POSIX launcher the package phase leaves beside the jar, run as a user runs it.
 * Runs after package (failsafe, mvn verify).
 */
class LauncherIT {
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path LAUNCHER = TARGET.resolve("cstopo");
    static final Path SAMPLE = Path.of("fixtures", "se-synergy.utf16-crlf.xml");
    static final String VERSION = System.getProperty("cstopo.version", "0.1.0");
    /** The JDK running the tests: the one the build made its CDS archive with. */
    static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path tmp;

    /**
     * Argument lists whose every byte shows in cstopo's answer, and exit codes 0 to 4 (not
     * --version: in-process, from target/classes, it has no jar manifest to read the version from).
     */
    static final List<List<String>> ARGUMENTS = List.of(
            List.of("validate", SAMPLE.toString()),
            List.of("validate", "fixtures/invalid/ip-address-invalid.xml"),
            List.of("validate", "dir with space/it's \"quoted\" $HOME *.xml \\ end"),
            List.of("validate", "  leading and trailing  "),
            List.of("validate", ""),
            List.of("validate", SAMPLE.toString(), ""),
            List.of("set-ip", "fixtures/se-synergy.xml", "no-such-host.example.com=10.0.0.1", "--diff"),
            List.of("--no-such-flag"));

    @Test
    void argumentsAndExitCodesPassThroughUnchanged() throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (List<String> args : ARGUMENTS) {
            CliRun inProcess = CliRun.of(args.toArray(String[]::new));
            Launched launched = launch(Path.of("").toAbsolutePath(), Map.of(), LAUNCHER.toString(), args);
            assertEquals(inProcess.exitCode(), launched.exitCode(), "exit code of " + args);
            assertEquals(inProcess.stderr(), launched.stderr(), "stderr of " + args);
            assertArrayEquals(inProcess.stdoutBytes(), launched.stdoutBytes(), "stdout of " + args);
            codes.add(launched.exitCode());
        }
        assertTrue(codes.containsAll(List.of(0, 1, 2, 3, 4)), "exit codes seen: " + codes);
    }

    @Test
    void standardOutputCarriesOnlyCstoposBytes() throws Exception {
        Launched run = launch(Path.of("").toAbsolutePath(), Map.of(), LAUNCHER.toString(), List.of("apply", SAMPLE.toString(), "-o", "-"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(Files.readAllBytes(SAMPLE), run.stdoutBytes(), "no JVM line before or after the UTF-16 topology");
    }

    @Test
    void worksThroughRelativeAndAbsoluteSymlinksFromAnyDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("link dir").resolve("sub dir"));
        Files.createSymbolicLink(dir.resolve("b"), LAUNCHER);
        Path a = Files.createSymbolicLink(tmp.resolve("link dir").resolve("cstopo"), Path.of("sub dir", "b"));
        Launched direct = launch(tmp, Map.of(), a.toString(), List.of("--version"));
        assertEquals(0, direct.exitCode(), direct.stderr());
        assertTrue(direct.stdout().startsWith("cstopo " + VERSION + "\n"), direct.stdout());

        // found on PATH, started from another directory, with a relative file argument
        Files.copy(SAMPLE, tmp.resolve("topology.xml"));
        Launched onPath = Launched.run(tmp, Map.of("PATH", tmp.resolve("link dir") + ":" + System.getenv("PATH")),
                List.of("sh", "-c", "cstopo validate topology.xml"));
        assertEquals(0, onPath.exitCode(), onPath.stderr());
        assertEquals("topology.xml: valid, no findings\n", onPath.stdout());
    }

    @Test
    void javaHomeWithASpaceIsUsedBeforePath() throws Exception {
        Path home = Files.createSymbolicLink(tmp.resolve("my jdk"), JDK);
        Path log = tmp.resolve("classes.log");
        Launched run = launch(tmp, Map.of("JAVA_HOME", home.toString(), "PATH", "/nonexistent",
                "CSTOPO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), LAUNCHER.toString(), List.of("--version"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("cstopo " + VERSION + "\n"), run.stdout());
        assertTrue(Files.readString(log).contains("org.cstopo.cli.Main source: shared objects file"),
                "the archive made by this JDK is used through a JAVA_HOME that is a symlink");
    }

    @Test
    void noJavaIsOneLineAndExit127() throws Exception {
        Map<String, String> noJava = new HashMap<>();
        noJava.put("JAVA_HOME", null);
        noJava.put("PATH", "/nonexistent");
        Launched none = launch(tmp, noJava, LAUNCHER.toString(), List.of("--version"));
        assertEquals(127, none.exitCode());
        assertEquals("", none.stdout());
        assertEquals("cstopo: no Java found: install Java 17 or newer and put it on PATH, or set JAVA_HOME\n", none.stderr());

        Launched wrongHome = launch(tmp, Map.of("JAVA_HOME", tmp.resolve("no jdk").toString()), LAUNCHER.toString(), List.of("--version"));
        assertEquals(127, wrongHome.exitCode());
        assertEquals(1, wrongHome.stderr().lines().count(), wrongHome.stderr());
        assertTrue(wrongHome.stderr().startsWith("cstopo: JAVA_HOME is '" + tmp.resolve("no jdk") + "' but "), wrongHome.stderr());
    }

    @Test
    void aJavaOlderThan17IsRefusedBeforeItRuns() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("old jdk").resolve("bin")).getParent();
        Path java = home.resolve("bin").resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'the old JVM ran'\nexit 99\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"11.0.2\"\n");
        Launched run = launch(tmp, Map.of("JAVA_HOME", home.toString()), LAUNCHER.toString(), List.of("--version"));
        assertEquals(127, run.exitCode());
        assertEquals("", run.stdout());
        assertEquals("cstopo: needs Java 17 or newer; " + java + " is Java 11.0.2 (set JAVA_HOME to a Java 17+ installation)\n", run.stderr());
    }

    /** Every archive the build made is used by the JVM that made it (the CDS one always exists). */
    @Test
    void eachArchiveIsUsedByTheJvmThatMadeIt() throws Exception {
        List<Path> archives = archives();
        assertTrue(archives.contains(TARGET.resolve("cstopo.jsa")), "the build made a CDS archive (see target/startup-archives/cds.log)");
        for (Path archive : archives) {
            Path log = tmp.resolve(archive.getFileName() + ".classes.log");
            Launched run = launch(tmp, Map.of("JAVA_HOME", madeBy(archive), "CSTOPO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                    LAUNCHER.toString(), List.of("validate", SAMPLE.toAbsolutePath().toString()));
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(Files.readString(log).contains("org.cstopo.cli.Main source: shared objects file"), archive + " is used");
        }
    }

    /**
     * An archive named for another JVM is not passed; one the JVM itself finds stale (the jar
     * changed) is dropped by the JVM: either way cstopo says exactly what it says without one.
     */
    @Test
    void anArchiveThatDoesNotFitIsLeftOutSilently() throws Exception {
        for (Path archive : archives()) {
            String jdk = madeBy(archive);
            Path copy = Files.createDirectories(tmp.resolve(archive.getFileName() + " copy"));
            for (String name : List.of("cstopo", "cstopo.jar", archive.getFileName().toString())) {
                Files.copy(TARGET.resolve(name), copy.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path jvm = copy.resolve(archive.getFileName() + ".jvm");
            List<String> args = List.of("validate", "--format", "json", SAMPLE.toAbsolutePath().toString());
            Launched plain = launch(tmp, Map.of("JAVA_HOME", jdk), copy.resolve("cstopo").toString(), args);
            assertEquals(0, plain.exitCode(), plain.stderr());

            Files.writeString(jvm, "0.0.0+0-another-jvm\n" + jdk + "\n");
            assertSameAnswerWithoutTheArchive(plain, copy, jdk, args, "archive named for another JVM");

            Files.copy(TARGET.resolve(archive.getFileName() + ".jvm"), jvm, StandardCopyOption.REPLACE_EXISTING);
            Path jar = copy.resolve("cstopo.jar");
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 3_600_000));
            assertSameAnswerWithoutTheArchive(plain, copy, jdk, args, "stale archive (jar changed)");
        }
    }

    private void assertSameAnswerWithoutTheArchive(Launched plain, Path copy, String jdk, List<String> args, String what) throws Exception {
        Path log = tmp.resolve("unused.classes.log");
        Files.deleteIfExists(log);
        Launched run = launch(tmp, Map.of("JAVA_HOME", jdk, "CSTOPO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                copy.resolve("cstopo").toString(), args);
        assertFalse(Files.readString(log).contains("org.cstopo.cli.Main source: shared objects file"), what + ": not used");
        assertEquals(plain.exitCode(), run.exitCode(), what);
        assertEquals(plain.stderr(), run.stderr(), what + ": nothing on stderr");
        assertEquals(plain.stdout(), run.stdout(), what + ": nothing on stdout");
    }

    @Test
    void theLaunchersBesideTheJarAreTheSourcesWithTheirPlatformsLineEnds() throws Exception {
        assertTrue(Files.getPosixFilePermissions(LAUNCHER).contains(PosixFilePermission.OWNER_EXECUTE), "target/cstopo is executable");
        String posix = Files.readString(Path.of("src", "dist", "bin", "cstopo")).replace("\r\n", "\n");
        assertEquals(posix, Files.readString(LAUNCHER));
        String cmd = Files.readString(TARGET.resolve("cstopo.cmd"), StandardCharsets.ISO_8859_1);
        assertEquals(Files.readString(Path.of("src", "dist", "bin", "cstopo.cmd"), StandardCharsets.ISO_8859_1).replace("\r\n", "\n"),
                cmd.replace("\r\n", "\n"));
        assertEquals(cmd.split("\n", -1).length, cmd.split("\r\n", -1).length, "every line of cstopo.cmd ends in CRLF");
    }

    static List<Path> archives() {
        List<Path> found = new ArrayList<>();
        for (String name : List.of("cstopo.jsa", "cstopo.aot")) {
            if (Files.isRegularFile(TARGET.resolve(name)) && Files.isRegularFile(TARGET.resolve(name + ".jvm"))) {
                found.add(TARGET.resolve(name));
            }
        }
        return found;
    }

    /** The JDK home the build recorded on the second line of ARCHIVE.jvm. */
    static String madeBy(Path archive) throws IOException {
        return Files.readAllLines(archive.resolveSibling(archive.getFileName() + ".jvm")).get(1);
    }

    static Launched launch(Path dir, Map<String, String> env, String launcher, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(args);
        return Launched.run(dir, env, command);
    }
}
