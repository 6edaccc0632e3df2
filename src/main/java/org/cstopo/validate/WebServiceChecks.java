package org.cstopo.validate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.roles.Port;
import org.cstopo.model.xml.roles.WebExternalSettings;

/**
 * Web services of Front End and Director pools: each has an external Web services FQDN of its own
 * (Topology Builder help "Web Services Settings Expander"), and its internal and external Web
 * sites (two IIS sites on the same computers, Usage="WebSite" on InterfaceSide Primary and
 * External) listen on different ports: 80/443 inside, 8080/4443 outside by default.
 */
final class WebServiceChecks {
    static final String WEB_SITE = "WebSite";

    private WebServiceChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        Map<String, Service> externalHosts = new HashMap<>();
        for (Service s : t.services()) {
            if (!Topology.WEB_SERVICES.equals(Topology.roleName(s))) {
                continue;
            }
            externalHost(out, s, externalHosts);
            listeningPorts(out, s);
        }
    }

    private static void externalHost(Findings out, Service s, Map<String, Service> externalHosts) {
        WebExternalSettings settings = Topology.externalWebSettings(s);
        String host = settings == null || settings.getHost() == null || settings.getHost().isBlank() ? null
                : settings.getHost().strip().toLowerCase(Locale.ROOT);
        Service first = UniquenessChecks.firstOwner(externalHosts, host, s);
        if (first == null) {
            return;
        }
        Topology t = out.topology();
        out.add(Rule.WEB_EXTERNAL_FQDN_DUPLICATE, settings, object(t, s),
                "the external Web services FQDN " + settings.getHost() + " is already that of "
                        + Findings.text(t.poolFqdnOf(first)) + " (" + Findings.serviceId(first) + ", " + out.lineOf(first)
                        + "); every Front End pool and Director has its own",
                "give this pool its own external Web services FQDN (Topology Builder: Edit Properties, Web services), publish,"
                        + " then add it to the reverse proxy, public DNS and the external certificate");
    }

    private static void listeningPorts(Findings out, Service s) {
        Map<String, Port> internal = new HashMap<>();
        for (Port p : Topology.portList(s)) {
            if (WEB_SITE.equalsIgnoreCase(p.getUsage()) && Topology.PRIMARY.equalsIgnoreCase(p.getInterfaceSide()) && p.getPort() != null) {
                internal.putIfAbsent(p.getPort().strip(), p);
            }
        }
        for (Port p : Topology.portList(s)) {
            Port clash = WEB_SITE.equalsIgnoreCase(p.getUsage()) && "External".equalsIgnoreCase(p.getInterfaceSide())
                    && p.getPort() != null ? internal.get(p.getPort().strip()) : null;
            if (clash != null) {
                out.add(Rule.WEB_PORT_CONFLICT, p, object(out.topology(), s) + ", port " + p.getPort(),
                        "the external Web site listens on " + p.getPort() + " (" + p.getProtocol() + "), which the internal Web"
                                + " site listens on too (" + clash.getProtocol() + ", " + out.lineOf(clash) + "); two IIS sites"
                                + " on the same computers cannot share a port",
                        "give the external Web site its own listening port (by default 8080 for HTTP, 4443 for HTTPS):"
                                + " Topology Builder, Edit Properties, Web services; then publish and run Setup on each server");
            }
        }
    }

    private static String object(Topology t, Service s) {
        Cluster pool = t.hostOf(s);
        return (pool == null ? "" : Findings.pool(pool) + ", ") + Findings.service(s);
    }
}
