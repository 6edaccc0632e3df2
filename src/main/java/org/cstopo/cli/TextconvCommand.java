package org.cstopo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cstopo.ExitCode;
import org.cstopo.io.FileIO;
import org.cstopo.io.TextConv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "textconv", mixinStandardHelpOptions = true,
        description = {"Print a file as UTF-8 with LF line ends, otherwise unchanged, for git's textconv.",
            "git diff and git log -p then show UTF-16 exports as lines (setup: README, git). Nothing is parsed or checked.",
            "A text cstopo would refuse is shown as well as it can be (one line on stderr says why), a binary file as its size and"
                    + " SHA-256; exit code 0 unless FILE cannot be read."})
final class TextconvCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file git hands over (any file its attributes send here).")
    Path file;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextConv conv = TextConv.of(FileIO.readInput(file), file.toString());
        if (conv.note() != null) {
            spec.commandLine().getErr().println("cstopo: " + conv.note());
            spec.commandLine().getErr().flush();
        }
        main.stdout.write(conv.text(), 0, conv.text().length);
        main.stdout.flush();
        return ExitCode.OK.code;
    }
}
