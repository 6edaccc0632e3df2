package org.cstopo.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;

/**
 * Numbered backups that never overwrite anything, in the spirit of GNU {@code --backup=numbered}
 * but readable: {@code INPUT.bak} the first time, then {@code INPUT.bak.1}, {@code INPUT.bak.2}, ...
 * (one more than the highest number present), so the highest number is always the newest and the
 * original export, in {@code INPUT.bak}, is never replaced.
 */
public final class Backups {
    public static final String SUFFIX = ".bak";

    private Backups() {
    }

    /** The name the next backup of {@code input} takes: the first free one in the sequence. */
    public static Path next(Path input) {
        Path first = input.resolveSibling(input.getFileName() + SUFFIX);
        long highest = highestNumber(input);
        if (highest < 0 && !Files.exists(first, LinkOption.NOFOLLOW_LINKS)) {
            return first;
        }
        return input.resolveSibling(input.getFileName() + SUFFIX + "." + (Math.max(highest, 0) + 1));
    }

    /**
     * Writes {@code original} as a new numbered backup of {@code input} and returns its name. If the
     * name is taken between choosing it and creating it (someone else made it), the next one is tried:
     * an existing file is never touched.
     */
    public static Path write(Path input, byte[] original, FileIO.WriteHook hook) {
        for (int tries = 0; tries < 100; tries++) {
            Path bak = next(input);
            if (FileIO.createAtomically(bak, original, input, hook)) {
                return bak;
            }
        }
        throw new CstopoException(ExitCode.WRITE_FAILED, input + ": no free backup name after 100 tries; nothing was changed");
    }

    private static long highestNumber(Path input) {
        String prefix = input.getFileName() + SUFFIX + ".";
        Path dir = input.toAbsolutePath().getParent();
        long highest = -1;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : entries) {
                String n = p.getFileName().toString().substring(prefix.length());
                if (!n.isEmpty() && n.length() < 18 && n.chars().allMatch(Character::isDigit)) {
                    highest = Math.max(highest, Long.parseLong(n));
                }
            }
        } catch (IOException e) {
            throw new CstopoException(ExitCode.WRITE_FAILED, dir + ": cannot list it to choose a backup name ("
                    + FileIO.describe(e) + "); nothing was changed", e);
        }
        return highest;
    }
}
