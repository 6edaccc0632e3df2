package org.cstopo.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every command that changes a topology. */
final class EditOptions {
    @Mixin
    OutputTarget output;

    @Option(names = "--diff", description = "Print the unified diff of what would be written, then the result's findings; write nothing"
            + " (so not with -o or --in-place; exit 6 when the result breaks a rule).")
    boolean diff;

    @Option(names = "--check", description = "Write nothing (so not with -o or --in-place); exit 1 when changes are pending, 0 when the topology is up to date,"
            + " 6 when the result breaks a rule.")
    boolean check;

    @Option(names = "--force", description = "Write the result even if validation finds errors in it; with --backup FILE, replace an existing FILE.")
    boolean force;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif|github", converter = Format.WithFindings.class,
            completionCandidates = Format.WithFindings.class,
            description = "text: what happened, on stderr (default); json: one report object on stdout, for pipelines;"
                    + " sarif (a SARIF 2.1.0 log) or github (workflow commands): the result's findings on stdout, for a CI"
                    + " system, and what happened on stderr.")
    Format format;

    boolean writes() {
        return !diff && !check;
    }
}
