package org.cstopo.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cstopo.model.IpAddress;
import org.cstopo.model.Topology;

/**
 * The rules for the values a change carries, in one place for every way a change arrives: a
 * changes file (xsd/changes.xsd states the same rules as patterns; these run first, for the
 * message), a PowerShell runbook and the command line. A change is seen as the changes file writes
 * it: an element name and its attributes ({@link Change#element()}, {@link Change#attributes()}).
 * Each input words a {@link Problem} in its own terms ({@link Spelling}) and exits with its own code.
 */
public final class ChangeValues {
    private ChangeValues() {
    }

    /** What a value must be. */
    public enum Kind {
        /** RFC 1123 host name labels, as Lync's planning guide asks: letters, digits, hyphens. */
        FQDN("a fully qualified domain name", "trustedpool.sip.com"),
        /** New-CsTrustedApplication -ApplicationId, alone or after urn:application:. */
        APPLICATION_ID("an application id", "imptrustedapp.sip.com"),
        /** Remove-CsTrustedApplication -Identity: pool.fqdn/id. */
        APPLICATION_IDENTITY("pool.fqdn/application-id", "trustedpool.sip.com/imptrustedapp.sip.com"),
        /** An IPv4 or IPv6 literal, without a zone id. */
        ADDRESS("an IPv4 or IPv6 address", "10.10.1.11"),
        PORT("a port number from 1 to 65535", "5061"),
        PORT_COUNT("a number of ports from 1 to 65535", "1000"),
        /** A SiteId (Get-CsSite) or a site name, optionally after site:. */
        SITE("a SiteId or a site name", "1"),
        /** A registrar pool FQDN or service id, optionally after Registrar: (the topology says whether it exists). */
        REGISTRAR("a registrar pool FQDN or service id", "lyncserver.synergy.com");

        public final String what;
        public final String example;

        Kind(String what, String example) {
            this.what = what;
            this.example = example;
        }

        /** Why {@code value} is not one ("" when {@link #what} says it all), or null when it is. */
        public String problem(String value) {
            if (value == null || value.isEmpty()) {
                return "it is empty";
            }
            return switch (this) {
                case FQDN -> fqdnProblem(value);
                case APPLICATION_ID -> applicationIdProblem(value);
                case APPLICATION_IDENTITY -> applicationIdentityProblem(value);
                case ADDRESS -> addressProblem(value);
                case PORT, PORT_COUNT -> numberProblem(value);
                case SITE -> siteProblem(value);
                case REGISTRAR -> registrarProblem(value);
            };
        }
    }

    /** How an input names an attribute and writes a value, for messages in its own terms. */
    public interface Spelling {
        /** "Identity" in a changes file, "-Identity" in a runbook, the option as typed on the command line. */
        String name(String attribute);

        /** A good value as this input writes it: {@code Identity="x"}, {@code -Identity x}. */
        String example(String attribute, String value);
    }

    /** What is wrong with one attribute of a change; {@code attribute} is where to point. */
    public record Problem(String attribute, Function<Spelling, String> text) {
        public String message(Spelling spelling) {
            return text.apply(spelling);
        }
    }

    /** The attributes whose values follow a rule, per element of xsd/changes.xsd. */
    private static final Map<String, Map<String, Kind>> KINDS = Map.of(
            "NewTrustedApplicationPool", kinds("Identity", Kind.FQDN, "Registrar", Kind.REGISTRAR, "Site", Kind.SITE,
                    "ComputerFqdn", Kind.FQDN, "AudioPortStart", Kind.PORT, "AudioPortCount", Kind.PORT_COUNT,
                    "VideoPortStart", Kind.PORT, "VideoPortCount", Kind.PORT_COUNT, "AppSharingPortStart", Kind.PORT,
                    "AppSharingPortCount", Kind.PORT_COUNT),
            "NewTrustedApplicationComputer", kinds("Identity", Kind.FQDN, "Pool", Kind.FQDN),
            "NewTrustedApplication", kinds("ApplicationId", Kind.APPLICATION_ID, "TrustedApplicationPoolFqdn", Kind.FQDN,
                    "Port", Kind.PORT),
            "SetIPAddress", kinds("Computer", Kind.FQDN, "IPAddress", Kind.ADDRESS),
            "SetTrustedApplicationPool", kinds("Identity", Kind.FQDN, "Registrar", Kind.REGISTRAR),
            "RemoveTrustedApplicationPool", kinds("Identity", Kind.FQDN),
            "RemoveTrustedApplicationComputer", kinds("Identity", Kind.FQDN),
            "RemoveTrustedApplication", kinds("Identity", Kind.APPLICATION_IDENTITY, "ApplicationId", Kind.APPLICATION_ID,
                    "TrustedApplicationPoolFqdn", Kind.FQDN));

