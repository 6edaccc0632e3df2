package org.cstopo.change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cstopo.CstopoException;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.Site;
import org.cstopo.model.xml.roles.Port;
import org.cstopo.shape.TrustedPoolTemplate;

/**
 * Applies declared changes to a topology in two steps: first every change is checked and recorded
 * against a working view of the pools (so later changes see earlier ones, and contradictions are
 * refused before anything is written: {@link PoolPlan}, {@link MachinePlan}, {@link AppPlan}); then
 * {@link ChangeRenderer} renders the view as text edits of the original.
 * A change whose effect is already present does nothing, which makes re-applying a no-op.
 */
public final class ChangeApplier {
    private final Topology t;
    private final Map<String, PoolPlan> pools = new LinkedHashMap<>();
    private final Map<String, MachinePlan> machines = new HashMap<>();
    private final List<PoolPlan> newPools = new ArrayList<>();
    /** Existing pools in the order they were first touched (a removed one may share its FQDN with a new one). */
    private final List<PoolPlan> wrapped = new ArrayList<>();
    private final Map<String, Integer> nextClusterNumber = new HashMap<>();
    private final Map<String, Integer> nextExternalServerInstance = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    private ChangeApplier(Topology t) {
        this.t = t;
        for (Cluster c : t.clusters()) {
            if (c.getClusterId() != null) {
                bump(nextClusterNumber, c.getClusterId().getSiteId(), c.getClusterId().getNumber());
            }
        }
        for (Service s : t.services()) {
            if (s.getServiceId() != null && Topology.EXTERNAL_SERVER.equals(s.getServiceId().getRoleName())) {
                bump(nextExternalServerInstance, s.getServiceId().getSiteId(), s.getServiceId().getInstance());
            }
        }
    }

    public static ApplyResult apply(Topology topology, List<Change> changes) {
        requireValid(changes);
        ChangeApplier a = new ChangeApplier(topology);
        for (Change c : changes) {
            a.outcomes.add(a.plan(c));
        }
        ChangeRenderer renderer = new ChangeRenderer(topology, a.wrapped, a.newPools);
        SourceDocument edited = renderer.render();
        return new ApplyResult(topology.source().text(), edited, a.outcomes, renderer.shape().shapeFrom(), renderer.shape().inferred());
    }

    // ---- working view ------------------------------------------------------------------------

    /** The pool with this FQDN, wrapped on first use; null when absent or removed. */
    private PoolPlan pool(String fqdn) {
        String key = Topology.key(fqdn);
        PoolPlan p = pools.get(key);
        if (p == null) {
            Cluster c = t.clusterByFqdn(fqdn);
            if (c == null) {
                return null;
            }
            p = wrap(c);
        }
        return p.removed ? null : p;
    }

    private PoolPlan wrap(Cluster c) {
        ClusterRef id = ClusterRef.of(c.getClusterId());
        PoolPlan p = new PoolPlan(c.getFqdn(), c, id, () -> TrustedPoolTemplate.choose(t, c, id.siteId()));
        p.external = t.serviceOn(c, Topology.EXTERNAL_SERVER);
        for (Machine m : c.getMachine()) {
            MachinePlan mp = new MachinePlan(m.getFqdn(), m, p, parseInt(m.getOrdinalInCluster(), 0));
            p.machines.add(mp);
            machines.put(Topology.key(m.getFqdn()), mp);
        }
        if (p.external != null) {
            for (Port port : Topology.applicationPorts(p.external)) {
                p.apps.add(new AppPlan(Topology.applicationId(port), port, parseInt(port.getPort(), -1), port.getProtocol()));
            }
            SourceElement role = TrustedPoolTemplate.roleElement(t.sourceOf(p.external));
            p.registrar = Topology.registrarDependency(p.external);
            // Absent values read as the cmdlet's defaults (Microsoft's New-CsTrustedApplicationPool reference).
            p.treatAsAuthenticated = !Boolean.FALSE.equals(TrustedPoolTemplate.setting(role, "TreatAsAuthenticated"));
            p.throttleAsServer = !Boolean.FALSE.equals(TrustedPoolTemplate.setting(role, "ThrottleAsServer"));
            p.outboundOnly = Boolean.TRUE.equals(TrustedPoolTemplate.setting(role, "OutboundOnly"));
        }
        p.requiresReplication = c.isRequiresReplication() == null || c.isRequiresReplication();
        pools.put(Topology.key(c.getFqdn()), p);
        wrapped.add(p);
        return p;
    }

