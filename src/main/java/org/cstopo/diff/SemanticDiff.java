package org.cstopo.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cstopo.io.SourceDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The difference between two topologies in topology terms. XMLUnit finds the differences
 * ({@link XmlComparison}); this class says what they mean: an added Cluster is one item naming the
 * services installed on it, then one item per machine with its addresses; application ports become
 * "application X added on port N"; a NetInterface address change is "machine M: IPAddress a -> b";
 * anything else gets a generic item naming the pool, machine or service it sits in.
 */
public final class SemanticDiff {
    private static final String APPLICATION = "urn:application:";

    private final List<Difference> out = new ArrayList<>();
    private final Map<Document, Map<String, String>> poolsById = new IdentityHashMap<>();
    /** Services that are added (or removed) together with the pool they are installed on. */
    private final Map<Element, List<Element>> servicesOfPool = new IdentityHashMap<>();
    private final Set<Element> folded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private SemanticDiff() {
    }

    public static DiffReport compare(SourceDocument oldDoc, SourceDocument newDoc) {
        return describe(XmlComparison.of(XmlTrees.parse(oldDoc), XmlTrees.parse(newDoc)));
    }

    public static DiffReport describe(XmlComparison comparison) {
        SemanticDiff d = new SemanticDiff();
        d.fold(comparison.changes());
        for (NodeChange c : comparison.changes()) {
            d.describe(c);
        }
        return new DiffReport(d.out);
    }

    private void fold(List<NodeChange> changes) {
        Map<String, Element> pools = new HashMap<>();
        for (NodeChange c : changes) {
            Element e = element(c);
            if (isWhole(c) && is(e, "Cluster")) {
                pools.put(side(c) + TopologyKeys.clusterId(TopologyKeys.child(e, "ClusterId")), e);
                servicesOfPool.put(e, new ArrayList<>());
            }
        }
        for (NodeChange c : changes) {
            Element e = element(c);
            if (isWhole(c) && is(e, "Service")) {
                Element pool = pools.get(side(c) + hostId(e));
                if (pool != null) {
                    servicesOfPool.get(pool).add(e);
                    folded.add(e);
                }
            }
        }
    }

    private void describe(NodeChange c) {
        switch (c.type()) {
            case ELEMENT_ADDED, ELEMENT_REMOVED -> whole(c, c.type() == NodeChange.Type.ELEMENT_ADDED);
            case ATTRIBUTE_CHANGED, ATTRIBUTE_ADDED, ATTRIBUTE_REMOVED -> attribute(c);
            case TEXT_CHANGED -> {
                Element e = c.test() != null ? c.test() : c.control();
                add(Difference.Kind.TEXT_CHANGED, e, subject(e) + ": text '" + c.oldValue().strip() + "' -> '" + c.newValue().strip() + "'", c);
            }
            default -> {
                Element e = c.test() != null ? c.test() : c.control();
                add(Difference.Kind.OTHER, e, (e == null ? "topology" : subject(e)) + ": " + c.name() + " " + c.oldValue()
                        + " -> " + c.newValue(), c);
            }
        }
    }

