package org.cstopo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.change.Change;
import org.cstopo.change.ChangesFile;
import org.cstopo.model.IpAddress;
import org.cstopo.powershell.OutsideStatement;
import org.cstopo.powershell.TopologyCmdlets;
import org.cstopo.validate.Fixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One-off edits as command flags, named like the cmdlets' parameters (both --kebab-case and the
 * PowerShell spelling, e.g. --identity / -Identity). Each builds the same {@link Change} a changes
 * file would and runs it through {@link ChangeRun}.
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

        /** Statements of a runbook that change no topology, to list for the user; none by default. */
        List<OutsideStatement> outsideTopology() {
            return List.of();
        }

        /** How fixes name the changes to add when the result is in no file; see {@link ResultFixes}. */
        Fixes resultFixes(List<Change> changes) {
            return ResultFixes.commandLine(topology, changes);
        }

        @Override
        public Integer call() {
            EditReport report = new EditReport(topology, edit, spec);
            edit.output.check(edit.writes(), topology, edit.force);
            List<Change> changes = changes();
            outsideTopology().forEach(report::outside);
            return ChangeRun.run(report, changes, resultFixes(changes));
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
                throw new ParameterException(spec.commandLine(), "'" + cmdlet + "' is not " + cmdletName()
                        + ", the cmdlet of '" + spec.qualifiedName() + "'");
            }
            return super.call();
        }
    }

    @Command(name = "set-ip", mixinStandardHelpOptions = true,
            description = "Set machines' IP addresses (e.g. replace 0.0.0.0 with the real address): FQDN=ADDRESS ...")
    static final class SetIp extends Edit {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FQDN=ADDRESS", description = "e.g. impserver2.sip.com=10.10.1.11")
        List<String> assignments;

        @Option(names = {"--interface-side", "-InterfaceSide"}, defaultValue = "Primary", paramLabel = "SIDE",
                description = "Interface to change: Primary (default), External, Internal, Pstn.")
        String side;



        @Override
        List<Change> changes() {
            List<Change> out = new ArrayList<>();
            for (String a : assignments) {
                int eq = a.indexOf('=');
                if (eq <= 0 || eq == a.length() - 1) {
                    throw new CstopoException(ExitCode.USAGE, "'" + a + "' is not FQDN=ADDRESS (e.g. impserver2.sip.com=10.10.1.11)");
                }
                String address = a.substring(eq + 1);
                if (!IpAddress.isValid(address)) {
                    throw new CstopoException(ExitCode.USAGE, "'" + address + "' in '" + a + "' is not an IPv4 or IPv6 address"
                            + " (e.g. impserver2.sip.com=10.10.1.11)");
                }
                out.add(new Change.SetIPAddress(ORIGIN, a.substring(0, eq), address, side));
            }
            return out;
        }
    }

    @Command(name = "trusted-pool", mixinStandardHelpOptions = true,
            description = "Add, change or remove a trusted application pool (New-/Set-/Remove-CsTrustedApplicationPool).",
            subcommands = {PoolAdd.class, PoolSet.class, PoolRemove.class})
    static final class Pool {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "New-CsTrustedApplicationPool.")
    static final class PoolAdd extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.NEW_POOL;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN", description = "Pool FQDN.")
        String identity;
        @Option(names = {"--registrar", "-Registrar"}, required = true, paramLabel = "POOL|ID",
                description = "Registrar pool FQDN, Registrar:pool.fqdn, or service id (1-Registrar-1).")
        String registrar;
        @Option(names = {"--site", "-Site"}, paramLabel = "SITE", description = "SiteId (Get-CsSite) or site name; needed for a new pool.")
        String site;
        @Option(names = {"--computer-fqdn", "-ComputerFqdn"}, paramLabel = "FQDN", description = "First computer (default: the pool FQDN).")
        String computerFqdn;
        @Option(names = {"--treat-as-authenticated", "-TreatAsAuthenticated"}, arity = "1", defaultValue = "true", paramLabel = "BOOL")
        boolean treatAsAuthenticated;
        @Option(names = {"--throttle-as-server", "-ThrottleAsServer"}, arity = "1", defaultValue = "true", paramLabel = "BOOL")
        boolean throttleAsServer;
        @Option(names = {"--requires-replication", "-RequiresReplication"}, arity = "1", defaultValue = "true", paramLabel = "BOOL")
        boolean requiresReplication;
        @Option(names = {"--outbound-only", "-OutboundOnly"}, arity = "1", defaultValue = "false", paramLabel = "BOOL")
        boolean outboundOnly;
        @Option(names = {"--audio-port-start", "-AudioPortStart"}, paramLabel = "PORT")
        Integer audioStart;
        @Option(names = {"--audio-port-count", "-AudioPortCount"}, paramLabel = "N")
        Integer audioCount;
        @Option(names = {"--video-port-start", "-VideoPortStart"}, paramLabel = "PORT")
        Integer videoStart;
        @Option(names = {"--video-port-count", "-VideoPortCount"}, paramLabel = "N")
        Integer videoCount;
        @Option(names = {"--app-sharing-port-start", "-AppSharingPortStart"}, paramLabel = "PORT")
        Integer appSharingStart;
        @Option(names = {"--app-sharing-port-count", "-AppSharingPortCount"}, paramLabel = "N")
        Integer appSharingCount;



        @Override
        List<Change> changes() {
            return List.of(new Change.NewTrustedApplicationPool(ORIGIN, identity, registrar, site, computerFqdn,
                    treatAsAuthenticated, throttleAsServer, requiresReplication, outboundOnly,
                    new Change.MediaPorts(audioStart, audioCount, videoStart, videoCount, appSharingStart, appSharingCount)));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set-CsTrustedApplicationPool: change the settings given, keep the others.")
    static final class PoolSet extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.SET_POOL;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN", description = "Pool FQDN.")
        String identity;
        @Option(names = {"--registrar", "-Registrar"}, paramLabel = "POOL|ID",
                description = "Registrar pool FQDN, Registrar:pool.fqdn, or service id (1-Registrar-1).")
        String registrar;
        @Option(names = {"--treat-as-authenticated", "-TreatAsAuthenticated"}, arity = "1", paramLabel = "BOOL")
        Boolean treatAsAuthenticated;
        @Option(names = {"--throttle-as-server", "-ThrottleAsServer"}, arity = "1", paramLabel = "BOOL")
        Boolean throttleAsServer;
        @Option(names = {"--requires-replication", "-RequiresReplication"}, arity = "1", paramLabel = "BOOL")
        Boolean requiresReplication;
        @Option(names = {"--outbound-only", "-OutboundOnly"}, arity = "1", paramLabel = "BOOL")
        Boolean outboundOnly;

        @Override
        List<Change> changes() {
            return List.of(new Change.SetTrustedApplicationPool(ORIGIN, identity, registrar, treatAsAuthenticated,
                    throttleAsServer, requiresReplication, outboundOnly));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove-CsTrustedApplicationPool.")
    static final class PoolRemove extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.REMOVE_POOL;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN")
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

    @Command(name = "add", mixinStandardHelpOptions = true, description = "New-CsTrustedApplicationComputer.")
    static final class ComputerAdd extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.NEW_COMPUTER;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN", description = "Computer FQDN.")
        String identity;
        @Option(names = {"--pool", "-Pool"}, required = true, paramLabel = "FQDN", description = "Trusted application pool FQDN.")
        String pool;



        @Override
        List<Change> changes() {
            return List.of(new Change.NewTrustedApplicationComputer(ORIGIN, identity, pool));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove-CsTrustedApplicationComputer.")
    static final class ComputerRemove extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.REMOVE_COMPUTER;
        }

        @Option(names = {"--identity", "-Identity"}, required = true, paramLabel = "FQDN")
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

    @Command(name = "add", mixinStandardHelpOptions = true, description = "New-CsTrustedApplication.")
    static final class AppAdd extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.NEW_APPLICATION;
        }

        @Option(names = {"--application-id", "-ApplicationId"}, paramLabel = "ID")
        String applicationId;
        @Option(names = {"--pool", "-TrustedApplicationPoolFqdn"}, paramLabel = "FQDN")
        String pool;
        @Option(names = {"--identity", "-Identity"}, paramLabel = "POOL/ID",
                description = "pool.fqdn/id, instead of --application-id and --pool (as New-CsTrustedApplication takes it).")
        String identity;
        @Option(names = {"--port", "-Port"}, required = true, paramLabel = "PORT")
        int port;
        @Option(names = {"--enable-tcp", "-EnableTcp"}, description = "Listen on TCP instead of MTLS.")
        boolean enableTcp;



        @Override
        List<Change> changes() {
            if (port < 1 || port > 65535) {
                throw new CstopoException(ExitCode.USAGE, "--port " + port + " is not a port number (1-65535)");
            }
            if (identity != null) {
                int slash = identity.indexOf('/');
                if (applicationId != null || pool != null || slash <= 0 || slash == identity.length() - 1) {
                    throw new ParameterException(spec.commandLine(), "give --identity pool.fqdn/id alone, or --application-id with --pool");
                }
                return List.of(new Change.NewTrustedApplication(ORIGIN, identity.substring(slash + 1), identity.substring(0, slash),
                        port, enableTcp));
            }
            if (applicationId == null || pool == null) {
                throw new ParameterException(spec.commandLine(), "give --application-id and --pool (-ApplicationId and"
                        + " -TrustedApplicationPoolFqdn), or --identity pool.fqdn/id");
            }
            return List.of(new Change.NewTrustedApplication(ORIGIN, applicationId, pool, port, enableTcp));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove-CsTrustedApplication.")
    static final class AppRemove extends CmdletEdit {
        @Override
        String cmdletName() {
            return TopologyCmdlets.REMOVE_APPLICATION;
        }

        @Option(names = {"--identity", "-Identity"}, paramLabel = "POOL/urn:application:ID")
        String identity;
        @Option(names = {"--application-id", "-ApplicationId"}, paramLabel = "ID")
        String applicationId;
        @Option(names = {"--pool", "-TrustedApplicationPoolFqdn"}, paramLabel = "FQDN")
        String pool;



        @Override
        List<Change> changes() {
            return List.of(ChangesFile.removeApplication(ORIGIN, identity, applicationId, pool));
        }
    }
}
