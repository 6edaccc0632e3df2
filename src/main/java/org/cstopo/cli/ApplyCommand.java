package org.cstopo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cstopo.change.Change;
import org.cstopo.change.ChangesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a changes file (xsd/changes.xsd) to a topology and write the result as a minimal edit of the original.",
            "Without --changes the topology is read, checked and written back unchanged (byte for byte)."})
final class ApplyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Option(names = {"-c", "--changes"}, paramLabel = "FILE", description = "Declared changes (TopologyChanges, xsd/changes.xsd).")
    Path changes;

    @Mixin
    EditOptions edit;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        edit.output.check(edit.writes());
        List<Change> list = changes == null ? List.of() : ChangesFile.read(changes);
        return ChangeRun.run(topology, list, edit, main, spec);
    }
}