    /** An element added or removed as a whole. */
    private void whole(NodeChange c, boolean added) {
        Element e = element(c);
        String verb = added ? "added" : "removed";
        if (is(e, "Cluster")) {
            String services = servicesOfPool.get(e).stream().map(TopologyKeys::serviceId).collect(Collectors.joining(", "));
            String fqdn = e.getAttribute("Fqdn");
            add(added ? Difference.Kind.POOL_ADDED : Difference.Kind.POOL_REMOVED, e, "pool " + fqdn + " " + verb
                    + (services.isEmpty() ? "" : " with service " + services), c);
            // One line per computer, with its address: what a reviewer checks against the runbook.
            for (Element m : children(e, "Machine")) {
                add(added ? Difference.Kind.MACHINE_ADDED : Difference.Kind.MACHINE_REMOVED, m, "machine " + m.getAttribute("Fqdn")
                        + (added ? " added to pool " : " removed from pool ") + fqdn + addresses(m), c);
            }
            for (Element s : servicesOfPool.get(e)) {
                applications(s, added, c);
            }
        } else if (is(e, "Service")) {
            if (!folded.contains(e)) {
                String pool = pool(e);
                add(added ? Difference.Kind.SERVICE_ADDED : Difference.Kind.SERVICE_REMOVED, e, "service " + TopologyKeys.serviceId(e)
                        + " " + verb + (pool == null ? "" : (added ? " on pool " : " from pool ") + pool), c);
                applications(e, added, c);
            }
        } else if (is(e, "Machine")) {
            add(added ? Difference.Kind.MACHINE_ADDED : Difference.Kind.MACHINE_REMOVED, e, "machine " + e.getAttribute("Fqdn")
                    + (added ? " added to pool " : " removed from pool ") + pool(e) + addresses(e), c);
        } else if (isApplication(e)) {
            application(e, added, c);
        } else {
            List<Element> apps = descendants(e, "Port").stream().filter(SemanticDiff::isApplication).toList();
            if (apps.isEmpty() || descendants(e, "Port").size() != apps.size()) {
                add(added ? Difference.Kind.ELEMENT_ADDED : Difference.Kind.ELEMENT_REMOVED, e,
                        subject((Element) e.getParentNode()) + ": <" + e.getLocalName() + attributes(e) + "> " + verb, c);
            }
            apps.forEach(a -> application(a, added, c));
        }
    }

    private void applications(Element service, boolean added, NodeChange c) {
        for (Element p : descendants(service, "Port")) {
            if (isApplication(p)) {
                application(p, added, c);
            }
        }
    }

    private void application(Element port, boolean added, NodeChange c) {
        add(added ? Difference.Kind.APPLICATION_ADDED : Difference.Kind.APPLICATION_REMOVED, port, "application "
                + applicationId(port) + (added ? " added on port " : " removed from port ") + port.getAttribute("Port"), c);
    }

    private void attribute(NodeChange c) {
        Element e = c.test() != null ? c.test() : c.control();
        String what = switch (c.type()) {
            case ATTRIBUTE_ADDED -> c.name() + "=\"" + c.newValue() + "\" added";
            case ATTRIBUTE_REMOVED -> c.name() + "=\"" + c.oldValue() + "\" removed";
            default -> c.name() + " " + c.oldValue() + " -> " + c.newValue();
        };
        // The attribute in the new topology; a removed one is gone from there, so the item points at its element.
        String xpath = XmlTrees.xpath(e) + (c.type() == NodeChange.Type.ATTRIBUTE_REMOVED ? "" : "/@" + c.name());
        if (is(e, "NetInterface") && c.name().endsWith("IPAddress") && c.type() == NodeChange.Type.ATTRIBUTE_CHANGED) {
            String side = e.getAttribute("InterfaceSide");
            Element machine = (Element) e.getParentNode();
            add(Difference.Kind.ADDRESS_CHANGED, e, subject(machine) + ": " + ("Primary".equals(side) ? "" : side + " ") + what, xpath);
            return;
        }
        add(Difference.Kind.ATTRIBUTE_CHANGED, e, subject(e) + ": " + what, xpath);
    }

    /** An item about element {@code e}, whose path is the element's own (the change's when there is no element). */
    private void add(Difference.Kind kind, Element e, String text, NodeChange c) {
        add(kind, e, text, e == null ? c.xpath() : XmlTrees.xpath(e));
    }

    private void add(Difference.Kind kind, Element e, String text, String xpath) {
        out.add(new Difference(kind, e == null ? null : pool(e), e == null ? null : machine(e), text, xpath));
    }

    // ---- reading the topology around an element ---------------------------------------------

    /** How a person names an element: by the pool, machine, service or application it is or sits in. */
    static String subject(Element e) {
        if (!(e.getParentNode() instanceof Element parent)) {
            return "topology";
        }
        return switch (e.getLocalName()) {
            case "Cluster" -> "pool " + e.getAttribute("Fqdn");
            case "Machine" -> "machine " + e.getAttribute("Fqdn");
            case "Service" -> "service " + TopologyKeys.serviceId(e);
            case "CentralSite", "BranchSite" -> "site " + e.getAttribute("SiteId");
            case "InternalDomain" -> "internal domain " + e.getAttribute("Name");
            case "NetInterface" -> subject(parent) + " " + e.getAttribute("InterfaceSide") + " interface";
            case "Port" -> isApplication(e) ? "application " + applicationId(e)
                    : subject(parent) + " port " + e.getAttribute("Owner") + " " + e.getAttribute("Usage");
            default -> subject(parent) + " " + e.getLocalName();
        };
    }

