package org.cstopo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.io.FileIO;
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

    /** Writes the bytes; returns a short description of where they went. */
    public String write(Path input, byte[] bytes, PrintStream stdout) {
        if (isStdout()) {
            stdout.write(bytes, 0, bytes.length);
            stdout.flush();
            return "standard output";
        }
        if (inPlace) {
            Path bak = backup != null ? backup : input.resolveSibling(input.getFileName() + ".bak");
            try {
                Files.copy(input, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new CstopoException(ExitCode.WRITE_FAILED, bak + ": cannot write the backup (" + e.getMessage()
                        + "); nothing was changed");
            }
            FileIO.writeAtomically(input, bytes);
            return input + " (backup " + bak + ")";
        }
        Path out = Path.of(output);
        if (Files.isDirectory(out)) {
            throw new CstopoException(ExitCode.USAGE, out + ": is a directory; give a file name for -o");
        }
        FileIO.writeAtomically(out, bytes);
        return out.toString();
    }
}
