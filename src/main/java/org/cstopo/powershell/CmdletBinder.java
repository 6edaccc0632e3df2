package org.cstopo.powershell;

import static org.cstopo.powershell.TopologyCmdlets.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cstopo.CstopoException;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeValues;
import org.cstopo.change.ChangesFile;
import org.cstopo.powershell.Statement.Command;
import org.cstopo.powershell.Statement.Element;
import org.cstopo.powershell.Statement.Kind;
import org.cstopo.powershell.TopologyCmdlets.Cmdlet;
import org.cstopo.powershell.TopologyCmdlets.Parameter;
import org.cstopo.powershell.TopologyCmdlets.Type;

/**
 * Binds the arguments of one topology cmdlet to its parameters as PowerShell does (names in any
 * case or as a unique prefix, {@code -Name value} or {@code -Name:value}, -Identity also by
 * position) and turns them into the {@link Change} a changes file would declare. Whatever cannot
 * be read with certainty is an error naming its position.
 */
final class CmdletBinder {
    private final ScriptText script;
    private final Cmdlet cmdlet;
    private final Command command;
    private final String origin;
    private final Map<String, Object> values = new HashMap<>();
    /** Where each parameter's value stands, for messages about it. */
    private final Map<String, Element> valueAt = new HashMap<>();

    private CmdletBinder(ScriptText script, Cmdlet cmdlet, Command command) {
        this.script = script;
        this.cmdlet = cmdlet;
        this.command = command;
        this.origin = script.where(command.offset());
    }

    static Change bind(ScriptText script, Cmdlet cmdlet, Command command) {
        CmdletBinder b = new CmdletBinder(script, cmdlet, command);
        b.bindArguments();
        Change change = b.change();
        ChangeValues.Problem problem = ChangeValues.problem(change);
        if (problem != null) {
            throw b.refuse(problem.attribute(), problem.message(SPELLING));
        }
        return change;
    }

    /** A runbook names a parameter as the cmdlet does, and shows a good value the same way. */
    private static final ChangeValues.Spelling SPELLING = new ChangeValues.Spelling() {
        @Override
        public String name(String attribute) {
            return "-" + attribute;
        }

        @Override
        public String example(String attribute, String value) {
            return "-" + attribute + " " + value;
        }
    };

    /**
     * A value rule broken at a parameter's value; a value the cmdlet took from -Identity (pool.fqdn/id)
     * is pointed at there, and one from no parameter at the statement.
     */
    private CstopoException refuse(String parameter, String message) {
        Element at = valueAt.containsKey(parameter) ? valueAt.get(parameter) : valueAt.get(IDENTITY);
        return CstopoException.badInput(script.where(at == null ? command.offset() : at.offset()) + ": " + cmdlet.name() + " " + message);
    }

    /** pool.fqdn/id as -Identity of New- and Remove-CsTrustedApplication takes it. */
    private String applicationIdentity() {
        String identity = required(IDENTITY);
        ChangeValues.Problem problem = ChangeValues.valueProblem(IDENTITY, identity, ChangeValues.Kind.APPLICATION_IDENTITY);
        if (problem != null) {
            throw refuse(IDENTITY, problem.message(SPELLING));
        }
        return identity;
    }

    // ---- binding -------------------------------------------------------------------------------