    /** The FQDN of the pool an element is part of, or that the service it is part of is installed on. */
    private String pool(Element e) {
        for (Node n = e; n instanceof Element x; n = n.getParentNode()) {
            if (is(x, "Cluster")) {
                return x.getAttribute("Fqdn");
            }
            if (is(x, "Service")) {
                return poolsOf(x.getOwnerDocument()).get(hostId(x));
            }
        }
        return null;
    }

    private static String machine(Element e) {
        for (Node n = e; n instanceof Element x; n = n.getParentNode()) {
            if (is(x, "Machine")) {
                return x.getAttribute("Fqdn");
            }
        }
        return null;
    }

    private Map<String, String> poolsOf(Document doc) {
        return poolsById.computeIfAbsent(doc, d -> {
            Map<String, String> m = new HashMap<>();
            NodeList clusters = d.getElementsByTagNameNS("*", "Cluster");
            for (int i = 0, n = clusters.getLength(); i < n; i++) {
                Element c = (Element) clusters.item(i);
                m.putIfAbsent(TopologyKeys.clusterId(TopologyKeys.child(c, "ClusterId")), c.getAttribute("Fqdn"));
            }
            return m;
        });
    }

    /** "SiteId:Number" of the cluster a service is installed on (directly or through its SQL instance). */
    private static String hostId(Element service) {
        Element on = TopologyKeys.child(service, "InstalledOn");
        if (on == null) {
            return "";
        }
        Element id = TopologyKeys.child(on, "ClusterId");
        if (id == null && TopologyKeys.child(on, "SqlInstanceId") != null) {
            id = TopologyKeys.child(TopologyKeys.child(on, "SqlInstanceId"), "ClusterId");
        }
        return TopologyKeys.clusterId(id);
    }

    /** " (10.10.1.10)" for one interface, " (Primary 10.0.0.1, External 1.2.3.4)" for several, "" for none. */
    private static String addresses(Element machine) {
        List<Element> nics = children(machine, "NetInterface");
        if (nics.isEmpty()) {
            return "";
        }
        if (nics.size() == 1) {
            return " (" + nics.get(0).getAttribute("IPAddress") + ")";
        }
        return nics.stream().map(n -> n.getAttribute("InterfaceSide") + " " + n.getAttribute("IPAddress"))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String attributes(Element e) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (int i = 0; i < e.getAttributes().getLength() && shown.size() < 3; i++) {
            Node a = e.getAttributes().item(i);
            if (!a.getNodeName().startsWith("xmlns")) {
                shown.put(a.getNodeName(), a.getNodeValue());
            }
        }
        return shown.entrySet().stream().map(a -> " " + a.getKey() + "=\"" + a.getValue() + "\"").collect(Collectors.joining());
    }

    private static boolean isApplication(Element e) {
        return is(e, "Port") && e.getAttribute("Owner").startsWith(APPLICATION);
    }

    private static String applicationId(Element port) {
        return port.getAttribute("Owner").substring(APPLICATION.length());
    }

    private static boolean is(Element e, String localName) {
        return e != null && localName.equals(e.getLocalName());
    }

    private static boolean isWhole(NodeChange c) {
        return c.type() == NodeChange.Type.ELEMENT_ADDED || c.type() == NodeChange.Type.ELEMENT_REMOVED;
    }

    private static Element element(NodeChange c) {
        return c.type() == NodeChange.Type.ELEMENT_ADDED ? c.test() : c.control();
    }

    private static String side(NodeChange c) {
        return c.type() == NodeChange.Type.ELEMENT_ADDED ? "+" : "-";
    }

    private static List<Element> children(Element e, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && localName.equals(ce.getLocalName())) {
                out.add(ce);
            }
        }
        return out;
    }

    private static List<Element> descendants(Element e, String localName) {
        NodeList list = e.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0, n = list.getLength(); i < n; i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
