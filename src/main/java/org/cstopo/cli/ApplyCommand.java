package org.cstopo.cli;

import java.nio.file.Path;
import java.util.List;
import org.cstopo.change.Change;
import org.cstopo.change.ChangesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a changes file (xsd/changes.xsd) to a topology and write the result as a minimal edit of the original.",
            "Without --changes the topology is read, checked and written back unchanged (byte for byte)."})
final class ApplyCommand extends EditCommands.Edit {
    @Option(names = {"-c", "--changes"}, paramLabel = "FILE", description = "Declared changes (TopologyChanges, xsd/changes.xsd).")
    Path changes;

    @Override
    List<Change> changes() {
        return changes == null ? List.of() : ChangesFile.read(changes);
    }
}
