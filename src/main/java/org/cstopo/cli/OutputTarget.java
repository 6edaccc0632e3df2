package org.cstopo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.io.Backups;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TargetLock;
import picocli.CommandLine.Option;

/** The output options shared by commands that write a topology: -o FILE, -o -, --in-place, --backup. */
public final class OutputTarget {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the result ('-' for standard output).")
    String output;

    @Option(names = "--in-place", description = "Replace the input file; the original is kept as a new backup:"
            + " INPUT.bak, then INPUT.bak.1, INPUT.bak.2, ... (or --backup).")
    boolean inPlace;

    @Option(names = "--backup", paramLabel = "FILE", description = "Backup name for --in-place; an existing FILE is refused"
            + " unless it is already a copy of the input, or --force is given.")
    Path backup;

    /** Lets tests make each step of a write fail; never set by the command line. */
    FileIO.WriteHook hook = FileIO.WriteHook.NONE;

    /** How long to wait for another cstopo writing the same file; tests shorten it. */
    Duration lockWait = TargetLock.DEFAULT_WAIT;

    /** --force, as given to {@link #check}: an existing --backup file may be replaced. */
    private boolean force;

    /**
     * What is written must read back as the topology that was parsed, bound and validated as
     * {@code checked}: the bytes must be exactly its text encoded (parsing them a second time would
     * only repeat that work). A failure is a bug in cstopo, so nothing is written.
     */
    static FileIO.ContentCheck readsBackAs(SourceDocument checked) {
        return bytes -> {
            // Compared slice by slice with the JDK's encoder (not with TextEncoding.encode, which made the
            // bytes), rather than decoded into a second copy of the text.
            if (!checked.isEncodedAs(bytes)) {
                throw new CstopoException(ExitCode.WRITE_FAILED, "the result does not read back as the checked topology;"
                        + " nothing was written: this is a bug, please report it with --debug");
            }
        };
    }

    /**
     * Checks the options, and the files they name, before anything is read: a backup or output that
     * is the input itself or another file the command reads ({@code otherInputs}, by what they are:
     * "the changes file"), an existing file named by --backup, a target cstopo must not replace.
     * Files named here are checked again under the lock when they are written.
     */
    /** What an empty file name on the command line most often is. */
    static final String EMPTY_FILE_NAME = "an empty file name (an unset shell variable?)";

    public void check(boolean required, Path input, boolean force, Map<String, Path> otherInputs) {
        if (output != null && output.isBlank()) {
            throw new CstopoException(ExitCode.USAGE, "-o has " + EMPTY_FILE_NAME + ": give the file to write, or - for standard output");
        }
        if (output != null && inPlace) {
            throw new CstopoException(ExitCode.USAGE, "use either -o FILE or --in-place, not both");
        }
        if (required && output == null && !inPlace) {
            throw new CstopoException(ExitCode.USAGE, "say where to write the result: -o FILE, -o - for standard output, or --in-place");
        }
        if (backup != null && !inPlace) {
            throw new CstopoException(ExitCode.USAGE, "--backup goes with --in-place");
        }
        this.force = force;
        otherInputs.forEach((what, other) -> {
            if (backup != null && sameFile(other, backup)) {
                throw new CstopoException(ExitCode.USAGE, "--backup " + backup + " is " + what + " this command reads; name another file");
            }
            if (output != null && !isStdout() && sameFile(other, Path.of(output))) {
                throw new CstopoException(ExitCode.USAGE, "-o " + output + " is " + what + " this command reads;"
                        + " write the result to another file");
            }
        });
        if (inPlace) {
            checkInPlace(input);
        } else if (isStdout()) {
            checkStdout(input);
        } else if (output != null) {
            checkOutput(input, Path.of(output));
        }
    }

    /** Where this process's standard output leads, on systems that show it (Linux, macOS). */
    private static final Path STDOUT = Path.of("/dev/stdout");

    /**
     * {@code -o - >> topology.xml} would append the result to the input, as {@code -o /dev/stdout}
     * would, which {@link #checkOutput} refuses; only whether it is the input matters here.
     */
    private static void checkStdout(Path input) {
        if (input != null && sameFile(input, STDOUT)) {
            throw new CstopoException(ExitCode.USAGE, "-o - writes to standard output, which is redirected to the input file;"
                    + " use --in-place to replace it (it keeps the original as a backup)");
        }
    }

    private void checkInPlace(Path input) {
        FileIO.Kind kind = FileIO.kind(input);
        if (kind == FileIO.Kind.STREAM || kind == FileIO.Kind.UNSUPPORTED) {
            throw new CstopoException(ExitCode.USAGE, "--in-place replaces a file, and " + input + " is " + FileIO.describeKind(input)
                    + "; write the result with -o FILE");
        }
        if (backup == null) {
            return;
        }
        if (sameFile(input, backup)) {
            throw new CstopoException(ExitCode.USAGE, "--backup " + backup + " is " + input + " itself; name another file"
                    + " (without --backup the original is kept as " + input.getFileName() + ".bak, .bak.1, ...)");
        }
        switch (FileIO.kind(backup)) {
            case DIRECTORY -> throw new CstopoException(ExitCode.USAGE, backup + ": is a directory; give a file name for --backup");
            case STREAM, UNSUPPORTED -> throw new CstopoException(ExitCode.USAGE, "--backup " + backup + " is "
                    + FileIO.describeKind(backup) + "; a backup must be a regular file");
            case REGULAR -> {
                if (!force && !sameBytes(input, backup)) {
                    throw backupExists(input);
                }
            }
            default -> { }
        }
    }

