package org.cstopo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
