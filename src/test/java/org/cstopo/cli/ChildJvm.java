package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a class of this build in a JVM of its own, for what one process cannot show about another. */
final class ChildJvm {
    private ChildJvm() {
    }

    static ProcessBuilder builder(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static Process start(Class<?> main, String... args) throws IOException {
        return builder(main, args).start();
    }

    /**
     * Runs the process to its end (60 s at most) and returns its exit code and standard error, as
     * {@link CliRun} does in-process; its standard output goes where {@code builder} sends it and is not kept.
     */
    static CliRun run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process p = builder.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        p.getErrorStream().transferTo(err);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        return new CliRun(p.exitValue(), new byte[0], err.toString(StandardCharsets.UTF_8));
    }
}
