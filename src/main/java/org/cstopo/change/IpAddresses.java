package org.cstopo.change;

/**
 * Syntax of IP addresses as a topology stores them. Pure syntax: never a DNS lookup (unlike
 * InetAddress.getByName, which resolves anything that is not a literal).
 */
public final class IpAddresses {
    public static final String UNASSIGNED = "0.0.0.0";

    private IpAddresses() {
    }

    public static boolean isValid(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    public static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIpv6(String s) {
        if (s.indexOf(':') < 0) {
            return false;
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        int groups;
        if (dc < 0) {
            groups = groups(s, true);
            return groups == 8;
        }
        String left = s.substring(0, dc);
        String right = s.substring(dc + 2);
        int l = left.isEmpty() ? 0 : groups(left, false);
        int r = right.isEmpty() ? 0 : groups(right, true);
        return l >= 0 && r >= 0 && l + r <= 7;
    }

    /** Counts the 16-bit groups of a colon-separated run (an IPv4 tail counts as two); -1 when malformed. */
    private static int groups(String run, boolean mayEndInIpv4) {
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String g = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && g.indexOf('.') >= 0) {
                if (!isIpv4(g)) {
                    return -1;
                }
                count += 2;
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return -1;
            }
            for (int k = 0; k < g.length(); k++) {
                if (Character.digit(g.charAt(k), 16) < 0) {
                    return -1;
                }
            }
            count++;
        }
        return count;
    }
}
