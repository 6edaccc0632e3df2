package org.cstopo.powershell;

import java.util.List;
import org.cstopo.change.Change;

/**
 * What a changes file declares: the topology changes in order, and (for a runbook) the statements
 * left to the server; {@code runbook} tells which kind of file declared them.
 */
public record DeclaredChanges(List<Change> changes, List<OutsideStatement> outside, boolean runbook) {
    public DeclaredChanges {
        changes = List.copyOf(changes);
        outside = List.copyOf(outside);
    }
}
