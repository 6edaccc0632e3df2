package org.cstopo.powershell;

import java.util.Locale;
import org.cstopo.CstopoException;
import org.cstopo.powershell.Statement.Element;
import org.cstopo.powershell.Statement.Kind;

/**
 * The values cstopo reads in a topology statement: literal words and quoted text, $true/$false.
 * Anything whose value is known only when the script runs is refused, each kind with its reason.
 */
final class Literals {
    private Literals() {
    }

    /** The text of a literal value; {@code subject} names what it is for ("New-CsTrustedApplicationPool -Identity"). */
    static String text(ScriptText script, String subject, Element e) {
        if (e.kind() == Kind.WORD && PowerShellText.changesAsNumber(e.value())) {
            throw script.error(e.offset(), subject + " " + e.value() + ": PowerShell reads this as a number, not as the text",
                    "quote it ('" + e.value() + "') if the text is meant");
        }
        if (e.kind() == Kind.WORD || e.kind() == Kind.QUOTED) {
            return e.value();
        }
        if (e.kind() == Kind.VARIABLE && isBoolean(e)) {
            throw script.error(e.offset(), subject + " $" + e.value() + ": $true and $false are not text",
                    "write the value itself");
        }
        throw unreadable(script, subject, e);
    }

    /** $true, $false, 1 or 0: what a [Boolean] parameter accepts. */
    static boolean bool(ScriptText script, String subject, Element e) {
        if (e.kind() == Kind.VARIABLE && isBoolean(e)) {
            return e.value().equalsIgnoreCase("true");
        }
        if (e.kind() == Kind.WORD && (e.value().equals("1") || e.value().equals("0"))) {
            return e.value().equals("1");
        }
        if ((e.kind() == Kind.WORD || e.kind() == Kind.QUOTED)
                && (e.value().equalsIgnoreCase("true") || e.value().equalsIgnoreCase("false"))) {
            throw script.error(e.offset(), subject + " " + e.value() + ": PowerShell passes this as text, which a Boolean"
                    + " parameter refuses", "write $" + e.value().toLowerCase(Locale.ROOT));
        }
        if (e.kind() == Kind.WORD || e.kind() == Kind.QUOTED) {
            throw script.error(e.offset(), subject + " '" + e.value() + "' is not $true or $false", "write $true or $false");
        }
        throw unreadable(script, subject, e);
    }

    static boolean isBoolean(Element e) {
        return e.kind() == Kind.VARIABLE && (e.value().equalsIgnoreCase("true") || e.value().equalsIgnoreCase("false"));
    }

    /** Why an element cannot be read as a value, with what to do instead. */
    static CstopoException unreadable(ScriptText script, String subject, Element e) {
        String raw = "'" + e.value() + "'";
        return switch (e.kind()) {
            case VARIABLE -> script.error(e.offset(), subject + " $" + e.value()
                    + ": a variable's value is known only when the script runs", "write the value itself");
            case EXPANDABLE -> script.error(e.offset(), subject + " " + e.value()
                    + ": double-quoted text with $ is known only when the script runs", "write the value itself, or use single quotes");
            case EXPRESSION -> script.error(e.offset(), subject + " " + e.value()
                    + ": an expression's value is known only when the script runs", "write the value itself");
            case SCRIPT_BLOCK -> script.error(e.offset(), subject + ": a script block { } cannot be read as a value",
                    "write the value itself");
            case SPLAT -> script.error(e.offset(), subject + " " + e.value()
                    + ": splatting passes parameters cstopo cannot see", "write each parameter out (-Name value)");
            case HERE_STRING -> script.error(e.offset(), subject + ": a here-string is not read as a value",
                    "write the value on the line, in quotes if it has spaces");
            case COMMA -> script.error(e.offset(), subject + ": ',' makes a list, and each parameter here takes one value",
                    "give one value; write another statement for the next");
            case REDIRECTION -> script.error(e.offset(), subject + " " + e.value()
                    + ": redirection is not read in a topology statement", "remove it");
            case PLACEHOLDER -> script.error(e.offset(), subject + " " + e.value()
                    + " is a placeholder, not a value", "replace it with the real value");
            case COMPOUND -> script.error(e.offset(), subject + " " + raw
                    + " cannot be read as one value (PowerShell would join or expand its pieces)",
                    "write it as one word or one quoted string");
            case ESCAPE -> script.error(e.offset(), subject + ": a backtick that is not the last character of its line"
                    + " escapes the next one instead of continuing the line", "remove what follows the backtick (often a space)");
            case AMPERSAND -> script.error(e.offset(), subject + ": '&' is not read in a topology statement", "remove it");
            case PARAMETER -> script.error(e.offset(), subject + " has no value before -" + e.value(), "give it a value");
            case WORD, QUOTED -> script.error(e.offset(), subject + " " + raw + " cannot be read here", "check the statement");
        };
    }
}
