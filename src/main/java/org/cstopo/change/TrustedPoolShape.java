package org.cstopo.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.change.Change.MediaPorts;
import org.cstopo.io.Fragment;
import org.cstopo.model.IpAddress;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.shape.ElementForm;
import org.cstopo.shape.TrustedPoolTemplate;
import org.cstopo.shape.Part;

/**
 * Renders new trusted application objects from their pool's {@link TrustedPoolTemplate}: the
 * template says how each element is written, the plan gives the values the change decides. Keeps
 * a record of which forms were copied and which were inferred, for the report.
 */
final class TrustedPoolShape {
    /** One kind of element written from one template. */
    private record Use(TrustedPoolTemplate template, Part part) {
    }

    private final Set<Use> used = new LinkedHashSet<>();

    /** New-CsTrustedApplication listens on MTLS, or on TCP with -EnableTcp. */
    static String protocolOf(boolean enableTcp) {
        return enableTcp ? "Tcp" : "Mtls";
    }

    /** The interface sides a new computer of this template gets, in writing order. */
    static List<String> sides(TrustedPoolTemplate template) {
        List<String> out = new ArrayList<>();
        for (ElementForm n : template.form(Part.MACHINE).children()) {
            out.add(sideOf(n));
        }
        return out;
    }

    /** The interface side a NetInterface form is written for (Primary when the example does not say). */
    private static String sideOf(ElementForm netInterface) {
        String side = netInterface.fixedValue("InterfaceSide");
        return side == null ? Topology.PRIMARY : side;
    }

    private Fragment render(TrustedPoolTemplate template, Part part, Map<String, String> values, List<Fragment> children) {
        used.add(new Use(template, part));
        return template.form(part).render(values, children);
    }

    Fragment cluster(PoolPlan p) {
        List<Fragment> children = new ArrayList<>();
        children.add(clusterId(p.template(), p.id));
        for (MachinePlan m : p.liveMachines()) {
            children.add(machine(p, m));
        }
        return render(p.template(), Part.CLUSTER, Map.of("RequiresReplication", Boolean.toString(p.requiresReplication),
                "Fqdn", p.fqdn, TrustedPoolTemplate.POOL_FQDN, p.fqdn), children);
    }

    private Fragment clusterId(TrustedPoolTemplate template, ClusterRef id) {
        return render(template, Part.CLUSTER_ID, Map.of("SiteId", id.siteId(), "Number", id.number()), List.of());
    }

    Fragment machine(PoolPlan p, MachinePlan m) {
        Map<String, String> values = Map.of("OrdinalInCluster", Integer.toString(m.ordinal), "Fqdn", m.fqdn,
                TrustedPoolTemplate.MACHINE_FQDN, m.fqdn, TrustedPoolTemplate.POOL_FQDN, p.fqdn);
        List<Fragment> interfaces = new ArrayList<>();
        for (ElementForm n : p.template().form(Part.MACHINE).children()) {
            Map<String, String> address = new HashMap<>(values);
            address.put("IPAddress", m.newAddresses.getOrDefault(sideOf(n), IpAddress.UNSPECIFIED_V4));
            interfaces.add(n.render(address, List.of()));
        }
        return render(p.template(), Part.MACHINE, values, interfaces);
    }

    private Fragment serviceId(TrustedPoolTemplate template, ServiceRef id) {
        return render(template, Part.SERVICE_ID, Map.of("SiteId", id.siteId(), "RoleName", id.roleName(), "Instance", id.instance()),
                List.of());
    }

    /** The pool's ExternalServer service, children in the template's order. */
    Fragment service(PoolPlan p) {
        TrustedPoolTemplate template = p.template();
        List<Fragment> children = new ArrayList<>();
        for (Part part : template.serviceOrder()) {
            children.add(switch (part) {
                case SERVICE_ID -> serviceId(template, p.serviceId);
                case DEPENDS_ON -> render(template, Part.DEPENDS_ON, Map.of(), List.of(
                        render(template, Part.DEPENDENCY, Map.of(), List.of(serviceId(template, p.registrar)))));
                case INSTALLED_ON -> render(template, Part.INSTALLED_ON, Map.of(), List.of(clusterId(template, p.id)));
                case PORTS -> ports(p, p.liveApps());
                case ROLE -> role(p);
                default -> throw new IllegalStateException("not a child of a service: " + part);
            });
        }
        return render(template, Part.SERVICE, Map.of("ServiceVersion", p.serviceVersion), children);
    }

    /** A Ports element holding these applications (and, for a new pool, its media port ranges). */
    Fragment ports(PoolPlan p, List<AppPlan> apps) {
        List<Fragment> ports = new ArrayList<>();
        for (AppPlan a : apps) {
            ports.add(applicationPort(p, a));
        }
        if (p.spec != null) {
            MediaPorts media = p.spec.mediaPorts();
            addMedia(p, ports, "AudioCommunication", media.audioStart(), media.audioCount());
            addMedia(p, ports, "VideoCommunication", media.videoStart(), media.videoCount());
            addMedia(p, ports, "AppSharingCommunication", media.appSharingStart(), media.appSharingCount());
        }
        return render(p.template(), Part.PORTS, Map.of(), ports);
    }

    private void addMedia(PoolPlan p, List<Fragment> ports, String usage, Integer start, Integer count) {
        if (start != null && count != null) {
            ports.add(render(p.template(), Part.MEDIA_PORT, Map.of("Usage", usage, "Port", start.toString(), "Range", count.toString()),
                    List.of()));
        }
    }

    Fragment applicationPort(PoolPlan p, AppPlan a) {
        return render(p.template(), Part.APPLICATION_PORT, Map.of("Owner", Topology.ownerOf(a.id), "Port", Integer.toString(a.port),
                "Protocol", a.protocol, TrustedPoolTemplate.APPLICATION_ID, Topology.bareId(a.id)), List.of());
    }

    /** The role element with the pool's settings (New-/Set-CsTrustedApplicationPool). */
    Fragment role(PoolPlan p) {
        return render(p.template(), Part.ROLE, Map.of("TreatAsAuthenticated", Boolean.toString(p.treatAsAuthenticated),
                "ThrottleAsServer", Boolean.toString(p.throttleAsServer), "OutboundOnly", Boolean.toString(p.outboundOnly)), List.of());
    }

    /** The first example a written element was copied from, or null when none was. */
    String shapeFrom() {
        for (Use u : inOrder()) {
            if (u.template().source(u.part()) != null) {
                return u.template().source(u.part()).serviceId();
            }
        }
        return null;
    }

    /** The elements written, parents before children (children are rendered first). */
    private List<Use> inOrder() {
        return used.stream().sorted(Comparator.comparing(Use::part)).toList();
    }

    /** One entry per kind of element written in an inferred form, with why. */
    List<ApplyResult.Inferred> inferred() {
        Map<String, ApplyResult.Inferred> out = new LinkedHashMap<>();
        for (Use u : inOrder()) {
            Part part = u.part();
            TrustedPoolTemplate.Example from = u.template().source(part);
            if (from == null && part.inferred() != null) {
                out.putIfAbsent(part.label(), new ApplyResult.Inferred(part.label(), part.inferred()
                        + " (cstopo's built-in form: " + u.template().whyBuiltIn(part) + ")"));
            } else if (from != null && !u.template().gaps(part).isEmpty()) {
                out.putIfAbsent(part.label(), new ApplyResult.Inferred(part.label(), String.join(", ", u.template().gaps(part))
                        + " written last: the element of " + from + " has no such attribute"));
            }
        }
        return List.copyOf(out.values());
    }
}
