package org.cstopo.cli;

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
import org.cstopo.validate.Fixes;

/** What every editing command does once it has its changes: apply, report, then diff, check or write. */
final class ChangeRun {
    private ChangeRun() {
    }

    /** {@code pending} words the fixes of findings about a result that is in no file (see {@link ResultFixes}). */
    static int run(EditReport report, List<Change> changes, Fixes pending) {
        SourceDocument doc = FileIO.readDocument(report.topology);
        Topology topology = TopologyBinder.bind(doc);
        ApplyResult result = ChangeApplier.apply(topology, changes);
        for (Outcome o : result.outcomes()) {
            report.outcome(o.applied(), o.change().origin(), o.change().describe(), o.message());
        }
        report.shape(result.shapeFrom(), result.inferred());
        if (!result.changed()) {
            report.message("no changes: the topology already has everything declared");
        }
        return EditOutput.finish(report, topology, result, pending,
                written -> WriteCheck.requireOnly(doc, written, namesIn(changes)));
    }

    /** The pools and machines the changes may touch: any other difference in the result is a bug. */
    static List<String> namesIn(List<Change> changes) {
        return changes.stream().flatMap(c -> c.names().stream()).toList();
    }
}
