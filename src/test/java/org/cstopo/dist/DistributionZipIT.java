package org.cstopo.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/cstopo-VERSION.zip, what an engineer copies to a jump host: its contents and modes, then
 * unzipped into a directory whose path has a space and run through bin/cstopo. Runs after package
 * (failsafe, mvn verify).
 */
class DistributionZipIT {
    static final String VERSION = System.getProperty("cstopo.version", "0.1.0");
    static final Path ZIP = Path.of("target", "cstopo-" + VERSION + ".zip");
    static final String ROOT = "cstopo-" + VERSION + "/";

    @TempDir
    Path tmp;

    @Test
    void holdsTheLaunchersJarSchemasRulesExamplesAndReadme() throws IOException {
        Set<String> expected = new TreeSet<>(List.of("bin/cstopo", "bin/cstopo.cmd", "lib/cstopo.jar", "cstopo_completion",
                "README.md", "docs/diff-report.png", "examples/cisco-imp-federation.changes.xml", "examples/cisco-imp-federation.ps1",
                "examples/se-synergy.utf16-crlf.xml"));
        expected.addAll(namesIn("xsd", ".xsd"));
        expected.addAll(namesIn("xslt", ".xsl"));
        Map<String, Integer> modes = unixModes(ZIP);
        Set<String> files = new TreeSet<>();
        modes.keySet().stream().filter(n -> !n.endsWith("/")).forEach(n -> {
            assertTrue(n.startsWith(ROOT), "everything under " + ROOT + ": " + n);
            files.add(n.substring(ROOT.length()));
        });
        assertEquals(expected, files);
        for (String f : files) {
            assertEquals(f.equals("bin/cstopo") ? 0755 : 0644, modes.get(ROOT + f) & 0777, "mode of " + f);
        }
    }

    @Test
    void theLaunchersHaveTheirPlatformsLineEndsAndTheJarIsTheBuilds() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            String posix = text(zip, "bin/cstopo");
            String cmd = text(zip, "bin/cstopo.cmd");
            assertTrue(!posix.contains("\r") && posix.startsWith("#!/bin/sh\n"), "bin/cstopo: LF only");
            assertEquals(cmd.split("\n", -1).length, cmd.split("\r\n", -1).length, "bin/cstopo.cmd: CRLF on every line");
            assertEquals(Files.size(Path.of("target", "cstopo.jar")), zip.getEntry(ROOT + "lib/cstopo.jar").getSize());
        }
    }

    @Test
    void unzippedWhereThePathHasASpaceItRunsThroughBinCstopo() throws Exception {
        Path home = unzip(ZIP, Files.createDirectories(tmp.resolve("jump host tools")));
        Path launcher = home.resolve("bin").resolve("cstopo");

        Launched version = Launched.run(tmp, Map.of(), List.of(launcher.toString(), "--version"));
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().startsWith("cstopo " + VERSION + "\n"), version.stdout());

        Launched validate = Launched.run(home, Map.of(), List.of("bin/cstopo", "validate", "examples/se-synergy.utf16-crlf.xml"));
        assertEquals(0, validate.exitCode(), validate.stderr());
        assertEquals("examples/se-synergy.utf16-crlf.xml: valid, no findings\n", validate.stdout());

        Launched apply = Launched.run(home, Map.of(), List.of("bin/cstopo", "apply", "examples/se-synergy.utf16-crlf.xml",
                "--changes", "examples/cisco-imp-federation.ps1", "-o", "topology new.xml"));
        assertEquals(0, apply.exitCode(), apply.stderr());
        assertTrue(Files.readString(home.resolve("topology new.xml"), StandardCharsets.UTF_16).contains("trustedpool.sip.com"));
    }

    /** Extracts like unzip does: files and, from each entry's stored Unix mode, the exec bits. */
    static Path unzip(Path zipFile, Path into) throws IOException {
        Map<String, Integer> modes = unixModes(zipFile);
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                Path to = into.resolve(e.getName()).normalize();
                assertTrue(to.startsWith(into), "no entry outside the directory: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, to);
                }
                if ((modes.get(e.getName()) & 0100) != 0) {
                    Set<PosixFilePermission> p = EnumSet.copyOf(Files.getPosixFilePermissions(to));
                    p.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(to, p);
                }
            }
        }
        return into.resolve(ROOT);
    }

    /**
     * Entry name to Unix mode, from the central directory (java.util.zip does not expose it): the
     * high 16 bits of each entry's external attributes, when it was made on Unix.
     */
    static Map<String, Integer> unixModes(Path zipFile) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zipFile)).order(ByteOrder.LITTLE_ENDIAN);
        int end = b.limit() - 22;
        while (end >= 0 && b.getInt(end) != 0x06054b50) {
            end--;
        }
        assertTrue(end >= 0, "end of central directory found");
        int entries = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        Map<String, Integer> modes = new TreeMap<>();
        for (int i = 0; i < entries; i++) {
            assertEquals(0x02014b50, b.getInt(at), "central directory header " + i);
            int madeBy = Short.toUnsignedInt(b.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
            int external = b.getInt(at + 38);
            String name = new String(b.array(), at + 46, nameLength, StandardCharsets.UTF_8);
            assertEquals(3, madeBy, "entry made on Unix, with a mode: " + name);
            modes.put(name, external >>> 16);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }

    private static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(ROOT + name))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Set<String> namesIn(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            Set<String> names = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).forEach(n -> names.add(dir + "/" + n));
            return names;
        }
    }
}
