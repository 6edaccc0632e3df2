package org.cstopo.validate;

import java.util.Locale;
import java.util.Objects;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.xml.SqlInstanceId;

/** A SQL instance by name (case-insensitive, as SQL Server names are) and cluster. */
record SqlKey(String name, ClusterRef cluster) {
    // Written out: a record's generated equals and hashCode bootstrap method handles on first use,
    // 5-20 ms of a cold start each (src/bench/README.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof SqlKey o && Objects.equals(name, o.name) && Objects.equals(cluster, o.cluster);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, cluster);
    }

    static SqlKey of(SqlInstanceId id) {
        String name = id.getName() == null ? "" : id.getName().toLowerCase(Locale.ROOT);
        return new SqlKey(name, id.getClusterId() == null ? null : ClusterRef.of(id.getClusterId()));
    }
}
