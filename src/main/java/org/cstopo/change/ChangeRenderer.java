package org.cstopo.change;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.CstopoException;
import org.cstopo.change.Change.MediaPorts;
import org.cstopo.io.DocumentEditor;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Topology;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.roles.ExternalServerService;
import org.cstopo.model.xml.roles.Ports;

/**
 * Turns the planned pools into text edits of the original document: removals take their lines,
 * addresses replace attribute values, new pools are one block at the end of Clusters and of
 * Services, new computers and applications go after their neighbours.
 */
final class ChangeRenderer {
    private final Topology t;
    private final List<PoolPlan> wrapped;
    private final List<PoolPlan> newPools;

    /** {@code wrapped}: the existing pools the changes touched; {@code newPools}: the pools they create. */
    ChangeRenderer(Topology t, List<PoolPlan> wrapped, List<PoolPlan> newPools) {
        this.t = t;
        this.wrapped = wrapped;
        this.newPools = newPools;
    }

    String render() {
        DocumentEditor ed = new DocumentEditor(t.source());
        for (PoolPlan p : wrapped) {
            renderExisting(ed, p);
        }
        List<PoolPlan> added = newPools.stream().filter(p -> !p.removed).toList();
        if (!added.isEmpty()) {
            SourceElement clusters = section(t.xml().getClusters(), "Clusters");
            for (PoolPlan p : added) {
                ed.appendChild(clusters, TrustedPoolShape.fragment(newCluster(p)));
            }
        }
        List<PoolPlan> servicesToWrite = new ArrayList<>(wrapped.stream().filter(PoolPlan::writesService).toList());
        servicesToWrite.addAll(added);
        if (!servicesToWrite.isEmpty()) {
            SourceElement services = section(t.xml().getServices(), "Services");
            for (PoolPlan p : servicesToWrite) {
                ed.appendChild(services, TrustedPoolShape.fragment(newService(p)));
            }
        }
        return ed.result();
    }

    private SourceElement section(Object section, String name) {
        SourceElement e = section == null ? null : t.sourceOf(section);
        if (e == null) {
            throw CstopoException.badInput(t.source().name() + ": the topology has no <" + name + "> section;"
                    + " export the full topology with Get-CsTopology -AsXml");
        }
        return e;
    }

    private void renderExisting(DocumentEditor ed, PoolPlan p) {
        if (p.removed) {
            ed.remove(t.sourceOf(p.existing));
            if (p.external != null) {
                ed.remove(t.sourceOf(p.external));
            }
            return;
        }
        for (MachinePlan m : p.machines) {
            if (m.existing != null && m.removed) {
                ed.remove(t.sourceOf(m.existing));
            }
        }
        SourceElement cluster = t.sourceOf(p.existing);
        for (MachinePlan m : p.machines) {
            if (m.existing == null && !m.removed) {
                ed.appendChild(cluster, TrustedPoolShape.fragment(TrustedPoolShape.machine(m.ordinal, m.fqdn,
                        m.newAddresses.get(TrustedPoolShape.PRIMARY))));
            } else if (m.existing != null && !m.removed) {
                for (Map.Entry<String, String> a : m.newAddresses.entrySet()) {
                    ed.setAttribute(t.sourceOf(m.netInterface(a.getKey())), "IPAddress", a.getValue());
                }
            }
        }
        if (p.external != null) {
            renderApplications(ed, p);
            if (p.settingsChanged) {
                renderSettings(ed, p);
            }
        }
    }

