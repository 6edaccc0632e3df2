package org.cstopo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of commands that read one topology and report on it: the file and --format. */
final class ReportOptions {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", converter = Format.TextOrJson.class,
            completionCandidates = Format.TextOrJson.class, description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;
}
