package org.cstopo.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cmdlets that change the topology and their parameters, as Microsoft's cmdlet reference
 * (learn.microsoft.com/powershell/module/skype, "New-CsTrustedApplicationPool" and siblings,
 * checked 2026-11) lists them: names, which take a value, which are switches, and the common
 * parameters every cmdlet has. The full list matters even where cstopo ignores a parameter,
 * because PowerShell accepts a prefix of a parameter name only when no other parameter of the
 * cmdlet shares it ({@code -Re} is ambiguous between -Registrar and -RequiresReplication).
 * {@link RunbookReader} reads with this table and {@code runbook} writes with its names.
 */
public final class TopologyCmdlets {
    public static final String NEW_POOL = "New-CsTrustedApplicationPool";
    public static final String SET_POOL = "Set-CsTrustedApplicationPool";
    public static final String REMOVE_POOL = "Remove-CsTrustedApplicationPool";
    public static final String NEW_COMPUTER = "New-CsTrustedApplicationComputer";
    public static final String REMOVE_COMPUTER = "Remove-CsTrustedApplicationComputer";
    public static final String NEW_APPLICATION = "New-CsTrustedApplication";
    public static final String REMOVE_APPLICATION = "Remove-CsTrustedApplication";
    /** Changes an application's port; cstopo has no change for it. */
    public static final String SET_APPLICATION = "Set-CsTrustedApplication";

    public static final String IDENTITY = "Identity";
    public static final String REGISTRAR = "Registrar";
    public static final String SITE = "Site";
    public static final String COMPUTER_FQDN = "ComputerFqdn";
    public static final String TREAT_AS_AUTHENTICATED = "TreatAsAuthenticated";
    public static final String THROTTLE_AS_SERVER = "ThrottleAsServer";
    public static final String REQUIRES_REPLICATION = "RequiresReplication";
    public static final String OUTBOUND_ONLY = "OutboundOnly";
    public static final String AUDIO_PORT_START = "AudioPortStart";
    public static final String AUDIO_PORT_COUNT = "AudioPortCount";
    public static final String VIDEO_PORT_START = "VideoPortStart";
    public static final String VIDEO_PORT_COUNT = "VideoPortCount";
    public static final String APP_SHARING_PORT_START = "AppSharingPortStart";
    public static final String APP_SHARING_PORT_COUNT = "AppSharingPortCount";
    public static final String POOL = "Pool";
    public static final String APPLICATION_ID = "ApplicationId";
    public static final String TRUSTED_APPLICATION_POOL_FQDN = "TrustedApplicationPoolFqdn";
    public static final String PORT = "Port";
    public static final String ENABLE_TCP = "EnableTcp";

    /** Any of the cmdlets above as a word in code, to find them where cstopo cannot read them. */
    static final Pattern ANY_NAME = Pattern.compile(
            "(?i)(?<![\\w$-])(?:[\\w.]+\\\\)?(?:New|Set|Remove)-CsTrustedApplication(?:Pool|Computer)?(?![\\w-])");

    /** What a parameter takes, and what cstopo does with it. */
    enum Type {
        /** a fully qualified domain name */
        FQDN,
        /** any literal text */
        TEXT,
        /** $true/$false (or 1/0), as [Boolean] parameters take them */
        BOOLEAN,
        /** present or not; -Name:$false turns it off */
        SWITCH,
        /** a port number, 1-65535 */
        PORT,
        /** a number of ports, 1-65535 */
        COUNT,
        /** a switch that changes no topology (-Force, -Confirm, -Verbose, -Debug) */
        NO_EFFECT_SWITCH,
        /** a parameter with a value that changes no topology (-ErrorAction Stop, -OutVariable x) */
        NO_EFFECT_VALUE,
        /** -WhatIf: the cmdlet would change nothing */
        WHAT_IF,
        /** a real parameter cstopo has no change for */
        UNSUPPORTED
    }

    /** {@code note} says why an UNSUPPORTED parameter is not read. */
    record Parameter(String name, Type type, String alias, String note) {
        boolean named(String text) {
            return name.equalsIgnoreCase(text) || (alias != null && alias.equalsIgnoreCase(text));
        }
    }

    record Cmdlet(String name, List<Parameter> parameters) {
        boolean has(String parameter) {
            return parameters.stream().anyMatch(p -> p.name().equals(parameter));
        }
    }

    private static final String MEDIA_PORTS_ON_CREATE =
            "cstopo sets media port ranges only when it creates the pool (New-CsTrustedApplicationPool)";

    private static final Map<String, Cmdlet> BY_NAME = new LinkedHashMap<>();

