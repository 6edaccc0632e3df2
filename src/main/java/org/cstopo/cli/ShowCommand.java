package org.cstopo.cli;

import java.util.concurrent.Callable;
import org.cstopo.json.Json;
import org.cstopo.io.FileIO;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.show.TopologySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Summarise a topology: sites, pools, roles, machines and IP addresses, trusted application pools.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    ReportOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology t = TopologyBinder.bind(FileIO.readDocument(options.topology));
        TopologySummary summary = TopologySummary.of(t);
        spec.commandLine().getOut().print(options.format == Format.json ? Json.write(summary.toJson()) : summary.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
