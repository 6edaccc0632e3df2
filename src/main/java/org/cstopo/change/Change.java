package org.cstopo.change;

import java.util.List;
import java.util.regex.Pattern;
import org.cstopo.model.Topology;

/**
 * One declared change, as the matching cmdlet would express it. {@code origin} says where it was
 * declared ("changes.xml:4:3" or "command line") so errors can point at it.
 */
public sealed interface Change {
    /**
     * xsd/changes.xsd's Fqdn type: the name a change may give a pool or computer, whichever file or
     * command declares it (letters, digits and inner hyphens, two labels at least).
     */
    Pattern FQDN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?)+");

    static boolean isFqdn(String name) {
        return name != null && FQDN.matcher(name).matches();
    }

    String origin();

    /** The change in cmdlet terms, for messages. */
    String describe();

    /** The pools and computers (FQDNs) this change may touch; the write check allows differences only there. */
    List<String> names();

    /** Media port ranges of New-CsTrustedApplicationPool (-AudioPortStart/-AudioPortCount, ...); null when not given. */
    record MediaPorts(Integer audioStart, Integer audioCount, Integer videoStart, Integer videoCount,
                      Integer appSharingStart, Integer appSharingCount) {
        public static final MediaPorts NONE = new MediaPorts(null, null, null, null, null, null);
    }

    record NewTrustedApplicationPool(String origin, String identity, String registrar, String site, String computerFqdn,
                                     boolean treatAsAuthenticated, boolean throttleAsServer, boolean requiresReplication,
                                     boolean outboundOnly, MediaPorts mediaPorts) implements Change {
        /** New-CsTrustedApplicationPool: without -ComputerFqdn the first computer takes the pool's FQDN. */
        public String firstComputer() {
            return computerFqdn == null || computerFqdn.isEmpty() ? identity : computerFqdn;
        }

        @Override
        public String describe() {
            return "NewTrustedApplicationPool " + identity;
        }

        @Override
        public List<String> names() {
            return List.of(identity, firstComputer());
        }
    }

    record NewTrustedApplicationComputer(String origin, String identity, String pool) implements Change {
        @Override
        public String describe() {
            return "NewTrustedApplicationComputer " + identity + " in pool " + pool;
        }

        @Override
        public List<String> names() {
            return List.of(identity, pool);
        }
    }

    record NewTrustedApplication(String origin, String applicationId, String pool, int port, boolean enableTcp)
            implements Change {
        @Override
        public String describe() {
            return "NewTrustedApplication " + applicationId + " on " + pool + ":" + port;
        }

        @Override
        public List<String> names() {
            return List.of(pool);
        }
    }

    record SetIPAddress(String origin, String computer, String ipAddress, String interfaceSide) implements Change {
        @Override
        public String describe() {
            return "SetIPAddress " + computer + " " + interfaceSide + "=" + ipAddress;
        }

        @Override
        public List<String> names() {
            return List.of(computer);
        }
    }

    /** Set-CsTrustedApplicationPool: a null setting is left as it is. */
    record SetTrustedApplicationPool(String origin, String identity, String registrar, Boolean treatAsAuthenticated,
                                     Boolean throttleAsServer, Boolean requiresReplication, Boolean outboundOnly)
            implements Change {
        @Override
        public String describe() {
            return "SetTrustedApplicationPool " + identity;
        }

        @Override
        public List<String> names() {
            return List.of(identity);
        }
    }

    record RemoveTrustedApplicationPool(String origin, String identity) implements Change {
        @Override
        public String describe() {
            return "RemoveTrustedApplicationPool " + identity;
        }

        @Override
        public List<String> names() {
            return List.of(identity);
        }
    }

    record RemoveTrustedApplicationComputer(String origin, String identity) implements Change {
        @Override
        public String describe() {
            return "RemoveTrustedApplicationComputer " + identity;
        }

        @Override
        public List<String> names() {
            return List.of(identity);
        }
    }

    record RemoveTrustedApplication(String origin, String applicationId, String pool) implements Change {
        @Override
        public String describe() {
            return "RemoveTrustedApplication " + pool + "/" + Topology.ownerOf(applicationId);
        }

        @Override
        public List<String> names() {
            return List.of(pool);
        }
    }
}
