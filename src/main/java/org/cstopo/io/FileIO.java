package org.cstopo.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;

/** Reading input files with clear errors, and writing output atomically. */
public final class FileIO {
    /** Refuse absurd inputs before reading them into memory. */
    static final long MAX_INPUT_BYTES = 512L * 1024 * 1024;

    private FileIO() {
    }

    public static byte[] readInput(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw CstopoException.badInput(name + ": is a directory; pass the topology file itself (e.g. topology.xml)");
        }
        try {
            if (Files.exists(path) && Files.size(path) > MAX_INPUT_BYTES) {
                throw CstopoException.badInput(name + ": larger than " + (MAX_INPUT_BYTES >> 20)
                        + " MiB; no real topology is that large: check that this is the right file");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw CstopoException.badInput(name + ": no such file; check the path (export with Get-CsTopology -AsXml | Out-File " + path.getFileName() + ")");
        } catch (AccessDeniedException e) {
            throw CstopoException.badInput(name + ": permission denied; make the file readable");
        } catch (IOException e) {
            throw CstopoException.badInput(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public static SourceDocument readDocument(Path path) {
        return SourceDocument.parse(path.toString(), readInput(path));
    }

    /**
     * Writes {@code bytes} to {@code target} so that readers only ever see the old file or the
     * complete new one: a temporary file in the same directory is written, forced to disk, read back
     * and compared, then renamed over the target.
     */
    public static void writeAtomically(Path target, byte[] bytes, WriteHook hook) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".cstopo-tmp");
            hook.at(WriteStep.CREATED_TEMP);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                hook.at(WriteStep.WROTE_TEMP);
                ch.force(true);
            }
            if (!Arrays.equals(Files.readAllBytes(tmp), bytes)) {
                throw new IOException("the temporary file does not read back as written");
            }
            hook.at(WriteStep.VERIFIED_TEMP);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new CstopoException(ExitCode.WRITE_FAILED, target + ": cannot write (" + describe(e)
                    + "); nothing was changed: check the directory's permissions and free space");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    public static void writeAtomically(Path target, byte[] bytes) {
        writeAtomically(target, bytes, WriteHook.NONE);
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The steps of an atomic write, so tests can make each one fail. */
    public enum WriteStep { CREATED_TEMP, WROTE_TEMP, VERIFIED_TEMP }

    @FunctionalInterface
    public interface WriteHook {
        WriteHook NONE = step -> { };

        void at(WriteStep step) throws IOException;
    }
}
