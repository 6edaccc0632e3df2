package org.cstopo.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One difference in topology terms, e.g. "machine impserver2.sip.com: IPAddress 0.0.0.0 -> 10.10.1.11".
 * {@code pool} and {@code machine} name what it concerns (null when it concerns neither), so callers can
 * check that a write touched only what was asked. {@code xpath} is the element the item is about (the
 * Machine of a machine, the Port of an application, the attribute of an attribute change), in the new
 * topology, or in the old one for what was removed.
 */
public record Difference(Kind kind, String pool, String machine, String text, String xpath) {

    public enum Kind {
        POOL_ADDED, POOL_REMOVED, MACHINE_ADDED, MACHINE_REMOVED, SERVICE_ADDED, SERVICE_REMOVED,
        APPLICATION_ADDED, APPLICATION_REMOVED, ADDRESS_CHANGED, ATTRIBUTE_CHANGED, ELEMENT_ADDED, ELEMENT_REMOVED,
        TEXT_CHANGED, OTHER
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        m.put("pool", pool);
        m.put("machine", machine);
        m.put("text", text);
        m.put("xpath", xpath);
        return m;
    }
}
