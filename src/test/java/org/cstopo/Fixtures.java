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

    /** Real public exports, when ../shared/samples exists; empty otherwise (the suite must pass without them). */
    public static List<Path> samples() {
        if (!Files.isDirectory(SAMPLES)) {
            return List.of();
        }
        return xmlFiles(SAMPLES);
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
