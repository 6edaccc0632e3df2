package org.cstopo.cli;

import java.nio.file.Path;
import java.util.List;
import org.cstopo.change.Change;
import org.cstopo.powershell.TopologyCmdlets;
import org.cstopo.validate.Fixes;

/**
 * Fixes for an edit's result that is in no file (--check, --diff, a refused write, -o -). A command
 * on the topology file would not run: what it names may exist only in the result. So a fix says what
 * to declare in the run itself (the FQDN=ADDRESS for this set-ip, the element for the changes file,
 * the line for the runbook, the --registrar for this trusted-pool command) and, where the run cannot
 * declare it (a stylesheet, another cmdlet), the command to run on the result once it is written.
 */
final class ResultFixes implements Fixes {
    private enum Where { COMMAND_LINE, CHANGES_FILE, RUNBOOK }

    private final Path topology;
    private final Where where;
    private final Path file;
    private final List<Change> changes;

    private ResultFixes(Path topology, Where where, Path file, List<Change> changes) {
        this.topology = topology;
        this.where = where;
        this.file = file;
        this.changes = List.copyOf(changes);
    }

    /** For a command that declares its changes as options (set-ip, trusted-pool, ...), or none (transform). */
    static ResultFixes commandLine(Path topology, List<Change> changes) {
        return new ResultFixes(topology, Where.COMMAND_LINE, null, changes);
    }

    /** For apply --changes FILE: an XML changes file, or a PowerShell runbook. */
    static ResultFixes changesFile(Path topology, Path file, boolean runbook, List<Change> changes) {
        return new ResultFixes(topology, runbook ? Where.RUNBOOK : Where.CHANGES_FILE, file, changes);
    }

    @Override
    public String setAddress(String fqdn) {
        Change.SetIPAddress declared = null;
        for (Change c : changes) {
            if (c instanceof Change.SetIPAddress s && fqdn.equalsIgnoreCase(s.computer())) {
                declared = s;
            }
        }
        boolean setIp = changes.stream().anyMatch(Change.SetIPAddress.class::isInstance);
        return switch (where) {
            case COMMAND_LINE -> declared != null ? fqdn + "=ADDRESS instead of " + fqdn + "=" + declared.ipAddress() + " in this command"
                    : setIp ? "add " + fqdn + "=ADDRESS to this set-ip command" : afterWriting(onTopology().setAddress(fqdn));
            case CHANGES_FILE -> declared != null ? "IPAddress=\"ADDRESS\" in the SetIPAddress at " + declared.origin()
                    : "add <SetIPAddress Computer=\"" + fqdn + "\" IPAddress=\"ADDRESS\"/> to " + file;
            case RUNBOOK -> declared != null ? fqdn + "=ADDRESS in the cstopo set-ip line at " + declared.origin()
                    : "add the line 'cstopo set-ip " + topology + " " + fqdn + "=ADDRESS' to " + file;
        };
    }

    @Override
    public String setRegistrar(String pool, String registrar) {
        Change declared = null;
        String declaredRegistrar = null;
        for (Change c : changes) {
            if (c instanceof Change.NewTrustedApplicationPool p && pool.equalsIgnoreCase(p.identity())) {
                declared = c;
                declaredRegistrar = p.registrar();
            } else if (c instanceof Change.SetTrustedApplicationPool p && pool.equalsIgnoreCase(p.identity())) {
                declared = c;
                declaredRegistrar = p.registrar();
            }
        }
        return switch (where) {
            case COMMAND_LINE -> declared == null ? afterWriting(onTopology().setRegistrar(pool, registrar))
                    : declaredRegistrar == null ? "add --registrar " + registrar + " to this command"
                    : "--registrar " + registrar + " instead of --registrar " + declaredRegistrar + " in this command";
            case CHANGES_FILE -> declaredRegistrar != null
                    ? "Registrar=\"" + registrar + "\" in the " + element(declared) + " at " + declared.origin()
                    : "add <SetTrustedApplicationPool Identity=\"" + pool + "\" Registrar=\"" + registrar + "\"/> to " + file;
            case RUNBOOK -> declaredRegistrar != null ? "-Registrar " + registrar + " in the " + cmdlet(declared) + " at " + declared.origin()
                    : "add the line '" + TopologyCmdlets.SET_POOL + " -Identity " + pool + " -Registrar " + registrar + "' to " + file;
        };
    }

    private static String element(Change c) {
        return c instanceof Change.NewTrustedApplicationPool ? "NewTrustedApplicationPool" : "SetTrustedApplicationPool";
    }

    private static String cmdlet(Change c) {
        return c instanceof Change.NewTrustedApplicationPool ? TopologyCmdlets.NEW_POOL : TopologyCmdlets.SET_POOL;
    }

    private Fixes onTopology() {
        return Fixes.onFile(topology.toString());
    }

    private static String afterWriting(String command) {
        return "write the result first (this command with --in-place, and --force while it breaks a rule), then: " + command;
    }
}
