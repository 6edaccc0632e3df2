package org.cstopo.cli;

import java.nio.file.Path;
import java.util.List;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.Outcome;
import org.cstopo.diff.WriteCheck;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.powershell.OutsideStatement;
import picocli.CommandLine.Model.CommandSpec;

/** What every editing command does once it has its changes: apply, report, then diff, check or write. */
final class ChangeRun {
    private ChangeRun() {
    }

    static int run(Path topologyPath, List<Change> changes, List<OutsideStatement> outside, EditOptions opts, Main main,
                   CommandSpec spec) {
        EditReport report = new EditReport(topologyPath, opts, spec);
        outside.forEach(report::outside);
        SourceDocument doc = FileIO.readDocument(topologyPath);
        Topology topology = TopologyBinder.bind(doc);
        ApplyResult result = ChangeApplier.apply(topology, changes);
        for (Outcome o : result.outcomes()) {
            report.outcome(o.applied(), o.change().origin(), o.change().describe(), o.message());
        }
        report.shape(result.shapeFrom(), result.inferred());
        if (!result.changed()) {
            report.message("no changes: the topology already has everything declared");
        }
        return EditOutput.finish(topologyPath, topology, result.text(), opts, main, spec, report,
                written -> WriteCheck.requireOnly(doc, written, namesIn(changes)));
    }

    /** The pools and machines the changes may touch: any other difference in the result is a bug. */
    static List<String> namesIn(List<Change> changes) {
        return changes.stream().flatMap(c -> c.names().stream()).toList();
    }
}
