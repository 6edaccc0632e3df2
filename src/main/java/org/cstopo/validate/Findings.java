package org.cstopo.validate;

import java.util.ArrayList;
import java.util.List;
import org.cstopo.io.LineIndex;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;

/** Collects findings for one topology; turns model objects into positions and into names an engineer knows. */
final class Findings {
    private final Topology topology;
    private final String file;
    private final Fixes fixes;
    private final List<Finding> list = new ArrayList<>();

    /** {@code file} names the topology in findings; {@code fixes} words the commands they suggest. */
    Findings(Topology topology, String file, Fixes fixes) {
        this.topology = topology;
        this.file = file;
        this.fixes = fixes;
    }

    Topology topology() {
        return topology;
    }

    Fixes fixes() {
        return fixes;
    }

    /** A finding at the start tag of {@code at}: a source element, or the element a model object was bound from. */
    void add(Rule rule, Object at, String object, String message, String fix) {
        SourceElement e = at instanceof SourceElement element ? element : topology.sourceOf(at);
        LineIndex lines = topology.source().lines();
        int line = e == null ? 0 : lines.line(e.start());
        int column = e == null ? 0 : lines.column(e.start());
        add(rule, line, column, object, message, fix);
    }

    void add(Rule rule, int line, int column, String object, String message, String fix) {
        list.add(new Finding(rule.severity(), rule.id(), file, line, column, object, message, fix));
    }

    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Finding.BY_POSITION);
        return out;
    }

    /** "line N" of a model object, for messages that point at a second element in the same file. */
    String lineOf(Object modelObject) {
        SourceElement e = topology.sourceOf(modelObject);
        return e == null ? "elsewhere" : "line " + topology.source().lines().line(e.start());
    }

    /** False when an id lacks a part: attribute-missing reports that, so the other checks skip it. */
    static boolean complete(ClusterRef ref) {
        return ref != null && ref.siteId() != null && ref.number() != null;
    }

    static boolean complete(ServiceRef ref) {
        return ref != null && ref.siteId() != null && ref.roleName() != null && ref.instance() != null;
    }

    static String pool(Cluster c) {
        return "pool " + text(c.getFqdn());
    }

    static String machine(Cluster c, Machine m) {
        return pool(c) + ", machine " + text(m.getFqdn());
    }

    static String service(Service s) {
        return "service " + serviceId(s);
    }

    static String serviceId(Service s) {
        return s.getServiceId() == null ? "(no ServiceId)" : ServiceRef.of(s.getServiceId()).toString();
    }

    static String text(String value) {
        return value == null ? "(none)" : value;
    }
}
