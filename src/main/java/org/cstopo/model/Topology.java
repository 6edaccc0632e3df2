package org.cstopo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.Site;
import org.cstopo.model.xml.SqlInstance;
import org.cstopo.model.xml.roles.ExternalServerService;
import org.cstopo.model.xml.roles.Port;
import org.cstopo.model.xml.roles.Ports;
import org.cstopo.model.xml.roles.RegistrarService;
import org.cstopo.model.xml.roles.WebExternalSettings;
import org.cstopo.model.xml.roles.WebService;

/**
 * A bound topology: the JAXB model for reading, the source document it came from, and the link
 * between them. Lookups are hash maps built once, so queries are constant time.
 */
public final class Topology {
    /** The role that makes a pool a trusted application pool (New-CsTrustedApplicationPool). */
    public static final String EXTERNAL_SERVER = "ExternalServer";
    public static final String REGISTRAR = "Registrar";
    /** Role names as Get-CsTopology writes them in ServiceId RoleName (seen in every public export). */
    public static final String USER_SERVICES = "UserServices";
    public static final String WEB_SERVICES = "WebServices";
    public static final String EDGE_SERVER = "EdgeServer";
    public static final String FILE_STORE = "FileStore";
    public static final String OFFICE_WEB_APPS = "WacService";
    public static final String MEDIATION_SERVER = "MediationServer";
    public static final String APPLICATION_OWNER_PREFIX = "urn:application:";
    /** The interface side a trusted application computer's address and ports are on. */
    public static final String PRIMARY = "Primary";

    private final SourceDocument source;
    private final org.cstopo.model.xml.Topology xml;
    private final Map<Object, SourceElement> sources;
    private final List<BindProblem> bindProblems;

    /** A value JAXB could not convert, at the element being bound when it said so (null: before any). */
    public record BindProblem(SourceElement at, String message) {
    }

    private final Map<ClusterRef, Cluster> clustersById = new HashMap<>();
    private final Map<String, Cluster> clustersByFqdn = new HashMap<>();
    private final Map<String, Machine> machinesByFqdn = new HashMap<>();
    private final Map<Machine, Cluster> clusterOfMachine = new HashMap<>();
    private final Map<ServiceRef, Service> servicesById = new LinkedHashMap<>();
    private final Map<ClusterRef, List<Service>> servicesOnCluster = new HashMap<>();
    private final Map<String, Site> sitesById = new LinkedHashMap<>();

    /** For a re-bound topology (see {@link Rebind}): the topology whose objects it reuses, and where their elements went. */
    private final Topology base;
    private final int[] copies;

    Topology(SourceDocument source, org.cstopo.model.xml.Topology xml, Map<Object, SourceElement> sources,
             List<BindProblem> bindProblems) {
        this(source, xml, sources, bindProblems, null, null);
    }

    /**
     * A topology that reuses objects of {@code base}: an object not in {@code sources} is looked up
     * in base, and its element there is mapped to its copy in {@code source} ({@code copies[i]}: the
     * index in source of the copy of base's element i, or -1), so no link is copied.
     */
    Topology(SourceDocument source, org.cstopo.model.xml.Topology xml, Map<Object, SourceElement> sources,
             List<BindProblem> bindProblems, Topology base, int[] copies) {
        this.source = source;
        this.xml = xml;
        this.sources = sources;
        this.bindProblems = List.copyOf(bindProblems);
        this.base = base;
        this.copies = copies;
        index();
    }

    private void index() {
        for (Site s : sites()) {
            if (s.getSiteId() != null) {
                sitesById.putIfAbsent(s.getSiteId(), s);
            }
        }
        for (Cluster c : clusters()) {
            if (c.getClusterId() != null) {
                clustersById.putIfAbsent(ClusterRef.of(c.getClusterId()), c);
            }
            if (c.getFqdn() != null) {
                clustersByFqdn.putIfAbsent(key(c.getFqdn()), c);
            }
            for (Machine m : c.getMachine()) {
                clusterOfMachine.put(m, c);
                if (m.getFqdn() != null) {
                    machinesByFqdn.putIfAbsent(key(m.getFqdn()), m);
                }
            }
        }
        for (Service s : services()) {
            if (s.getServiceId() != null) {
                servicesById.putIfAbsent(ServiceRef.of(s.getServiceId()), s);
            }
            ClusterRef host = hostCluster(s);
            if (host != null) {
                servicesOnCluster.computeIfAbsent(host, k -> new ArrayList<>()).add(s);
            }
        }
    }

