package org.cstopo.runbook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangeValues;
import org.cstopo.change.ChangesFile;
import org.cstopo.change.Origins;
import org.cstopo.change.Outcome;
import org.cstopo.model.Topology;
import org.cstopo.powershell.RunbookReader;

/**
 * Declared changes as the PowerShell a Lync / Skype for Business admin runs on a Front End server:
 * the topology cmdlets in the order cstopo applies them, Enable-CsTopology, then the address step
 * no cmdlet does (export, {@code cstopo set-ip}, Publish-CsTopology). With a topology, the changes
 * are first checked against it the way {@code apply} checks them, and those already in it are left
 * out (their cmdlets would fail on the server). The text is read back before it is returned: it
 * must declare exactly the changes it was written from.
 */
public final class Runbook {
    /** Where the address step exports the topology on the server (the path the guides use). */
    public static final String EXPORT_FILE = "C:\\topology.xml";

    private final String text;
    private final List<Change> leftOut;

    private Runbook(String text, List<Change> leftOut) {
        this.text = text;
        this.leftOut = List.copyOf(leftOut);
    }

    /**
     * @param source   the changes file's name, for the header
     * @param topology the topology the changes are meant for, or null
     */
    public static Runbook of(String source, List<Change> changes, Topology topology) {
        for (Change c : changes) {
            ChangeValues.Problem problem = ChangeValues.problem(c);
            if (problem != null) {
                throw CstopoException.badInput(c.origin() + ": " + c.element() + " " + problem.message(ChangesFile.SPELLING));
            }
        }
        Names names = new Names(topology);
        List<Change> structure = new ArrayList<>();
        List<Change> addresses = new ArrayList<>();
        for (Change c : changes) {
            Change cmdletForm = cmdletForm(c, names);
            (cmdletForm instanceof Change.SetIPAddress ? addresses : structure).add(cmdletForm);
        }
        List<Change> ordered = new ArrayList<>(structure);
        ordered.addAll(addresses);
        List<Change> leftOut = new ArrayList<>();
        if (topology != null) {
            ApplyResult result = ChangeApplier.apply(topology, ordered);
            for (Outcome o : result.outcomes()) {
                if (!o.applied()) {
                    leftOut.add(o.change());
                }
            }
            structure.removeAll(leftOut);
            addresses.removeAll(leftOut);
        } else {
            checkAlone(ordered);
        }
        String text = new RunbookText(new CmdletLines(names)).render(source, topology == null ? null : topology.source().name(),
                structure, addresses, leftOut);
        List<Change> kept = new ArrayList<>(structure);
        kept.addAll(addresses);
        readsBackAs(text, kept);
        return new Runbook(text, leftOut);
    }

    /** The runbook, lines ended with CRLF. */
    public String text() {
        return text;
    }

