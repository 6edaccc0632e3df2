package org.cstopo.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cstopo.CstopoException;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeValues;
import org.cstopo.model.Topology;
import org.cstopo.powershell.Statement.Command;
import org.cstopo.powershell.Statement.Element;
import org.cstopo.powershell.Statement.Kind;

/**
 * {@code cstopo set-ip TOPOLOGY FQDN=ADDRESS ... [--interface-side SIDE]} in a runbook: the address
 * step no cmdlet does, as {@code runbook} writes it. Read back as SetIPAddress changes, so a runbook
 * declares everything its changes file did. The topology argument is the file the line edits and
 * is not read; output options (-o, --in-place, --backup, --force) do not change what is set.
 */
final class CstopoStatement {
    static final String NAME = "cstopo";
    private static final String SET_IP = "set-ip";

    private CstopoStatement() {
    }

    static boolean is(String commandName) {
        return commandName.equalsIgnoreCase(NAME);
    }

    static List<Change> read(ScriptText script, Command command) {
        List<Element> elements = command.elements();
        if (elements.isEmpty() || elements.get(0).kind() != Kind.WORD || !elements.get(0).value().equals(SET_IP)) {
            int at = elements.isEmpty() ? command.offset() : elements.get(0).offset();
            throw script.error(at, "only 'cstopo set-ip' is read from a runbook", "run other cstopo commands yourself");
        }
        String subject = NAME + " " + SET_IP;
        String side = Topology.PRIMARY;
        List<Element> positional = new ArrayList<>();
        for (int i = 1; i < elements.size(); i++) {
            Element e = elements.get(i);
            String option = optionName(e);
            if (option == null) {
                positional.add(e);
                continue;
            }
            switch (option) {
                case "interfaceside", "o", "output", "backup" -> {
                    String what = subject + " " + display(e);
                    String value;
                    if (e.kind() == Kind.PARAMETER && e.attached() != null) {
                        value = Literals.text(script, what, e.attached());
                    } else if (e.kind() == Kind.WORD && e.value().contains("=")) {
                        value = e.value().substring(e.value().indexOf('=') + 1);
                    } else {
                        value = Literals.text(script, what, next(script, what, elements, i++, e));
                    }
                    if (option.equals("interfaceside")) {
                        side = value;
                    }
                }
                case "inplace", "force" -> {
                    // where and whether the result is written; the addresses are the same
                }
                default -> throw script.error(e.offset(), subject + ": option " + display(e) + " is not read from a runbook",
                        "use only --interface-side, -o, --in-place, --backup and --force on this line");
            }
        }
        if (positional.size() < 2) {
            throw script.error(command.offset(), subject + " needs the topology file and at least one FQDN=ADDRESS",
                    "write cstopo set-ip C:\\topology.xml host.fqdn=10.0.0.1");
        }
        Literals.text(script, subject, positional.get(0));
        List<Change> out = new ArrayList<>();
        for (Element e : positional.subList(1, positional.size())) {
            ChangeValues.Assignment a = ChangeValues.Assignment.parse(script.where(e.offset()), Literals.text(script, subject, e), side);
            if (a.change() == null) {
                throw CstopoException.badInput(script.where(e.offset()) + ": " + subject + ": " + a.problem());
            }
            out.add(a.change());
        }
        return out;
    }

    /** --name, --name=value, -Name, -Name:value: the name without dashes, lower case; null for a positional argument. */
    private static String optionName(Element e) {
        String raw;
        if (e.kind() == Kind.PARAMETER) {
            raw = e.value();
        } else if (e.kind() == Kind.WORD && e.value().startsWith("--") && e.value().length() > 2) {
            int eq = e.value().indexOf('=');
            raw = e.value().substring(2, eq < 0 ? e.value().length() : eq);
        } else {
            return null;
        }
        return raw.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Element next(ScriptText script, String what, List<Element> elements, int i, Element option) {
        if (i + 1 >= elements.size()) {
            throw script.error(option.offset(), what + " has no value", "give it a value");
        }
        return elements.get(i + 1);
    }

    private static String display(Element e) {
        return e.kind() == Kind.PARAMETER ? "-" + e.value() : e.value();
    }
}