    private MachinePlan machine(String fqdn) {
        MachinePlan m = machines.get(Topology.key(fqdn));
        if (m == null) {
            Machine existing = t.machineByFqdn(fqdn);
            if (existing == null) {
                return null;
            }
            Cluster c = t.clusterOf(existing);
            if (pools.containsKey(Topology.key(c.getFqdn()))) {
                return null;
            }
            wrap(c);
            m = machines.get(Topology.key(fqdn));
        }
        return m == null || m.removed || m.pool.removed ? null : m;
    }

    // ---- planning: one method per change -----------------------------------------------------

    private Outcome plan(Change c) {
        if (c instanceof Change.NewTrustedApplicationPool p) {
            return newPool(p);
        } else if (c instanceof Change.NewTrustedApplicationComputer p) {
            return newComputer(p);
        } else if (c instanceof Change.NewTrustedApplication p) {
            return newApplication(p);
        } else if (c instanceof Change.SetIPAddress p) {
            return setAddress(p);
        } else if (c instanceof Change.SetTrustedApplicationPool p) {
            return setPool(p);
        } else if (c instanceof Change.RemoveTrustedApplicationPool p) {
            return removePool(p);
        } else if (c instanceof Change.RemoveTrustedApplicationComputer p) {
            return removeComputer(p);
        } else if (c instanceof Change.RemoveTrustedApplication p) {
            return removeApplication(p);
        }
        throw new IllegalStateException("unhandled change " + c);
    }

    private Outcome newPool(Change.NewTrustedApplicationPool c) {
        ServiceRef registrar = resolveRegistrar(c, c.registrar());
        PoolPlan existing = pool(c.identity());
        if (existing != null) {
            return existingPool(c, existing, registrar);
        }
        if (c.site() == null || c.site().isEmpty()) {
            throw conflict(c, "pool " + c.identity() + " does not exist yet, so its site is needed", "add Site (a SiteId as Get-CsSite shows it)");
        }
        String siteId = resolveSite(c);
        MachinePlan taken = machine(c.firstComputer());
        if (taken != null) {
            throw conflict(c, "computer " + c.firstComputer() + " already belongs to pool " + taken.pool.fqdn,
                    "choose another ComputerFqdn, or remove it from that pool first");
        }
        ClusterRef id = new ClusterRef(siteId, Integer.toString(next(nextClusterNumber, siteId)));
        PoolPlan p = new PoolPlan(c.identity(), null, id, () -> TrustedPoolTemplate.choose(t, null, siteId));
        describeService(p, c, registrar);
        MachinePlan first = new MachinePlan(c.firstComputer(), null, p, 1);
        first.addedNow = true;
        p.machines.add(first);
        machines.put(Topology.key(first.fqdn), first);
        pools.put(Topology.key(p.fqdn), p);
        newPools.add(p);
        return Outcome.applied(c, "added trusted application pool " + p.fqdn + " (site " + siteId + ", cluster " + id.number()
                + ", service " + p.serviceId + ", registrar " + registrar + ") with computer " + first.fqdn);
    }

    private Outcome existingPool(Change.NewTrustedApplicationPool c, PoolPlan p, ServiceRef registrar) {
        if (c.site() != null && !c.site().isEmpty() && !resolveSite(c).equals(p.id.siteId())) {
            throw conflict(c, "pool " + p.fqdn + " already exists in site " + p.id.siteId(), "leave Site out or give " + p.id.siteId());
        }
        boolean namedComputer = c.computerFqdn() != null && !c.computerFqdn().isEmpty();
        MachinePlan first = namedComputer ? machine(c.computerFqdn()) : null;
        if (namedComputer && (first == null || first.pool != p)) {
            throw conflict(c, "pool " + p.fqdn + " already exists without computer " + c.computerFqdn(),
                    "add the computer with NewTrustedApplicationComputer, or leave ComputerFqdn out");
        }
        if (!p.isTrusted()) {
            if (p.requiresReplication != c.requiresReplication()) {
                throw conflict(c, "pool " + p.fqdn + " already exists with RequiresReplication " + p.requiresReplication + ", not "
                        + c.requiresReplication(), "give RequiresReplication=\"" + p.requiresReplication
                        + "\" to make it a trusted application pool as it is");
            }
            // New-CsTrustedApplicationPool on an existing pool creates just its ExternalServer service.
            p.externalAdded = true;
            describeService(p, c, registrar);
            return Outcome.applied(c, "made pool " + p.fqdn + " a trusted application pool (service " + p.serviceId
                    + ", registrar " + registrar + ")");
        }
        List<String> differ = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (!registrar.equals(p.registrar)) {
            differ.add("registrar " + p.registrar + ", not " + registrar);
            fix.add("Registrar=\"" + c.registrar() + "\"");
        }
        differs("TreatAsAuthenticated", p.treatAsAuthenticated, c.treatAsAuthenticated(), differ, fix);
        differs("ThrottleAsServer", p.throttleAsServer, c.throttleAsServer(), differ, fix);
        differs("RequiresReplication", p.requiresReplication, c.requiresReplication(), differ, fix);
        differs("OutboundOnly", p.outboundOnly, c.outboundOnly(), differ, fix);
        if (!differ.isEmpty()) {
            throw conflict(c, "trusted application pool " + p.fqdn + " already exists with other settings: " + String.join(", ", differ),
                    "to change them, use <SetTrustedApplicationPool Identity=\"" + p.fqdn + "\" " + String.join(" ", fix)
                            + "/>; to keep them, give this change the pool's values");
        }
        return Outcome.already(c, "trusted application pool " + p.fqdn + " already exists with these settings");
    }

