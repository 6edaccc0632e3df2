package org.cstopo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import picocli.CommandLine.Option;

/** The output options shared by commands that write a topology: -o FILE, -o -, --in-place. */
public final class OutputTarget {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the result ('-' for standard output).")
    String output;

    @Option(names = "--in-place", description = "Replace the input file; the original is kept as FILE.bak (or --backup).")
    boolean inPlace;

    @Option(names = "--backup", paramLabel = "FILE", description = "Backup name for --in-place (default: INPUT.bak).")
    Path backup;

    /** Lets tests make each step of a write fail; never set by the command line. */
    FileIO.WriteHook hook = FileIO.WriteHook.NONE;

    /**
     * What every topology cstopo writes must be: it parses, with the same hardened reader, and binds
     * to the model. A failure here is a bug in cstopo (it produced a broken document), so nothing is
     * written and the input stays as it was.
     */
    static final FileIO.ContentCheck READS_BACK_AS_TOPOLOGY = bytes -> {
        try {
            TopologyBinder.bind(SourceDocument.parse("the result", bytes));
        } catch (CstopoException e) {
            throw new CstopoException(ExitCode.WRITE_FAILED, "the result does not read back as a topology ("
                    + e.getMessage() + "); nothing was written: this is a bug, please report it with --debug", e);
        }
    };

    /**
     * The check for a result that was already parsed, bound and validated as {@code validated}: the
     * bytes read back must decode to exactly that text, so they are that topology (parsing them a
     * second time would only repeat the work).
     */
    static FileIO.ContentCheck readsBackAs(SourceDocument validated) {
        return bytes -> {
            String text;
            try {
                text = validated.encoding().decode(bytes, "the result");
            } catch (CstopoException e) {
                text = null;
            }
            if (!validated.text().equals(text)) {
                throw new CstopoException(ExitCode.WRITE_FAILED, "the result does not read back as the checked topology;"
                        + " nothing was written: this is a bug, please report it with --debug");
            }
        };
    }

    /** Checks the combination before any work is done. */
    public void check(boolean required) {
        if (output != null && inPlace) {
            throw new CstopoException(ExitCode.USAGE, "use either -o FILE or --in-place, not both");
        }
        if (required && output == null && !inPlace) {
            throw new CstopoException(ExitCode.USAGE, "say where to write the result: -o FILE, -o - for standard output, or --in-place");
        }
        if (backup != null && !inPlace) {
            throw new CstopoException(ExitCode.USAGE, "--backup goes with --in-place");
        }
    }

    public boolean isSet() {
        return output != null || inPlace;
    }

    public boolean isStdout() {
        return "-".equals(output);
    }

    /** Writes the bytes, which must read back as a topology; returns a short description of where they went. */
    public String write(Path input, byte[] bytes, PrintStream stdout) {
        return write(input, bytes, stdout, READS_BACK_AS_TOPOLOGY);
    }

    /**
     * Writes the bytes after {@code check} accepted them. A file is replaced atomically (see
     * {@link FileIO#writeAtomically}); with --in-place the backup is written the same way first, so
     * a failure at any step leaves the input byte-identical and no partial file behind.
     */
    public String write(Path input, byte[] bytes, PrintStream stdout, FileIO.ContentCheck check) {
        if (isStdout()) {
            check.check(bytes);
            stdout.write(bytes, 0, bytes.length);
            stdout.flush();
            return "standard output";
        }
        if (inPlace) {
            Path bak = backup != null ? backup : input.resolveSibling(input.getFileName() + ".bak");
            if (Files.isDirectory(bak)) {
                throw new CstopoException(ExitCode.USAGE, bak + ": is a directory; give a file name for --backup");
            }
            check.check(bytes);
            byte[] original;
            try {
                original = Files.readAllBytes(input);
            } catch (IOException e) {
                throw new CstopoException(ExitCode.WRITE_FAILED, input + ": cannot be read again for the backup ("
                        + e.getMessage() + "); nothing was changed", e);
            }
            try {
                FileIO.writeAtomically(bak, original, FileIO.ContentCheck.NONE, hook);
            } catch (CstopoException e) {
                throw new CstopoException(ExitCode.WRITE_FAILED, "the backup " + e.getMessage(), e);
            }
            FileIO.writeAtomically(input, bytes, check, hook);
            return input + " (backup " + bak + ")";
        }
        Path out = Path.of(output);
        if (Files.isDirectory(out)) {
            throw new CstopoException(ExitCode.USAGE, out + ": is a directory; give a file name for -o");
        }
        FileIO.writeAtomically(out, bytes, check, hook);
        return out.toString();
    }
}
