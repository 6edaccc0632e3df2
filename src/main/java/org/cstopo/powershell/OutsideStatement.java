package org.cstopo.powershell;

/**
 * A statement of a runbook that changes no topology (New-CsStaticRoute, Enable-CsTopology,
 * certificates...): cstopo skips it whole and lists it, so that it is run on the server.
 *
 * @param origin  file:line:column where the statement starts
 * @param command its cmdlet, or its first word when it does not start with one
 */
public record OutsideStatement(String origin, String command) {
    public static final String MESSAGE = "outside the topology: run it on the server";

    /** The line printed for it: {@code file:line:column: New-CsStaticRoute: outside the topology: run it on the server}. */
    public String line() {
        return origin + ": " + command + ": " + MESSAGE;
    }
}
