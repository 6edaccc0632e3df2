package org.cstopo;

/**
 * An error the user can act on. The message is one line: what is wrong, where, and how to fix it.
 * The CLI prints it as is and exits with {@link #exitCode()}; it never prints a stack trace for it.
 */
public class CstopoException extends RuntimeException {
    private final ExitCode exitCode;

    public CstopoException(ExitCode exitCode, String message) {
        super(oneLine(message));
        this.exitCode = exitCode;
    }

    public CstopoException(ExitCode exitCode, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.exitCode = exitCode;
    }

    /**
     * Messages quote the input (parser messages, names, values), and the input may hold line
     * breaks and control characters: shown as escapes, so the message stays one line and cannot
     * move the terminal's cursor.
     */
    public static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean control = c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (control && sb == null) {
                sb = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return sb == null ? message : sb.toString();
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CstopoException badInput(String message) {
        return new CstopoException(ExitCode.BAD_INPUT, message);
    }

    public static CstopoException conflict(String message) {
        return new CstopoException(ExitCode.CONFLICT, message);
    }
}
