package org.cstopo;

/**
 * An error the user can act on. The message is one line: what is wrong, where, and how to fix it.
 * The CLI prints it as is and exits with {@link #exitCode()}; it never prints a stack trace for it.
 */
public class CstopoException extends RuntimeException {
    private final ExitCode exitCode;

    public CstopoException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CstopoException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
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