    /** The settings Set-CsTrustedApplicationPool changes; one at least must be given. */
    private static final List<String> POOL_SETTINGS = List.of("Registrar", "TreatAsAuthenticated", "ThrottleAsServer",
            "RequiresReplication", "OutboundOnly");

    private static final String[][] MEDIA_RANGES = {{"AudioPortStart", "AudioPortCount"}, {"VideoPortStart", "VideoPortCount"},
        {"AppSharingPortStart", "AppSharingPortCount"}};

    private static Map<String, Kind> kinds(Object... pairs) {
        Map<String, Kind> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return out;
    }

    /** The rule an attribute of an element follows, or null when it has none here (booleans: the schema's). */
    private static Kind kindOf(String element, String attribute) {
        Map<String, Kind> k = KINDS.get(element);
        return k == null ? null : k.get(attribute);
    }

    /** The first problem of a change, or null. */
    public static Problem problem(Change c) {
        return problem(c.element(), c.attributes());
    }

    /** The first problem of an element with these attributes (those given; absent ones are null or missing), or null. */
    public static Problem problem(String element, Map<String, String> attributes) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            Kind kind = kindOf(element, a.getKey());
            if (kind != null && a.getValue() != null) {
                Problem p = valueProblem(a.getKey(), a.getValue(), kind);
                if (p != null) {
                    return p;
                }
            }
        }
        if (element.equals("NewTrustedApplicationPool")) {
            return mediaRangeProblem(attributes);
        }
        if (element.equals("SetTrustedApplicationPool") && POOL_SETTINGS.stream().allMatch(s -> attributes.get(s) == null)) {
            return new Problem("Identity", s -> s.name("Identity") + " " + attributes.get("Identity")
                    + ": nothing to change; give one setting at least: "
                    + POOL_SETTINGS.stream().map(s::name).collect(Collectors.joining(", ")));
        }
        return null;
    }

    /** The problem of one value, or null. */
    public static Problem valueProblem(String attribute, String value, Kind kind) {
        String why = kind.problem(value);
        if (why == null) {
            return null;
        }
        return new Problem(attribute, s -> s.name(attribute) + " '" + value + "' " + isNot(kind, why) + "; e.g. "
                + s.example(attribute, kind.example));
    }

    private static String isNot(Kind kind, String why) {
        return "is not " + kind.what + (why.isEmpty() ? "" : ": " + why);
    }

    /** New-CsTrustedApplicationPool: a range is a start and a count, within the port numbers. */
    private static Problem mediaRangeProblem(Map<String, String> attributes) {
        for (String[] range : MEDIA_RANGES) {
            String start = attributes.get(range[0]);
            String count = attributes.get(range[1]);
            if ((start == null) != (count == null)) {
                String given = start == null ? range[1] : range[0];
                String missing = start == null ? range[0] : range[1];
                return new Problem(given, s -> s.name(given) + " needs " + s.name(missing) + " (a port range is a start and a"
                        + " count): give both or neither");
            }
            if (start != null && number(start) + number(count) - 1 > 65535) {
                return new Problem(range[1], s -> s.name(range[0]) + " " + number(start) + " and " + s.name(range[1]) + " "
                        + number(count) + " run past port 65535: lower one of them");
            }
        }
        return null;
    }

    /**
     * The same computer and interface given twice among these changes: refused, because the second
     * would undo the first on every run, so applying the changes to their own result would change it
     * again. (Two computers given one address are left to validation's ip-address-shared, which
     * --force may overrule.) Returns the later change's problem, or null.
     */
    public static Duplicate duplicate(List<Change> changes) {
        Map<String, Change.SetIPAddress> bySide = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c instanceof Change.SetIPAddress s) {
                String side = Topology.key(s.computer()) + "|" + s.interfaceSide().toLowerCase(Locale.ROOT);
                Change.SetIPAddress earlier = bySide.putIfAbsent(side, s);
                if (earlier != null) {
                    return new Duplicate(earlier, s, s.computer() + " is given twice (" + s.interfaceSide()
                            + " interface): give each computer one address");
                }
            }
        }
        return null;
    }

    /** {@code later} repeats what {@code earlier} declared. */
    public record Duplicate(Change.SetIPAddress earlier, Change.SetIPAddress later, String message) {
    }

    /**
     * {@code cstopo set-ip}'s FQDN=ADDRESS, as typed on the command line or written in a runbook:
     * the change it declares, or the problem (one sentence with an example) when it declares none.
     */
    public record Assignment(Change.SetIPAddress change, String problem) {
        static final String EXAMPLE = "impserver2.sip.com=10.10.1.11";

        public static Assignment parse(String origin, String text, String interfaceSide) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                return new Assignment(null, "'" + text + "' is not FQDN=ADDRESS; e.g. " + EXAMPLE);
            }
            String computer = text.substring(0, eq);
            String address = text.substring(eq + 1);
            String problem = part(text, computer, Kind.FQDN);
            problem = problem != null ? problem : part(text, address, Kind.ADDRESS);
            return problem != null ? new Assignment(null, problem)
                    : new Assignment(new Change.SetIPAddress(origin, computer, address, interfaceSide), null);
        }

        private static String part(String text, String part, Kind kind) {
            String why = kind.problem(part);
            return why == null ? null : "'" + part + "' in '" + text + "' " + isNot(kind, why) + "; e.g. " + EXAMPLE;
        }
    }

    // ---- the rules ---------------------------------------------------------------------------------

    /**
     * RFC 1123 section 2.1 host names, as Lync's planning guide ("DNS requirements for Front End
     * pools") asks of server and pool FQDNs: ASCII letters, digits and hyphens only (no underscores,
     * no Unicode: an internationalised name in its xn-- form), labels of 1 to 63 characters that
     * neither start nor end with a hyphen, 253 characters at most, two labels at least (Lync refuses
     * single-label NetBIOS names), no trailing dot (Get-CsPool never shows one), and a last label with
     * a letter (a top-level domain is alphabetic, so a dotted address is never taken for a name).
     */
    static String fqdnProblem(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!isLetterOrDigit(c) && c != '-' && c != '.') {
                return character(v, i) + " is not allowed: a name holds letters, digits, hyphens and dots only"
                        + (c > 127 && !Character.isISOControl(c) ? " (an internationalised name in its xn-- form)" : "");
            }
        }
        if (v.endsWith(".")) {
            return "it ends with a dot (write it without)";
        }
        if (v.startsWith(".")) {
            return "it starts with a dot";
        }
        if (v.contains("..")) {
            return "two dots with nothing between them";
        }
        String[] labels = v.split("\\.");
        if (labels.length < 2) {
            return "it is a single label (a NetBIOS name, which Lync refuses): add its domain";
        }
        if (v.length() > 253) {
            return "it is " + v.length() + " characters long; a name has 253 at most";
        }
        for (String label : labels) {
            if (label.length() > 63) {
                return "its label '" + label.substring(0, 10) + "...' is " + label.length() + " characters long; a label has 63 at most";
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "its label '" + label + "' " + (label.startsWith("-") ? "starts" : "ends") + " with a hyphen";
            }
        }
        String last = labels[labels.length - 1];
        if (last.chars().noneMatch(ChangeValues::isLetter)) {
            return "its last label '" + last + "' has no letter (a top-level domain is alphabetic; is this an address?)";
        }
        return null;
    }

    /**
     * New-CsTrustedApplication stores the id after urn:application: (Get-CsTrustedApplication shows
     * both forms) and refuses spaces; an id is used in a URN, so cstopo takes the characters real ids
     * use (imptrustedapp.sip.com, OutlookWebApp, Microsoft.Rtc.Applications.Acd): letters, digits,
     * dots, hyphens and underscores.
     */
    static String applicationIdProblem(String v) {
        String bare = Topology.bareId(v);
        if (bare.isEmpty()) {
            return "nothing follows " + Topology.APPLICATION_OWNER_PREFIX;
        }
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c == ':') {
                return "':' is not allowed: write the id alone, or after " + Topology.APPLICATION_OWNER_PREFIX + " in lower case";
            }
            if (!isLetterOrDigit(c) && c != '.' && c != '-' && c != '_') {
                return character(bare, i) + " is not allowed: an application id holds letters, digits, dots, hyphens and"
                        + " underscores only";
            }
        }
        return null;
    }

    /** pool.fqdn/id, as Get-CsTrustedApplication shows an application's Identity. */
    static String applicationIdentityProblem(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return "it has no '/' between the pool FQDN and the application id";
        }
        if (slash == 0) {
            return "no pool FQDN before the '/'";
        }
        String pool = fqdnProblem(v.substring(0, slash));
        if (pool != null) {
            return "its pool FQDN '" + v.substring(0, slash) + "' is not valid: " + pool;
        }
        String id = v.substring(slash + 1);
        if (id.isEmpty()) {
            return "no application id after the '/'";
        }
        String app = applicationIdProblem(id);
        return app == null ? null : "its application id '" + id + "' is not valid: " + app;
    }

    /** A literal address; a zone id (fe80::1%eth0) names an interface of one computer and has no place in a topology. */
    static String addressProblem(String v) {
        int percent = v.indexOf('%');
        if (percent >= 0 && IpAddress.isValid(v)) {
            return "'" + v.substring(percent) + "' is a zone id, which only the computer itself knows: give the address alone ("
                    + v.substring(0, percent) + ")";
        }
        if (IpAddress.isValid(v)) {
            return null;
        }
        return v.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9') ? "IPv4 is four numbers from 0 to 255 without leading zeros" : "";
    }

    /** A whole number from 1 to 65535, written as XML Schema's int is (digits, an optional +, spaces around). */
    static String numberProblem(String v) {
        String t = v.strip();
        String digits = t.startsWith("+") ? t.substring(1) : t;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "it is not a whole number";
        }
        long n = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        return n >= 1 && n <= 65535 ? null : "";
    }

    /** The number an attribute holds, once {@link #numberProblem} accepted it. */
    public static int number(String v) {
        String t = v.strip();
        return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
    }

    /** A SiteId or site name as Get-CsSite shows them: any text without control characters or spaces around it. */
    static String siteProblem(String v) {
        if (v.isBlank()) {
            return "it is blank";
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                return character(v, i) + " is not allowed";
            }
        }
        if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
            return "it begins or ends with a space";
        }
        return null;
    }

    /**
     * -Registrar names a registrar the topology must hold (a pool FQDN or a service id such as
     * 1-Registrar-1, after Registrar: or not); whether it does is the topology's answer (exit 4), so
     * the rule only refuses what names nothing: an empty name, white space or control characters.
     */
    static String registrarProblem(String v) {
        String value = v.regionMatches(true, 0, "Registrar:", 0, 10) ? v.substring(10) : v;
        if (value.isEmpty()) {
            return "nothing follows Registrar:";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
                return character(value, i) + " is not allowed in a pool FQDN or service id";
            }
        }
        return null;
    }

    private static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isLetterOrDigit(int c) {
        return isLetter(c) || c >= '0' && c <= '9';
    }

    /** A character of a value, named so the reader sees it: a space, a control character by its code. */
    private static String character(String v, int i) {
        int c = v.codePointAt(i);
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
            return String.format("the character U+%04X", c);
        }
        return c == '_' ? "an underscore" : "'" + new String(Character.toChars(c)) + "'";
    }

    /** Attribute maps keep the order given and leave out what is null. */
    static Map<String, String> attributes(Object... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], String.valueOf(pairs[i + 1]));
            }
        }
        return out;
    }
}
