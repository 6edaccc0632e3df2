package org.cstopo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash/zsh completion script of the whole command tree (run by the build, see pom.xml):
 * picocli's own generator reads subcommands from {@code @Command} annotations, and {@link Main}
 * registers them in code so that a run builds only the one it needs.
 */
public final class CompletionScript {
    private CompletionScript() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Files.writeString(Path.of(args[0]), AutoComplete.bash("cstopo", Main.commandLine(nowhere, nowhere)), StandardCharsets.UTF_8);
    }

    /** The command tree the script completes (tests walk it). */
    public static picocli.CommandLine commands() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return Main.commandLine(nowhere, nowhere);
    }
}
