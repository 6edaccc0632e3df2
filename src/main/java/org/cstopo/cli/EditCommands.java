package org.cstopo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeValues;
import org.cstopo.change.ChangesFile;
import org.cstopo.powershell.OutsideStatement;
import org.cstopo.powershell.TopologyCmdlets;
import org.cstopo.validate.Fixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One-off edits as command flags, named like the cmdlets' parameters (both --kebab-case and the
 * PowerShell spelling, e.g. --identity / -Identity). Each builds the same {@link Change} a changes
 * file would, checks its values by the changes file's rules ({@link ChangeValues}; a bad one is a
 * usage error, exit 2, naming the option as typed) and runs it through {@link ChangeRun}.
 */
final class EditCommands {
    private EditCommands() {
    }

    static final String ORIGIN = "command line";

    /** Shared parts: the topology argument, edit options, and access to the root command. */
    abstract static class Edit implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
        Path topology;

        @Mixin
        EditOptions edit;

        @Spec
        CommandSpec spec;

        abstract List<Change> changes();

        /** The files the command reads besides the topology, by what they are; none by default. */
        Map<String, Path> otherInputs() {
            return Map.of();
        }

        /** Statements of a runbook that change no topology, to list for the user; none by default. */
        List<OutsideStatement> outsideTopology() {
            return List.of();
        }

        /** How fixes name the changes to add when the result is in no file; see {@link ResultFixes}. */
        Fixes resultFixes(List<Change> changes) {
            return ResultFixes.commandLine(topology, changes);
        }

        /** True when the changes are this command's own arguments, checked before anything is read; not for apply's file. */
        boolean changesAreArguments() {
            return true;
        }

        @Override
        public Integer call() {
            EditReport report = new EditReport(topology, edit, spec);
            List<Change> declared = changesAreArguments() ? checked(changes()) : null;
            edit.output.check(edit.writes(), topology, edit.force, otherInputs());
            List<Change> changes = declared != null ? declared : changes();
            outsideTopology().forEach(report::outside);
            return ChangeRun.run(report, changes, resultFixes(changes));
        }

        /** The changes, refused with a usage error when a value breaks its rule, as xsd/changes.xsd would refuse it. */
        private List<Change> checked(List<Change> changes) {
            for (Change c : changes) {
                ChangeValues.Problem problem = ChangeValues.problem(c);
                if (problem != null) {
                    throw usage(problem.message(spelling()));
                }
            }
            return changes;
        }

