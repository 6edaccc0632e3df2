package org.cstopo.model;

import java.util.ArrayList;
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
