package org.cstopo.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;

/**
 * An exclusive lock on writing one file, held by one cstopo at a time: an OS file lock
 * ({@link FileChannel#tryLock}) on a hidden sidecar, {@code .NAME.cstopo-lock}, next to the target.
 * The OS releases it when the process ends, however it ends, so a crash never leaves a stale lock.
 * The target itself is not locked: the atomic rename gives it a new inode, and a lock on the old one
 * would protect nothing.
 *
 * <p>The sidecar is deleted on release (while still locked), so it is only there while a write is
 * under way. Deleting a lock file races with a process that opened it just before: that process
 * could lock a file that no longer has a name while a third one locks a new file of the same name.
 * So a lock counts only if the name still leads to the very file that was locked, which is checked
 * by its file key (device and inode, from {@code stat}, which opens nothing: closing any other
 * descriptor of a locked file would release a POSIX lock). An inode number cannot be reused while
 * the file is open, so equal keys mean the same file. Where the file system has no file keys, the
 * sidecar is simply left in place.
 *
 * <p>Threads of one JVM wait for each other before the file, in {@link #IN_THIS_JVM}: a POSIX lock
 * belongs to the process, so a thread that opened the sidecar only to find it locked by another
 * thread would, on closing its channel, release that thread's lock for every other process.
 */
public final class TargetLock implements AutoCloseable {
    public static final String SUFFIX = ".cstopo-lock";
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    /** The sidecars that a thread of this JVM holds or is taking (by their real directory, so one name each). */
    private static final Set<Path> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean deleteOnClose;

    private TargetLock(Path file, FileChannel channel, FileLock lock, boolean deleteOnClose) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
    }

    /** The sidecar that guards writes to {@code target} (a link is resolved: the file it names is what gets replaced). */
    public static Path fileFor(Path target) throws IOException {
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        return real.getParent().toRealPath().resolve("." + real.getFileName() + SUFFIX);
    }

    /**
     * Waits up to {@code wait} for the lock on writing {@code target}. Exit 5 when another process
     * holds it longer, or when the sidecar cannot be created (then the target could not be written either).
     */
    public static TargetLock acquire(Path target, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Path file;
        try {
            file = fileFor(target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        while (!IN_THIS_JVM.add(file)) {
            if (!waitBefore(deadline)) {
                throw busy(target, file, wait);
            }
        }
        try {
            return lockFile(target, file, wait, deadline);
        } catch (RuntimeException e) {
            IN_THIS_JVM.remove(file);
            throw e;
        }
    }

    private static TargetLock lockFile(Path target, Path file, Duration wait, long deadline) {
        try {
            while (true) {
                Object key = keyOf(file);
                if (key == NO_FILE) {
                    createQuietly(file);
                    continue;
                }
                FileChannel ch;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                try {
                    if (!Objects.equals(key, keyOf(file))) {
                        ch.close();
                        continue; // replaced between the two looks: which one is open is unknown
                    }
                    FileLock lock = lockBefore(ch, deadline);
                    if (lock == null) {
                        ch.close();
                        throw busy(target, file, wait);
                    }
                    if (Objects.equals(key, keyOf(file))) {
                        return new TargetLock(file, ch, lock, key != null);
                    }
                    lock.release(); // its holder deleted it: the lock that counts is on the file now under the name
                    ch.close();
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
            }
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static CstopoException busy(Path target, Path file, Duration wait) {
        return new CstopoException(ExitCode.WRITE_FAILED, target + ": another cstopo is writing it (" + file.getFileName()
                + " is locked; waited " + wait.toMillis() / 1000.0 + " s); nothing written: run the command again when it has finished");
    }

    private static CstopoException cannotWrite(Path target, IOException e) {
        return new CstopoException(ExitCode.WRITE_FAILED, target + ": cannot write (" + FileIO.describe(e)
                + "); nothing was changed: check the directory exists, its permissions and free space", e);
    }

    private static final Object NO_FILE = new Object();

    /** The file's key (device and inode) by stat, opening nothing; NO_FILE when it does not exist; null where keys are unknown. */
    private static Object keyOf(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return NO_FILE;
        }
    }

    private static void createQuietly(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            // another writer made it first: fine, lock that one
        }
    }

    /**
     * Another thread of this JVM holding the lock (under another name of the same file, which
     * {@link #IN_THIS_JVM} cannot see) shows as an OverlappingFileLockException: busy, like another process.
     */
    private static FileLock lockBefore(FileChannel ch, long deadline) throws IOException {
        while (true) {
            try {
                FileLock lock = ch.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException busy) {
                // held by another thread of this process
            }
            if (!waitBefore(deadline)) {
                return null;
            }
        }
    }

    /** Sleeps one poll; false when the deadline has passed or the thread is interrupted. */
    private static boolean waitBefore(long deadline) {
        if (System.nanoTime() - deadline >= 0) {
            return false;
        }
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes the sidecar while still holding it, then releases it (closing the channel releases its lock). */
    @Override
    public void close() {
        try {
            if (deleteOnClose) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // an empty hidden file left behind costs nothing; the next writer reuses it
        }
        try {
            channel.close(); // releases the lock with it
        } catch (IOException ignored) {
            // the descriptor is gone, and the lock with it
        } finally {
            IN_THIS_JVM.remove(file);
        }
    }
}