    /** Set-CsTrustedApplicationPool on an existing pool: only the values that differ are rewritten. */
    private void renderSettings(DocumentEditor ed, PoolPlan p) {
        if (!Boolean.valueOf(p.requiresReplication).equals(p.existing.isRequiresReplication())) {
            ed.setAttribute(t.sourceOf(p.existing), "RequiresReplication", Boolean.toString(p.requiresReplication));
        }
        ExternalServerService role = Topology.externalServerSettings(p.external);
        if (role == null) {
            ed.appendChild(t.sourceOf(p.external), TrustedPoolShape.fragment(
                    TrustedPoolShape.settings(p.treatAsAuthenticated, p.throttleAsServer, p.outboundOnly)));
        } else {
            SourceElement r = t.sourceOf(role);
            setIfDifferent(ed, r, "TreatAsAuthenticated", role.isTreatAsAuthenticated(), p.treatAsAuthenticated);
            setIfDifferent(ed, r, "ThrottleAsServer", role.isThrottleAsServer(), p.throttleAsServer);
            setIfDifferent(ed, r, "OutboundOnly", role.isOutboundOnly(), p.outboundOnly);
        }
        ServiceRef before = Topology.registrarDependency(p.external);
        if (!p.registrar.equals(before)) {
            if (before == null) {
                throw CstopoException.conflict(t.where(p.external) + ": service " + ServiceRef.of(p.external.getServiceId())
                        + " has no Registrar dependency to change; add it with Topology Builder");
            }
            for (Dependency d : p.external.getDependsOn().getDependency()) {
                if (d.getServiceId() != null && before.equals(ServiceRef.of(d.getServiceId()))) {
                    SourceElement id = t.sourceOf(d.getServiceId());
                    ed.setAttribute(id, "SiteId", p.registrar.siteId());
                    ed.setAttribute(id, "Instance", p.registrar.instance());
                }
            }
        }
    }

    private static void setIfDifferent(DocumentEditor ed, SourceElement e, String name, Boolean current, boolean wanted) {
        if (!Boolean.valueOf(wanted).equals(current)) {
            ed.setAttribute(e, name, Boolean.toString(wanted));
        }
    }

    private void renderApplications(DocumentEditor ed, PoolPlan p) {
        Ports ports = Topology.ports(p.external);
        List<AppPlan> added = p.apps.stream().filter(a -> a.existing == null && !a.removed).toList();
        Set<SourceElement> removed = new HashSet<>();
        for (AppPlan a : p.apps) {
            if (a.existing != null && a.removed) {
                removed.add(t.sourceOf(a.existing));
            }
        }
        if (!removed.isEmpty() && added.isEmpty() && removed.containsAll(t.sourceOf(ports).children())) {
            ed.empty(t.sourceOf(ports));
            return;
        }
        removed.forEach(ed::remove);
        if (added.isEmpty()) {
            return;
        }
        if (ports == null) {
            Ports fresh = new Ports();
            added.forEach(a -> fresh.getPort().add(TrustedPoolShape.applicationPort(a.id, a.port, a.protocol)));
            ed.insertAfter(t.sourceOf(p.external.getInstalledOn()), TrustedPoolShape.fragment(fresh));
            return;
        }
        SourceElement portsElement = t.sourceOf(ports);
        for (AppPlan a : added) {
            ed.appendChild(portsElement, TrustedPoolShape.fragment(TrustedPoolShape.applicationPort(a.id, a.port, a.protocol)));
        }
    }

    private Cluster newCluster(PoolPlan p) {
        Cluster c = TrustedPoolShape.cluster(p.fqdn, p.id, p.requiresReplication);
        for (MachinePlan m : p.liveMachines()) {
            c.getMachine().add(TrustedPoolShape.machine(m.ordinal, m.fqdn, m.newAddresses.get(TrustedPoolShape.PRIMARY)));
        }
        return c;
    }

    private Service newService(PoolPlan p) {
        Ports ports = new Ports();
        for (AppPlan a : p.liveApps()) {
            ports.getPort().add(TrustedPoolShape.applicationPort(a.id, a.port, a.protocol));
        }
        MediaPorts media = p.spec.mediaPorts();
        addMedia(ports, "AudioCommunication", media.audioStart(), media.audioCount());
        addMedia(ports, "VideoCommunication", media.videoStart(), media.videoCount());
        addMedia(ports, "AppSharingCommunication", media.appSharingStart(), media.appSharingCount());
        return TrustedPoolShape.externalServerService(p.serviceId, p.registrar, p.id, p.serviceVersion, ports,
                TrustedPoolShape.settings(p.treatAsAuthenticated, p.throttleAsServer, p.outboundOnly));
    }

    private static void addMedia(Ports ports, String usage, Integer start, Integer count) {
        if (start != null && count != null) {
            ports.getPort().add(TrustedPoolShape.mediaPort(usage, start, count));
        }
    }
}
