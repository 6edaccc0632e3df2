package org.cstopo.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.json.Json;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.report.HtmlReport;
import org.cstopo.show.TopologySummary;
import org.cstopo.transform.Stylesheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Summarise a topology: sites, pools, roles, machines and IP addresses, trusted application pools.",
            "--format html writes one page documenting it: a drawing of its sites and pools, the tables and its findings."})
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html", converter = Format.Pages.class,
            completionCandidates = Format.Pages.class, description = "Output format (default: ${DEFAULT-VALUE}); html: a self-contained page with a drawing.")
    Format format;

    @Mixin
    HtmlOptions html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        html.check(spec, format, topology);
        if (format == Format.html) {
            Stylesheet stylesheet = html.stylesheet();
            SourceDocument doc = FileIO.readDocument(topology);
            html.write(spec, HtmlReport.show(doc, stylesheet, Instant.now()));
            return 0;
        }
        Topology t = TopologyBinder.bind(FileIO.readDocument(topology));
        TopologySummary summary = TopologySummary.of(t);
        spec.commandLine().getOut().print(format == Format.json ? Json.write(summary.toJson()) : summary.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
