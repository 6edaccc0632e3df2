package org.cstopo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the project's fixtures and, when present, the real exports in ../shared/samples. */
public final class Fixtures {
    public static final Path DIR = Path.of("fixtures");
    /** ../shared/samples, or the directory named by -Dcstopo.samples (a worktree sits one level deeper). */
    public static final Path SAMPLES = Path.of(System.getProperty("cstopo.samples", Path.of("..", "shared", "samples").toString()));

    private Fixtures() {
    }

    public static Path path(String name) {
        return DIR.resolve(name);
    }

    /** Our valid topologies (top level of fixtures/, *.xml). */
    public static List<Path> topologies() {
        return xmlFiles(DIR);
    }

    /** Every topology there is to test with: ours, valid and invalid, and the real exports when present. */
    public static List<Path> everyTopology() {
        List<Path> all = new ArrayList<>(topologies());
        all.addAll(invalid());
        all.addAll(samples());
        return all;
    }

    /** Our topologies that break a validation rule (fixtures/invalid/*.xml): still topologies that show and reports read. */
    public static List<Path> invalid() {
        return xmlFiles(DIR.resolve("invalid"));
    }

    /** Real public exports, when ../shared/samples exists; empty otherwise (the suite must pass without them). */
    public static List<Path> samples() {
        if (!Files.isDirectory(SAMPLES)) {
            sayOnce("no real exports at " + SAMPLES.toAbsolutePath().normalize() + ": the tests that read them are left out"
                    + " (pass -Dcstopo.samples=DIR to include them)");
            return List.of();
        }
        return xmlFiles(SAMPLES);
    }

    private static boolean said;

    /** The suite must pass without the samples, but it says so, once, rather than shrink in silence. */
    private static synchronized void sayOnce(String line) {
        if (!said) {
            said = true;
            System.err.println("cstopo tests: " + line);
        }
    }

    public static List<Path> topologiesAndSamples() {
        List<Path> all = new ArrayList<>(topologies());
        all.addAll(samples());
        return all;
    }

    private static List<Path> xmlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().endsWith(".changes.xml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
