package org.cstopo.model;

import org.cstopo.model.xml.ClusterId;
import org.cstopo.model.xml.ServiceId;

/** Value keys for the ids a topology uses to point from one object to another. */
public final class Refs {
    private Refs() {
    }

    /** A service id, written by Lync as SiteId-RoleName-Instance, e.g. {@code 1-Registrar-1}. */
    public record ServiceRef(String siteId, String roleName, String instance) {
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
        public static ClusterRef of(ClusterId id) {
            return new ClusterRef(id.getSiteId(), id.getNumber());
        }

        @Override
        public String toString() {
            return "site " + siteId + " cluster " + number;
        }
    }
}
