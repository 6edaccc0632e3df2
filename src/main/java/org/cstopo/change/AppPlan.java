package org.cstopo.change;

import org.cstopo.model.xml.roles.Port;

/** A trusted application (a urn:application: port) of a planned pool. */
final class AppPlan {
    final String id;
    final Port existing;
    final int port;
    final String protocol;
    boolean removed;

    AppPlan(String id, Port existing, int port, String protocol) {
        this.id = id;
        this.existing = existing;
        this.port = port;
        this.protocol = protocol;
    }
}
