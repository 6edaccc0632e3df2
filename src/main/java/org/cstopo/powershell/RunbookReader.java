package org.cstopo.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.change.Change;
import org.cstopo.change.ChangesFile;
import org.cstopo.powershell.Statement.Code;
import org.cstopo.powershell.Statement.Command;
import org.cstopo.powershell.TopologyCmdlets.Cmdlet;

/**
 * Reads a PowerShell runbook as a changes file. Each statement whose cmdlet changes the topology
 * (New-/Set-/Remove-CsTrustedApplicationPool, New-/Remove-CsTrustedApplicationComputer,
 * New-/Remove-CsTrustedApplication) becomes the {@link Change} the XML changes file would declare,
 * and so does {@code cstopo set-ip}. Every other statement (static routes, Enable-CsTopology,
 * certificates, variables...) is skipped whole and listed. A topology cmdlet cstopo cannot read
 * with certainty (in a pipeline, a script block, with variables...) is an error, never a guess.
 */
public final class RunbookReader {
    /** Commands that may name a cmdlet without running it. */
    private static final java.util.Set<String> NAMING_ONLY = java.util.Set.of("get-help", "help", "man", "get-command", "gcm");
    private static final Pattern CSTOPO_IN_CODE = Pattern.compile("(?i)(?<![\\w$.\\\\/-])cstopo(?![\\w.-])");

    private final ScriptText script;

    private RunbookReader(ScriptText script) {
        this.script = script;
    }

    /** {@code name} is used in origins and messages (file:line:column). */
    public static DeclaredChanges read(String name, String text) {
        return new RunbookReader(new ScriptText(name, text)).read();
    }

    private DeclaredChanges read() {
        List<Change> changes = new ArrayList<>();
        List<OutsideStatement> outside = new ArrayList<>();
        for (Statement s : ScriptParser.parse(script)) {
            refuseHiddenTopology(s);
            Command c = s.command();
            if (c != null && CstopoStatement.is(c.name())) {
                changes.addAll(CstopoStatement.read(script, c));
                continue;
            }
            Cmdlet cmdlet = c == null ? null : TopologyCmdlets.find(c.name());
            if (cmdlet != null) {
                changes.add(CmdletBinder.bind(script, cmdlet, c));
                continue;
            }
            if (c == null && s.label().length() > 1 && ScriptParser.isDash(s.label().charAt(0))
                    && Character.isLetter(s.label().charAt(1))) {
                throw script.error(s.offset(), "this line starts with " + s.label() + " but continues no command (a blank"
                        + " line, a comment line or a ';' ends the command before it)", "put it right after its cmdlet's line");
            }
            if (c != null && TopologyCmdlets.ANY_NAME.matcher(c.name()).matches()) {
                throw script.error(c.offset(), c.name() + ": cstopo reads topology cmdlets by their plain name",
                        "write the cmdlet's name without a module or path before it");
            }
            outside.add(new OutsideStatement(script.where(s.offset()), s.label()));
        }
        ChangesFile.refuseDuplicates(changes);
        return new DeclaredChanges(changes, outside, true);
    }

    /** A topology cmdlet that receives a pipeline, or sits in brackets or a script block: what it does is not knowable here. */
    private void refuseHiddenTopology(Statement s) {
        Command first = s.command();
        if (first != null && TopologyCmdlets.find(first.name()) == null && !CstopoStatement.is(first.name())
                && !NAMING_ONLY.contains(first.name().toLowerCase(java.util.Locale.ROOT))) {
            for (Statement.Element e : first.elements()) {
                if (e.kind() == Statement.Kind.WORD && TopologyCmdlets.find(e.value()) != null) {
                    throw script.error(e.offset(), e.value() + " is an argument of " + first.name() + " here (a prompt such as"
                            + " 'PS C:\\>' copied with the command?)", "start the statement with the cmdlet itself");
                }
            }
        }
        for (Command piped : s.pipedInto()) {
            if (TopologyCmdlets.find(piped.name()) != null || CstopoStatement.is(piped.name())) {
                throw script.error(piped.offset(), "a pipeline into " + piped.name() + " cannot be read: what it receives is"
                        + " known only when the script runs", "write " + piped.name() + " as a statement of its own, with its parameters");
            }
        }
        for (Code code : s.code()) {
            for (Pattern p : List.of(TopologyCmdlets.ANY_NAME, CSTOPO_IN_CODE)) {
                Matcher m = p.matcher(code.text());
                if (m.find()) {
                    throw script.error(code.offset() + m.start(), m.group() + " inside brackets or a script block cannot be read",
                            "write it as a statement of its own, with literal values");
                }
            }
        }
    }
}
