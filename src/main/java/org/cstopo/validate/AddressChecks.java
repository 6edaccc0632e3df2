package org.cstopo.validate;

import java.util.HashMap;
import java.util.Map;
import org.cstopo.model.IpAddress;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;

/** Addresses are well formed, and no two machines share a real one (0.0.0.0 and :: are never "shared"). */
final class AddressChecks {
    private AddressChecks() {
    }

    static void run(Findings out) {
        Topology t = out.topology();
        Map<String, Machine> owners = new HashMap<>();
        for (Cluster c : t.clusters()) {
            for (Machine m : c.getMachine()) {
                for (NetInterface n : m.getNetInterface()) {
                    String address = checked(out, c, m, n, "IPAddress", n.getIPAddress());
                    checked(out, c, m, n, "ConfiguredIPAddress", n.getConfiguredIPAddress());
                    if (address == null || IpAddress.isUnspecified(address)) {
                        continue;
                    }
                    Machine first = UniquenessChecks.firstOwner(owners, address, m);
                    if (first != null && first != m) {
                        out.add(Rule.IP_ADDRESS_SHARED, n, Findings.machine(c, m),
                                n.getIPAddress() + " is also the address of " + Findings.machine(t.clusterOf(first), first)
                                        + " (" + out.lineOf(first) + ")",
                                "give each machine its own address (" + out.fixes().setAddress(Findings.text(m.getFqdn()))
                                        + "), or 0.0.0.0 to use all addresses");
                    }
                }
            }
        }
    }

    /** The canonical address, or null after reporting a malformed one (or when the attribute is absent). */
    private static String checked(Findings out, Cluster c, Machine m, NetInterface n, String attribute, String value) {
        if (value == null) {
            return null;
        }
        String canonical = IpAddress.canonical(value);
        if (canonical == null) {
            out.add(Rule.IP_ADDRESS_INVALID, n, Findings.machine(c, m),
                    attribute + " '" + value + "' of interface " + Findings.text(n.getInterfaceSide()) + " "
                            + Findings.text(n.getInterfaceNumber()) + " is not an IPv4 or IPv6 address",
                    "write the address as a dotted quad (10.10.1.10) or in IPv6 notation, or 0.0.0.0 for all addresses");
        }
        return canonical;
    }
}