        ParameterException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }

        /** A value checked by its attribute's rule before use: a number option's, or -Identity pool.fqdn/id. */
        String valid(String attribute, String value, ChangeValues.Kind kind) {
            ChangeValues.Problem problem = value == null ? null : ChangeValues.valueProblem(attribute, value, kind);
            if (problem != null) {
                throw usage(problem.message(spelling()));
            }
            return value;
        }

        Integer number(String attribute, String value, ChangeValues.Kind kind) {
            return value == null ? null : ChangeValues.number(valid(attribute, value, kind));
        }

        /**
         * Attributes named as the user typed their options; one not typed (a setting to give), in the
         * style the user writes this command's options: -Registrar after -Identity, --registrar after --identity.
         */
        ChangeValues.Spelling spelling() {
            TypedArguments typed = ((Main) spec.root().userObject()).typed;
            boolean powerShell = typed.powerShellStyle(spec);
            return new ChangeValues.Spelling() {
                @Override
                public String name(String attribute) {
                    OptionSpec option = spec.options().stream()
                            .filter(o -> List.of(o.names()).stream().anyMatch(n -> n.equalsIgnoreCase("-" + attribute)))
                            .findFirst().orElse(null);
                    if (option == null) {
                        return attribute;
                    }
                    String name = typed.typed(option);
                    if (name != null) {
                        return name;
                    }
                    return List.of(option.names()).stream().filter(n -> n.startsWith("--") != powerShell).findFirst()
                            .orElse(option.longestName());
                }

                @Override
                public String example(String attribute, String value) {
                    return name(attribute) + " " + value;
                }
            };
        }
    }

    /**
     * A one-off edit that is one cmdlet: the cmdlet's name may stand after TOPOLOGY, so that a whole
     * cmdlet line pasted after {@code cstopo trusted-pool add TOPOLOGY} works.
     */
    abstract static class CmdletEdit extends Edit {
        @Parameters(index = "1", arity = "0..1", paramLabel = "CMDLET",
                description = "The cmdlet's name, optional: lets a pasted cmdlet line run as it is.")
        String cmdlet;

        abstract String cmdletName();

        @Override
        public Integer call() {
            if (cmdlet != null && !cmdlet.equalsIgnoreCase(cmdletName())) {
                throw usage("'" + cmdlet + "' is not " + cmdletName() + ", the cmdlet of '" + spec.qualifiedName() + "'");
            }
            return super.call();
        }
    }

    @Command(name = "set-ip", mixinStandardHelpOptions = true,
            description = "Set computers' IP addresses (e.g. replace 0.0.0.0 with the real address): FQDN=ADDRESS ...")
    static final class SetIp extends Edit {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FQDN=ADDRESS",
                description = "A computer's FQDN and its address, IPv4 or IPv6 without a zone id (0.0.0.0: not pinned),"
                        + " e.g. impserver2.sip.com=10.10.1.11; each computer once, each address for one computer.")
        List<String> assignments;

        @Option(names = {"--interface-side", "-InterfaceSide"}, defaultValue = "Primary", paramLabel = "SIDE",
                description = "Interface to change: Primary, External, Internal or Pstn. Default: ${DEFAULT-VALUE}.")
        String side;

        @Override
        List<Change> changes() {
            List<Change> out = new ArrayList<>();
            Map<Change, String> typed = new IdentityHashMap<>();
            for (String a : assignments) {
                ChangeValues.Assignment assignment = ChangeValues.Assignment.parse(ORIGIN, a, side);
                if (assignment.change() == null) {
                    throw usage(assignment.problem());
                }
                out.add(assignment.change());
                typed.put(assignment.change(), a);
            }
            ChangeValues.Duplicate d = ChangeValues.duplicate(out);
            if (d != null) {
                throw usage("'" + typed.get(d.later()) + "': " + d.message() + " (the other is '" + typed.get(d.earlier()) + "')");
            }
            return out;
        }
    }

    @Command(name = "trusted-pool", mixinStandardHelpOptions = true,
            description = "Add, change or remove a trusted application pool (New-/Set-/Remove-CsTrustedApplicationPool).",
            subcommands = {PoolAdd.class, PoolSet.class, PoolRemove.class})
    static final class Pool {
    }

    /** Where an option mirrors a cmdlet parameter, its default is the cmdlet's (Microsoft's cmdlet reference). */
    private static final String CMDLET_DEFAULT = " Default: ${DEFAULT-VALUE}, the cmdlet's.";
    private static final String UNCHANGED = " Default: unchanged.";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "New-CsTrustedApplicationPool: a trusted application pool with its first computer (or the"
                    + " ExternalServer service on an existing pool).")
    static final class PoolAdd extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.NEW_POOL;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN",
                description = "The pool's FQDN: letters, digits and hyphens in labels of 1-63 characters, two labels at least.")
        String identity;
        @Option(names = {"--registrar", "-Registrar"}, required = true, paramLabel = "POOL|ID",
                description = "The pool's registrar (next hop): a Front End pool's FQDN, Registrar:pool.fqdn, or a service id"
                        + " (1-Registrar-1). Required here, though not by the cmdlet: a pool without one can host no endpoint"
                        + " and cannot be removed.")
        String registrar;
        @Option(names = {"--site", "-Site"}, paramLabel = "SITE",
                description = "SiteId (Get-CsSite) or site name. Needed when the pool does not exist yet; an existing pool"
                        + " keeps its site. Default: none.")
        String site;
        @Option(names = {"--computer-fqdn", "-ComputerFqdn"}, paramLabel = "FQDN",
                description = "The pool's first computer. Default: the pool's FQDN, as the cmdlet's; give another to add"
                        + " more computers later.")
        String computerFqdn;
        @Option(names = {"--treat-as-authenticated", "-TreatAsAuthenticated"}, arity = "1", defaultValue = "true", paramLabel = "BOOL",
                description = "Take the applications' connections as already authenticated." + CMDLET_DEFAULT)
        boolean treatAsAuthenticated;
        @Option(names = {"--throttle-as-server", "-ThrottleAsServer"}, arity = "1", defaultValue = "true", paramLabel = "BOOL",
                description = "Throttle the connections as between servers (false: as clients, more restricted)." + CMDLET_DEFAULT)
        boolean throttleAsServer;
        @Option(names = {"--requires-replication", "-RequiresReplication"}, arity = "1", defaultValue = "true", paramLabel = "BOOL",
                description = "Replicate the configuration to the pool's computers (false for Outlook Web App and other"
                        + " manually provisioned applications)." + CMDLET_DEFAULT)
        boolean requiresReplication;
        @Option(names = {"--outbound-only", "-OutboundOnly"}, arity = "1", defaultValue = "false", paramLabel = "BOOL",
                description = "Only the servers open connections, never the applications." + CMDLET_DEFAULT)
        boolean outboundOnly;
        @Option(names = {"--audio-port-start", "-AudioPortStart"}, paramLabel = "PORT",
                description = "First port of the audio port range, with --audio-port-count. Default: none.")
        String audioStart;
        @Option(names = {"--audio-port-count", "-AudioPortCount"}, paramLabel = "N",
                description = "Number of ports in the audio range (1-65535). Default: none (the cmdlet's 0: no range).")
        String audioCount;
        @Option(names = {"--video-port-start", "-VideoPortStart"}, paramLabel = "PORT",
                description = "First port of the video port range, with --video-port-count. Default: none.")
        String videoStart;
        @Option(names = {"--video-port-count", "-VideoPortCount"}, paramLabel = "N",
                description = "Number of ports in the video range (1-65535). Default: none (the cmdlet's 0: no range).")
        String videoCount;
        @Option(names = {"--app-sharing-port-start", "-AppSharingPortStart"}, paramLabel = "PORT",
                description = "First port of the application sharing port range, with --app-sharing-port-count. Default: none.")
        String appSharingStart;
        @Option(names = {"--app-sharing-port-count", "-AppSharingPortCount"}, paramLabel = "N",
                description = "Number of ports in the application sharing range (1-65535). Default: none (the cmdlet's 0: no range).")
        String appSharingCount;

        @Override
        List<Change> changes() {
            ChangeValues.Kind start = ChangeValues.Kind.PORT;
            ChangeValues.Kind count = ChangeValues.Kind.PORT_COUNT;
            return List.of(new Change.NewTrustedApplicationPool(ORIGIN, identity, registrar, site, computerFqdn,
                    treatAsAuthenticated, throttleAsServer, requiresReplication, outboundOnly,
                    new Change.MediaPorts(number("AudioPortStart", audioStart, start), number("AudioPortCount", audioCount, count),
                            number("VideoPortStart", videoStart, start), number("VideoPortCount", videoCount, count),
                            number("AppSharingPortStart", appSharingStart, start),
                            number("AppSharingPortCount", appSharingCount, count))));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set-CsTrustedApplicationPool: change the settings given (one at least), keep the others.")
    static final class PoolSet extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.SET_POOL;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN",
                description = "FQDN of the trusted application pool to change.")
        String identity;
        @Option(names = {"--registrar", "-Registrar"}, paramLabel = "POOL|ID",
                description = "New registrar (next hop): a Front End pool's FQDN, Registrar:pool.fqdn, or a service id"
                        + " (1-Registrar-1)." + UNCHANGED)
        String registrar;
        @Option(names = {"--treat-as-authenticated", "-TreatAsAuthenticated"}, arity = "1", paramLabel = "BOOL",
                description = "Take the applications' connections as already authenticated." + UNCHANGED)
        Boolean treatAsAuthenticated;
        @Option(names = {"--throttle-as-server", "-ThrottleAsServer"}, arity = "1", paramLabel = "BOOL",
                description = "Throttle the connections as between servers (false: as clients)." + UNCHANGED)
        Boolean throttleAsServer;
        @Option(names = {"--requires-replication", "-RequiresReplication"}, arity = "1", paramLabel = "BOOL",
                description = "Replicate the configuration to the pool's computers." + UNCHANGED)
        Boolean requiresReplication;
        @Option(names = {"--outbound-only", "-OutboundOnly"}, arity = "1", paramLabel = "BOOL",
                description = "Only the servers open connections, never the applications." + UNCHANGED)
        Boolean outboundOnly;

        @Override
        List<Change> changes() {
            return List.of(new Change.SetTrustedApplicationPool(ORIGIN, identity, registrar, treatAsAuthenticated,
                    throttleAsServer, requiresReplication, outboundOnly));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove-CsTrustedApplicationPool: a trusted application pool with its computers and applications"
                    + " (refused when the pool hosts other services).")
    static final class PoolRemove extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.REMOVE_POOL;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN",
                description = "FQDN of the trusted application pool to remove.")
        String identity;

        @Override
        List<Change> changes() {
            return List.of(new Change.RemoveTrustedApplicationPool(ORIGIN, identity));
        }
    }

    @Command(name = "trusted-computer", mixinStandardHelpOptions = true,
            description = "Add or remove a trusted application computer (New-/Remove-CsTrustedApplicationComputer).",
            subcommands = {ComputerAdd.class, ComputerRemove.class})
    static final class Computer {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "New-CsTrustedApplicationComputer: one more computer in a trusted application pool (address 0.0.0.0"
                    + " until set-ip sets it).")
    static final class ComputerAdd extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.NEW_COMPUTER;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN",
                description = "The computer's FQDN (not the pool's: a pool whose computer has its own FQDN holds one computer).")
        String identity;
        @Option(names = {"--pool", "-Pool"}, required = true, paramLabel = "FQDN", description = "FQDN of its trusted application pool.")
        String pool;

        @Override
        List<Change> changes() {
            return List.of(new Change.NewTrustedApplicationComputer(ORIGIN, identity, pool));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove-CsTrustedApplicationComputer: a computer of a trusted application pool (not its last one).")
    static final class ComputerRemove extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.REMOVE_COMPUTER;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN", description = "FQDN of the computer to remove.")
        String identity;

        @Override
        List<Change> changes() {
            return List.of(new Change.RemoveTrustedApplicationComputer(ORIGIN, identity));
        }
    }

    @Command(name = "trusted-app", mixinStandardHelpOptions = true,
            description = "Add or remove a trusted application (New-/Remove-CsTrustedApplication).",
            subcommands = {AppAdd.class, AppRemove.class})
    static final class App {
    }

    private static final String APPLICATION_ID = "The application's id, alone (tapp1) or after urn:application:; letters,"
            + " digits, dots, hyphens and underscores.";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "New-CsTrustedApplication: an application on a trusted application pool, listening on its own port.")
    static final class AppAdd extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.NEW_APPLICATION;
        }

        @Option(names = {"--application-id", "-ApplicationId"}, paramLabel = "ID",
                description = APPLICATION_ID + " Unique in its pool. No default: give it with --pool, or --identity instead.")
        String applicationId;
        @Option(names = {"--pool", "-TrustedApplicationPoolFqdn"}, paramLabel = "FQDN",
                description = "FQDN of the trusted application pool. No default: give it with --application-id, or --identity"
                        + " instead.")
        String pool;
        @Option(names = {"--identity", "-Identity"}, paramLabel = "POOL/ID",
                description = "pool.fqdn/id, instead of --application-id and --pool (as New-CsTrustedApplication takes it)."
                        + " No default.")
        String identity;
        @Option(names = {"--port", "-Port"}, required = true, paramLabel = "PORT",
                description = "The port the application listens on (1-65535), unique in its pool. No default: the cmdlet"
                        + " requires it too.")
        String port;
        @Option(names = {"--enable-tcp", "-EnableTcp"},
                description = "Listen on TCP instead of MTLS (not for UCMA applications, which speak MTLS only)."
                        + " Default: off, MTLS, as the cmdlet's.")
        boolean enableTcp;

        @Override
        List<Change> changes() {
            int number = number("Port", port, ChangeValues.Kind.PORT);
            if (identity != null) {
                if (applicationId != null || pool != null) {
                    throw usage("give --identity pool.fqdn/id alone, or --application-id with --pool");
                }
                valid("Identity", identity, ChangeValues.Kind.APPLICATION_IDENTITY);
                int slash = identity.indexOf('/');
                return List.of(new Change.NewTrustedApplication(ORIGIN, identity.substring(slash + 1), identity.substring(0, slash),
                        number, enableTcp));
            }
            if (applicationId == null || pool == null) {
                throw usage("give --application-id and --pool (-ApplicationId and -TrustedApplicationPoolFqdn), or --identity"
                        + " pool.fqdn/id");
            }
            return List.of(new Change.NewTrustedApplication(ORIGIN, applicationId, pool, number, enableTcp));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove-CsTrustedApplication: an application of a"
            + " trusted application pool, and its port.")
    static final class AppRemove extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.REMOVE_APPLICATION;
        }

        @Option(names = {"--identity", "-Identity"}, paramLabel = "POOL/urn:application:ID",
                description = "pool.fqdn/urn:application:id, as Get-CsTrustedApplication shows it (the prefix may be left"
                        + " out). No default: give it, or --application-id with --pool.")
        String identity;
        @Option(names = {"--application-id", "-ApplicationId"}, paramLabel = "ID",
                description = APPLICATION_ID + " No default: give it with --pool, or --identity instead.")
        String applicationId;
        @Option(names = {"--pool", "-TrustedApplicationPoolFqdn"}, paramLabel = "FQDN",
                description = "FQDN of the trusted application pool. No default: give it with --application-id, or --identity"
                        + " instead.")
        String pool;

        @Override
        List<Change> changes() {
            if (identity == null && (applicationId == null || pool == null)) {
                throw usage("give --identity pool.fqdn/urn:application:id, or --application-id with --pool (-Identity, or"
                        + " -ApplicationId with -TrustedApplicationPoolFqdn)");
            }
            return List.of(ChangesFile.removeApplication(ORIGIN, valid("Identity", identity, ChangeValues.Kind.APPLICATION_IDENTITY),
                    applicationId, pool));
        }
    }
}
