package org.cstopo.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes a synthetic but valid topology in the {@code Get-CsTopology -AsXml} shape, for benchmarks.
 *
 * <p>Deterministic: the same arguments give the same bytes (no clock, no randomness; the Signature
 * GUID is derived from the pool count). The shape follows public exports: per site a file store
 * and a two-machine Edge pool; per pool an Enterprise Edition Front End cluster of four machines
 * with its own SQL back end, and the services a Front End pool hosts (UserServices, Registrar,
 * WebServices, ConfServices, MediationServer, ApplicationServer, their stores), each with its
 * DependsOn, InstalledOn, Ports and role element. Ten pools per site. The first pool of site 1 also
 * hosts the Central Management Server.
 *
 * <p>Validity by construction: FQDNs are unique; every real address is unique (taken in order from
 * 198.18.0.0/15, the range reserved for benchmarking, so no collision with the Cisco example's
 * 10.10.1.x); ClusterId numbers are unique per site, service instances unique per role and site;
 * every DependsOn and InstalledOn names something that exists; within one pool no two ports share
 * (interface, port, protocol, usage, path).
 *
 * <pre>
 * java -cp cstopo.jar org.cstopo.bench.SyntheticTopology --pools 100 [--utf16] -o FILE [--changes FILE]
 * java -cp cstopo.jar org.cstopo.bench.SyntheticTopology --registrar FQDN --changes FILE
 * </pre>
 * {@code --utf16} writes UTF-16 LE with a BOM and CRLF line ends (what Windows PowerShell's
 * Out-File writes); the default is UTF-8 without BOM and LF. {@code --changes} writes the Cisco IM
 * and Presence changes file whose registrar is the first pool (or {@code --registrar}).
 */
public final class SyntheticTopology {
    static final String TOPOLOGY_NS = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
    static final String ROLES_NS = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";
    static final String WEB_NS = "urn:schema:Microsoft.Rtc.Management.Deploy.WebServices.2011";
    static final String BASE_NS = "urn:schema:Microsoft.Rtc.Management.BaseTypes.2008";
    static final String DOMAIN = "bench.example";
    static final int POOLS_PER_SITE = 10;
    public static final int MACHINES_PER_POOL = 4;
    /** Keeps every address inside 198.18.0.0/16 (4 per pool, 2 Edge machines per site). */
    static final int MAX_POOLS = 10_000;

    private final int pools;
    private final Writer out;
    private final String eol;
    private int nextAddress;
    private int nextPublicAddress;

    private SyntheticTopology(int pools, Writer out, String eol) {
        this.pools = pools;
        this.out = out;
        this.eol = eol;
    }

    /** The FQDN of pool {@code n} (1-based); pool 1 is the registrar the changes file names. */
    public static String poolFqdn(int n) {
        return String.format("pool%04d.%s", n, DOMAIN);
    }

    /** The FQDN of machine {@code m} (1-based) of pool {@code n}. */
    public static String machineFqdn(int n, int m) {
        return String.format("pool%04d-fe%d.%s", n, m, DOMAIN);
    }

    /** Writes the topology of {@code pools} pools to {@code file}. */
    public static void write(int pools, boolean utf16, Path file) throws IOException {
        if (pools < 1 || pools > MAX_POOLS) {
            throw new IllegalArgumentException("--pools must be between 1 and " + MAX_POOLS);
        }
        Charset cs = utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        try (OutputStream os = Files.newOutputStream(file)) {
            if (utf16) {
                os.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            }
            Writer w = new BufferedWriter(new OutputStreamWriter(os, cs), 1 << 16);
            new SyntheticTopology(pools, w, utf16 ? "\r\n" : "\n").topology();
            w.flush();
        }
    }

