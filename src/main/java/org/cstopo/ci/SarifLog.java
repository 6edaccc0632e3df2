package org.cstopo.ci;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.json.Json;
import org.cstopo.validate.Rule;
import org.cstopo.validate.Severity;

/**
 * Findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), which GitHub
 * code scanning, Azure DevOps and GitLab show on the lines of the file: one run, the tool with every
 * rule cstopo checks (id, short description, the README's help), one result per finding, and the
 * invocation (exit code; the error that stopped the run, if one did).
 */
public final class SarifLog {
    private SarifLog() {
    }

    /** The version of the format, and the schema that defines it. */
    static final String VERSION = "2.1.0";
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The analysis tool: cstopo and its version. */
    public record Tool(String name, String version) {
    }

    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (Rule r : Rule.values()) {
            INDEX.put(r.id(), r.ordinal());
        }
    }

    /**
     * The log of one run: {@code error} is the message of the error that ended it, or null. The run
     * reached a verdict when it ended with exit code 0, 1 or 6 (findings in the result of an edit).
     */
    public static String of(Tool tool, List<Annotation> annotations, int exitCode, String error) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver(tool)));
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", exitCode == 0 || exitCode == 1 || exitCode == 6);
        invocation.put("exitCode", exitCode);
        if (error != null) {
            Map<String, Object> notification = new LinkedHashMap<>();
            notification.put("level", "error");
            notification.put("message", Map.of("text", error));
            invocation.put("toolExecutionNotifications", List.of(notification));
        }
        run.put("invocations", List.of(invocation));
        // Columns count UTF-16 code units, as Java strings (and Lync's UTF-16 files) do.
        run.put("columnKind", "utf16CodeUnits");
        List<Object> results = new ArrayList<>();
        for (Annotation a : annotations) {
            results.add(result(a));
        }
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    private static Map<String, Object> driver(Tool tool) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", tool.name());
        driver.put("version", tool.version());
        List<Object> rules = new ArrayList<>();
        for (Rule r : Rule.values()) {
            RuleHelp help = RuleHelp.of(r);
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("shortDescription", Map.of("text", r.summary()));
            rule.put("fullDescription", Map.of("text", help.what().replace("`", "")));
            Map<String, Object> helpText = new LinkedHashMap<>();
            helpText.put("text", help.text());
            helpText.put("markdown", help.markdown());
            rule.put("help", helpText);
            rule.put("defaultConfiguration", Map.of("level", level(r.severity())));
            rules.add(rule);
        }
        driver.put("rules", rules);
        return driver;
    }

    private static Map<String, Object> result(Annotation a) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", a.ruleId());
        Integer index = INDEX.get(a.ruleId());
        if (index != null) {
            result.put("ruleIndex", index);
        }
        result.put("level", level(a.severity()));
        result.put("message", Map.of("text", a.message()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(a.file())));
        if (a.line() > 0) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", a.line());
            region.put("startColumn", Math.max(1, a.column()));
            physical.put("region", region);
        }
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        return result;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A file as SARIF names it: a relative path stays relative (a code-scanning upload places it in
     * the repository), with / and percent-encoding; an absolute one becomes a file: URI.
     */
    static String uri(String file) {
        try {
            Path path = Path.of(file);
            if (path.isAbsolute()) {
                return path.toUri().toASCIIString();
            }
        } catch (InvalidPathException e) {
            // not a path of this system: named as it is, encoded below
        }
        String slashed = file.replace(File.separatorChar, '/');
        int colon = slashed.indexOf(':');
        if (colon >= 0 && (slashed.indexOf('/') < 0 || colon < slashed.indexOf('/'))) {
            slashed = "./" + slashed; // a colon in the first segment would read as a scheme
        }
        try {
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path is always a valid URI path: " + file, e);
        }
    }
}
