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

/** What {@code cstopo show} reports: sites, pools with roles, machines and addresses, trusted application pools. */
public record TopologySummary(String file, String signature, List<SiteInfo> sites, List<PoolInfo> pools) {

    public record SiteInfo(String id, String kind, String name) {
    }

    public record AddressInfo(String side, String number, String ipAddress, String configuredIpAddress) {
    }

    public record MachineInfo(String fqdn, List<AddressInfo> addresses) {
    }

    public record ApplicationInfo(String id, String port, String protocol) {
    }

    public record TrustedPoolInfo(String registrar, String registrarServiceId, Boolean treatAsAuthenticated,
                                  Boolean throttleAsServer, Boolean outboundOnly, List<ApplicationInfo> applications) {
    }

    public record PoolInfo(String fqdn, String siteId, String number, List<String> roles, List<MachineInfo> machines,
                           TrustedPoolInfo trustedApplicationPool) {
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

    private static PoolInfo pool(Topology t, Cluster c) {
        List<String> roles = new ArrayList<>();
        for (Service s : t.servicesOn(c)) {
            String role = Topology.roleName(s);
            if (role != null && !roles.contains(role)) {
                roles.add(role);
            }
        }
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
        TrustedPoolInfo trusted = external == null ? null : trusted(t, external);
        String site = c.getClusterId() == null ? null : c.getClusterId().getSiteId();
        String number = c.getClusterId() == null ? null : c.getClusterId().getNumber();
        return new PoolInfo(c.getFqdn(), site, number, roles, machines, trusted);
    }

    private static TrustedPoolInfo trusted(Topology t, Service external) {
        ServiceRef reg = Topology.registrarDependency(external);
        Service registrar = reg == null ? null : t.service(reg);
        String registrarPool = registrar == null ? null : t.poolFqdnOf(registrar);
        List<ApplicationInfo> apps = new ArrayList<>();
        for (Port p : Topology.applicationPorts(external)) {
            apps.add(new ApplicationInfo(Topology.applicationId(p), p.getPort(), p.getProtocol()));
        }
        ExternalServerService settings = Topology.externalServerSettings(external);
        return new TrustedPoolInfo(registrarPool, reg == null ? null : reg.toString(),
                settings == null ? null : settings.isTreatAsAuthenticated(),
                settings == null ? null : settings.isThrottleAsServer(),
                settings == null ? null : settings.isOutboundOnly(), apps);
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
                for (AddressInfo a : m.addresses) {
                    sb.append("  ").append(a.side).append('=').append(a.ipAddress);
                    if (a.configuredIpAddress != null) {
                        sb.append(" (NAT ").append(a.configuredIpAddress).append(')');
                    }
                }
                sb.append('\n');
            }
            TrustedPoolInfo tp = p.trustedApplicationPool;
            if (tp != null) {
                sb.append("    trusted application pool: registrar ").append(tp.registrar == null ? "(missing)" : tp.registrar)
                        .append(" [").append(tp.registrarServiceId).append("]\n");
                for (ApplicationInfo a : tp.applications) {
                    sb.append("    application ").append(a.id).append(" port ").append(a.port).append(' ')
                            .append(a.protocol).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** JSON for scripts: the same facts, field names stable. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file);
        root.put("signature", signature);
        List<Object> siteList = new ArrayList<>();
        for (SiteInfo s : sites) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("siteId", s.id);
            m.put("kind", s.kind);
            m.put("name", s.name);
            siteList.add(m);
        }
        root.put("sites", siteList);
        List<Object> poolList = new ArrayList<>();
        for (PoolInfo p : pools) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fqdn", p.fqdn);
            m.put("siteId", p.siteId);
            m.put("clusterNumber", p.number);
            m.put("roles", p.roles);
            List<Object> machineList = new ArrayList<>();
            for (MachineInfo mi : p.machines) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("fqdn", mi.fqdn);
                List<Object> addrs = new ArrayList<>();
                for (AddressInfo a : mi.addresses) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("interfaceSide", a.side);
                    am.put("interfaceNumber", a.number);
                    am.put("ipAddress", a.ipAddress);
                    if (a.configuredIpAddress != null) {
                        am.put("configuredIpAddress", a.configuredIpAddress);
                    }
                    addrs.add(am);
                }
                mm.put("netInterfaces", addrs);
                machineList.add(mm);
            }
            m.put("machines", machineList);
            if (p.trustedApplicationPool != null) {
                TrustedPoolInfo tp = p.trustedApplicationPool;
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("registrar", tp.registrar);
                tm.put("registrarServiceId", tp.registrarServiceId);
                tm.put("treatAsAuthenticated", tp.treatAsAuthenticated);
                tm.put("throttleAsServer", tp.throttleAsServer);
                tm.put("outboundOnly", tp.outboundOnly);
                List<Object> apps = new ArrayList<>();
                for (ApplicationInfo a : tp.applications) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("applicationId", a.id);
                    am.put("port", a.port);
                    am.put("protocol", a.protocol);
                    apps.add(am);
                }
                tm.put("applications", apps);
                m.put("trustedApplicationPool", tm);
            }
            poolList.add(m);
        }
        root.put("pools", poolList);
        return root;
    }
}