    /**
     * The Cisco IM and Presence federation changes (New-CsTrustedApplicationPool and friends, then
     * the two IP addresses), with {@code registrar} as the trusted pool's registrar, in site 1.
     */
    public static String ciscoChanges(String registrar) {
        return "<TopologyChanges xmlns=\"urn:cstopo:changes:1\">\n"
                + "  <NewTrustedApplicationPool Identity=\"trustedpool.sip.com\" Registrar=\"" + registrar
                + "\" Site=\"1\" TreatAsAuthenticated=\"true\" ThrottleAsServer=\"true\" RequiresReplication=\"false\""
                + " OutboundOnly=\"false\" ComputerFqdn=\"impserverPub.sip.com\"/>\n"
                + "  <NewTrustedApplicationComputer Identity=\"impserver2.sip.com\" Pool=\"trustedpool.sip.com\"/>\n"
                + "  <NewTrustedApplication ApplicationId=\"imptrustedapp.sip.com\" TrustedApplicationPoolFqdn=\"trustedpool.sip.com\" Port=\"5061\"/>\n"
                + "  <SetIPAddress Computer=\"impserverPub.sip.com\" IPAddress=\"10.10.1.10\"/>\n"
                + "  <SetIPAddress Computer=\"impserver2.sip.com\" IPAddress=\"10.10.1.11\"/>\n"
                + "</TopologyChanges>\n";
    }

