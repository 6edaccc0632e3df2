package org.cstopo.change;

import org.cstopo.io.Fragment;
import org.cstopo.model.Fragments;
import org.cstopo.model.IpAddress;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.ClusterId;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.DependsOn;
import org.cstopo.model.xml.InstalledOn;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.ServiceId;
import org.cstopo.model.xml.roles.ExternalServerService;
import org.cstopo.model.xml.roles.Port;
import org.cstopo.model.xml.roles.Ports;

/**
 * The one place that knows what the XML of trusted application objects looks like. Every shape
 * says where it comes from; correct them here when a real export shows otherwise.
 *
 * <ul>
 * <li>Cluster, ClusterId, Machine, NetInterface: as every cluster in the public Skype for Business
 *     2015/2019 exports. Machines that are not Lync servers (the Office Web Apps machine in the
 *     2015 Edge export) carry no FaultDomain/UpgradeDomain, so trusted application computers don't
 *     either (inferred). A trusted computer gets one Primary interface, 0.0.0.0 until set, which is
 *     what Cisco's IM and Presence guide tells the admin to replace.</li>
 * <li>Service with ServiceId SiteId-ExternalServer-N, DependsOn the registrar (Usage="Default", the
 *     only usage seen), InstalledOn the pool's ClusterId: Microsoft's Get-CsTrustedApplicationPool
 *     documentation (service id "site-ExternalServer-N", the pool's Registrar).</li>
 * <li>Application port: the public exports' bundled application port
 *     ({@code Owner="urn:application:testbot" Usage="SipServer" ... Protocol="Mtls" UrlPath="/"
 *     AuthorizesRequests="true" GruuType=...}); GruuType = the application id is inferred.</li>
 * <li>Media ports: the MediaComp ports of the ApplicationServer service in the exports
 *     (Usage AudioCommunication/VideoCommunication/AppSharingCommunication, TcpOrUdp, Range=count).</li>
 * <li>ExternalServerService role element: UNCONFIRMED, see xsd/serviceroles.xsd.</li>
 * </ul>
 */
public final class TrustedPoolShape {
    public static final String SERVICE_TYPE = "Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.ExternalServerService";
    public static final String PRIMARY = "Primary";
    static final String ROLE_VERSION = "1";
    static final String DEFAULT_SERVICE_VERSION = "6";

    private TrustedPoolShape() {
    }

    /** "urn:application:id" for an application id given with or without the prefix. */
    public static String ownerOf(String applicationId) {
        return applicationId.startsWith(Topology.APPLICATION_OWNER_PREFIX)
                ? applicationId : Topology.APPLICATION_OWNER_PREFIX + applicationId;
    }

    public static String bareId(String applicationId) {
        return applicationId.startsWith(Topology.APPLICATION_OWNER_PREFIX)
                ? applicationId.substring(Topology.APPLICATION_OWNER_PREFIX.length()) : applicationId;
    }

    static ClusterId clusterId(ClusterRef ref) {
        ClusterId id = new ClusterId();
        id.setSiteId(ref.siteId());
        id.setNumber(ref.number());
        return id;
    }

    static ServiceId serviceId(ServiceRef ref) {
        ServiceId id = new ServiceId();
        id.setSiteId(ref.siteId());
        id.setRoleName(ref.roleName());
        id.setInstance(ref.instance());
        return id;
    }

    static Machine machine(int ordinal, String fqdn, String ipAddress) {
        Machine m = new Machine();
        m.setOrdinalInCluster(Integer.toString(ordinal));
        m.setFqdn(fqdn);
        NetInterface n = new NetInterface();
        n.setInterfaceSide(PRIMARY);
        n.setInterfaceNumber("1");
        n.setIPAddress(ipAddress == null ? IpAddress.UNSPECIFIED_V4 : ipAddress);
        m.getNetInterface().add(n);
        return m;
    }

    static Cluster cluster(String fqdn, ClusterRef id, boolean requiresReplication) {
        Cluster c = new Cluster();
        c.setRequiresReplication(requiresReplication);
        // Trusted application computers are not set up by Lync's installer (inferred; see class comment).
        c.setRequiresSetup(false);
        c.setFqdn(fqdn);
        c.setClusterId(clusterId(id));
        return c;
    }

    /** New-CsTrustedApplication listens on MTLS, or on TCP with -EnableTcp. */
    static String protocolOf(boolean enableTcp) {
        return enableTcp ? "Tcp" : "Mtls";
    }

    static Port applicationPort(String applicationId, int port, String protocol) {
        Port p = port(ownerOf(applicationId), "SipServer", port, protocol, true);
        p.setGruuType(bareId(applicationId));
        return p;
    }

    static Port mediaPort(String usage, int start, int count) {
        Port p = port("urn:component:MediaComp", usage, start, "TcpOrUdp", false);
        p.setRange(Integer.toString(count));
        return p;
    }

    /** What every port cstopo writes shares: the first Primary interface, URL path "/". */
    private static Port port(String owner, String usage, int number, String protocol, boolean authorizesRequests) {
        Port p = new Port();
        p.setOwner(owner);
        p.setUsage(usage);
        p.setInterfaceSide(PRIMARY);
        p.setInterfaceNumber("1");
        p.setPort(Integer.toString(number));
        p.setProtocol(protocol);
        p.setUrlPath("/");
        p.setAuthorizesRequests(authorizesRequests);
        return p;
    }

    static Service externalServerService(ServiceRef id, ServiceRef registrar, ClusterRef host, String serviceVersion,
                                         Ports ports, ExternalServerService settings) {
        Service s = new Service();
        s.setRoleVersion(ROLE_VERSION);
        s.setServiceVersion(serviceVersion == null ? DEFAULT_SERVICE_VERSION : serviceVersion);
        s.setType(SERVICE_TYPE);
        s.setServiceId(serviceId(id));
        DependsOn deps = new DependsOn();
        Dependency d = new Dependency();
        d.setUsage("Default");
        d.setServiceId(serviceId(registrar));
        deps.getDependency().add(d);
        s.setDependsOn(deps);
        InstalledOn on = new InstalledOn();
        on.setClusterId(clusterId(host));
        s.setInstalledOn(on);
        s.getAny().add(ports);
        s.getAny().add(settings);
        return s;
    }

    static ExternalServerService settings(boolean treatAsAuthenticated, boolean throttleAsServer, boolean outboundOnly) {
        ExternalServerService e = new ExternalServerService();
        e.setTreatAsAuthenticated(treatAsAuthenticated);
        e.setThrottleAsServer(throttleAsServer);
        e.setOutboundOnly(outboundOnly);
        return e;
    }

    static Fragment fragment(Cluster c) {
        return Fragments.of(TopologyBinder.TOPOLOGY_NS, "Cluster", Cluster.class, c);
    }

    static Fragment fragment(Machine m) {
        return Fragments.of(TopologyBinder.TOPOLOGY_NS, "Machine", Machine.class, m);
    }

    static Fragment fragment(Service s) {
        return Fragments.of(TopologyBinder.TOPOLOGY_NS, "Service", Service.class, s);
    }

    static Fragment fragment(Port p) {
        return Fragments.of(TopologyBinder.SERVICE_ROLES_NS, "Port", Port.class, p);
    }

    static Fragment fragment(ExternalServerService e) {
        return Fragments.of(e);
    }

    static Fragment fragment(Ports p) {
        return Fragments.of(p);
    }
}
