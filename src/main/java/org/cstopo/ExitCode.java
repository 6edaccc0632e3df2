package org.cstopo;

/**
 * Process exit codes, stable for pipelines. Documented in the README; never renumber.
 */
public enum ExitCode {
    /** Success; validation clean (warnings allowed); diff equal; nothing pending. */
    OK(0),
    /** The answer is "no": validation errors found, diff not equal, changes pending and valid (--check). */
    FINDINGS(1),
    /** The command line is wrong: unknown flag, missing argument, bad value. */
    USAGE(2),
    /** An input (topology, changes file, stylesheet) is unreadable, not XML, or not a topology. */
    BAD_INPUT(3),
    /** A requested change contradicts the topology (unknown FQDN, computer in another pool, ...). */
    CONFLICT(4),
    /** The output could not be written (permissions, disk); the input is untouched. */
    WRITE_FAILED(5),
    /**
     * The result of an edit breaks a topology rule (a validation error), so Publish-CsTopology would
     * refuse it; nothing was written. Also the answer of --check and --diff for such a result, and
     * of a write whose input already broke the rule (the message says so).
     */
    RESULT_BREAKS_RULES(6),
    /** A bug in cstopo. */
    INTERNAL(70);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
