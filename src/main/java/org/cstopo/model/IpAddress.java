package org.cstopo.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IPv4 and IPv6 syntax, checked by hand: InetAddress.getByName would resolve anything that is not
 * an address through DNS. {@link #canonical} gives one spelling per address, so "fe80::1" and
 * "FE80:0:0:0:0:0:0:1" compare equal.
 */
public final class IpAddress {
    /** What Lync writes for "all addresses / not pinned"; the Cisco procedure replaces it with the real address. */
    public static final String UNSPECIFIED_V4 = "0.0.0.0";
    public static final String UNSPECIFIED_V6 = "0:0:0:0:0:0:0:0";

    private IpAddress() {
    }

    /** The canonical form of an address, or null when the text is not one. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /** True for a well-formed IPv4 or IPv6 address. */
    public static boolean isValid(String text) {
        return canonical(text) != null;
    }

    /** 0.0.0.0 or ::, "all addresses / not pinned". */
    public static boolean isUnspecified(String canonical) {
        return UNSPECIFIED_V4.equals(canonical) || UNSPECIFIED_V6.equals(canonical);
    }

    /**
     * True for an address that cannot be reached from the Internet: private (RFC 1918), shared
     * (RFC 6598, carrier-grade NAT), loopback, link-local, IPv6 unique local (fc00::/7) and
     * link-local (fe80::/10), and IPv4-mapped forms of those. Takes a canonical address; false for
     * null, for unspecified addresses and for documentation ranges (they stand for public ones).
     */
    public static boolean isNonPublic(String canonical) {
        if (canonical == null || isUnspecified(canonical)) {
            return false;
        }
        if (canonical.indexOf(':') < 0) {
            String[] b = canonical.split("\\.");
            int a = Integer.parseInt(b[0]);
            int second = Integer.parseInt(b[1]);
            return a == 10 || a == 127 || a == 172 && second >= 16 && second <= 31 || a == 192 && second == 168
                    || a == 169 && second == 254 || a == 100 && second >= 64 && second <= 127;
        }
        String[] g = canonical.replaceFirst("%.*$", "").split(":");
        if (g.length == 8 && "0:0:0:0:0:ffff".equals(String.join(":", Arrays.copyOf(g, 6)))) {
            int hi = Integer.parseInt(g[6], 16);
            int lo = Integer.parseInt(g[7], 16);
            return isNonPublic((hi >> 8) + "." + (hi & 255) + "." + (lo >> 8) + "." + (lo & 255));
        }
        int first = Integer.parseInt(g[0], 16);
        return "0:0:0:0:0:0:0:1".equals(String.join(":", g)) || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80;
    }

    private static String ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            // A leading zero reads as octal to some parsers: refused, so an address has one spelling.
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
                    || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            sb.append(sb.length() == 0 ? "" : ".").append(v);
        }
        return sb.toString();
    }

    private static String ipv6(String text) {
        String zone = "";
        int percent = text.indexOf('%');
        if (percent >= 0) {
            zone = text.substring(percent);
            text = text.substring(0, percent);
            if (zone.length() < 2 || !zone.substring(1).chars().allMatch(ch -> isHexDigit(ch) || ch >= 'g' && ch <= 'z' || ch >= 'G' && ch <= 'Z')) {
                return null;
            }
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<String> head = groups(gap >= 0 ? text.substring(0, gap) : text);
        List<String> tail = gap >= 0 ? groups(text.substring(gap + 2)) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int count = head.size() + tail.size();
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        List<String> all = new ArrayList<>(head);
        for (int i = count; i < 8; i++) {
            all.add("0");
        }
        all.addAll(tail);
        return String.join(":", all) + zone.toLowerCase(Locale.ROOT);
    }

    /**
     * Hex groups of one side of "::", normalised (no leading zeros, lower case); a trailing dotted
     * quad counts as two groups. Null when malformed.
     */
    private static List<String> groups(String side) {
        List<String> out = new ArrayList<>();
        if (side.isEmpty()) {
            return out;
        }
        String[] parts = side.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                String v4 = ipv4(p);
                if (v4 == null) {
                    return null;
                }
                String[] b = v4.split("\\.");
                out.add(Integer.toHexString(Integer.parseInt(b[0]) << 8 | Integer.parseInt(b[1])));
                out.add(Integer.toHexString(Integer.parseInt(b[2]) << 8 | Integer.parseInt(b[3])));
            } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpAddress::isHexDigit)) {
                return null;
            } else {
                out.add(Integer.toHexString(Integer.parseInt(p, 16)));
            }
        }
        return out;
    }

    private static boolean isHexDigit(int ch) {
        return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F';
    }
}
