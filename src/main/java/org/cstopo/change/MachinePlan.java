package org.cstopo.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.model.IpAddress;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;

/** A computer of a planned pool, with the address changes planned for it. */
final class MachinePlan {
    final String fqdn;
    final Machine existing;
    final PoolPlan pool;
    final int ordinal;
    boolean removed;
    boolean addedNow;
    final Map<String, String> newAddresses = new LinkedHashMap<>();

    MachinePlan(String fqdn, Machine existing, PoolPlan pool, int ordinal) {
        this.fqdn = fqdn;
        this.existing = existing;
        this.pool = pool;
        this.ordinal = ordinal;
    }

    boolean isNew() {
        return existing == null;
    }

    /** The current address of an interface side, or null when the machine has no such interface. */
    String address(String side) {
        if (newAddresses.containsKey(side)) {
            return newAddresses.get(side);
        }
        if (existing == null) {
            String known = newSide(side);
            return known == null ? null : newAddresses.getOrDefault(known, IpAddress.UNSPECIFIED_V4);
        }
        NetInterface n = netInterface(side);
        return n == null ? null : n.getIPAddress();
    }

    NetInterface netInterface(String side) {
        for (NetInterface n : existing.getNetInterface()) {
            if (side.equalsIgnoreCase(n.getInterfaceSide())) {
                return n;
            }
        }
        return null;
    }

    /** A new computer's interface side as its template spells it, or null when it has no such side. */
    String newSide(String side) {
        return sides().stream().filter(side::equalsIgnoreCase).findFirst().orElse(null);
    }

    List<String> sides() {
        if (existing == null) {
            return TrustedPoolShape.sides(pool.template());
        }
        return existing.getNetInterface().stream().map(NetInterface::getInterfaceSide).toList();
    }
}
