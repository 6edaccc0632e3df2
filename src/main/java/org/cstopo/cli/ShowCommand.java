package org.cstopo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cstopo.json.Json;
import org.cstopo.io.FileIO;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.show.TopologySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Summarise a topology: sites, pools, roles, machines and IP addresses, trusted application pools.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology t = TopologyBinder.bind(FileIO.readDocument(topology));
        TopologySummary summary = TopologySummary.of(t);
        spec.commandLine().getOut().print(format == Format.json ? Json.write(summary.toJson()) : summary.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
