package org.cstopo.report;

import java.util.Locale;

/** How an object of a report differs between the topology before (OLD) and after (NEW). */
public enum Mark {
    UNCHANGED, ADDED, CHANGED, REMOVED;

    /** The word the report's XML uses: "added", ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Added and removed say more than changed: an object added and then edited is still new. */
    Mark and(Mark other) {
        if (this == ADDED || this == REMOVED) {
            return this;
        }
        if (other == ADDED || other == REMOVED) {
            return other;
        }
        return this == CHANGED || other == CHANGED ? CHANGED : UNCHANGED;
    }
}