    /** FQDNs compare without case, as DNS does. */
    public static String key(String fqdn) {
        return fqdn.toLowerCase(Locale.ROOT);
    }

    public SourceDocument source() {
        return source;
    }

    public org.cstopo.model.xml.Topology xml() {
        return xml;
    }

    /** Messages JAXB reported while binding (values it could not convert), as "file:line:column: message". */
    public List<String> bindProblems() {
        return bindProblems.stream().map(p -> (p.at() == null ? source.name() : source.location(p.at())) + ": " + p.message()).toList();
    }

    /** The same, with the element each is about. */
    public List<BindProblem> bindProblemList() {
        return bindProblems;
    }

    /** Links of this topology's own objects (a re-bound topology's other objects are its base's). */
    Map<Object, SourceElement> ownLinks() {
        return sources;
    }

    Topology base() {
        return base;
    }

    /** The element a model object was bound from, or null for objects not from this document. */
    public SourceElement sourceOf(Object modelObject) {
        SourceElement e = sources.get(modelObject);
        if (e != null || base == null) {
            return e;
        }
        SourceElement was = base.sourceOf(modelObject);
        int now = was == null ? -1 : copies[was.index()];
        return now < 0 ? null : source.elements().get(now);
    }

    /** "file:line:column" of a model object. */
    public String where(Object modelObject) {
        SourceElement e = sourceOf(modelObject);
        return e == null ? source.name() : source.location(e);
    }

    public List<Site> sites() {
        if (xml.getSites() == null) {
            return List.of();
        }
        List<Site> all = new ArrayList<>(xml.getSites().getCentralSite());
        all.addAll(xml.getSites().getBranchSite());
        return all;
    }

    public Site site(String siteId) {
        return sitesById.get(siteId);
    }

    public List<Cluster> clusters() {
        return xml.getClusters() == null ? List.of() : xml.getClusters().getCluster();
    }

    public List<Service> services() {
        return xml.getServices() == null ? List.of() : xml.getServices().getService();
    }

    public List<SqlInstance> sqlInstances() {
        return xml.getSqlInstances() == null ? List.of() : xml.getSqlInstances().getSqlInstance();
    }

    public Cluster cluster(ClusterRef id) {
        return clustersById.get(id);
    }

    public Cluster clusterByFqdn(String fqdn) {
        return clustersByFqdn.get(key(fqdn));
    }

    public Machine machineByFqdn(String fqdn) {
        return machinesByFqdn.get(key(fqdn));
    }

    public Cluster clusterOf(Machine m) {
        return clusterOfMachine.get(m);
    }

    public Service service(ServiceRef id) {
        return servicesById.get(id);
    }

    /** Services installed on a cluster directly (not through a SQL instance). */
    public List<Service> servicesOn(Cluster c) {
        if (c.getClusterId() == null) {
            return List.of();
        }
        return servicesOnCluster.getOrDefault(ClusterRef.of(c.getClusterId()), List.of());
    }

    /** The cluster a service runs on: its InstalledOn ClusterId, or the cluster of its SQL instance. */
    public static ClusterRef hostCluster(Service s) {
        if (s.getInstalledOn() == null) {
            return null;
        }
        if (s.getInstalledOn().getClusterId() != null) {
            return ClusterRef.of(s.getInstalledOn().getClusterId());
        }
        if (s.getInstalledOn().getSqlInstanceId() != null && s.getInstalledOn().getSqlInstanceId().getClusterId() != null) {
            return ClusterRef.of(s.getInstalledOn().getSqlInstanceId().getClusterId());
        }
        return null;
    }

    public static String roleName(Service s) {
        return s.getServiceId() == null ? null : s.getServiceId().getRoleName();
    }

    /** The service of a role on a cluster, or null. */
    public Service serviceOn(Cluster c, String roleName) {
        for (Service s : servicesOn(c)) {
            if (roleName.equals(roleName(s)) && s.getInstalledOn().getClusterId() != null) {
                return s;
            }
        }
        return null;
    }

    public boolean isTrustedApplicationPool(Cluster c) {
        return serviceOn(c, EXTERNAL_SERVER) != null;
    }

