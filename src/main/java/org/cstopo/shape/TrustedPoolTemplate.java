package org.cstopo.shape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.io.TextEncoding;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;

/**
 * The form new trusted application objects are written in, as data: one {@link ElementForm} per
 * kind of element and the order of a service's children. Learned from the trusted application
 * pools the topology already holds (the best evidence of how this Lync writes one), or the
 * built-in, inferred form (resource {@code built-in-trusted-pool.xml}, which names its sources)
 * for what no example shows. A trusted pool made of a pool that hosts other roles too (New-
 * CsTrustedApplicationPool on a Front End) shows how Lync writes its service only: its Cluster and
 * Machine are those of a Lync server, not of trusted application computers.
 */
public final class TrustedPoolTemplate {
    /** Names a value may follow (e.g. FaultDomain = the machine FQDN); keys of the values given to render. */
    public static final String POOL_FQDN = "pool FQDN";
    public static final String MACHINE_FQDN = "machine FQDN";
    public static final String APPLICATION_ID = "application id";

    /** A trusted application pool of the topology whose form was learned. */
    public record Example(String serviceId, String poolFqdn) {
        @Override
        public String toString() {
            return "trusted pool " + poolFqdn + " (service " + serviceId + ")";
        }
    }

    /** The children of a service that carry its form, in the built-in order. */
    private static final List<Part> SERVICE_CHILDREN = List.of(Part.SERVICE_ID, Part.DEPENDS_ON, Part.INSTALLED_ON, Part.PORTS, Part.ROLE);
    private static final String RESOURCE = "built-in-trusted-pool.xml";
    private static TrustedPoolTemplate builtIn;

    private final Map<Part, ElementForm> forms;
    private final Map<Part, Example> sources;
    /** Attributes the change decides that an example's element lacks: added last, and said. */
    private final Map<Part, List<String>> gaps = new EnumMap<>(Part.class);
    private final List<Part> serviceOrder;
    private final List<Example> examples;
    /** The examples whose pool hosts other roles: their Cluster and Machine were not learned. */
    private final List<Example> collocated = new ArrayList<>();

    private TrustedPoolTemplate(Map<Part, ElementForm> forms, Map<Part, Example> sources, List<Part> serviceOrder,
                                List<Example> examples) {
        this.forms = forms;
        this.sources = sources;
        this.serviceOrder = serviceOrder;
        this.examples = examples;
    }

    /** The built-in, inferred form. The service version follows the registrar's, since nothing else tells it. */
    public static synchronized TrustedPoolTemplate builtIn() {
        if (builtIn == null) {
            SourceDocument doc = SourceDocument.parse(RESOURCE, TextEncoding.UTF8, readResource());
            SourceElement service = doc.root().child("Services").child("Service");
            TrustedPoolTemplate t = learned(service, doc.root().child("Clusters").child("Cluster"), null, true);
            t.forms.put(Part.SERVICE, t.forms.get(Part.SERVICE).withGiven("ServiceVersion"));
            builtIn = t;
        }
        return builtIn;
    }

