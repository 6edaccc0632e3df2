package org.cstopo.powershell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.powershell.Statement.Code;
import org.cstopo.powershell.Statement.Command;
import org.cstopo.powershell.Statement.Element;
import org.cstopo.powershell.Statement.Kind;

/**
 * Splits a PowerShell script into statements and the arguments of their commands: the subset of
 * PowerShell's grammar a runbook uses, read as PowerShell reads it. Statements end at a line end
 * or ';'. A backtick at the very end of a line continues it. Comments are '#' to the end of the
 * line and {@code <# ... #>}. Quotes are ' and " (and the typographic quotes PowerShell also
 * accepts, as text copied from a PDF has them); dashes before parameter names may be en or em
 * dashes for the same reason.
 *
 * <p>One rule is cstopo's own: a line that begins with {@code -Parameter} continues the command of
 * the line before. Printed guides wrap long commands that way, without backticks; PowerShell would
 * fail on such a line, so reading it as a continuation takes nothing away.
 *
 * <p>Constructs cstopo does not read (variables, expressions, script blocks, splatting,
 * placeholders...) are kept as elements of their own kind; {@link RunbookReader} decides. Only
 * what makes the statement boundaries unknowable (an unclosed string, bracket or comment) is an
 * error here.
 */
final class ScriptParser {
    private static final Pattern ASSIGNMENT = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_:]*[ \\t]*=(?!=)");
    private static final Pattern REDIRECTION = Pattern.compile("(?:[1-6*]?>>?(?:&[1-6])?)");
    private static final Set<String> KEYWORDS = Set.of("begin", "break", "catch", "class", "continue", "data", "do",
            "dynamicparam", "else", "elseif", "end", "enum", "exit", "filter", "finally", "for", "foreach", "function",
            "if", "param", "process", "return", "switch", "throw", "trap", "try", "until", "using", "while", "workflow");

    private final ScriptText script;
    private final String text;
    private int pos;
    private List<Code> code;

    private ScriptParser(ScriptText script) {
        this.script = script;
        this.text = script.text;
    }

    static List<Statement> parse(ScriptText script) {
        return new ScriptParser(script).statements();
    }

    private List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        while (true) {
            skipBetweenStatements();
            if (eof()) {
                return out;
            }
            out.add(statement());
        }
    }

    private void skipBetweenStatements() {
        while (!eof()) {
            char c = peek();
            if (isSpace(c) || isNewline(c) || c == ';') {
                pos++;
            } else if (c == '#') {
                skipLineComment();
            } else if (startsBlockComment(pos)) {
                skipBlockComment();
            } else if (c == '`' && isNewline(charAt(pos + 1))) {
                pos++;
            } else {
                return;
            }
        }
    }

    private Statement statement() {
        int start = pos;
        code = new ArrayList<>();
        Matcher assignment = ASSIGNMENT.matcher(text).region(pos, text.length());
        if (assignment.lookingAt()) {
            pos = assignment.end();
            skipBlank();
        }
        Command first = null;
        String label = null;
        List<Command> piped = new ArrayList<>();
        for (boolean firstPart = true; ; firstPart = false) {
            skipBlank();
            Command command = startsCommand() ? command() : null;
            if (command == null) {
                expression();
            }
            if (firstPart) {
                first = command;
                label = command != null ? command.name() : firstWord(start);
            } else if (command != null) {
                piped.add(command);
            }
            if (eof() || peek() != '|') {
                break;
            }
            pos++;
            skipBlankAndNewlines();
        }
        if (!eof() && (peek() == ')' || peek() == '}')) {
            throw script.error(pos, "'" + peek() + "' closes nothing", "remove it, or add the bracket it closes");
        }
        return new Statement(start, label, first, List.copyOf(piped), List.copyOf(code));
    }

    private String firstWord(int from) {
        int end = from;
        while (end < text.length() && !isSpace(text.charAt(end)) && !isNewline(text.charAt(end)) && end - from < 40) {
            end++;
        }
        return text.substring(from, end);
    }

    private boolean startsCommand() {
        if (eof()) {
            return false;
        }
        char c = peek();
        boolean path = c == '.' && (charAt(pos + 1) == '\\' || charAt(pos + 1) == '/');
        if (!Character.isLetter(c) && c != '_' && !path) {
            return false;
        }
        int end = pos;
        while (end < text.length() && !isWordEnd(text.charAt(end))) {
            end++;
        }
        return !KEYWORDS.contains(text.substring(pos, end).toLowerCase(Locale.ROOT));
    }

    // ---- commands in argument mode --------------------------------------------------------------

    private Command command() {
        int nameStart = pos;
        while (!eof() && !isWordEnd(peek())) {
            pos++;
        }
        String name = text.substring(nameStart, pos);
        List<Element> elements = new ArrayList<>();
        while (true) {
            skipBlank();
            if (eof()) {
                break;
            }
            char c = peek();
            if (isNewline(c)) {
                if (!parameterLineFollows()) {
                    break;
                }
                skipNewline();
                continue;
            }
            if (c == ';' || c == '|' || c == ')' || c == '}') {
                break;
            }
            if (c == '#') {
                skipLineComment();
                continue;
            }
            elements.add(element());
        }
        return new Command(name, nameStart, List.copyOf(elements));
    }

    /** The next line starts (after blanks) with -Name: it continues this command (see the class comment). */
    private boolean parameterLineFollows() {
        int i = pos;
        if (charAt(i) == '\r') {
            i++;
        }
        if (charAt(i) == '\n') {
            i++;
        }
        while (isSpace(charAt(i))) {
            i++;
        }
        return isDash(charAt(i)) && Character.isLetter(charAt(i + 1));
    }

    private Element element() {
        int start = pos;
        char c = peek();
        if (isDash(c) && isParameterNameStart(charAt(pos + 1))) {
            return parameter();
        }
        if (isSingleQuote(c)) {
            return glued(start, new Element(Kind.QUOTED, singleQuoted(), start));
        }
        if (isDoubleQuote(c)) {
            return glued(start, doubleQuoted());
        }
        if (c == '$') {
            return glued(start, dollar());
        }
        if (c == '@') {
            return glued(start, at());
        }
        if (c == '(') {
            nested();
            return glued(start, new Element(Kind.EXPRESSION, text.substring(start, pos), start));
        }
        if (c == '{') {
            nested();
            return glued(start, new Element(Kind.SCRIPT_BLOCK, text.substring(start, pos), start));
        }
        if (c == ',') {
            pos++;
            return new Element(Kind.COMMA, ",", start);
        }
        if (c == '&') {
            pos++;
            return new Element(Kind.AMPERSAND, "&", start);
        }
        if (c == '<') {
            return placeholder();
        }
        Matcher redirection = REDIRECTION.matcher(text).region(pos, text.length());
        if (redirection.lookingAt()) {
            pos = redirection.end();
            return new Element(Kind.REDIRECTION, redirection.group(), start);
        }
        if (c == '`') {
            pos = Math.min(pos + 2, text.length());
            return new Element(Kind.ESCAPE, text.substring(start, pos), start);
        }
        return word();
    }

    private Element parameter() {
        int start = pos;
        pos++;
        int nameStart = pos;
        while (!eof() && isParameterNameChar(peek())) {
            pos++;
        }
        String name = text.substring(nameStart, pos);
        if (!eof() && peek() == ':') {
            pos++;
            Element value = eof() || isArgumentEnd(peek()) ? null : element();
            return new Element(Kind.PARAMETER, name, start, value, true);
        }
        if (!eof() && !isArgumentEnd(peek())) {
            restOfArgument();
            return new Element(Kind.COMPOUND, text.substring(start, pos), start);
        }
        return new Element(Kind.PARAMETER, name, start);
    }

    /** PowerShell glues adjacent pieces into one argument ('a'b, $x.y); cstopo reads each piece only alone. */
    private Element glued(int start, Element piece) {
        if (eof() || isArgumentEnd(peek())) {
            return piece;
        }
        restOfArgument();
        return new Element(Kind.COMPOUND, text.substring(start, pos), start);
    }

    private Element word() {
        int start = pos;
        boolean plain = true;
        while (!eof() && !isArgumentEnd(peek())) {
            char c = peek();
            if (c == '$' || c == '`' || isSingleQuote(c) || isDoubleQuote(c)) {
                plain = false;
                restOfArgument();
                break;
            }
            pos++;
        }
        String raw = text.substring(start, pos);
        return new Element(plain ? Kind.WORD : Kind.COMPOUND, raw, start);
    }

    /** Consumes whatever belongs to the current argument, strings and brackets included. */
    private void restOfArgument() {
        while (!eof() && !isArgumentEnd(peek())) {
            char c = peek();
            if (isSingleQuote(c)) {
                singleQuoted();
            } else if (isDoubleQuote(c)) {
                doubleQuoted();
            } else if (c == '(' || c == '{' || c == '[') {
                nested();
            } else if (c == '`') {
                pos = Math.min(pos + 2, text.length());
            } else {
                pos++;
            }
        }
    }

    private Element placeholder() {
        int start = pos;
        while (!eof() && !isNewline(peek()) && peek() != '>') {
            pos++;
        }
        if (!eof() && peek() == '>') {
            pos++;
        }
        return new Element(Kind.PLACEHOLDER, text.substring(start, pos), start);
    }

    private Element dollar() {
        int start = pos;
        char next = charAt(pos + 1);
        if (next == '(') {
            pos++;
            nested();
            return new Element(Kind.EXPRESSION, text.substring(start, pos), start);
        }
        if (next == '{') {
            int end = text.indexOf('}', pos);
            if (end < 0) {
                throw script.error(start, "'${' is not closed", "add the closing '}'");
            }
            pos = end + 1;
            return new Element(Kind.VARIABLE, text.substring(start + 2, end), start);
        }
        pos++;
        int nameStart = pos;
        while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == ':')) {
            pos++;
        }
        if (pos == nameStart && !eof() && (peek() == '$' || peek() == '?' || peek() == '^')) {
            pos++;
        }
        if (pos == nameStart) {
            return new Element(Kind.WORD, "$", start);
        }
        return new Element(Kind.VARIABLE, text.substring(nameStart, pos), start);
    }

    private Element at() {
        int start = pos;
        char next = charAt(pos + 1);
        if (next == '(' || next == '{') {
            pos++;
            nested();
            return new Element(Kind.EXPRESSION, text.substring(start, pos), start);
        }
        if ((isSingleQuote(next) || isDoubleQuote(next)) && isHereStringStart(pos)) {
            hereString();
            return new Element(Kind.HERE_STRING, text.substring(start, pos), start);
        }
        pos++;
        int nameStart = pos;
        while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return new Element(pos == nameStart ? Kind.WORD : Kind.SPLAT, text.substring(start, pos), start);
    }

    // ---- strings ---------------------------------------------------------------------------------

    /** '...' with '' for a quote; returns the text. */
    private String singleQuoted() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) {
                throw script.error(start, "this quoted string is not closed", "add the closing quote");
            }
            char c = peek();
            if (isSingleQuote(c)) {
                if (isSingleQuote(charAt(pos + 1))) {
                    sb.append(charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                pos++;
                return sb.toString();
            }
            sb.append(c);
            pos++;
        }
    }

    /** "..." with backtick escapes and "" for a quote; EXPANDABLE when it holds $ expansions. */
    private Element doubleQuoted() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        boolean expands = false;
        while (true) {
            if (eof()) {
                throw script.error(start, "this quoted string is not closed", "add the closing quote");
            }
            char c = peek();
            if (isDoubleQuote(c)) {
                if (isDoubleQuote(charAt(pos + 1))) {
                    sb.append(charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                pos++;
                return new Element(expands ? Kind.EXPANDABLE : Kind.QUOTED, expands ? text.substring(start, pos) : sb.toString(), start);
            }
            if (c == '`' && pos + 1 < text.length()) {
                sb.append(escaped(charAt(pos + 1)));
                pos += 2;
                continue;
            }
            if (c == '$') {
                char next = charAt(pos + 1);
                if (next == '(') {
                    pos++;
                    nested();
                    expands = true;
                    continue;
                }
                if (isVariableStart(next) || next == '{') {
                    expands = true;
                }
            }
            sb.append(c);
            pos++;
        }
    }

    /** PowerShell's escape sequences in double-quoted strings. */
    private static char escaped(char c) {
        return switch (c) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'e' -> '\u001b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000b';
            default -> c;
        };
    }

    private boolean isHereStringStart(int at) {
        int i = at + 2;
        while (isSpace(charAt(i))) {
            i++;
        }
        return isNewline(charAt(i));
    }

    /** @" ... "@ or @' ... '@: the closing mark starts a line. */
    private void hereString() {
        int start = pos;
        char quote = isSingleQuote(charAt(pos + 1)) ? '\'' : '"';
        pos += 2;
        while (!eof()) {
            char c = peek();
            pos++;
            if (isNewline(c) && (quote == '\'' ? isSingleQuote(charAt(pos)) : isDoubleQuote(charAt(pos))) && charAt(pos + 1) == '@') {
                pos += 2;
                return;
            }
        }
        throw script.error(start, "this here-string is not closed", "end it with " + quote + "@ at the start of a line");
    }

    // ---- code in brackets and expression statements ----------------------------------------------

    /** From an opening bracket to its match, strings and comments included; records and returns the code. */
    private String nested() {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        Deque<Character> closers = new ArrayDeque<>();
        while (true) {
            if (eof()) {
                throw script.error(start, "'" + text.charAt(start) + "' is not closed", "add its closing bracket");
            }
            char c = peek();
            if (c == '(' || c == '{' || c == '[') {
                closers.push(c == '(' ? ')' : c == '{' ? '}' : ']');
                sb.append(c);
                pos++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (closers.isEmpty() || closers.peek() != c) {
                    throw script.error(pos, "'" + c + "' does not match the bracket opened before it", "check the brackets");
                }
                closers.pop();
                sb.append(c);
                pos++;
                if (closers.isEmpty()) {
                    code.add(new Code(start, sb.toString()));
                    return sb.toString();
                }
            } else {
                codeChar(sb);
            }
        }
    }

    /** An expression part of a statement (not a command): to the end of the statement. */
    private void expression() {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        while (!eof()) {
            char c = peek();
            if (isNewline(c) || c == ';' || c == '|' || c == ')' || c == '}') {
                break;
            }
            if (c == '(' || c == '{' || c == '[') {
                sb.append(nested());
            } else {
                codeChar(sb);
            }
        }
        code.add(new Code(start, sb.toString()));
    }

    /** One step through code: a string or comment becomes blanks, anything else is copied. */
    private void codeChar(StringBuilder sb) {
        int from = pos;
        char c = peek();
        if (isSingleQuote(c)) {
            singleQuoted();
        } else if (isDoubleQuote(c)) {
            doubleQuoted();
        } else if (c == '@' && (isSingleQuote(charAt(pos + 1)) || isDoubleQuote(charAt(pos + 1))) && isHereStringStart(pos)) {
            hereString();
        } else if (startsBlockComment(pos)) {
            skipBlockComment();
        } else if (c == '#' && (pos == 0 || !Character.isLetterOrDigit(text.charAt(pos - 1)))) {
            skipLineComment();
        } else if (c == '`') {
            pos = Math.min(pos + 2, text.length());
        } else {
            sb.append(c);
            pos++;
            return;
        }
        sb.append(" ".repeat(pos - from));
    }

    // ---- blanks and comments ---------------------------------------------------------------------

    /** Spaces, tabs, backtick line continuations and block comments; not line ends. */
    private void skipBlank() {
        while (!eof()) {
            char c = peek();
            if (isSpace(c)) {
                pos++;
            } else if (c == '`' && isNewline(charAt(pos + 1))) {
                pos++;
                skipNewline();
            } else if (startsBlockComment(pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlankAndNewlines() {
        while (!eof()) {
            skipBlank();
            if (eof() || !isNewline(peek())) {
                return;
            }
            skipNewline();
        }
    }

    private void skipNewline() {
        if (!eof() && peek() == '\r') {
            pos++;
        }
        if (!eof() && peek() == '\n') {
            pos++;
        }
    }

    private void skipLineComment() {
        while (!eof() && !isNewline(peek())) {
            pos++;
        }
    }

    private boolean startsBlockComment(int at) {
        return charAt(at) == '<' && charAt(at + 1) == '#';
    }

    private void skipBlockComment() {
        int end = text.indexOf("#>", pos + 2);
        if (end < 0) {
            throw script.error(pos, "this <# comment is not closed", "end it with #>");
        }
        pos = end + 2;
    }

    // ---- characters ------------------------------------------------------------------------------

    private boolean eof() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private char charAt(int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
    }

    /** Where an argument ends in argument mode. */
    private boolean isArgumentEnd(char c) {
        return isSpace(c) || isNewline(c) || c == ';' || c == '|' || c == ')' || c == '}' || c == ',' || c == '&'
                || c == '>' || c == '<' || c == '(' || c == '{' || (c == '`' && isNewline(charAt(pos + 1)));
    }

    /** Where a command name ends. */
    private static boolean isWordEnd(char c) {
        return isSpace(c) || isNewline(c) || c == ';' || c == '|' || c == '(' || c == ')' || c == '{' || c == '}'
                || c == ',' || c == '&' || c == '<' || c == '>' || c == '`' || c == '=';
    }

    /**
     * PowerShell's blanks (its tokenizer's IsWhitespace): space, tab, form feed, vertical tab, no-break
     * space, next line (U+0085) and every other Unicode space or separator (U+2002, U+202F, U+3000...,
     * as text copied from a PDF or a web page has them). Each one ends an argument.
     */
    static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
        }
        if (c <= 256) {
            return c == '\u00a0' || c == '\u0085';
        }
        return Character.isSpaceChar(c);
    }

    static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    /** PowerShell takes en, em and horizontal-bar dashes for '-' before a parameter name. */
    static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015';
    }

    static boolean isSingleQuote(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201a' || c == '\u201b';
    }

    static boolean isDoubleQuote(char c) {
        return c == '"' || c == '\u201c' || c == '\u201d' || c == '\u201e';
    }

    /**
     * What may follow '$' to make a variable in a double-quoted string (PowerShell's IsVariableStart):
     * a letter or digit ("$5" is the variable 5, not the text), '_', '?', '^', '$' or ':'.
     */
    private static boolean isVariableStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '?' || c == '^' || c == '$' || c == ':';
    }

    private static boolean isParameterNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '?';
    }

    private static boolean isParameterNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '?';
    }
}
