package org.cstopo.validate;

import java.util.Locale;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.xml.SqlInstanceId;

/** A SQL instance by name (case-insensitive, as SQL Server names are) and cluster. */
record SqlKey(String name, ClusterRef cluster) {
    static SqlKey of(SqlInstanceId id) {
        String name = id.getName() == null ? "" : id.getName().toLowerCase(Locale.ROOT);
        return new SqlKey(name, id.getClusterId() == null ? null : ClusterRef.of(id.getClusterId()));
    }
}
