package org.cstopo.show;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.Site;
import org.cstopo.model.xml.roles.ExternalServerService;
import org.cstopo.model.xml.roles.Port;

/**
 * What {@code cstopo show} reports: sites, pools with roles, machines and addresses, and each trusted
 * application pool with what Get-CsTrustedApplicationPool and Get-CsTrustedApplication would say of
 * it. Text for people ({@link #toText()}) and JSON for scripts ({@link #toJson()}) carry the same
 * facts; a value the topology does not state is null in JSON, every key is always there.
 */
public record TopologySummary(String file, String signature, List<SiteInfo> sites, List<PoolInfo> pools) {

    public record SiteInfo(String id, String kind, String name) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("siteId", id);
            m.put("kind", kind);
            m.put("name", name);
            return m;
        }
    }

    /** One NetInterface; {@code configuredIpAddress} is the NAT'ed public address of an Edge, or null. */
    public record AddressInfo(String side, String number, String ipAddress, String configuredIpAddress) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interfaceSide", side);
            m.put("interfaceNumber", number);
            m.put("ipAddress", ipAddress);
            m.put("configuredIpAddress", configuredIpAddress);
            return m;
        }

        /** "Primary=10.10.1.10", "External=1.2.3.4 (NAT 203.0.113.4)". */
        String text() {
            return side + '=' + ipAddress + (configuredIpAddress == null ? "" : " (NAT " + configuredIpAddress + ')');
        }
    }

    public record MachineInfo(String fqdn, List<AddressInfo> addresses) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fqdn", fqdn);
            m.put("netInterfaces", addresses.stream().map(AddressInfo::toJson).toList());
            return m;
        }

        String addressText() {
            return String.join("  ", addresses.stream().map(AddressInfo::text).toList());
        }
    }

    /** A trusted application (New-CsTrustedApplication): its id without "urn:application:", port and Protocol. */
    public record ApplicationInfo(String id, String port, String protocol) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("applicationId", id);
            m.put("port", port);
            m.put("protocol", protocol);
            return m;
        }
    }

    /**
     * The media port ranges of New-CsTrustedApplicationPool (-AudioPortStart/-AudioPortCount, ...): the
     * MediaComp ports of the pool's ExternalServer service; each value null when the pool has none.
     */
    public record MediaPorts(String audioStart, String audioCount, String videoStart, String videoCount,
                             String appSharingStart, String appSharingCount) {

        static MediaPorts of(Service external) {
            String[] values = new String[6];
            String[] usages = {"AudioCommunication", "VideoCommunication", "AppSharingCommunication"};
            for (Port p : Topology.portList(external)) {
                for (int i = 0; i < usages.length; i++) {
                    if ("urn:component:MediaComp".equals(p.getOwner()) && usages[i].equals(p.getUsage()) && values[2 * i] == null) {
                        values[2 * i] = p.getPort();
                        values[2 * i + 1] = p.getRange();
                    }
                }
            }
            return new MediaPorts(values[0], values[1], values[2], values[3], values[4], values[5]);
        }

        /** Cmdlet parameter name to value, in Get-CsTrustedApplicationPool's order. */
        Map<String, String> byParameter() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("AudioPortStart", audioStart);
            m.put("AudioPortCount", audioCount);
            m.put("AppSharingPortStart", appSharingStart);
            m.put("AppSharingPortCount", appSharingCount);
            m.put("VideoPortStart", videoStart);
            m.put("VideoPortCount", videoCount);
            return m;
        }
    }

    /**
     * A pool's trusted application pool side (its ExternalServer service). {@code registrar} is the
     * registrar's pool FQDN, null when the service it depends on is not in the topology; the four
     * settings are null when the topology does not state them.
     */
    public record TrustedPoolInfo(String serviceId, String registrar, String registrarServiceId, Boolean treatAsAuthenticated,
                                  Boolean throttleAsServer, Boolean requiresReplication, Boolean outboundOnly,
                                  MediaPorts mediaPorts, List<ApplicationInfo> applications) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serviceId", serviceId);
            m.put("registrar", registrar);
            m.put("registrarServiceId", registrarServiceId);
            m.put("treatAsAuthenticated", treatAsAuthenticated);
            m.put("throttleAsServer", throttleAsServer);
            m.put("requiresReplication", requiresReplication);
            m.put("outboundOnly", outboundOnly);
            mediaPorts.byParameter().forEach((name, value) -> m.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), value));
            m.put("applications", applications.stream().map(ApplicationInfo::toJson).toList());
            return m;
        }
    }

    /** A pool; {@code trustedApplicationPool} is null unless the pool hosts an ExternalServer service. */
    public record PoolInfo(String fqdn, String siteId, String number, List<String> roles, List<MachineInfo> machines,
                           TrustedPoolInfo trustedApplicationPool) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fqdn", fqdn);
            m.put("siteId", siteId);
            m.put("clusterNumber", number);
            m.put("roles", roles);
            m.put("machines", machines.stream().map(MachineInfo::toJson).toList());
            m.put("trustedApplicationPool", trustedApplicationPool == null ? null : trustedApplicationPool.toJson());
            return m;
        }
    }

    public static TopologySummary of(Topology t) {
        List<SiteInfo> sites = new ArrayList<>();
        if (t.xml().getSites() != null) {
            for (Site s : t.xml().getSites().getCentralSite()) {
                sites.add(new SiteInfo(s.getSiteId(), "central", s.getName()));
            }
            for (Site s : t.xml().getSites().getBranchSite()) {
                sites.add(new SiteInfo(s.getSiteId(), "branch", s.getName()));
            }
        }
        List<PoolInfo> pools = new ArrayList<>();
        for (Cluster c : t.clusters()) {
            pools.add(pool(t, c));
        }
        return new TopologySummary(t.source().name(), t.xml().getSignature(), sites, pools);
    }

    /**
     * The roles of a pool, each once, in the order of the Services section: the services installed on
     * it directly or through one of its SQL instances (a Front End's UserStore lives in its SQL instance).
     */
    public static List<String> roles(Topology t, Cluster c) {
        List<String> roles = new ArrayList<>();
        for (Service s : t.servicesOn(c)) {
            String role = Topology.roleName(s);
            if (role != null && !roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static PoolInfo pool(Topology t, Cluster c) {
        List<MachineInfo> machines = new ArrayList<>();
        for (Machine m : c.getMachine()) {
            List<AddressInfo> addresses = new ArrayList<>();
            for (NetInterface n : m.getNetInterface()) {
                addresses.add(new AddressInfo(n.getInterfaceSide(), n.getInterfaceNumber(), n.getIPAddress(),
                        n.getConfiguredIPAddress()));
            }
            machines.add(new MachineInfo(m.getFqdn(), addresses));
        }
        Service external = t.serviceOn(c, Topology.EXTERNAL_SERVER);
        TrustedPoolInfo trusted = external == null ? null : trusted(t, c, external);
        String site = c.getClusterId() == null ? null : c.getClusterId().getSiteId();
        String number = c.getClusterId() == null ? null : c.getClusterId().getNumber();
        return new PoolInfo(c.getFqdn(), site, number, roles(t, c), machines, trusted);
    }

    private static TrustedPoolInfo trusted(Topology t, Cluster c, Service external) {
        ServiceRef reg = Topology.registrarDependency(external);
        Service registrar = reg == null ? null : t.service(reg);
        String registrarPool = registrar == null ? null : t.poolFqdnOf(registrar);
        List<ApplicationInfo> apps = new ArrayList<>();
        for (Port p : Topology.applicationPorts(external)) {
            apps.add(new ApplicationInfo(Topology.applicationId(p), p.getPort(), p.getProtocol()));
        }
        ExternalServerService settings = Topology.externalServerSettings(external);
        return new TrustedPoolInfo(external.getServiceId() == null ? null : ServiceRef.of(external.getServiceId()).toString(),
                registrarPool, reg == null ? null : reg.toString(),
                settings == null ? null : settings.isTreatAsAuthenticated(),
                settings == null ? null : settings.isThrottleAsServer(),
                c.isRequiresReplication(),
                settings == null ? null : settings.isOutboundOnly(), MediaPorts.of(external), apps);
    }

    /** Plain text for people. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Topology ").append(file);
        if (signature != null) {
            sb.append(" (signature ").append(signature).append(')');
        }
        sb.append('\n');
        sb.append("Sites:\n");
        for (SiteInfo s : sites) {
            sb.append("  ").append(s.id).append("  ").append(s.name == null ? "" : s.name)
                    .append(" (").append(s.kind).append(")\n");
        }
        sb.append("Pools:\n");
        for (PoolInfo p : pools) {
            sb.append("  ").append(p.fqdn).append("  site ").append(p.siteId).append(", cluster ").append(p.number);
            sb.append(p.roles.isEmpty() ? "" : "  roles: " + String.join(", ", p.roles)).append('\n');
            for (MachineInfo m : p.machines) {
                sb.append("    machine ").append(m.fqdn);
                sb.append(m.addresses.isEmpty() ? "" : "  " + m.addressText()).append('\n');
            }
        }
        List<PoolInfo> trusted = pools.stream().filter(p -> p.trustedApplicationPool != null).toList();
        if (!trusted.isEmpty()) {
            sb.append("Trusted application pools:\n");
            trusted.forEach(p -> trustedText(p, sb));
        }
        return sb.toString();
    }

    private static final String INDENT = "    ";
    private static final int LABEL = "TreatAsAuthenticated".length();

    /** One trusted pool in the words of Get-CsTrustedApplicationPool / Get-CsTrustedApplication. */
    private void trustedText(PoolInfo p, StringBuilder sb) {
        TrustedPoolInfo tp = p.trustedApplicationPool;
        sb.append("  ").append(p.fqdn).append(tp.serviceId == null ? "" : "  (" + tp.serviceId + ")").append('\n');
        field(sb, "Registrar", tp.registrarServiceId == null ? "(none)"
                : tp.registrar == null ? tp.registrarServiceId + " (not in this topology)"
                : tp.registrar + " (" + tp.registrarServiceId + ")");
        field(sb, "Site", p.siteId + siteName(p.siteId).map(n -> " (" + n + ")").orElse(""));
        field(sb, "TreatAsAuthenticated", bool(tp.treatAsAuthenticated));
        field(sb, "ThrottleAsServer", bool(tp.throttleAsServer));
        field(sb, "RequiresReplication", bool(tp.requiresReplication));
        field(sb, "OutboundOnly", bool(tp.outboundOnly));
        tp.mediaPorts.byParameter().forEach((name, value) -> {
            if (value != null) {
                field(sb, name, value);
            }
        });
        int fqdnWidth = p.machines.stream().mapToInt(m -> String.valueOf(m.fqdn).length()).max().orElse(0);
        field(sb, "Computers", p.machines.stream().map(m -> m.addresses.isEmpty() ? String.valueOf(m.fqdn)
                : pad(m.fqdn, fqdnWidth) + "  " + m.addressText()).toList());
        int idWidth = tp.applications.stream().mapToInt(a -> a.id.length()).max().orElse(0);
        field(sb, "Applications", tp.applications.stream().map(a -> pad(a.id, idWidth) + "  port " + a.port + "  " + a.protocol).toList());
    }

    private java.util.Optional<String> siteName(String siteId) {
        return sites.stream().filter(s -> s.id != null && s.id.equals(siteId) && s.name != null).map(SiteInfo::name).findFirst();
    }

    private static void field(StringBuilder sb, String label, String value) {
        sb.append(INDENT).append(pad(label, LABEL)).append(" : ").append(value).append('\n');
    }

    /** A field of several lines (computers, applications): the first after the label, the others under it. */
    private static void field(StringBuilder sb, String label, List<String> values) {
        if (values.isEmpty()) {
            field(sb, label, "(none)");
            return;
        }
        field(sb, label, values.get(0));
        for (String v : values.subList(1, values.size())) {
            sb.append(INDENT).append(" ".repeat(LABEL + 3)).append(v).append('\n');
        }
    }

    /** PowerShell's spelling of a boolean; "(not stated)" when the topology does not say. */
    private static String bool(Boolean b) {
        return b == null ? "(not stated)" : b ? "True" : "False";
    }

    private static String pad(String s, int width) {
        String v = String.valueOf(s);
        return v.length() >= width ? v : v + " ".repeat(width - v.length());
    }

    /** JSON for scripts: the same facts, field names stable. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file);
        root.put("signature", signature);
        root.put("sites", sites.stream().map(SiteInfo::toJson).toList());
        root.put("pools", pools.stream().map(PoolInfo::toJson).toList());
        return root;
    }
}
