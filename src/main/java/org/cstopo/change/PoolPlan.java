package org.cstopo.change;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;
import org.cstopo.shape.TrustedPoolTemplate;

/** A pool as the changes planned so far see it: an existing cluster, or one this run creates. */
final class PoolPlan {
    final String fqdn;
    final Cluster existing;
    final ClusterRef id;
    Service external;
    boolean removed;
    final List<MachinePlan> machines = new ArrayList<>();
    final List<AppPlan> apps = new ArrayList<>();
    /** An existing pool that this run turns into a trusted application pool (gets an ExternalServer service). */
    boolean externalAdded;
    // new pools, and existing pools with externalAdded
    Change.NewTrustedApplicationPool spec;
    ServiceRef serviceId;
    ServiceRef registrar;
    String serviceVersion;
    // the pool's settings as planned (New-/Set-CsTrustedApplicationPool); for an existing pool read
    // from the topology when it is wrapped, and settingsChanged once a change alters one of them
    boolean treatAsAuthenticated;
    boolean throttleAsServer;
    boolean outboundOnly;
    boolean requiresReplication;
    boolean settingsChanged;
    private final Supplier<TrustedPoolTemplate> chooseTemplate;
    private TrustedPoolTemplate template;

    /** {@code chooseTemplate} finds the form new elements of this pool take; asked once, when first needed. */
    PoolPlan(String fqdn, Cluster existing, ClusterRef id, Supplier<TrustedPoolTemplate> chooseTemplate) {
        this.fqdn = fqdn;
        this.existing = existing;
        this.id = id;
        this.chooseTemplate = chooseTemplate;
    }

    TrustedPoolTemplate template() {
        if (template == null) {
            template = chooseTemplate.get();
        }
        return template;
    }

    boolean isNew() {
        return existing == null;
    }

    boolean isTrusted() {
        return isNew() || external != null || externalAdded;
    }

    /** True when this run writes the pool's ExternalServer service (new pool, or existing pool made trusted). */
    boolean writesService() {
        return !removed && (isNew() || externalAdded);
    }

    List<MachinePlan> liveMachines() {
        return machines.stream().filter(m -> !m.removed).toList();
    }

    List<AppPlan> liveApps() {
        return apps.stream().filter(a -> !a.removed).toList();
    }
}