    private static String readResource() {
        try (InputStream in = TrustedPoolTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template for objects written into a pool of {@code siteId}: each element as the
     * topology's trusted pools write it, preferring {@code own} (the pool itself, when it is one),
     * then a pool in the same site, then the most recent (highest service instance); the built-in
     * form for what none of them shows. A pool that hosts other roles too gives its Cluster and
     * Machine form only to itself.
     */
    public static TrustedPoolTemplate choose(Topology t, Cluster own, String siteId) {
        List<Service> candidates = new ArrayList<>();
        for (Service s : t.services()) {
            if (Topology.EXTERNAL_SERVER.equals(Topology.roleName(s)) && t.installedOn(s) != null && t.sourceOf(s) != null) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.<Service, Boolean>comparing(s -> own == null || t.installedOn(s) != own)
                .thenComparing(s -> !Objects.equals(s.getServiceId().getSiteId(), siteId))
                .thenComparing(s -> -instance(s)));
        Set<Cluster> collocated = candidates.isEmpty() ? Set.of() : collocatedPools(t);
        TrustedPoolTemplate out = empty();
        for (Service s : candidates) {
            if (out.forms.size() == Part.values().length) {
                break;
            }
            Cluster pool = t.installedOn(s);
            out.fillFrom(learned(t.sourceOf(s), t.sourceOf(pool), example(t, s), pool == own || !collocated.contains(pool)));
        }
        out.fillFrom(builtIn());
        return out;
    }

    /**
     * The form of one existing trusted pool alone (no built-in parts), for comparing with the built-in
     * one; {@code collocated} is {@link #collocatedPools} of the topology.
     */
    public static TrustedPoolTemplate of(Topology t, Service external, Set<Cluster> collocated) {
        Cluster c = t.installedOn(external);
        return c == null || t.sourceOf(external) == null ? empty()
                : learned(t.sourceOf(external), t.sourceOf(c), example(t, external), !collocated.contains(c));
    }

    /** The pools that host a service besides ExternalServer (a trusted pool on a Front End...), in one pass. */
    public static Set<Cluster> collocatedPools(Topology t) {
        Set<Cluster> out = new HashSet<>();
        for (Service s : t.services()) {
            Cluster pool = t.installedOn(s);
            if (pool != null && !Topology.EXTERNAL_SERVER.equals(Topology.roleName(s))) {
                out.add(pool);
            }
        }
        return out;
    }

    private static Example example(Topology t, Service s) {
        return new Example(ServiceRef.of(s.getServiceId()).toString(), t.poolFqdnOf(s));
    }

    private static int instance(Service s) {
        try {
            return Integer.parseInt(s.getServiceId().getInstance().trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static TrustedPoolTemplate empty() {
        return new TrustedPoolTemplate(new EnumMap<>(Part.class), new EnumMap<>(Part.class), new ArrayList<>(), new ArrayList<>());
    }

    private void fillFrom(TrustedPoolTemplate other) {
        for (Map.Entry<Part, ElementForm> e : other.forms.entrySet()) {
            if (!forms.containsKey(e.getKey())) {
                forms.put(e.getKey(), e.getValue());
                if (other.sources.get(e.getKey()) != null) {
                    sources.put(e.getKey(), other.sources.get(e.getKey()));
                }
                if (other.gaps.containsKey(e.getKey())) {
                    gaps.put(e.getKey(), other.gaps.get(e.getKey()));
                }
            }
        }
        if (serviceOrder.isEmpty()) {
            serviceOrder.addAll(other.serviceOrder);
        }
        examples.addAll(other.examples);
        collocated.addAll(other.collocated);
    }

    /** What one example shows: the forms of the elements it has ({@code poolForm}: its Cluster and Machine too). */
    private static TrustedPoolTemplate learned(SourceElement service, SourceElement cluster, Example from, boolean poolForm) {
        Map<Part, SourceElement> at = new EnumMap<>(Part.class);
        at.put(Part.CLUSTER, poolForm ? cluster : null);
        at.put(Part.CLUSTER_ID, cluster.child("ClusterId"));
        at.put(Part.MACHINE, poolForm ? cluster.child("Machine") : null);
        at.put(Part.SERVICE, service);
        at.put(Part.SERVICE_ID, service.child("ServiceId"));
        at.put(Part.DEPENDS_ON, service.child("DependsOn"));
        at.put(Part.DEPENDENCY, registrarDependency(service.child("DependsOn")));
        at.put(Part.INSTALLED_ON, service.child("InstalledOn"));
        SourceElement ports = service.child("Ports");
        at.put(Part.PORTS, ports);
        at.put(Part.APPLICATION_PORT, port(ports, Topology.APPLICATION_OWNER_PREFIX));
        at.put(Part.MEDIA_PORT, port(ports, "urn:component:MediaComp"));
        at.put(Part.ROLE, roleElement(service));

        Map<String, String> names = new LinkedHashMap<>();
        names.put(POOL_FQDN, cluster.attributeValue("Fqdn"));
        names.put(MACHINE_FQDN, at.get(Part.MACHINE) == null ? null : at.get(Part.MACHINE).attributeValue("Fqdn"));
        String owner = at.get(Part.APPLICATION_PORT) == null ? null : at.get(Part.APPLICATION_PORT).attributeValue("Owner");
        names.put(APPLICATION_ID, owner == null ? null : owner.substring(Topology.APPLICATION_OWNER_PREFIX.length()));

        TrustedPoolTemplate t = empty();
        for (Map.Entry<Part, SourceElement> e : at.entrySet()) {
            if (e.getValue() != null) {
                Part p = e.getKey();
                Map<String, String> followed = new LinkedHashMap<>();
                p.names.forEach(n -> followed.put(n, names.get(n)));
                ElementForm form = ElementForm.learn(e.getValue(), p.given, followed, p == Part.MACHINE ? Set.of("NetInterface") : Set.of());
                List<String> missing = p.required().stream().filter(n -> !form.has(n)).toList();
                ElementForm complete = form;
                for (String n : missing) {
                    complete = complete.withGiven(n);
                }
                t.forms.put(p, complete);
                if (!missing.isEmpty()) {
                    t.gaps.put(p, missing);
                }
                if (from != null) {
                    t.sources.put(p, from);
                }
            }
        }
        for (SourceElement c : service.children()) {
            for (Part p : SERVICE_CHILDREN) {
                if (at.get(p) == c) {
                    t.serviceOrder.add(p);
                }
            }
        }
        if (from != null) {
            t.examples.add(from);
            if (!poolForm) {
                t.collocated.add(from);
            }
        }
        return t;
    }

    private static SourceElement registrarDependency(SourceElement dependsOn) {
        if (dependsOn == null) {
            return null;
        }
        SourceElement first = null;
        for (SourceElement d : dependsOn.children()) {
            SourceElement id = d.child("ServiceId");
            if (d.localName().equals("Dependency") && id != null) {
                first = first == null ? d : first;
                if (Topology.REGISTRAR.equals(id.attributeValue("RoleName"))) {
                    return d;
                }
            }
        }
        return first;
    }

    private static SourceElement port(SourceElement ports, String ownerPrefix) {
        if (ports != null) {
            for (SourceElement p : ports.children()) {
                String owner = p.attributeValue("Owner");
                if (p.localName().equals("Port") && owner != null && owner.startsWith(ownerPrefix)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * The role-specific element of a service: its first child in another namespace that is not its
     * Ports (ExternalServerService for a trusted pool, whatever this Lync calls it), or null.
     */
    public static SourceElement roleElement(SourceElement service) {
        for (SourceElement c : service.children()) {
            if (!TopologyBinder.TOPOLOGY_NS.equals(c.namespaceUri()) && !c.localName().equals("Ports")) {
                return c;
            }
        }
        return null;
    }

    /** A cmdlet setting as a role element holds it (xs:boolean), or null when it is absent or unreadable. */
    public static Boolean setting(SourceElement role, String name) {
        String v = role == null ? null : role.attributeValue(name);
        if (v == null) {
            return null;
        }
        return switch (v.trim()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    public ElementForm form(Part p) {
        return forms.get(p);
    }

    /** The children of a new service in writing order: the example's order, with what it lacks where the built-in form has it. */
    public List<Part> serviceOrder() {
        List<Part> out = new ArrayList<>(serviceOrder);
        for (int i = 0; i < SERVICE_CHILDREN.size(); i++) {
            Part p = SERVICE_CHILDREN.get(i);
            if (!out.contains(p)) {
                out.add(i == 0 ? 0 : out.indexOf(SERVICE_CHILDREN.get(i - 1)) + 1, p);
            }
        }
        return out;
    }

    /** The pool a part was learned from, or null when it is the built-in form. */
    public Example source(Part p) {
        return sources.get(p);
    }

    /** The attributes the change decides that the example's element lacks (written last), or none. */
    public List<String> gaps(Part p) {
        return gaps.getOrDefault(p, List.of());
    }

    /** Why a part is in its built-in form: no trusted pool to copy, or none that has this element. */
    public String whyBuiltIn(Part p) {
        if (examples.isEmpty()) {
            return "no trusted application pool in this topology to copy";
        }
        if ((p == Part.CLUSTER || p == Part.MACHINE) && collocated.size() == examples.size()) {
            return (examples.size() == 1 ? examples.get(0) + " is" : "the " + examples.size() + " trusted pools of this topology are")
                    + " collocated with other roles, so the " + p.label() + " there is a Lync server's, not a trusted pool's";
        }
        if (examples.size() == 1) {
            return examples.get(0) + " has no " + p.label() + " to copy";
        }
        return "none of the " + examples.size() + " trusted pools of this topology has a " + p.label() + " to copy";
    }

    /**
     * How this template (learned from one existing pool) differs from the built-in form, one phrase
     * per difference, each starting with the element it concerns.
     */
    public List<String> differencesFromBuiltIn() {
        TrustedPoolTemplate b = builtIn();
        List<String> out = new ArrayList<>();
        for (Map.Entry<Part, ElementForm> e : forms.entrySet()) {
            ElementForm mine = e.getValue();
            ElementForm theirs = b.forms.get(e.getKey());
            String label = e.getKey().label();
            mine.differencesFrom(theirs).forEach(d -> out.add(label + ": " + d));
            List<ElementForm> a = mine.children();
            List<ElementForm> c = theirs.children();
            if (a.size() != c.size()) {
                out.add(label + ": " + a.size() + " NetInterface (built-in: " + c.size() + ")");
            }
            for (int i = 0; i < Math.min(a.size(), c.size()); i++) {
                a.get(i).differencesFrom(c.get(i)).forEach(d -> out.add(label + " NetInterface: " + d));
            }
        }
        List<Part> order = serviceOrder.stream().filter(b.serviceOrder::contains).toList();
        if (!order.equals(b.serviceOrder.stream().filter(serviceOrder::contains).toList())) {
            out.add("Service: children " + labels(serviceOrder) + " (built-in: " + labels(b.serviceOrder) + ")");
        }
        return out;
    }

    private static String labels(List<Part> parts) {
        return String.join(" ", parts.stream().map(Part::label).toList());
    }
}