    /** UTF-8 with a byte order mark and CRLF: what Windows PowerShell 5.1 reads without guessing. */
    public byte[] bytes() {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** Changes already in the topology, left out of the runbook. */
    public List<Change> leftOut() {
        return leftOut;
    }

    /** The values the cmdlets take: a registrar pool FQDN rather than a service id, an application id without urn:application:. */
    private static Change cmdletForm(Change c, Names names) {
        if (c instanceof Change.NewTrustedApplicationPool p) {
            String site = p.site() == null || p.site().isEmpty() ? null : p.site();
            return new Change.NewTrustedApplicationPool(p.origin(), p.identity(), names.registrarFor(c, p.registrar()), site,
                    p.computerFqdn(), p.treatAsAuthenticated(), p.throttleAsServer(), p.requiresReplication(), p.outboundOnly(),
                    p.mediaPorts());
        } else if (c instanceof Change.SetTrustedApplicationPool p) {
            return new Change.SetTrustedApplicationPool(p.origin(), p.identity(), names.registrarFor(c, p.registrar()),
                    p.treatAsAuthenticated(), p.throttleAsServer(), p.requiresReplication(), p.outboundOnly());
        } else if (c instanceof Change.NewTrustedApplication p) {
            return new Change.NewTrustedApplication(p.origin(), Topology.bareId(p.applicationId()), p.pool(), p.port(),
                    p.enableTcp());
        } else if (c instanceof Change.RemoveTrustedApplication p) {
            return new Change.RemoveTrustedApplication(p.origin(), Topology.bareId(p.applicationId()), p.pool());
        }
        return c;
    }

    /**
     * Without a topology, what can be known from the changes alone (besides their values, checked
     * first): each pool is created before it is used, and a pool's first computer (the routing node) is never
     * added again with New-CsTrustedApplicationComputer.
     */
    private static void checkAlone(List<Change> changes) {
        Map<String, Change.NewTrustedApplicationPool> createdBy = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.RemoveTrustedApplicationPool r) {
                removed.add(Topology.key(r.identity()));
            } else if (c instanceof Change.NewTrustedApplicationPool p && !removed.contains(Topology.key(p.identity()))) {
                // a pool removed first and then created again may well exist before: only the topology can tell
                createdBy.putIfAbsent(Topology.key(p.identity()), p);
            }
        }
        Map<String, Change.NewTrustedApplicationPool> firstComputerOf = new HashMap<>();
        for (Change c : changes) {
            String used = poolUsedBy(c);
            Change.NewTrustedApplicationPool creator = used == null ? null : createdBy.get(Topology.key(used));
            if (creator != null && !firstComputerOf.containsKey(Topology.key(used))) {
                throw CstopoException.conflict(c.origin() + ": " + c.describe() + ": pool " + used + " is created only later, by "
                        + creator.origin() + "; move this change after that one");
            }
            if (c instanceof Change.NewTrustedApplicationPool p) {
                firstComputerOf.put(Topology.key(p.identity()), p);
            } else if (c instanceof Change.NewTrustedApplicationComputer n) {
                Change.NewTrustedApplicationPool p = firstComputerOf.get(Topology.key(n.pool()));
                if (p != null && p.firstComputer().equalsIgnoreCase(n.identity())) {
                    throw CstopoException.conflict(c.origin() + ": " + c.describe() + ": computer " + n.identity()
                            + " is the first computer of pool " + p.identity() + ", which New-CsTrustedApplicationPool adds (the"
                            + " routing node); never add it a second time: delete this change");
                }
                if (p != null && p.firstComputer().equalsIgnoreCase(p.identity())) {
                    throw CstopoException.conflict(c.origin() + ": " + c.describe() + ": pool " + p.identity() + " has a computer"
                            + " with the pool's own FQDN, so it can hold one computer only; give the pool a ComputerFqdn"
                            + " different from its Identity");
                }
            }
        }
    }

    /** The pool a change needs to exist already, or null. */
    private static String poolUsedBy(Change c) {
        if (c instanceof Change.NewTrustedApplicationComputer n) {
            return n.pool();
        } else if (c instanceof Change.NewTrustedApplication a) {
            return a.pool();
        } else if (c instanceof Change.SetTrustedApplicationPool s) {
            return s.identity();
        } else if (c instanceof Change.RemoveTrustedApplication r) {
            return r.pool();
        }
        return null;
    }

    /** The safety net: the runbook, read as cstopo reads runbooks, declares exactly these changes. */
    private static void readsBackAs(String text, List<Change> expected) {
        List<Change> read = RunbookReader.read("the runbook", text).changes();
        if (!withoutOrigins(read).equals(withoutOrigins(expected))) {
            throw new CstopoException(ExitCode.INTERNAL, "the runbook does not read back as the changes it was written from"
                    + " (" + read.size() + " changes instead of " + expected.size() + "); nothing was written: this is a bug,"
                    + " please report it with --debug");
        }
    }

    private static List<Change> withoutOrigins(List<Change> changes) {
        return changes.stream().map(c -> Origins.withOrigin(c, "")).toList();
    }
}
