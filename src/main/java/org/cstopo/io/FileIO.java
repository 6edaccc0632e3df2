package org.cstopo.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;

/** Reading input files with clear errors, and writing output atomically. */
public final class FileIO {
    /**
     * Refuse absurd inputs: a file by its size, before it is read; a pipe or device, whose size is
     * known only once read, by reading no more than this and one byte. Tests lower it.
     */
    static long maxInputBytes = 512L * 1024 * 1024;

    /** Temporary files are hidden and end with this, so a crash leaves something recognisable. */
    public static final String TEMP_SUFFIX = ".cstopo-tmp";

    private FileIO() {
    }

    /** What an input file is, so that a message about it says so and how to get a right one. */
    public enum Input {
        TOPOLOGY("topology", "topology file", "topology.xml", "export it with Get-CsTopology -AsXml | Out-File %s"),
        CHANGES("changes file", "changes file", "changes.xml", "a changes file follows xsd/changes.xsd, as"
                + " fixtures/cisco-imp-federation.changes.xml does; a PowerShell runbook (.ps1) is taken too"),
        STYLESHEET("stylesheet", "stylesheet", "rule.xsl", "an XSLT 3.0 stylesheet, or the name of a shipped rule"),
        PARAMETER("parameter file", "parameter file", "map.csv", "a text file, UTF-8 or UTF-16 with a byte order mark, whose text"
                + " is the parameter's value");

        final String noun;
        final String file;
        final String example;
        private final String hint;

        Input(String noun, String file, String example, String hint) {
            this.noun = noun;
            this.file = file;
            this.example = example;
            this.hint = hint;
        }

        String hint(Path path) {
            return String.format(hint, path.getFileName());
        }
    }

    /** Reads a topology; see {@link #readInput(Path, Input)}. */
    public static byte[] readInput(Path path) {
        return readInput(path, Input.TOPOLOGY);
    }