    /** Records a New-CsTrustedApplicationPool setting that an existing pool holds with another value. */
    private static void differs(String name, boolean current, boolean wanted, List<String> differ, List<String> fix) {
        if (current != wanted) {
            differ.add(name + " " + current + ", not " + wanted);
            fix.add(name + "=\"" + wanted + "\"");
        }
    }

    private void describeService(PoolPlan p, Change.NewTrustedApplicationPool c, ServiceRef registrar) {
        p.spec = c;
        p.registrar = registrar;
        p.treatAsAuthenticated = c.treatAsAuthenticated();
        p.throttleAsServer = c.throttleAsServer();
        p.outboundOnly = c.outboundOnly();
        p.requiresReplication = c.requiresReplication();
        p.serviceId = new ServiceRef(p.id.siteId(), Topology.EXTERNAL_SERVER,
                Integer.toString(next(nextExternalServerInstance, p.id.siteId())));
        p.serviceVersion = t.service(registrar).getServiceVersion();
    }

    private Outcome newComputer(Change.NewTrustedApplicationComputer c) {
        PoolPlan p = trustedPool(c, c.pool());
        MachinePlan m = machine(c.identity());
        if (m != null) {
            if (m.pool != p) {
                throw conflict(c, "computer " + c.identity() + " already belongs to pool " + m.pool.fqdn, m.pool.isTrusted()
                        ? "a computer can be in one pool only: remove it from " + m.pool.fqdn + " first (RemoveTrustedApplicationComputer)"
                        : m.pool.fqdn + " is not a trusted application pool, so this is another server: check the FQDN");
            }
            if (m.addedNow) {
                throw conflict(c, "computer " + c.identity() + " is already added to pool " + p.fqdn + " by an earlier change"
                        + " (the first computer of New-CsTrustedApplicationPool -ComputerFqdn is the routing node)",
                        "never add the routing node a second time: delete this change");
            }
            return Outcome.already(c, "computer " + c.identity() + " is already in pool " + p.fqdn);
        }
        if (p.liveMachines().stream().anyMatch(x -> Topology.key(x.fqdn).equals(Topology.key(p.fqdn)))) {
            throw conflict(c, "pool " + p.fqdn + " has a computer with the pool's own FQDN, so it can hold one computer only",
                    "recreate the pool with a ComputerFqdn different from its Identity");
        }
        int ordinal = p.machines.stream().mapToInt(x -> x.ordinal).max().orElse(0) + 1;
        MachinePlan added = new MachinePlan(c.identity(), null, p, ordinal);
        added.addedNow = true;
        p.machines.add(added);
        machines.put(Topology.key(added.fqdn), added);
        return Outcome.applied(c, "added computer " + added.fqdn + " to pool " + p.fqdn);
    }

    private Outcome newApplication(Change.NewTrustedApplication c) {
        PoolPlan p = trustedPool(c, c.pool());
        String id = Topology.bareId(c.applicationId());
        String protocol = TrustedPoolShape.protocolOf(c.enableTcp());
        for (AppPlan a : p.liveApps()) {
            if (a.id.equalsIgnoreCase(id)) {
                if (a.port == c.port() && protocol.equalsIgnoreCase(a.protocol)) {
                    return Outcome.already(c, "application " + id + " already listens on " + p.fqdn + ":" + c.port());
                }
                List<String> differ = new ArrayList<>();
                if (a.port != c.port()) {
                    differ.add("port " + a.port + ", not " + c.port());
                }
                if (!protocol.equalsIgnoreCase(a.protocol)) {
                    differ.add("protocol " + a.protocol + ", not " + protocol + (c.enableTcp() ? " (EnableTcp)" : ""));
                }
                throw conflict(c, "application " + id + " already exists in pool " + p.fqdn + " with " + String.join(", ", differ),
                        "application ids are unique per pool: to change it, RemoveTrustedApplication Identity=\"" + p.fqdn + "/"
                                + Topology.ownerOf(id) + "\" first, or choose another ApplicationId");
            }
            if (a.port == c.port()) {
                throw conflict(c, "port " + c.port() + " of pool " + p.fqdn + " is already used by application " + a.id,
                        "choose another Port");
            }
        }
        p.apps.add(new AppPlan(id, null, c.port(), protocol));
        return Outcome.applied(c, "added application " + id + " on " + p.fqdn + ":" + c.port() + " (" + protocol + ")");
    }

