package org.cstopo.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished child process: exit code, standard output (bytes) and standard error (text). */
record Launched(int exitCode, byte[] stdoutBytes, String stderr) {

    String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code command} in {@code dir} with the test JVM's environment changed by {@code env}
     * (a null value removes the variable) to its end, 60 s at most. Output goes through files, so
     * a child that writes much to both streams cannot block on a full pipe.
     */
    static Launched run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cstopo-launched", ".out");
        Path err = Files.createTempFile("cstopo-launched", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process p = pb.start();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            assertTrue(ended, "the process ended: " + command);
            return new Launched(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
