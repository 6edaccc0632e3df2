package org.cstopo.validate;

import java.util.Map;
import java.util.function.Supplier;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.roles.Port;
import org.cstopo.model.xml.roles.WacService;
import org.cstopo.model.xml.roles.WebExternalSettings;

/**
 * Names: every pool, machine and file store is named by an FQDN (Publish-CsTopology's
 * NetBIOSNameNotAllowed), and host names hold letters, digits, hyphens and dots only (an
 * underscore or a non-ASCII character breaks DNS and certificates).
 *
 * <p>Not NetBIOS names: trusted application pools (trusted-pool-netbios-name reports those, under
 * the id scripts already know), Office Web Apps pools (Topology Builder takes their name from the
 * discovery URL, and a genuine published export names one by a single label), and values that are
 * not host names at all (a lab script's {@code $SkypeFQDN} placeholder, an IPv6 gateway address).
 */
final class NameChecks {
    private NameChecks() {
    }

    static void run(Findings out, Map<Cluster, PoolRoles> roles) {
        Topology t = out.topology();
        String domain = firstDomain(t);
        for (Cluster c : t.clusters()) {
            PoolRoles r = PoolRoles.of(roles, c);
            boolean named = r.trustedApplications() == null && r.officeWebApps() == null;
            if (named && isSingleLabelHostName(c.getFqdn())) {
                out.add(Rule.NETBIOS_NAME, c, Findings.pool(c), "'" + c.getFqdn() + "' is a NetBIOS name, not an FQDN",
                        r.fileStore() != null
                                ? "define a new file store under " + fqdnFor(c.getFqdn(), domain) + " in Topology Builder, point"
                                        + " the pools that use this one at it (Edit Properties), publish, then remove this one"
                                : "a published pool cannot be renamed: define it again under " + fqdnFor(c.getFqdn(), domain)
                                        + " in Topology Builder, move its services and users to it, then remove this one");
            }
            characters(out, c, () -> Findings.pool(c), "pool FQDN", c.getFqdn(), renamePool(c));
            for (Machine m : c.getMachine()) {
                if (m.getFqdn() != null && m.getFqdn().equalsIgnoreCase(c.getFqdn())) {
                    continue; // a Standard Edition server or file store named as its pool: reported once, with the pool
                }
                if (named && isSingleLabelHostName(m.getFqdn())) {
                    out.add(Rule.NETBIOS_NAME, m, Findings.machine(c, m), "'" + m.getFqdn() + "' is a NetBIOS name, not an FQDN",
                            "in Topology Builder, remove the computer from the pool and add it again under "
                                    + fqdnFor(m.getFqdn(), domain) + ", then publish");
                }
                characters(out, m, () -> Findings.machine(c, m), "machine FQDN", m.getFqdn(),
                        "remove the computer from the pool and add it again under a name of letters, digits and hyphens");
            }
        }
        for (Service s : t.services()) {
            Supplier<String> object = () -> Findings.service(s);
            WebExternalSettings web = Topology.externalWebSettings(s);
            if (web != null) {
                characters(out, web, object, "external Web services FQDN", web.getHost(),
                        "change the external Web services FQDN (Topology Builder: pool, Edit Properties, Web services), then publish");
            }
            WacService wac = Topology.role(s, WacService.class);
            if (wac != null) {
                characters(out, wac, object, "discovery URL host", hostOf(wac.getDiscoveryUrl()),
                        "change the Office Web Apps Server discovery URL (Topology Builder: Edit Properties), then publish");
            }
            for (Port p : Topology.portList(s)) {
                characters(out, p, () -> object.get() + ", port " + p.getPort(), "configured FQDN", p.getConfiguredFqdn(),
                        "change the external FQDN of this service (Topology Builder: Edge pool, Edit Properties), then publish");
            }
        }
    }

    /** A single DNS label of host-name characters: what a NetBIOS computer name looks like in an FQDN's place. */
    static boolean isSingleLabelHostName(String name) {
        return name != null && !name.isEmpty() && name.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_'));
    }

    /** The object's name is built only for a finding: this runs for every port of the topology. */
    private static void characters(Findings out, Object at, Supplier<String> object, String what, String name, String fix) {
        String problem = badCharacter(name);
        if (problem != null) {
            out.add(Rule.NAME_CHARACTERS, at, object.get(), "the " + what + " '" + name + "' holds " + problem, fix);
        }
    }

    /** What is wrong with a host name's characters, or null: an underscore, or the first non-ASCII character. */
    static String badCharacter(String name) {
        if (name == null) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch > 0x7e) {
                return "'" + new String(Character.toChars(name.codePointAt(i))) + "', which is not ASCII (an internationalised"
                        + " name is written in its xn-- form)";
            }
        }
        return name.indexOf('_') >= 0
                ? "an underscore, which host names do not allow and public certificate authorities no longer certify" : null;
    }

    /** The host of an absolute URL ("https://wac.example.com:443/hosting/discovery" gives "wac.example.com"). */
    static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int end = rest.length();
        for (char stop : new char[] {'/', ':', '?', '#'}) {
            int i = rest.indexOf(stop);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        return rest.substring(0, end);
    }

    /** NAME.domain, with the DNS domain of the first pool named by an FQDN (the domain its computers most likely share). */
    private static String fqdnFor(String name, String domain) {
        return "its FQDN (for example " + name + "." + (domain == null ? "DOMAIN" : domain) + ")";
    }

    private static String firstDomain(Topology t) {
        for (Cluster c : t.clusters()) {
            String domain = c.getFqdn() == null ? null : TrustedPoolChecks.domainOf(c.getFqdn());
            if (domain != null && badCharacter(domain) == null) {
                return domain;
            }
        }
        return null;
    }

    private static String renamePool(Cluster c) {
        return "a published pool cannot be renamed: define a new pool whose FQDN holds letters, digits and hyphens only,"
                + " move its services and users to it, then remove " + Findings.text(c.getFqdn());
    }
}