    private Outcome setAddress(Change.SetIPAddress c) {
        MachinePlan m = machine(c.computer());
        if (m == null) {
            throw conflict(c, "no computer " + c.computer() + " in the topology" + suggestion(c.computer()),
                    "check the FQDN, or add the computer first");
        }
        String current = m.address(c.interfaceSide());
        if (current == null) {
            throw conflict(c, "computer " + m.fqdn + " has no " + c.interfaceSide() + " interface (it has " + String.join(", ", m.sides()) + ")",
                    "set InterfaceSide to one of those");
        }
        if (current.equals(c.ipAddress())) {
            return Outcome.already(c, "computer " + m.fqdn + " " + c.interfaceSide() + " address is already " + current);
        }
        String side = m.isNew() ? m.newSide(c.interfaceSide()) : m.netInterface(c.interfaceSide()).getInterfaceSide();
        m.newAddresses.put(side, c.ipAddress());
        return Outcome.applied(c, "computer " + m.fqdn + " " + side + " address " + current + " -> " + c.ipAddress());
    }

    private Outcome setPool(Change.SetTrustedApplicationPool c) {
        PoolPlan p = trustedPool(c, c.identity());
        List<String> changed = new ArrayList<>();
        if (c.registrar() != null) {
            ServiceRef registrar = resolveRegistrar(c, c.registrar());
            if (!registrar.equals(p.registrar)) {
                changed.add("registrar " + p.registrar + " -> " + registrar);
                p.registrar = registrar;
            }
        }
        setting("TreatAsAuthenticated", c.treatAsAuthenticated(), p.treatAsAuthenticated, v -> p.treatAsAuthenticated = v, changed);
        setting("ThrottleAsServer", c.throttleAsServer(), p.throttleAsServer, v -> p.throttleAsServer = v, changed);
        setting("OutboundOnly", c.outboundOnly(), p.outboundOnly, v -> p.outboundOnly = v, changed);
        setting("RequiresReplication", c.requiresReplication(), p.requiresReplication, v -> p.requiresReplication = v, changed);
        if (changed.isEmpty()) {
            return Outcome.already(c, "trusted application pool " + p.fqdn + " already has these settings");
        }
        p.settingsChanged = true;
        return Outcome.applied(c, "trusted application pool " + p.fqdn + ": " + String.join(", ", changed));
    }

    /** Records one Set-CsTrustedApplicationPool setting when it is given and differs. */
    private static void setting(String name, Boolean wanted, boolean current, Consumer<Boolean> set, List<String> changed) {
        if (wanted != null && wanted != current) {
            changed.add(name + " " + current + " -> " + wanted);
            set.accept(wanted);
        }
    }

    private Outcome removePool(Change.RemoveTrustedApplicationPool c) {
        PoolPlan p = pool(c.identity());
        if (p == null) {
            return Outcome.already(c, "pool " + c.identity() + " is already absent");
        }
        if (!p.isTrusted()) {
            throw conflict(c, "pool " + p.fqdn + " is not a trusted application pool", "use Topology Builder to remove other pools");
        }
        if (!p.isNew()) {
            List<String> others = t.servicesOn(p.existing).stream().filter(s -> s != p.external)
                    .map(s -> String.valueOf(ServiceRef.of(s.getServiceId()))).toList();
            if (!others.isEmpty()) {
                throw conflict(c, "pool " + p.fqdn + " also hosts " + String.join(", ", others), "remove those services first");
            }
        }
        p.removed = true;
        newPools.remove(p);
        return Outcome.applied(c, "removed trusted application pool " + p.fqdn + " with its computers and applications");
    }

