package org.cstopo.model;

import java.util.Objects;
import org.cstopo.model.xml.ClusterId;
import org.cstopo.model.xml.ServiceId;

/** Value keys for the ids a topology uses to point from one object to another. */
public final class Refs {
    private Refs() {
    }

    /** A service id, written by Lync as SiteId-RoleName-Instance, e.g. {@code 1-Registrar-1}. */
    public record ServiceRef(String siteId, String roleName, String instance) {
        // Written out: a record's generated equals and hashCode bootstrap method handles on first use,
        // 5-20 ms of a cold start each (src/bench/README.md).
        @Override
        public boolean equals(Object other) {
            return other instanceof ServiceRef o && Objects.equals(siteId, o.siteId) && Objects.equals(roleName, o.roleName)
                    && Objects.equals(instance, o.instance);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteId, roleName, instance);
        }

        public static ServiceRef of(ServiceId id) {
            return new ServiceRef(id.getSiteId(), id.getRoleName(), id.getInstance());
        }

        /** Parses {@code 1-Registrar-1}; returns null when the text has another shape. */
        public static ServiceRef parse(String text) {
            String[] parts = text.split("-");
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                return null;
            }
            return new ServiceRef(parts[0], parts[1], parts[2]);
        }

        @Override
        public String toString() {
            return siteId + "-" + roleName + "-" + instance;
        }
    }

    /** A cluster (pool) id: a number unique within its site. */
    public record ClusterRef(String siteId, String number) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ClusterRef o && Objects.equals(siteId, o.siteId) && Objects.equals(number, o.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteId, number);
        }

        public static ClusterRef of(ClusterId id) {
            return new ClusterRef(id.getSiteId(), id.getNumber());
        }

        @Override
        public String toString() {
            return "site " + siteId + " cluster " + number;
        }
    }
}