    public static void main(String[] args) throws IOException {
        Integer pools = null;
        boolean utf16 = false;
        Path output = null;
        Path changes = null;
        String registrar = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--pools" -> pools = Integer.parseInt(value(args, ++i, a));
                case "--utf16" -> utf16 = true;
                case "-o", "--output" -> output = Path.of(value(args, ++i, a));
                case "--changes" -> changes = Path.of(value(args, ++i, a));
                case "--registrar" -> registrar = value(args, ++i, a);
                default -> usage("unknown argument " + a);
            }
        }
        if ((pools == null) != (output == null)) {
            usage("--pools and -o go together");
        }
        if (pools == null && changes == null) {
            usage("nothing to write");
        }
        if (pools != null) {
            write(pools, utf16, output);
        }
        if (changes != null) {
            String reg = registrar != null ? registrar : poolFqdn(1);
            Files.writeString(changes, ciscoChanges(reg), StandardCharsets.UTF_8);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("SyntheticTopology: " + problem + "\nusage: --pools N [--utf16] -o FILE [--changes FILE [--registrar FQDN]]");
        System.exit(2);
    }

    // ---------------------------------------------------------------- document

    private int sites() {
        return (pools + POOLS_PER_SITE - 1) / POOLS_PER_SITE;
    }

    private int siteOf(int pool) {
        return (pool - 1) / POOLS_PER_SITE + 1;
    }

    /** 1-based position of a pool within its site: its service instance number. */
    private int indexInSite(int pool) {
        return (pool - 1) % POOLS_PER_SITE + 1;
    }

    private int feClusterNumber(int pool) {
        return 1 + 2 * indexInSite(pool);
    }

    private int sqlClusterNumber(int pool) {
        return 2 + 2 * indexInSite(pool);
    }

    private void topology() throws IOException {
        String signature = UUID.nameUUIDFromBytes(("cstopo-bench-" + pools).getBytes(StandardCharsets.UTF_8)).toString();
        line(0, "<Topology xmlns=\"" + TOPOLOGY_NS + "\" Signature=\"" + signature + "\">");
        line(1, "<InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"" + DOMAIN + "\">");
        line(2, "<InternalDomain Name=\"" + DOMAIN + "\" Authoritative=\"false\" AllowSubDomains=\"false\" />");
        line(1, "</InternalDomains>");
        line(1, "<Sites>");
        for (int s = 1; s <= sites(); s++) {
            line(2, "<CentralSite SiteId=\"" + s + "\">");
            line(3, "<Name>Site " + s + "</Name>");
            line(3, "<Location City=\"City " + s + "\" CountryCode=\"US\" />");
            line(2, "</CentralSite>");
        }
        line(1, "</Sites>");
        line(1, "<Clusters>");
        for (int s = 1; s <= sites(); s++) {
            siteClusters(s);
            for (int p = (s - 1) * POOLS_PER_SITE + 1; p <= Math.min(pools, s * POOLS_PER_SITE); p++) {
                poolClusters(p);
            }
        }
        line(1, "</Clusters>");
        line(1, "<SqlInstances>");
        for (int p = 1; p <= pools; p++) {
            line(2, "<SqlInstance>");
            line(3, "<SqlInstanceId Name=\"rtc\">");
            line(4, clusterId(siteOf(p), sqlClusterNumber(p)));
            line(3, "</SqlInstanceId>");
            line(2, "</SqlInstance>");
        }
        line(1, "</SqlInstances>");
        line(1, "<Services>");
        for (int s = 1; s <= sites(); s++) {
            siteServices(s);
        }
        for (int p = 1; p <= pools; p++) {
            poolServices(p);
        }
        centralManagement();
        line(1, "</Services>");
        line(0, "</Topology>");
    }

    private void siteClusters(int s) throws IOException {
        String fs = String.format("fs%03d.%s", s, DOMAIN);
        line(2, "<Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"" + fs + "\">");
        line(3, clusterId(s, 1));
        line(3, "<Machine OrdinalInCluster=\"1\" Fqdn=\"" + fs + "\" />");
        line(2, "</Cluster>");
        line(2, "<Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"" + String.format("edge%03d.%s", s, DOMAIN) + "\">");
        line(3, clusterId(s, 2));
        for (int m = 1; m <= 2; m++) {
            String fqdn = String.format("edge%03d-%d.%s", s, m, DOMAIN);
            line(3, "<Machine OrdinalInCluster=\"" + m + "\" Fqdn=\"" + fqdn + "\" FaultDomain=\"" + fqdn + "\" UpgradeDomain=\"" + fqdn + "\">");
            line(4, "<NetInterface InterfaceSide=\"Internal\" InterfaceNumber=\"1\" IPAddress=\"" + address() + "\" />");
            line(4, "<NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"" + publicAddress()
                    + "\" ConfiguredIPAddress=\"" + publicAddress() + "\" />");
            line(3, "</Machine>");
        }
        line(2, "</Cluster>");
    }

    private void poolClusters(int p) throws IOException {
        int s = siteOf(p);
        line(2, "<Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"" + poolFqdn(p) + "\">");
        line(3, clusterId(s, feClusterNumber(p)));
        for (int m = 1; m <= MACHINES_PER_POOL; m++) {
            String fqdn = machineFqdn(p, m);
            line(3, "<Machine OrdinalInCluster=\"" + m + "\" Fqdn=\"" + fqdn + "\" FaultDomain=\"" + fqdn + "\" UpgradeDomain=\"" + fqdn + "\">");
            line(4, "<NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"" + address() + "\" />");
            line(4, "<NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />");
            line(3, "</Machine>");
        }
        line(2, "</Cluster>");
        String sql = String.format("sql%04d.%s", p, DOMAIN);
        line(2, "<Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"" + sql + "\">");
        line(3, clusterId(s, sqlClusterNumber(p)));
        line(3, "<Machine OrdinalInCluster=\"1\" Fqdn=\"" + sql + "\" FaultDomain=\"" + sql + "\" UpgradeDomain=\"" + sql + "\" />");
        line(2, "</Cluster>");
    }

    private void siteServices(int s) throws IOException {
        Svc fileStore = new Svc(s, "FileStore", 1, "FileStoreService");
        fileStore.begin();
        installedOnCluster(s, 1);
        ports();
        line(3, "<FileStoreService xmlns=\"" + ROLES_NS + "\" ShareName=\"share" + s + "\" />");
        end();

        Svc edge = new Svc(s, "EdgeServer", 1, null);
        edge.begin(ref(s, "Registrar", 1));
        installedOnCluster(s, 2);
        String ext = String.format("sip%03d.%s", s, DOMAIN);
        ports(port("AccessEdge", "SipServer", "Internal", 5061, "Mtls", "/", false, null),
                port("AccessEdge", "SipClient", "External", 5061, "Tls", "/", false, null) + " ConfiguredFqdn=\"" + ext + "\"",
                port("DataEdge", "PsomServer", "Internal", 8057, "Mtls", "/", false, null),
                port("MediaRelayEdge", "TURNServer", "Internal", 3478, "Udp", "/", false, null),
                port("MediaRelayEdge", "TURNServer", "External", 3478, "Udp", "/", false, null) + " ConfiguredFqdn=\"" + ext + "\"",
                port("MediaRelayEdge", "MediaCommunication", "External", 50000, "TcpOrUdp", "/", false, null)
                        + " Range=\"10000\" ConfiguredFqdn=\"" + ext + "\"");
        end();
    }

    private void poolServices(int p) throws IOException {
        int s = siteOf(p);
        int k = indexInSite(p);
        int fe = feClusterNumber(p);

        new Svc(s, "UserStore", k, null).begin();
        installedOnSql(s, sqlClusterNumber(p));
        ports();
        end();

        new Svc(s, "ApplicationStore", k, null).begin();
        installedOnSql(s, sqlClusterNumber(p));
        ports();
        end();

        new Svc(s, "UserServices", k, null).begin(ref(s, "UserStore", k), ref(s, "FileStore", 1), ref(s, "ConfServices", k));
        installedOnCluster(s, fe);
        ports(port("McuFactory", "WebServer", "Primary", 444, "Mtls", "/LiveServer/McuFactory/", false, null),
                port("PresenceFocus", "UserPinManagement", "Primary", 443, "Https", "/LiveServer/UserPinManagement/", false, null),
                port("McuFactory", "WcfServer", "Primary", 9001, "Tcp", "/LiveServer/ConfDirMgmt/", false, null));
        end();

        new Svc(s, "Registrar", k, "RegistrarService").begin(ref(s, "UserServices", k), ref(s, "WebServices", k), ref(s, "EdgeServer", 1));
        installedOnCluster(s, fe);
        ports(port("Registrar", "SipServer", "Primary", 5061, "Mtls", "/", true, "HomeServer"),
                port("Registrar", "WebServer", "Primary", 444, "Mtls", "/LiveServer/Focus/", false, null),
                port("QoE", "SipServer", "Primary", 5061, "Mtls", "/LiveServer/QoE/", true, "QoS"),
                port("WinFab", "WinFabFederation", "Primary", 5090, "Tcp", "/", false, null),
                port("WinFab", "WinFabLeaseAgent", "Primary", 5091, "Tcp", "/", false, null),
                port("WinFab", "WinFabClientConnection", "Primary", 5092, "Tcp", "/", false, null),
                port("WinFab", "WinFabIPC", "Primary", 5093, "Tcp", "/", false, null),
                port("WinFab", "WinFabReplication", "Primary", 5094, "Tcp", "/", false, null),
                port("Lyss", "WcfMtls", "Primary", 5077, "Mtls", "/", false, null));
        line(3, "<RegistrarService xmlns=\"" + ROLES_NS + "\" IsDirector=\"false\" />");
        end();

        new Svc(s, "WebServices", k, "WebService").begin(ref(s, "FileStore", 1), ref(s, "UserServices", k));
        installedOnCluster(s, fe);
        ports(port("OCSWebSite", "WebSite", "External", 8080, "Http", "/", false, null) + " ConfiguredPort=\"80\"",
                port("OCSWebSite", "WebSite", "External", 4443, "Https", "/", false, null) + " ConfiguredPort=\"443\"",
                port("OCSWebSite", "WebSite", "Primary", 80, "Http", "/", false, null),
                port("OCSWebSite", "WebSite", "Primary", 443, "Https", "/", false, null),
                port("Reach", "PsomServer", "Primary", 8060, "Mtls", "/", false, null),
                port("McxService", "SipServer", "Primary", 5086, "Mtls", "/", true, "McxInternal"),
                port("UcwaService", "SipServer", "Primary", 5088, "Mtls", "/", true, "UcwaInternal"));
        line(3, "<WebService xmlns=\"" + ROLES_NS + "\">");
        line(4, "<ExternalSettings Host=\"" + String.format("web%04d.%s", p, DOMAIN) + "\">");
        line(5, "<OverrideUrls />");
        line(4, "</ExternalSettings>");
        line(4, "<WebComponents xmlns=\"" + WEB_NS + "\">");
        for (String c : new String[] {"ABHandler", "AutodiscoverService", "CAHandler", "Dialin", "Meet", "Reach", "UcwaService", "WebTicket"}) {
            line(5, "<Component ComponentName=\"" + c + "\" />");
        }
        line(4, "</WebComponents>");
        line(4, "<UpaSeparator xmlns=\"" + BASE_NS + "\" />");
        line(3, "</WebService>");
        end();

        new Svc(s, "ConfServices", k, "ConfService").begin(ref(s, "FileStore", 1), ref(s, "WebServices", k),
                ref(s, "UserServices", k), ref(s, "EdgeServer", 1));
        installedOnCluster(s, fe);
        ports(port("IMConf", "SipServer", "Primary", 5062, "Mtls", "/", false, "chat"),
                port("IMConf", "WebServer", "Primary", 444, "Mtls", "/LiveServer/IMMcu/", false, null),
                port("AVConf", "SipServer", "Primary", 5063, "Mtls", "/", false, "audio-video"),
                port("AVConf", "WebServer", "Primary", 444, "Mtls", "/LiveServer/AVMcu/", false, null),
                port("AppSharingConf", "SipServer", "Primary", 5065, "Mtls", "/", false, "applicationsharing"),
                port("MediaComp", "AudioCommunication", "Primary", 49152, "TcpOrUdp", "/", false, null) + " Range=\"8348\"",
                port("MediaComp", "VideoCommunication", "Primary", 57501, "TcpOrUdp", "/", false, null) + " Range=\"8034\"");
        line(3, "<ConfService xmlns=\"" + ROLES_NS + "\">");
        line(4, "<MCUs>");
        for (String c : new String[] {"IMConf", "AppSharingConf", "AVConf"}) {
            line(5, "<MCU ComponentName=\"" + c + "\" Vendor=\"Microsoft\" />");
        }
        line(4, "</MCUs>");
        line(3, "</ConfService>");
        end();

        new Svc(s, "MediationServer", k, null).begin(ref(s, "Registrar", k), ref(s, "EdgeServer", 1));
        installedOnCluster(s, fe);
        ports(port("Mediation", "SipServer", "Primary", 5070, "Mtls", "/", true, "MediationServer"),
                port("Mediation", "SipClient", "Primary", 5067, "Tls", "/", false, null));
        end();

        new Svc(s, "ApplicationServer", k, "ApplicationServerService").begin(ref(s, "Registrar", k), ref(s, "FileStore", 1),
                ref(s, "ApplicationStore", k));
        installedOnCluster(s, fe);
        ports(port("application:RGS", "SipServer", "Primary", 5071, "Mtls", "/", true, "Microsoft.Rtc.Applications.Acd"),
                port("application:Caa", "SipServer", "Primary", 5072, "Mtls", "/", true, "Microsoft.Rtc.Applications.Caa"),
                port("application:Cas", "SipServer", "Primary", 5073, "Mtls", "/", true, "Microsoft.Rtc.Applications.Cas"),
                port("application:Cps", "SipServer", "Primary", 5075, "Mtls", "/", true, "Microsoft.Rtc.Applications.Cps"),
                port("application:RGS", "WcfMtls", "Primary", 8404, "Mtls", "/", false, null));
        line(3, "<ApplicationServerService xmlns=\"" + ROLES_NS + "\" />");
        end();
    }

    private void centralManagement() throws IOException {
        new Svc(1, "CentralMgmtStore", 1, null).begin();
        installedOnSql(1, sqlClusterNumber(1));
        ports();
        end();
        new Svc(1, "CentralMgmt", 1, "CentralMgmtService").begin(ref(1, "CentralMgmtStore", 1), ref(1, "FileStore", 1));
        installedOnCluster(1, feClusterNumber(1));
        ports();
        line(3, "<CentralMgmtService xmlns=\"" + ROLES_NS + "\" IsActive=\"true\" />");
        end();
    }

    // ---------------------------------------------------------------- pieces

    /** A Service element being written: its id and, when it has a role element, its Type. */
    private final class Svc {
        final int site;
        final String role;
        final int instance;
        final String type;

        Svc(int site, String role, int instance, String typeSuffix) {
            this.site = site;
            this.role = role;
            this.instance = instance;
            this.type = typeSuffix;
        }

        void begin(String... dependencies) throws IOException {
            String typeAttr = type == null ? "" : " Type=\"Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles." + type + "\"";
            line(2, "<Service RoleVersion=\"1\" ServiceVersion=\"6\"" + typeAttr + ">");
            line(3, ref(site, role, instance));
            if (dependencies.length == 0) {
                line(3, "<DependsOn />");
                return;
            }
            line(3, "<DependsOn>");
            for (String d : dependencies) {
                line(4, "<Dependency Usage=\"Default\">");
                line(5, d);
                line(4, "</Dependency>");
            }
            line(3, "</DependsOn>");
        }
    }

    private void end() throws IOException {
        line(2, "</Service>");
    }

    private static String ref(int site, String role, int instance) {
        return "<ServiceId SiteId=\"" + site + "\" RoleName=\"" + role + "\" Instance=\"" + instance + "\" />";
    }

    private static String clusterId(int site, int number) {
        return "<ClusterId SiteId=\"" + site + "\" Number=\"" + number + "\" />";
    }

    private void installedOnCluster(int site, int number) throws IOException {
        line(3, "<InstalledOn>");
        line(4, clusterId(site, number));
        line(3, "</InstalledOn>");
    }

    private void installedOnSql(int site, int number) throws IOException {
        line(3, "<InstalledOn>");
        line(4, "<SqlInstanceId Name=\"rtc\">");
        line(5, clusterId(site, number));
        line(4, "</SqlInstanceId>");
        line(3, "</InstalledOn>");
    }

    /** A Port element without its closing "/>", so callers can append optional attributes. */
    private static String port(String owner, String usage, String side, int port, String protocol, String path,
                               boolean authorizes, String gruuType) {
        String ownerUrn = owner.startsWith("application:") ? "urn:" + owner : "urn:component:" + owner;
        return "<Port Owner=\"" + ownerUrn + "\" Usage=\"" + usage + "\" InterfaceSide=\"" + side
                + "\" InterfaceNumber=\"1\" Port=\"" + port + "\" Protocol=\"" + protocol + "\" UrlPath=\"" + path
                + "\" AuthorizesRequests=\"" + authorizes + "\"" + (gruuType == null ? "" : " GruuType=\"" + gruuType + "\"");
    }

    private void ports(String... ports) throws IOException {
        if (ports.length == 0) {
            line(3, "<Ports xmlns=\"" + ROLES_NS + "\" />");
            return;
        }
        line(3, "<Ports xmlns=\"" + ROLES_NS + "\">");
        for (String p : ports) {
            line(4, p + " />");
        }
        line(3, "</Ports>");
    }

    /** The next internal address from 198.18.0.0/16 (65,024 usable; each machine takes one). */
    private String address() {
        int n = nextAddress++;
        return "198.18." + (n / 254) + "." + (n % 254 + 1);
    }

    /** The next public address from 198.19.0.0/16, for Edge external interfaces and their NAT addresses. */
    private String publicAddress() {
        int n = nextPublicAddress++;
        return "198.19." + (n / 254) + "." + (n % 254 + 1);
    }

    private void line(int depth, String text) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
        out.write(text);
        out.write(eol);
    }
}
