package org.cstopo.change;

/**
 * The same change declared elsewhere. Two changes files (an XML one and a runbook) declare the
 * same changes when their changes are equal once their origins are set alike.
 */
public final class Origins {
    private Origins() {
    }

    public static Change withOrigin(Change c, String origin) {
        if (c instanceof Change.NewTrustedApplicationPool p) {
            return new Change.NewTrustedApplicationPool(origin, p.identity(), p.registrar(), p.site(), p.computerFqdn(),
                    p.treatAsAuthenticated(), p.throttleAsServer(), p.requiresReplication(), p.outboundOnly(), p.mediaPorts());
        } else if (c instanceof Change.NewTrustedApplicationComputer p) {
            return new Change.NewTrustedApplicationComputer(origin, p.identity(), p.pool());
        } else if (c instanceof Change.NewTrustedApplication p) {
            return new Change.NewTrustedApplication(origin, p.applicationId(), p.pool(), p.port(), p.enableTcp());
        } else if (c instanceof Change.SetIPAddress p) {
            return new Change.SetIPAddress(origin, p.computer(), p.ipAddress(), p.interfaceSide());
        } else if (c instanceof Change.SetTrustedApplicationPool p) {
            return new Change.SetTrustedApplicationPool(origin, p.identity(), p.registrar(), p.treatAsAuthenticated(),
                    p.throttleAsServer(), p.requiresReplication(), p.outboundOnly());
        } else if (c instanceof Change.RemoveTrustedApplicationPool p) {
            return new Change.RemoveTrustedApplicationPool(origin, p.identity());
        } else if (c instanceof Change.RemoveTrustedApplicationComputer p) {
            return new Change.RemoveTrustedApplicationComputer(origin, p.identity());
        } else if (c instanceof Change.RemoveTrustedApplication p) {
            return new Change.RemoveTrustedApplication(origin, p.applicationId(), p.pool());
        }
        throw new IllegalStateException("unhandled change " + c);
    }
}