    private Outcome removeComputer(Change.RemoveTrustedApplicationComputer c) {
        MachinePlan m = machine(c.identity());
        if (m == null) {
            return Outcome.already(c, "computer " + c.identity() + " is already absent");
        }
        if (!m.pool.isTrusted()) {
            throw conflict(c, "computer " + m.fqdn + " is in pool " + m.pool.fqdn + ", which is not a trusted application pool",
                    "use Topology Builder to remove servers of other pools");
        }
        if (m.pool.liveMachines().size() == 1) {
            throw conflict(c, "computer " + m.fqdn + " is the last computer of pool " + m.pool.fqdn,
                    "remove the pool instead (RemoveTrustedApplicationPool)");
        }
        m.removed = true;
        return Outcome.applied(c, "removed computer " + m.fqdn + " from pool " + m.pool.fqdn);
    }

    private Outcome removeApplication(Change.RemoveTrustedApplication c) {
        PoolPlan p = pool(c.pool());
        String id = Topology.bareId(c.applicationId());
        if (p == null) {
            return Outcome.already(c, "pool " + c.pool() + " is absent, and so is application " + id);
        }
        for (AppPlan a : p.liveApps()) {
            if (a.id.equalsIgnoreCase(id)) {
                a.removed = true;
                return Outcome.applied(c, "removed application " + a.id + " from " + p.fqdn);
            }
        }
        return Outcome.already(c, "application " + id + " is already absent from " + p.fqdn);
    }

    // ---- resolution helpers ------------------------------------------------------------------

    private PoolPlan trustedPool(Change c, String fqdn) {
        PoolPlan p = pool(fqdn);
        if (p == null) {
            throw conflict(c, "no trusted application pool " + fqdn + " in the topology" + suggestion(fqdn),
                    "create it first with NewTrustedApplicationPool");
        }
        if (!p.isTrusted()) {
            throw conflict(c, "pool " + p.fqdn + " is not a trusted application pool (it hosts no ExternalServer service)",
                    "name a trusted application pool");
        }
        return p;
    }

    private String resolveSite(Change.NewTrustedApplicationPool c) {
        String wanted = c.site().regionMatches(true, 0, "site:", 0, 5) ? c.site().substring(5) : c.site();
        if (t.site(wanted) != null) {
            return wanted;
        }
        for (Site s : t.sites()) {
            if (wanted.equalsIgnoreCase(s.getName()) && s.getSiteId() != null) {
                return s.getSiteId();
            }
        }
        String known = t.sites().stream().map(s -> s.getSiteId() + " (" + s.getName() + ")").collect(Collectors.joining(", "));
        throw conflict(c, "site " + c.site() + " does not exist", "use a SiteId as Get-CsSite shows it: " + known);
    }

    private ServiceRef resolveRegistrar(Change c, String r) {
        Service registrar = t.registrarNamed(r);
        if (registrar != null) {
            return ServiceRef.of(registrar.getServiceId());
        }
        String known = t.services().stream().filter(s -> Topology.REGISTRAR.equals(Topology.roleName(s)))
                .map(s -> t.poolFqdnOf(s) + " (" + ServiceRef.of(s.getServiceId()) + ")").collect(Collectors.joining(", "));
        throw conflict(c, "registrar " + r + " not found", "name a registrar pool FQDN or service id: " + (known.isEmpty() ? "none in this topology" : known));
    }

    private String suggestion(String fqdn) {
        String host = fqdn.contains(".") ? fqdn.substring(0, fqdn.indexOf('.')) : fqdn;
        for (Cluster c : t.clusters()) {
            for (Machine m : c.getMachine()) {
                if (m.getFqdn() != null && m.getFqdn().toLowerCase(Locale.ROOT).startsWith(host.toLowerCase(Locale.ROOT) + ".")) {
                    return " (did you mean " + m.getFqdn() + "?)";
                }
            }
        }
        return "";
    }

    private static CstopoException conflict(Change c, String what, String fix) {
        return CstopoException.conflict(c.origin() + ": " + c.describe() + ": " + what + "; " + fix);
    }

    private static void bump(Map<String, Integer> next, String siteId, String number) {
        int n = parseInt(number, 0);
        next.merge(siteId, n + 1, Math::max);
    }

    private static int next(Map<String, Integer> next, String siteId) {
        int n = next.getOrDefault(siteId, 1);
        next.put(siteId, n + 1);
        return n;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Whoever declared the changes, the values this run may write follow {@link ChangeValues}: the
     * changes file, the runbook reader and the command line refuse others before they get here, and
     * so does this, for any other caller (a pool named "node 1.sip.com" must never reach Publish-CsTopology).
     */
    private static void requireValid(List<Change> changes) {
        for (Change c : changes) {
            ChangeValues.Problem problem = ChangeValues.problem(c);
            if (problem != null) {
                throw CstopoException.badInput(c.origin() + ": " + c.element() + " " + problem.message(ChangesFile.SPELLING));
            }
        }
        ChangesFile.refuseDuplicates(changes);
    }

}