    /** Reads an input file whole, refusing a directory, a missing file or an absurd size with a message naming what it is. */
    public static byte[] readInput(Path path, Input what) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw CstopoException.badInput(name + ": is a directory; pass the " + what.file + " itself (e.g. " + what.example + ")");
        }
        try {
            if (!Files.isRegularFile(path)) {
                // A pipe or device (<(ssh host cat topology.xml), /dev/stdin) reports no size; /dev/zero never ends.
                try (InputStream in = Files.newInputStream(path)) {
                    byte[] bytes = in.readNBytes((int) maxInputBytes + 1);
                    if (bytes.length > maxInputBytes) {
                        throw tooLarge(name, what);
                    }
                    return bytes;
                }
            }
            if (Files.size(path) > maxInputBytes) {
                throw tooLarge(name, what);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw CstopoException.badInput(name + ": no such " + what.file + "; check the path (" + what.hint(path) + ")");
        } catch (AccessDeniedException e) {
            throw CstopoException.badInput(name + ": permission denied; make the file readable");
        } catch (IOException e) {
            throw CstopoException.badInput(name + ": cannot be read (" + describe(e) + ")");
        }
    }

    private static CstopoException tooLarge(String name, Input what) {
        return CstopoException.badInput(name + ": larger than " + (maxInputBytes >> 20)
                + " MiB; no real " + what.noun + " is that large: check that this is the right file");
    }

    /** Reads and parses a topology; see {@link #readDocument(Path, Input)}. */
    public static SourceDocument readDocument(Path path) {
        return readDocument(path, Input.TOPOLOGY);
    }

    /** Reads a text file whole, decoded as topologies are (UTF-8, or UTF-16 with a byte order mark; strictly). */
    public static String readText(Path path, Input what) {
        byte[] bytes = readInput(path, what);
        return TextEncoding.detect(bytes, path.toString()).decode(bytes, path.toString());
    }

    public static SourceDocument readDocument(Path path, Input what) {
        String name = path.toString();
        if (Files.isRegularFile(path)) {
            try {
                long size = Files.size(path);
                if (size >= STREAM_FROM && size <= maxInputBytes) {
                    TextEncoding[] encoding = new TextEncoding[1];
                    String text = readText(path, size, encoding);
                    if (text != null) {
                        encoding[0].checkDeclaration(text, name);
                        return SourceDocument.parse(name, encoding[0], text);
                    }
                }
            } catch (IOException e) {
                // read again below, which words the error
            }
        }
        return SourceDocument.parse(name, readInput(path, what));
    }

    /** Files from this size on are decoded as they are read (see readText); smaller ones are read whole. */
    private static final long STREAM_FROM = 1 << 20;

    /**
     * The text of a large file, decoded as it is read, a megabyte at a time: the file's bytes and a
     * decoding buffer never sit in the heap beside the text (on a 30 MB UTF-16 export, 60 MB less at
     * the peak, which would otherwise stay in the old generation until a full collection). Null when
     * a chunk does not decode exactly (the caller reads the file whole, and the strict decoder decides
     * and words any error).
     */
    static String readText(Path path, long size, TextEncoding[] encoding) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] chunk = new byte[1 << 20];
            int filled = in.readNBytes(chunk, 0, 4);
            TextEncoding enc = TextEncoding.detect(Arrays.copyOf(chunk, filled), path.toString());
            boolean utf8 = enc.charset().equals(java.nio.charset.StandardCharsets.UTF_8);
            int from = enc.bom() ? (utf8 ? 3 : 2) : 0;
            StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, utf8 ? size : size / 2));
            while (true) {
                int n = in.readNBytes(chunk, filled, chunk.length - filled);
                filled += n;
                boolean last = n == 0;
                // Decode whole characters only; the bytes of one cut at the end of the chunk go with the next.
                int end = last ? filled : filled - (utf8 ? cutUtf8(chunk, from, filled) : cutUtf16(enc, chunk, from, filled));
                String part = enc.lenient(chunk, from, end - from);
                if (part.indexOf('\uFFFD') >= 0) {
                    return null; // not strictly decodable here (or a real U+FFFD): the strict decoder decides
                }
                sb.append(part);
                if (last) {
                    break;
                }
                System.arraycopy(chunk, end, chunk, 0, filled - end);
                filled -= end;
                from = 0;
            }
            encoding[0] = enc;
            return sb.toString();
        }
    }

    /** How many bytes at the end of [from, to) begin a UTF-8 character that is not complete there. */
    private static int cutUtf8(byte[] b, int from, int to) {
        for (int back = 1; back <= 3 && to - back >= from; back++) {
            int c = b[to - back] & 0xFF;
            if (c < 0x80) {
                return 0;
            }
            if (c >= 0xC0) {
                int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                return length > back ? back : 0;
            }
        }
        return 0;
    }

    /** The same for UTF-16: an odd byte, or a high surrogate whose low one is in the next chunk. */
    private static int cutUtf16(TextEncoding enc, byte[] b, int from, int to) {
        int odd = (to - from) % 2;
        int end = to - odd;
        if (end - from >= 2) {
            boolean little = enc.charset().equals(java.nio.charset.StandardCharsets.UTF_16LE);
            char c = (char) (little ? (b[end - 2] & 0xFF | (b[end - 1] & 0xFF) << 8) : ((b[end - 2] & 0xFF) << 8 | b[end - 1] & 0xFF));
            if (Character.isHighSurrogate(c)) {
                return odd + 2;
            }
        }
        return odd;
    }
    /**
     * Writes {@code bytes} to {@code target} so that readers only ever see the old file or the
     * complete new one: a temporary file in the target's directory is written and forced to disk,
     * read back, compared byte for byte with {@code bytes} and handed to {@code check} (which throws
     * when the content is not acceptable, e.g. does not parse as a topology); only then is it renamed
     * over the target. On any failure the temporary file is deleted and the target is untouched.
     *
     * <p>An existing target keeps its POSIX permissions; a symbolic link is followed, so the file it
     * points to is replaced and the link stays.
     */
    public static void writeAtomically(Path target, byte[] bytes, ContentCheck check, WriteHook hook) {
        write(target, bytes, check, hook, null);
    }

    /**
     * Like {@link #writeAtomically}, but never replaces anything: the complete file appears under
     * {@code target} only if no file (or link) of that name exists, which the file system decides
     * atomically (a hard link, which fails when the name is taken). Returns false, having written
     * nothing, when the name is taken. The new file gets the permissions of {@code permissionsFrom}
     * (a backup is no more readable than the file it keeps).
     */
    public static boolean createAtomically(Path target, byte[] bytes, Path permissionsFrom, WriteHook hook) {
        return write(target, bytes, ContentCheck.NONE, hook, permissionsFrom);
    }

    private static final AtomicInteger TEMP_NUMBER = new AtomicInteger();

    /**
     * A new, empty temporary file in {@code dir}, open for writing, readable by its owner only until
     * its permissions are set (as Files.createTempFile makes it). Named from the process id and a
     * counter rather than Files.createTempFile's random number, whose SecureRandom costs about 10 ms
     * of a cold start; CREATE_NEW still makes the name ours alone.
     */
    private static FileChannel createTemp(Path dir, String prefix, Path[] created) throws IOException {
        long pid = ProcessHandle.current().pid();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix + pid + "-" + Long.toString(System.nanoTime() & 0xffffff, 36) + "-"
                    + TEMP_NUMBER.incrementAndGet() + TEMP_SUFFIX);
            try {
                FileChannel ch = posix
                        ? FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                created[0] = tmp;
                return ch;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** {@code permissionsFrom} null: replace {@code target}; otherwise create it, and return false if it exists. */
    private static boolean write(Path target, byte[] bytes, ContentCheck check, WriteHook hook, Path permissionsFrom) {
        boolean create = permissionsFrom != null;
        Path tmp = null;
        try {
            Path real = !create && Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
            Path dir = real.getParent();
            Path[] created = new Path[1];
            FileChannel ch = createTemp(dir, "." + real.getFileName() + ".", created);
            tmp = created[0];
            hook.at(WriteStep.CREATED_TEMP, target);
            try (ch) {
                writeAll(ch, bytes);
                hook.at(WriteStep.WROTE_TEMP, target);
                ch.force(true);
            }
            hook.at(WriteStep.SYNCED_TEMP, target);
            byte[] readBack = Files.readAllBytes(tmp);
            if (!Arrays.equals(readBack, bytes)) {
                throw new IOException("the temporary file does not read back as written");
            }
            check.check(readBack);
            hook.at(WriteStep.VERIFIED_TEMP, target);
            keepPermissions(create ? permissionsFrom : real, tmp);
            hook.at(WriteStep.MOVING, target);
            if (create) {
                if (!linkNew(tmp, real)) {
                    return false;
                }
            } else {
                try {
                    Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
            }
            syncDirectory(dir);
            return true;
        } catch (IOException e) {
            throw new CstopoException(ExitCode.WRITE_FAILED, target + ": cannot write (" + describe(e)
                    + "); nothing was changed: check the directory exists, its permissions and free space", e);
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

    /**
     * Gives the complete temporary file its final name unless that name is taken. A hard link is
     * atomic and fails on an existing name; where links are not supported, a rename without
     * replacing (which checks, then renames) is the fallback. The temporary name is deleted after.
     */
    private static boolean linkNew(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileSystemException && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Files.move(tmp, target);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    private static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /**
     * Writes the bytes into an existing character device, pipe or descriptor ({@code /dev/stdout}):
     * opened and written, never replaced (a rename would put a regular file where the device node or
     * pipe was). Appends, as a shell's {@code >>} would, so that output already sent to a redirected
     * standard output is kept.
     */
    public static void writeThrough(Path target, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            writeAll(ch, bytes);
        } catch (IOException e) {
            throw new CstopoException(ExitCode.WRITE_FAILED, target + ": cannot write (" + describe(e) + ")", e);
        }
    }

    /**
     * Writes output that is not made from the file it replaces (a runbook, a report): a device,
     * pipe or descriptor is written through, a regular file atomically; a socket or the like is refused.
     */
    public static void writeOutput(Path target, byte[] bytes) {
        switch (kind(target)) {
            case STREAM -> writeThrough(target, bytes);
            case UNSUPPORTED -> throw notWritable(target);
            default -> writeAtomically(target, bytes);
        }
    }

    /** The refusal of a target that is neither a file, a device nor a pipe (exit 2). */
    public static CstopoException notWritable(Path target) {
        return new CstopoException(ExitCode.USAGE, "-o " + target + " is " + describeKind(target)
                + "; cstopo writes regular files, character devices (/dev/null, /dev/stdout) and named pipes");
    }

    /** What a path names, as far as writing to it is concerned. */
    public enum Kind {
        /** Nothing there yet. */
        MISSING,
        /** A regular file, or a link to one: replaced atomically. */
        REGULAR,
        DIRECTORY,
        /** A character device, a pipe, or a descriptor of this process (/dev/stdout, /dev/fd/N): written through. */
        STREAM,
        /** A socket, a block device, or something else cstopo does not write. */
        UNSUPPORTED
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;

    public static Kind kind(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || !Files.exists(path)) {
            return Files.isSymbolicLink(path) ? Kind.UNSUPPORTED : Kind.MISSING;
        }
        if (isProcessDescriptor(path)) {
            return Kind.STREAM;
        }
        if (Files.isDirectory(path)) {
            return Kind.DIRECTORY;
        }
        if (Files.isRegularFile(path)) {
            return Kind.REGULAR;
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & S_IFMT;
            return type == S_IFIFO || type == S_IFCHR ? Kind.STREAM : Kind.UNSUPPORTED;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Kind.UNSUPPORTED;
        }
    }

    /** What {@link #kind} found, in words for messages ("a socket"). */
    public static String describeKind(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & S_IFMT;
            return switch (type) {
                case 0140000 -> "a socket";
                case 0060000 -> "a block device";
                case S_IFIFO -> "a named pipe";
                case S_IFCHR -> "a character device";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Files.isSymbolicLink(path) && !Files.exists(path) ? "a link to nothing" : "not a regular file";
        }
    }

    /**
     * /dev/stdout, /dev/fd/1 and /proc/self/fd/1 lead into /proc, where a "link" is an open
     * descriptor of this process: whatever it points to (a pipe, a terminal, the file a shell
     * redirected to), it must be written through, never replaced by a rename.
     */
    private static boolean isProcessDescriptor(Path path) {
        Path p = path.toAbsolutePath();
        try {
            for (int hops = 0; hops < 40 && p.getParent() != null; hops++) {
                Path dir = p.getParent().toRealPath();
                if (dir.startsWith("/proc")) {
                    return true;
                }
                p = dir.resolve(p.getFileName());
                if (!Files.isSymbolicLink(p)) {
                    return false;
                }
                p = dir.resolve(Files.readSymbolicLink(p));
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        return false;
    }

    public static void writeAtomically(Path target, byte[] bytes, WriteHook hook) {
        writeAtomically(target, bytes, ContentCheck.NONE, hook);
    }

    public static void writeAtomically(Path target, byte[] bytes) {
        writeAtomically(target, bytes, ContentCheck.NONE, WriteHook.NONE);
    }

    /**
     * An existing target keeps its permissions. A new file gets rw-r--r--, what an editor would
     * create, rather than the owner-only mode of a temporary file (the JVM cannot read the umask).
     */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (to == null) {
            return;
        }
        if (from != null && Files.exists(target)) {
            to.setPermissions(from.readAttributes().permissions());
        } else {
            to.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory: the rename is done, only its durability is the OS's
        }
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a directory is in the way";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }

    /** The steps of an atomic write, so tests can make each one fail. */
    public enum WriteStep { CREATED_TEMP, WROTE_TEMP, SYNCED_TEMP, VERIFIED_TEMP, MOVING }

    @FunctionalInterface
    public interface WriteHook {
        WriteHook NONE = (step, target) -> { };

        /** Called at {@code step} of writing {@code target}; throwing there simulates a failure. */
        void at(WriteStep step, Path target) throws IOException;
    }

    /** Checks the bytes read back from the temporary file before they replace the target. */
    @FunctionalInterface
    public interface ContentCheck {
        ContentCheck NONE = bytes -> { };

        /** Throws (a {@link CstopoException}, normally) when {@code bytes} must not be written. */
        void check(byte[] bytes);
    }
}
