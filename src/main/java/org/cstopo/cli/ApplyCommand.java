package org.cstopo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.change.Change;
import org.cstopo.powershell.ChangesInput;
import org.cstopo.powershell.DeclaredChanges;
import org.cstopo.powershell.OutsideStatement;
import org.cstopo.validate.Fixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a changes file (xsd/changes.xsd, or a PowerShell runbook) to a topology and write the result as a minimal"
            + " edit of the original.",
            "Without --changes the topology is read, checked and written back unchanged (byte for byte)."})
final class ApplyCommand extends EditCommands.Edit {
    @Option(names = {"-c", "--changes"}, paramLabel = "FILE",
            description = "Declared changes: TopologyChanges (xsd/changes.xsd) or a PowerShell runbook (.ps1).")
    Path changes;

    private DeclaredChanges declared;

    private DeclaredChanges declared() {
        if (declared == null) {
            declared = changes == null ? new DeclaredChanges(List.of(), List.of(), false) : ChangesInput.read(changes);
        }
        return declared;
    }

    @Override
    List<Change> changes() {
        return declared().changes();
    }

    /** A changes file or runbook is checked as it is read (exit 3), after the output options. */
    @Override
    boolean changesAreArguments() {
        return false;
    }

    @Override
    Map<String, Path> otherInputs() {
        return changes == null ? Map.of() : Map.of("the changes file", changes);
    }

    @Override
    List<OutsideStatement> outsideTopology() {
        return declared().outside();
    }

    @Override
    Fixes resultFixes(List<Change> list) {
        return changes == null ? super.resultFixes(list) : ResultFixes.changesFile(topology, changes, declared().runbook(), list);
    }
}
