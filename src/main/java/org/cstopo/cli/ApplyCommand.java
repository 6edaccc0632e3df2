package org.cstopo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.TopologyBinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply declared changes to a topology and write the result as a minimal edit of the original.")
final class ApplyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Mixin
    OutputTarget output;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        output.check(true);
        SourceDocument doc = FileIO.readDocument(topology);
        TopologyBinder.bind(doc);
        String where = output.write(topology, doc.bytes(), main.stdout);
        spec.commandLine().getErr().println("cstopo: no changes; wrote " + where + " unchanged");
        return 0;
    }
}
