package org.cstopo.diff;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.diff.ElementSelector;

/**
 * What makes two elements "the same thing" in a topology, whatever their position: a pool or machine
 * by FQDN, a service by its ServiceId, a port by what it is for (not by its number, so a changed port
 * number reads as a change, not as a removal and an addition). Elements without an identity match by
 * name, in order. Keys are computed once per element.
 */
final class TopologyKeys implements ElementSelector {
    private static final String NONE = "";
    private final Map<Element, String> keys = new IdentityHashMap<>();

    @Override
    public boolean canBeCompared(Element control, Element test) {
        return Objects.equals(control.getLocalName(), test.getLocalName())
                && Objects.equals(control.getNamespaceURI(), test.getNamespaceURI())
                && key(control).equals(key(test));
    }

    /**
     * What still makes a pool or machine the same after a rename, tried only for elements the keys
     * above left unpaired: a pool's ClusterId (SiteId and Number, what services point at), a
     * machine's OrdinalInCluster within its pool. No other element pairs this way.
     */
    static final ElementSelector RENAMED = (control, test) -> Objects.equals(control.getNamespaceURI(), test.getNamespaceURI())
            && Objects.equals(control.getLocalName(), test.getLocalName()) && switch (control.getLocalName()) {
                case "Cluster" -> !clusterId(child(control, "ClusterId")).equals(NONE)
                        && clusterId(child(control, "ClusterId")).equals(clusterId(child(test, "ClusterId")));
                case "Machine" -> control.hasAttribute("OrdinalInCluster")
                        && control.getAttribute("OrdinalInCluster").equals(test.getAttribute("OrdinalInCluster"));
                default -> false;
            };

    String key(Element e) {
        return keys.computeIfAbsent(e, TopologyKeys::identity);
    }

    private static String identity(Element e) {
        return switch (e.getLocalName()) {
            case "Cluster", "Machine" -> e.getAttribute("Fqdn").toLowerCase(Locale.ROOT);
            case "NetInterface" -> e.getAttribute("InterfaceSide") + "/" + e.getAttribute("InterfaceNumber");
            case "Service" -> serviceId(e);
            case "Dependency" -> e.getAttribute("Usage") + "/" + serviceId(e);
            case "Port" -> String.join("|", e.getAttribute("Owner"), e.getAttribute("Usage"), e.getAttribute("InterfaceSide"),
                    e.getAttribute("InterfaceNumber"), e.getAttribute("Protocol"), e.getAttribute("UrlPath"));
            case "CentralSite", "BranchSite" -> e.getAttribute("SiteId");
            case "InternalDomain" -> e.getAttribute("Name").toLowerCase(Locale.ROOT);
            case "SqlInstance" -> sqlInstance(e);
            case "Component" -> e.getAttribute("ComponentName");
            default -> NONE;
        };
    }

    /** "SiteId-RoleName-Instance" of an element's ServiceId child, as Lync writes service ids. */
    static String serviceId(Element e) {
        Element id = child(e, "ServiceId");
        return id == null ? NONE : id.getAttribute("SiteId") + "-" + id.getAttribute("RoleName") + "-" + id.getAttribute("Instance");
    }

    /** "SiteId:Number" of a ClusterId element. */
    static String clusterId(Element clusterId) {
        return clusterId == null ? NONE : clusterId.getAttribute("SiteId") + ":" + clusterId.getAttribute("Number");
    }

    private static String sqlInstance(Element e) {
        Element id = child(e, "SqlInstanceId");
        return id == null ? NONE : id.getAttribute("Name") + "@" + clusterId(child(id, "ClusterId"));
    }

    static Element child(Element e, String localName) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && localName.equals(ce.getLocalName())) {
                return ce;
            }
        }
        return null;
    }
}
