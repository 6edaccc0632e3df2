package org.cstopo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.change.Change;
import org.cstopo.io.FileIO;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.powershell.DeclaredChanges;
import org.cstopo.powershell.ChangesInput;
import org.cstopo.powershell.OutsideStatement;
import org.cstopo.runbook.Runbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "runbook", mixinStandardHelpOptions = true,
        description = {"Write the PowerShell equivalent of a changes file (XML or .ps1): the topology cmdlets in the order cstopo"
            + " applies them, Enable-CsTopology, then the address step (export, cstopo set-ip, Publish-CsTopology).",
            "A file is written as UTF-8 with a byte order mark and CRLF line ends, as Windows PowerShell 5.1 reads it."})
final class RunbookCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHANGES", description = "Declared changes: TopologyChanges (xsd/changes.xsd) or a runbook (.ps1).")
    Path changes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the runbook ('-' or none: standard output).")
    String output;

    @Option(names = "--topology", paramLabel = "TOPOLOGY",
            description = "Check the changes against this export first, name registrars and sites from it, leave out what it already has.")
    Path topology;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path target = output == null || output.equals("-") ? null : Path.of(output);
        refuseToReplaceInputs(target);
        DeclaredChanges declared = ChangesInput.read(changes);
        PrintWriter err = spec.commandLine().getErr();
        for (OutsideStatement o : declared.outside()) {
            err.println("cstopo: " + o.line());
        }
        Topology t = topology == null ? null : TopologyBinder.bind(FileIO.readDocument(topology));
        Runbook runbook = Runbook.of(changes.toString(), declared.changes(), t);
        for (Change c : runbook.leftOut()) {
            err.println("cstopo: " + c.origin() + ": " + c.describe() + ": already in " + topology + ", left out of the runbook");
        }
        if (target == null) {
            Main main = (Main) spec.root().userObject();
            byte[] bytes = runbook.text().getBytes(StandardCharsets.UTF_8);
            main.stdout.write(bytes, 0, bytes.length);
            main.stdout.flush();
        } else {
            FileIO.writeOutput(target, runbook.bytes());
            err.println("cstopo: wrote " + target);
        }
        return ExitCode.OK.code;
    }

    private void refuseToReplaceInputs(Path target) {
        if (target == null) {
            return;
        }
        if (Files.isDirectory(target)) {
            throw new CstopoException(ExitCode.USAGE, target + ": is a directory; give a file name for -o");
        }
        for (Path input : new Path[] {changes, topology}) {
            if (input != null && sameFile(input, target)) {
                throw new CstopoException(ExitCode.USAGE, target + " is an input of this command; write the runbook to another file");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
