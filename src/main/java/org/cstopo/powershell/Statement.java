package org.cstopo.powershell;

import java.util.List;

/**
 * One statement of a script, as far as cstopo reads it: the command it starts with (after an
 * optional {@code $variable =}), the commands later in its pipeline, and the code found inside
 * brackets anywhere in it (so a topology cmdlet hidden in a script block is seen).
 *
 * @param offset    where the statement starts
 * @param label     how the statement is named in messages: its command, or its first word
 * @param command   the command the statement starts with; null when it starts with an expression or a keyword
 * @param pipedInto commands that receive the output of an earlier part of the pipeline
 * @param code      code inside (), {}, @(), @{}, $() and whole expression parts, with strings and comments blanked
 */
record Statement(int offset, String label, Command command, List<Command> pipedInto, List<Code> code) {

    /** A command and its arguments, in argument mode. */
    record Command(String name, int offset, List<Element> elements) {
    }

    /** Code text (strings and comments replaced by spaces) and where it starts. */
    record Code(int offset, String text) {
    }

    /**
     * One argument of a command. {@code value} is the parameter name for PARAMETER, the decoded
     * text for WORD and QUOTED, the variable name for VARIABLE, and the raw text otherwise.
     * {@code attached} is the value of {@code -Name:value}; {@code colon} says a colon followed the name.
     */
    record Element(Kind kind, String value, int offset, Element attached, boolean colon) {
        Element(Kind kind, String value, int offset) {
            this(kind, value, offset, null, false);
        }
    }

    enum Kind {
        /** -Name, -Name:, -Name:value */
        PARAMETER,
        /** a bare word: trustedpool.sip.com, 5061, C:\topology.xml */
        WORD,
        /** 'single' or "double" quoted text without expansion */
        QUOTED,
        /** "double quoted text with $variables or $(...)" */
        EXPANDABLE,
        /** $name, ${name} */
        VARIABLE,
        /** @name */
        SPLAT,
        /** (...), $(...), @(...), @{...} */
        EXPRESSION,
        /** {...} */
        SCRIPT_BLOCK,
        /** @" ... "@ or @' ... '@ */
        HERE_STRING,
        /** a comma: the argument is a list */
        COMMA,
        /** >, >>, 2>, 2>&1, *> ... */
        REDIRECTION,
        /** <...>, a placeholder such as <FQDN of the routing node> (PowerShell reserves '<') */
        PLACEHOLDER,
        /** several pieces glued into one argument: 'a'b, a$b, -Name=value */
        COMPOUND,
        /** a backtick that escapes a character instead of ending the line */
        ESCAPE,
        /** &, the call or background operator */
        AMPERSAND
    }
}