    private void bindArguments() {
        List<Element> elements = command.elements();
        Parameter lastSwitch = null;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.kind() != Kind.PARAMETER) {
                positional(e, lastSwitch);
                lastSwitch = null;
                continue;
            }
            Parameter p = resolve(e);
            boolean isSwitch = p.type() == Type.SWITCH || p.type() == Type.NO_EFFECT_SWITCH || p.type() == Type.WHAT_IF;
            Element value = e.attached();
            if (value == null && (!isSwitch || e.colon())) {
                if (i + 1 >= elements.size() || elements.get(i + 1).kind() == Kind.PARAMETER) {
                    throw script.error(e.offset(), subject(p) + " has no value", isSwitch
                            ? "write -" + p.name() + ":$true or -" + p.name() + ":$false, or leave out the colon"
                            : "give it a value (-" + p.name() + " value)");
                }
                value = elements.get(++i);
            }
            lastSwitch = isSwitch && e.attached() == null && !e.colon() ? p : null;
            accept(p, e, value);
        }
    }

    private Parameter resolve(Element e) {
        String name = e.value();
        for (Parameter p : cmdlet.parameters()) {
            if (p.named(name)) {
                return p;
            }
        }
        List<Parameter> candidates = cmdlet.parameters().stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            String own = cmdlet.parameters().stream().filter(p -> p.type() != Type.NO_EFFECT_SWITCH && p.type() != Type.NO_EFFECT_VALUE
                    && p.type() != Type.WHAT_IF).map(p -> "-" + p.name()).collect(Collectors.joining(", "));
            throw script.error(e.offset(), cmdlet.name() + " has no parameter -" + name, "its parameters are " + own);
        }
        throw script.error(e.offset(), cmdlet.name() + " -" + name + " is ambiguous: it could be "
                + candidates.stream().map(p -> "-" + p.name()).collect(Collectors.joining(" or ")) + " (PowerShell refuses it too)",
                "write more of the parameter name");
    }

    private void positional(Element e, Parameter lastSwitch) {
        if (lastSwitch != null && Literals.isBoolean(e)) {
            throw script.error(e.offset(), subject(lastSwitch) + " is a switch: a value after a space is not its value",
                    "write -" + lastSwitch.name() + " to turn it on, or -" + lastSwitch.name() + ":$" + e.value() + "");
        }
        if (e.kind() != Kind.WORD && e.kind() != Kind.QUOTED) {
            throw Literals.unreadable(script, cmdlet.name(), e);
        }
        if (cmdlet.has(IDENTITY) && !values.containsKey(IDENTITY)) {
            accept(parameter(IDENTITY), e, e);
            return;
        }
        throw script.error(e.offset(), cmdlet.name() + ": '" + e.value() + "' is a value without a parameter name"
                + " (only -Identity may go without one)", "put the parameter name before it");
    }

    private void accept(Parameter p, Element at, Element value) {
        if (values.containsKey(p.name())) {
            throw script.error(at.offset(), subject(p) + " is given twice", "give it once");
        }
        if (value != null) {
            valueAt.put(p.name(), value);
        }
        String subject = subject(p);
        switch (p.type()) {
            case UNSUPPORTED -> throw script.error(at.offset(), subject + ": " + p.note(),
                    "leave it out, or run this statement on the server instead of reading it with cstopo");
            case WHAT_IF -> {
                if (value == null || Literals.bool(script, subject, value)) {
                    throw script.error(at.offset(), subject + ": the cmdlet would only say what it would do, so cstopo"
                            + " cannot tell whether the change is meant", "remove -WhatIf to make the change, or the statement to make none");
                }
            }
            case NO_EFFECT_SWITCH -> {
                if (value != null) {
                    Literals.bool(script, subject, value);
                }
            }
            case NO_EFFECT_VALUE -> Literals.text(script, subject, value);
            case SWITCH -> values.put(p.name(), value == null || Literals.bool(script, subject, value));
            case BOOLEAN -> values.put(p.name(), Literals.bool(script, subject, value));
            case TEXT -> values.put(p.name(), nonEmpty(subject, value));
            case FQDN -> values.put(p.name(), Literals.text(script, subject, value));
            case PORT, COUNT -> values.put(p.name(), number(p, subject, value));
            default -> throw new IllegalStateException(p.type().toString());
        }
    }

    private String nonEmpty(String subject, Element value) {
        String text = Literals.text(script, subject, value);
        if (text.isBlank()) {
            throw script.error(value.offset(), subject + " is empty", "give it a value");
        }
        return text;
    }

    /** A port or a number of ports: digits are the number PowerShell reads, leading zeros or not; text converts as [int] would. */
    private int number(Parameter p, String subject, Element value) {
        boolean digits = value.kind() == Kind.WORD && value.value().matches("[0-9]+");
        String text = digits ? value.value().replaceFirst("^0+(?=.)", "") : Literals.text(script, subject, value);
        ChangeValues.Problem problem = ChangeValues.valueProblem(p.name(), text,
                p.type() == Type.PORT ? ChangeValues.Kind.PORT : ChangeValues.Kind.PORT_COUNT);
        if (problem != null) {
            throw CstopoException.badInput(script.where(value.offset()) + ": " + cmdlet.name() + " " + problem.message(SPELLING));
        }
        return ChangeValues.number(text);
    }

    private Parameter parameter(String name) {
        return cmdlet.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private String subject(Parameter p) {
        return cmdlet.name() + " -" + p.name();
    }

    // ---- the change ----------------------------------------------------------------------------

    private Change change() {
        return switch (cmdlet.name()) {
            case NEW_POOL -> newPool();
            case SET_POOL -> new Change.SetTrustedApplicationPool(origin, required(IDENTITY), optional(REGISTRAR),
                    flag(TREAT_AS_AUTHENTICATED), flag(THROTTLE_AS_SERVER), flag(REQUIRES_REPLICATION), flag(OUTBOUND_ONLY));
            case REMOVE_POOL -> new Change.RemoveTrustedApplicationPool(origin, required(IDENTITY));
            case NEW_COMPUTER -> new Change.NewTrustedApplicationComputer(origin, required(IDENTITY), required(POOL));
            case REMOVE_COMPUTER -> new Change.RemoveTrustedApplicationComputer(origin, required(IDENTITY));
            case NEW_APPLICATION -> newApplication();
            case REMOVE_APPLICATION -> ChangesFile.removeApplication(origin, applicationIdentity(), null, null);
            default -> throw script.error(command.offset(), "cstopo has no change for " + cmdlet.name()
                    + " (a new port for an existing application)", "write Remove-CsTrustedApplication and New-CsTrustedApplication instead");
        };
    }

    private Change newPool() {
        String identity = required(IDENTITY);
        if (!values.containsKey(REGISTRAR)) {
            throw script.error(command.offset(), NEW_POOL + " without -Registrar: cstopo needs it, because a trusted"
                    + " application pool without a registrar cannot host endpoints nor be removed", "add -Registrar registrar.pool.fqdn");
        }
        // Left-out settings take the cmdlet's documented defaults (Microsoft's New-CsTrustedApplicationPool
        // reference: TreatAsAuthenticated True, ThrottleAsServer True, RequiresReplication True, OutboundOnly False),
        // the same defaults xsd/changes.xsd declares.
        return new Change.NewTrustedApplicationPool(origin, identity, optional(REGISTRAR), optional(SITE), optional(COMPUTER_FQDN),
                flagOr(TREAT_AS_AUTHENTICATED, true), flagOr(THROTTLE_AS_SERVER, true), flagOr(REQUIRES_REPLICATION, true),
                flagOr(OUTBOUND_ONLY, false), new Change.MediaPorts(count(AUDIO_PORT_START), count(AUDIO_PORT_COUNT),
                count(VIDEO_PORT_START), count(VIDEO_PORT_COUNT), count(APP_SHARING_PORT_START), count(APP_SHARING_PORT_COUNT)));
    }

    /** New-CsTrustedApplication takes -Identity pool.fqdn/id or -ApplicationId with -TrustedApplicationPoolFqdn. */
    private Change newApplication() {
        int port = (Integer) valueOf(PORT);
        boolean tcp = Boolean.TRUE.equals(values.get(ENABLE_TCP));
        if (values.containsKey(IDENTITY)) {
            if (values.containsKey(APPLICATION_ID) || values.containsKey(TRUSTED_APPLICATION_POOL_FQDN)) {
                throw script.error(command.offset(), NEW_APPLICATION + " has -Identity and -ApplicationId or"
                        + " -TrustedApplicationPoolFqdn (PowerShell refuses the mix)", "use -Identity pool.fqdn/id alone, or the other two");
            }
            String identity = applicationIdentity();
            int slash = identity.indexOf('/');
            return new Change.NewTrustedApplication(origin, identity.substring(slash + 1), identity.substring(0, slash), port, tcp);
        }
        return new Change.NewTrustedApplication(origin, required(APPLICATION_ID), required(TRUSTED_APPLICATION_POOL_FQDN), port, tcp);
    }

    private Object valueOf(String name) {
        required(name);
        return values.get(name);
    }

    private String required(String name) {
        if (!values.containsKey(name)) {
            throw script.error(command.offset(), cmdlet.name() + " needs -" + name + " (PowerShell would stop and ask for it)",
                    "add -" + name + " to the statement");
        }
        Object v = values.get(name);
        return v instanceof String s ? s : String.valueOf(v);
    }

    private String optional(String name) {
        return (String) values.get(name);
    }

    private Boolean flag(String name) {
        return (Boolean) values.get(name);
    }

    private boolean flagOr(String name, boolean fallback) {
        Boolean b = flag(name);
        return b == null ? fallback : b;
    }

    private Integer count(String name) {
        return (Integer) values.get(name);
    }
}