    /** Refuses an -o that cstopo must not write; returns what it is. */
    private static FileIO.Kind checkOutput(Path input, Path out) {
        FileIO.Kind kind = FileIO.kind(out);
        if (kind == FileIO.Kind.DIRECTORY) {
            throw new CstopoException(ExitCode.USAGE, out + ": is a directory; give a file name for -o");
        }
        if (kind == FileIO.Kind.UNSUPPORTED) {
            throw FileIO.notWritable(out);
        }
        if (input != null && sameFile(input, out)) {
            throw new CstopoException(ExitCode.USAGE, "-o " + out + " is the input file; use --in-place to replace it"
                    + " (it keeps the original as a backup)");
        }
        return kind;
    }

    private CstopoException backupExists(Path input) {
        return new CstopoException(ExitCode.USAGE, "--backup " + backup + " already exists and is not a copy of " + input
                + "; name a new file, or add --force to replace it");
    }

    /** The same file by any name: ./x, a/../x, a symbolic or a hard link (same device and inode). */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            return false;
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isSet() {
        return output != null || inPlace;
    }

    public boolean isStdout() {
        return "-".equals(output);
    }

    /**
     * Where a result went: the file written (or "standard output") and, for --in-place, the backup
     * of the original (else null). {@link #toString} is the text form: "t.xml (backup t.xml.bak)".
     */
    public record Written(String target, String backup) {
        @Override
        public String toString() {
            return backup == null ? target : target + " (backup " + backup + ")";
        }
    }

    /**
     * Writes {@code result}, a topology made from {@code read} and checked; returns where it went.
     * The bytes written must read back as that very text.
     */
    public Written write(Path input, SourceDocument read, SourceDocument result, PrintStream stdout) {
        return write(input, read, result.bytes(), stdout, readsBackAs(result));
    }

    /** Writes a report (a stylesheet's text or HTML), which is not made from the input and is not a topology. */
    public Written writeReport(byte[] bytes, PrintStream stdout) {
        return write(null, null, bytes, stdout, FileIO.ContentCheck.NONE);
    }

    /**
     * Writes the bytes after {@code check} accepted them. A regular file is replaced atomically (see
     * {@link FileIO#writeAtomically}) under the target's lock ({@link TargetLock}), and only if the
     * input still holds exactly the bytes of {@code read}, the document the result was made from
     * (null for output that is not made from the input, such as a report). With --in-place the
     * backup is written first, as a new file; a failure at any step leaves the input byte-identical
     * and no partial file behind. A character device or pipe is written through, never replaced.
     */
    Written write(Path input, SourceDocument read, byte[] bytes, PrintStream stdout, FileIO.ContentCheck check) {
        if (isStdout()) {
            check.check(bytes);
            stdout.write(bytes, 0, bytes.length);
            stdout.flush();
            return new Written("standard output", null);
        }
        if (inPlace) {
            return replaceInput(input, read, bytes, check);
        }
        Path out = Path.of(output);
        if (checkOutput(null, out) == FileIO.Kind.STREAM) {
            check.check(bytes);
            requireUnchanged(input, read);
            FileIO.writeThrough(out, bytes);
            return new Written(out.toString(), null);
        }
        try (TargetLock lock = TargetLock.acquire(out, lockWait)) {
            requireUnchanged(input, read);
            FileIO.writeAtomically(out, bytes, check, hook);
        }
        return new Written(out.toString(), null);
    }

    private Written replaceInput(Path input, SourceDocument read, byte[] bytes, FileIO.ContentCheck check) {
        try (TargetLock lock = TargetLock.acquire(input, lockWait)) {
            byte[] original = readAgain(input);
            requireSame(input, read, original);
            check.check(bytes);
            Path bak;
            try {
                bak = writeBackup(input, original);
            } catch (CstopoException e) {
                throw e.exitCode() == ExitCode.WRITE_FAILED ? new CstopoException(ExitCode.WRITE_FAILED, "the backup " + e.getMessage(), e) : e;
            }
            FileIO.writeAtomically(input, bytes, check, hook);
            return new Written(input.toString(), bak.toString());
        }
    }

    /** A new numbered backup, or the file --backup names: created, kept if it already holds the original, replaced only with --force. */
    private Path writeBackup(Path input, byte[] original) {
        if (backup == null) {
            return Backups.write(input, original, hook);
        }
        if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            if (holds(backup, original)) {
                return backup;
            }
            if (!force) {
                throw backupExists(input);
            }
            FileIO.writeAtomically(backup, original, FileIO.ContentCheck.NONE, hook);
        } else if (!FileIO.createAtomically(backup, original, input, hook)) {
            throw backupExists(input);
        }
        return backup;
    }

    private static boolean holds(Path file, byte[] bytes) {
        try {
            return Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] readAgain(Path input) {
        try {
            return Files.readAllBytes(input);
        } catch (IOException e) {
            throw new CstopoException(ExitCode.WRITE_FAILED, input + ": cannot be read again before it is replaced ("
                    + e.getMessage() + "); nothing was changed", e);
        }
    }

    /** Under the lock: the input must still be what the result was made from, or a change made meanwhile would be lost. */
    private static void requireUnchanged(Path input, SourceDocument read) {
        if (read != null && FileIO.kind(input) == FileIO.Kind.REGULAR) {
            requireSame(input, read, readAgain(input));
        }
    }

    private static void requireSame(Path input, SourceDocument read, byte[] now) {
        if (read != null && !read.isEncodedAs(now)) {
            throw new CstopoException(ExitCode.WRITE_FAILED, input + ": changed on disk since it was read; nothing written"
                    + " (another program or cstopo wrote it meanwhile): run the command again on the new content");
        }
    }
}
