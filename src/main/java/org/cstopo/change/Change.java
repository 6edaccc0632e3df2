package org.cstopo.change;

import java.util.List;
import java.util.Map;
import org.cstopo.model.Topology;

/**
 * One declared change, as the matching cmdlet would express it. {@code origin} says where it was
 * declared ("changes.xml:4:3" or "command line") so errors can point at it.
 */
public sealed interface Change {
    /** True for a name a change may give a pool or computer ({@link ChangeValues.Kind#FQDN}). */
    static boolean isFqdn(String name) {
        return ChangeValues.Kind.FQDN.problem(name) == null;
    }

    String origin();

    /** The element of xsd/changes.xsd that declares this change. */
    default String element() {
        return getClass().getSimpleName();
    }

    /** The change as its element's attributes (those given), the form {@link ChangeValues} checks. */
    Map<String, String> attributes();

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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("Identity", identity, "Registrar", registrar, "Site", site, "ComputerFqdn", computerFqdn,
                    "TreatAsAuthenticated", treatAsAuthenticated, "ThrottleAsServer", throttleAsServer,
                    "RequiresReplication", requiresReplication, "OutboundOnly", outboundOnly,
                    "AudioPortStart", mediaPorts.audioStart(), "AudioPortCount", mediaPorts.audioCount(),
                    "VideoPortStart", mediaPorts.videoStart(), "VideoPortCount", mediaPorts.videoCount(),
                    "AppSharingPortStart", mediaPorts.appSharingStart(), "AppSharingPortCount", mediaPorts.appSharingCount());
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("Identity", identity, "Pool", pool);
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("ApplicationId", applicationId, "TrustedApplicationPoolFqdn", pool, "Port", port,
                    "EnableTcp", enableTcp);
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("Computer", computer, "IPAddress", ipAddress, "InterfaceSide", interfaceSide);
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("Identity", identity, "Registrar", registrar, "TreatAsAuthenticated", treatAsAuthenticated,
                    "ThrottleAsServer", throttleAsServer, "RequiresReplication", requiresReplication, "OutboundOnly", outboundOnly);
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("Identity", identity);
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("Identity", identity);
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

        @Override
        public Map<String, String> attributes() {
            return ChangeValues.attributes("ApplicationId", applicationId, "TrustedApplicationPoolFqdn", pool);
        }
    }
}
