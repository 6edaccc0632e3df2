package org.cstopo.change;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.CstopoException;
import org.cstopo.io.DocumentEditor;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.roles.Ports;
import org.cstopo.shape.TrustedPoolTemplate;

/**
 * Turns the planned pools into text edits of the original document: removals take their lines,
 * addresses replace attribute values, new pools are one block at the end of Clusters and of
 * Services, new computers and applications go after their neighbours. New elements take their
 * pool's template form ({@link TrustedPoolShape}).
 */
final class ChangeRenderer {
    private final Topology topology;
    private final List<PoolPlan> wrapped;
    private final List<PoolPlan> newPools;
    private final TrustedPoolShape shape = new TrustedPoolShape();

    /** {@code wrapped}: the existing pools the changes touched; {@code newPools}: the pools they create. */
    ChangeRenderer(Topology topology, List<PoolPlan> wrapped, List<PoolPlan> newPools) {
        this.topology = topology;
        this.wrapped = wrapped;
        this.newPools = newPools;
    }

    /** What was copied and what inferred in the elements rendered so far. */
    TrustedPoolShape shape() {
        return shape;
    }

    SourceDocument render() {
        DocumentEditor ed = new DocumentEditor(topology.source());
        for (PoolPlan p : wrapped) {
            renderExisting(ed, p);
        }
        List<PoolPlan> added = newPools.stream().filter(p -> !p.removed).toList();
        if (!added.isEmpty()) {
            SourceElement clusters = section(topology.xml().getClusters(), "Clusters");
            for (PoolPlan p : added) {
                ed.appendChild(clusters, shape.cluster(p));
            }
        }
        List<PoolPlan> servicesToWrite = new ArrayList<>(wrapped.stream().filter(PoolPlan::writesService).toList());
        servicesToWrite.addAll(added);
        if (!servicesToWrite.isEmpty()) {
            SourceElement services = section(topology.xml().getServices(), "Services");
            for (PoolPlan p : servicesToWrite) {
                ed.appendChild(services, shape.service(p));
            }
        }
        return ed.resultDocument();
    }

    private SourceElement section(Object section, String name) {
        SourceElement e = section == null ? null : topology.sourceOf(section);
        if (e == null) {
            throw CstopoException.badInput(topology.source().name() + ": the topology has no <" + name + "> section;"
                    + " export the full topology with Get-CsTopology -AsXml");
        }
        return e;
    }

    private void renderExisting(DocumentEditor ed, PoolPlan p) {
        if (p.removed) {
            ed.remove(topology.sourceOf(p.existing));
            if (p.external != null) {
                ed.remove(topology.sourceOf(p.external));
            }
            return;
        }
        for (MachinePlan m : p.machines) {
            if (m.isNew() && !m.removed) {
                ed.appendChild(topology.sourceOf(p.existing), shape.machine(p, m));
            } else if (!m.isNew() && m.removed) {
                ed.remove(topology.sourceOf(m.existing));
            } else if (!m.isNew()) {
                for (Map.Entry<String, String> a : m.newAddresses.entrySet()) {
                    ed.setAttribute(topology.sourceOf(m.netInterface(a.getKey())), "IPAddress", a.getValue());
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
            ed.setAttribute(topology.sourceOf(p.existing), "RequiresReplication", Boolean.toString(p.requiresReplication));
        }
        SourceElement role = TrustedPoolTemplate.roleElement(topology.sourceOf(p.external));
        if (role == null) {
            ed.appendChild(topology.sourceOf(p.external), shape.role(p));
        } else {
            setIfDifferent(ed, role, "TreatAsAuthenticated", p.treatAsAuthenticated);
            setIfDifferent(ed, role, "ThrottleAsServer", p.throttleAsServer);
            setIfDifferent(ed, role, "OutboundOnly", p.outboundOnly);
        }
        ServiceRef before = Topology.registrarDependency(p.external);
        if (!p.registrar.equals(before)) {
            if (before == null) {
                throw CstopoException.conflict(topology.where(p.external) + ": service " + ServiceRef.of(p.external.getServiceId())
                        + " has no Registrar dependency to change; add it with Topology Builder");
            }
            for (Dependency d : p.external.getDependsOn().getDependency()) {
                if (d.getServiceId() != null && before.equals(ServiceRef.of(d.getServiceId()))) {
                    SourceElement id = topology.sourceOf(d.getServiceId());
                    ed.setAttribute(id, "SiteId", p.registrar.siteId());
                    ed.setAttribute(id, "Instance", p.registrar.instance());
                }
            }
        }
    }

    private static void setIfDifferent(DocumentEditor ed, SourceElement e, String name, boolean wanted) {
        if (!Boolean.valueOf(wanted).equals(TrustedPoolTemplate.setting(e, name))) {
            ed.setAttribute(e, name, Boolean.toString(wanted));
        }
    }

    private void renderApplications(DocumentEditor ed, PoolPlan p) {
        Ports ports = Topology.ports(p.external);
        List<AppPlan> added = p.apps.stream().filter(a -> a.existing == null && !a.removed).toList();
        Set<SourceElement> removed = new HashSet<>();
        for (AppPlan a : p.apps) {
            if (a.existing != null && a.removed) {
                removed.add(topology.sourceOf(a.existing));
            }
        }
        if (!removed.isEmpty() && added.isEmpty() && removed.containsAll(topology.sourceOf(ports).children())) {
            ed.empty(topology.sourceOf(ports));
            return;
        }
        removed.forEach(ed::remove);
        if (added.isEmpty()) {
            return;
        }
        if (ports == null) {
            ed.insertAfter(topology.sourceOf(p.external.getInstalledOn()), shape.ports(p, added));
            return;
        }
        SourceElement portsElement = topology.sourceOf(ports);
        for (AppPlan a : added) {
            ed.appendChild(portsElement, shape.applicationPort(p, a));
        }
    }
}
