package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.diff.WriteCheck;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.transform.Limits;
import org.cstopo.transform.Stylesheet;
import org.cstopo.transform.Transform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "transform", mixinStandardHelpOptions = true,
        description = {"Run an XSLT 3.0 stylesheet on a topology and write its result as a minimal edit of the original.",
            "RULE is a file or a shipped rule: " + "set-ip, replace-unassigned-ips, add-trusted-pool, readdress, rename-domain,"
                    + " report-text.",
            "A stylesheet whose output method is text or html is a report: its output is printed as it is (-o FILE to save it)."})
final class TransformCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "Topology exported with Get-CsTopology -AsXml.")
    Path topology;

    @Option(names = "--xslt", required = true, paramLabel = "RULE", description = "Stylesheet file, or the name of a shipped rule.")
    String xslt;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A stylesheet parameter (repeatable); values are strings.")
    List<String> params = List.of();

    @Option(names = "--param-file", paramLabel = "NAME=FILE",
            description = "A stylesheet parameter whose value is the text of FILE (UTF-8, or UTF-16 with a byte order mark), e.g."
                    + " map=addresses.csv for readdress (repeatable). cstopo reads the file: the stylesheet still reads nothing.")
    List<String> paramFiles = List.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop the stylesheet after this many seconds (compiling it, then running it; default 60).")
    double timeoutSeconds;

    @Mixin
    EditOptions edit;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        EditReport editReport = new EditReport(topology, edit, spec);
        Map<String, String> values = parseParams();
        Limits limits = limits();
        Stylesheet stylesheet = Transform.compile(xslt, limits);
        if (stylesheet.isReport() && edit.output.inPlace) {
            throw new ParameterException(spec.commandLine(), "--in-place replaces the topology, but " + stylesheet.name()
                    + " writes a report (its xsl:output method is text or html): print it, or save it with -o FILE");
        }
        if (stylesheet.isReport() && !edit.writes()) {
            throw new ParameterException(spec.commandLine(), (edit.check ? "--check" : "--diff") + " compares an edited topology"
                    + " with the original, but " + stylesheet.name() + " writes a report (its xsl:output method is text or html):"
                    + " print it, or save it with -o FILE");
        }
        if (stylesheet.isReport() && edit.format != Format.text) {
            throw new ParameterException(spec.commandLine(), "--format " + edit.format + " reports an edit of the topology, but "
                    + stylesheet.name()
                    + " writes a report (its xsl:output method is text or html): leave --format out");
        }
        edit.output.check(!stylesheet.isReport() && edit.writes(), topology, edit.force, Map.of("the stylesheet", Path.of(xslt)));
        SourceDocument doc = FileIO.readDocument(topology);
        Topology before = TopologyBinder.bind(doc);
        Transform.Result result = Transform.run(doc, stylesheet, values, limits);
        if (result.report()) {
            PrintWriter err = spec.commandLine().getErr();
            result.messages().forEach(m -> err.println("cstopo: " + stylesheet.name() + ": " + m));
            return report(result.text());
        }
        result.messages().forEach(m -> editReport.message(stylesheet.name() + ": " + m));
        return EditOutput.finish(editReport, before, result.edited(), ResultFixes.commandLine(topology, List.of()), written -> { });
    }

    private int report(String text) {
        if (edit.output.isSet() && !edit.output.isStdout()) {
            OutputTarget.Written where = edit.output.writeReport(text.getBytes(StandardCharsets.UTF_8), main.stdout);
            spec.commandLine().getErr().println("cstopo: wrote " + where);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return ExitCode.OK.code;
    }

    private Limits limits() {
        if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
            throw new ParameterException(spec.commandLine(), "--timeout " + timeoutSeconds + ": give a number of seconds above 0"
                    + " and at most 86400 (e.g. --timeout 120)");
        }
        return Limits.of(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))));
    }

    private Map<String, String> parseParams() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CstopoException(ExitCode.USAGE, "--param '" + p + "' is not NAME=VALUE");
            }
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        for (String p : paramFiles) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new CstopoException(ExitCode.USAGE, "--param-file '" + p + "' is not NAME=FILE (e.g. --param-file map=addresses.csv)");
            }
            String name = p.substring(0, eq);
            if (out.containsKey(name)) {
                throw new CstopoException(ExitCode.USAGE, "parameter " + name + " is given twice (--param and --param-file): give it once");
            }
            out.put(name, FileIO.readText(Path.of(p.substring(eq + 1)), FileIO.Input.PARAMETER));
        }
        return out;
    }
}