    static {
        add(NEW_POOL, p(IDENTITY, Type.FQDN), p(APP_SHARING_PORT_COUNT, Type.COUNT), p(APP_SHARING_PORT_START, Type.PORT),
                p(AUDIO_PORT_COUNT, Type.COUNT), p(AUDIO_PORT_START, Type.PORT), p(COMPUTER_FQDN, Type.FQDN),
                p(OUTBOUND_ONLY, Type.BOOLEAN), p(REGISTRAR, Type.TEXT), p(REQUIRES_REPLICATION, Type.BOOLEAN),
                p(SITE, Type.TEXT), p(THROTTLE_AS_SERVER, Type.BOOLEAN), p(TREAT_AS_AUTHENTICATED, Type.BOOLEAN),
                p(VIDEO_PORT_COUNT, Type.COUNT), p(VIDEO_PORT_START, Type.PORT));
        add(SET_POOL, p(IDENTITY, Type.FQDN), unsupported(APP_SHARING_PORT_COUNT, MEDIA_PORTS_ON_CREATE),
                unsupported(APP_SHARING_PORT_START, MEDIA_PORTS_ON_CREATE), unsupported(AUDIO_PORT_COUNT, MEDIA_PORTS_ON_CREATE),
                unsupported(AUDIO_PORT_START, MEDIA_PORTS_ON_CREATE), p(OUTBOUND_ONLY, Type.BOOLEAN), p(REGISTRAR, Type.TEXT),
                p(REQUIRES_REPLICATION, Type.BOOLEAN), p(THROTTLE_AS_SERVER, Type.BOOLEAN),
                p(TREAT_AS_AUTHENTICATED, Type.BOOLEAN), unsupported(VIDEO_PORT_COUNT, MEDIA_PORTS_ON_CREATE),
                unsupported(VIDEO_PORT_START, MEDIA_PORTS_ON_CREATE));
        add(REMOVE_POOL, p(IDENTITY, Type.FQDN));
        add(NEW_COMPUTER, p(IDENTITY, Type.FQDN), p(POOL, Type.FQDN));
        add(REMOVE_COMPUTER, p(IDENTITY, Type.FQDN));
        add(NEW_APPLICATION, p(IDENTITY, Type.TEXT), p(APPLICATION_ID, Type.TEXT), p(PORT, Type.PORT),
                p(TRUSTED_APPLICATION_POOL_FQDN, Type.FQDN), p(ENABLE_TCP, Type.SWITCH),
                unsupported("LegacyApplicationName", "cstopo does not write a legacy application name (the GRUU type of an"
                        + " Office Communications Server 2007 R2 application)"));
        add(REMOVE_APPLICATION, p(IDENTITY, Type.TEXT));
        add(SET_APPLICATION, p(IDENTITY, Type.TEXT), p(PORT, Type.PORT));
    }

    private TopologyCmdlets() {
    }

    /** The cmdlet with this name (case ignored), or null when it changes no topology. */
    static Cmdlet find(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Why a parameter that every topology cmdlet takes (-Force, -WhatIf, -Verbose, -ErrorAction and
     * the other common parameters, by name or alias) is no option of cstopo's, or null when
     * {@code name} (written with its dash) is none of them: what a cmdlet line pasted on cstopo's
     * command line may carry.
     */
    public static String commonParameter(String name) {
        if (!name.startsWith("-") || name.startsWith("--")) {
            return null;
        }
        for (Parameter p : BY_NAME.get(NEW_POOL.toLowerCase(Locale.ROOT)).parameters()) {
            if (!p.named(name.substring(1))) {
                continue;
            }
            return switch (p.type()) {
                case WHAT_IF -> "a PowerShell parameter that makes the cmdlet change nothing: to see what cstopo would change,"
                        + " use --diff or --check instead";
                case NO_EFFECT_SWITCH -> p.name().equals("Force")
                        ? "a PowerShell parameter that only skips the cmdlet's confirmation prompt: leave it out (cstopo's"
                            + " --force is another thing: it writes a result that fails validation)"
                        : "a PowerShell common parameter, which changes no topology: leave it out";
                case NO_EFFECT_VALUE -> "a PowerShell common parameter, which changes no topology: leave it out, with its value";
                default -> null;
            };
        }
        return null;
    }

    private static void add(String name, Parameter... own) {
        List<Parameter> all = new ArrayList<>(List.of(own));
        // Every one of these cmdlets has -Force, -WhatIf, -Confirm and the common parameters.
        all.add(p("Force", Type.NO_EFFECT_SWITCH));
        all.add(new Parameter("WhatIf", Type.WHAT_IF, "wi", null));
        all.add(new Parameter("Confirm", Type.NO_EFFECT_SWITCH, "cf", null));
        all.add(new Parameter("Verbose", Type.NO_EFFECT_SWITCH, "vb", null));
        all.add(new Parameter("Debug", Type.NO_EFFECT_SWITCH, "db", null));
        all.add(new Parameter("ErrorAction", Type.NO_EFFECT_VALUE, "ea", null));
        all.add(new Parameter("WarningAction", Type.NO_EFFECT_VALUE, "wa", null));
        all.add(new Parameter("InformationAction", Type.NO_EFFECT_VALUE, "infa", null));
        all.add(new Parameter("ErrorVariable", Type.NO_EFFECT_VALUE, "ev", null));
        all.add(new Parameter("WarningVariable", Type.NO_EFFECT_VALUE, "wv", null));
        all.add(new Parameter("InformationVariable", Type.NO_EFFECT_VALUE, "iv", null));
        all.add(new Parameter("OutVariable", Type.NO_EFFECT_VALUE, "ov", null));
        all.add(new Parameter("OutBuffer", Type.NO_EFFECT_VALUE, "ob", null));
        all.add(new Parameter("PipelineVariable", Type.NO_EFFECT_VALUE, "pv", null));
        BY_NAME.put(name.toLowerCase(Locale.ROOT), new Cmdlet(name, List.copyOf(all)));
    }

    private static Parameter p(String name, Type type) {
        return new Parameter(name, type, null, null);
    }

    private static Parameter unsupported(String name, String note) {
        return new Parameter(name, Type.UNSUPPORTED, null, note);
    }
}