    public List<Cluster> trustedApplicationPools() {
        List<Cluster> out = new ArrayList<>();
        for (Cluster c : clusters()) {
            if (isTrustedApplicationPool(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The Ports element of a service, or null. */
    public static Ports ports(Service s) {
        return role(s, Ports.class);
    }

    public static List<Port> portList(Service s) {
        Ports p = ports(s);
        return p == null ? List.of() : Collections.unmodifiableList(p.getPort());
    }

    /** The first child of a service bound to {@code type} (role elements, Ports), or null. */
    public static <T> T role(Service s, Class<T> type) {
        for (Object o : s.getAny()) {
            if (type.isInstance(o)) {
                return type.cast(o);
            }
        }
        return null;
    }

    public static ExternalServerService externalServerSettings(Service s) {
        return role(s, ExternalServerService.class);
    }

    /** The registrar service a service depends on (the first Registrar dependency), or null. */
    public static ServiceRef registrarDependency(Service s) {
        if (s.getDependsOn() == null) {
            return null;
        }
        for (org.cstopo.model.xml.Dependency d : s.getDependsOn().getDependency()) {
            if (d.getServiceId() != null && REGISTRAR.equals(d.getServiceId().getRoleName())) {
                return ServiceRef.of(d.getServiceId());
            }
        }
        return null;
    }

    /**
     * The Registrar service a -Registrar value names: a service id (1-Registrar-1) or a pool FQDN,
     * either one after "Registrar:" or not; null when the topology has no such registrar.
     */
    public Service registrarNamed(String name) {
        String value = name.regionMatches(true, 0, "Registrar:", 0, 10) ? name.substring(10) : name;
        ServiceRef ref = ServiceRef.parse(value);
        if (ref != null && REGISTRAR.equalsIgnoreCase(ref.roleName())) {
            return service(new ServiceRef(ref.siteId(), REGISTRAR, ref.instance()));
        }
        Cluster pool = clusterByFqdn(value);
        return pool == null ? null : serviceOn(pool, REGISTRAR);
    }

    /** The pool a service runs on (directly or through its SQL instance), or null. */
    public Cluster hostOf(Service s) {
        ClusterRef host = hostCluster(s);
        return host == null ? null : cluster(host);
    }

    /**
     * The pool a service is installed on itself (its InstalledOn ClusterId), or null for a store that
     * lives in a SQL instance: what makes the pool a Front End, an Edge, a trusted application pool...
     */
    public Cluster installedOn(Service s) {
        return s.getInstalledOn() == null || s.getInstalledOn().getClusterId() == null ? null
                : cluster(ClusterRef.of(s.getInstalledOn().getClusterId()));
    }

    /** The pool FQDN a service runs on, or null. */
    public String poolFqdnOf(Service s) {
        Cluster c = hostOf(s);
        return c == null ? null : c.getFqdn();
    }

    /** True for a Registrar service whose RegistrarService element says IsDirector="true": a Director pool. */
    public static boolean isDirector(Service registrar) {
        RegistrarService settings = role(registrar, RegistrarService.class);
        return settings != null && Boolean.TRUE.equals(settings.isIsDirector());
    }

    /** The ExternalSettings of a WebServices service (its Host is the external Web services FQDN), or null. */
    public static WebExternalSettings externalWebSettings(Service s) {
        WebService web = role(s, WebService.class);
        return web == null ? null : web.getExternalSettings();
    }

    /** Application ports (Owner urn:application:...) of a service. */
    public static List<Port> applicationPorts(Service s) {
        List<Port> out = new ArrayList<>();
        for (Port p : portList(s)) {
            if (p.getOwner() != null && p.getOwner().startsWith(APPLICATION_OWNER_PREFIX)) {
                out.add(p);
            }
        }
        return out;
    }

    /** "urn:application:id" for an application id given with or without the prefix. */
    public static String ownerOf(String applicationId) {
        return applicationId.startsWith(APPLICATION_OWNER_PREFIX) ? applicationId : APPLICATION_OWNER_PREFIX + applicationId;
    }

    /** The application id without its "urn:application:" prefix. */
    public static String bareId(String applicationId) {
        return applicationId.startsWith(APPLICATION_OWNER_PREFIX)
                ? applicationId.substring(APPLICATION_OWNER_PREFIX.length()) : applicationId;
    }

    public static String applicationId(Port p) {
        return p.getOwner().substring(APPLICATION_OWNER_PREFIX.length());
    }
}
