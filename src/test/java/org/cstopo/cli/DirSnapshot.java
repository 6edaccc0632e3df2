package org.cstopo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The bytes of every file in a directory, to assert that a refused command changed none of them. */
record DirSnapshot(Map<String, String> files) {

    static DirSnapshot of(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(name, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(name, Arrays.toString(Files.readAllBytes(p)));
                } else {
                    out.put(name, "(not a regular file)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DirSnapshot(out);
    }

    @Override
    public String toString() {
        return files.keySet().toString();
    }
}
