package org.cstopo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.change.ApplyResult;
import org.cstopo.json.Json;
import org.cstopo.powershell.OutsideStatement;
import org.cstopo.validate.ValidationReport;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What an editing command tells its user: with --format text, one line per event on stderr as it
 * happens; with --format json, one object on stdout at the end, for pipelines
 * ({"file", "outcomes": [...], "inferred": [...], "shapeFrom", "validation": {...}, "status",
 * "written", "exitCode"}). Errors stay one line on stderr with their exit code in both formats.
 */
final class EditReport {
    private final boolean json;
    private final PrintWriter err;
    private final PrintWriter out;
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> outcomes = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<Object> inferred = new ArrayList<>();
    private final List<Object> outside = new ArrayList<>();

    EditReport(Path topology, EditOptions opts, CommandSpec spec) {
        this.json = opts.format == Format.json;
        this.err = spec.commandLine().getErr();
        this.out = spec.commandLine().getOut();
        if (json && (opts.diff || opts.output.isStdout())) {
            throw new CstopoException(ExitCode.USAGE, "--format json prints its report on standard output; it cannot go with "
                    + (opts.diff ? "--diff" : "-o -"));
        }
        root.put("file", topology.toString());
        root.put("outcomes", outcomes);
        // Always present; null until shape() says what was copied (transform cannot know: a stylesheet writes its own form).
        root.put("inferred", null);
        root.put("shapeFrom", null);
    }

    /** How the new elements were shaped: the trusted pool they copy, and each kind written in an inferred form. */
    void shape(String shapeFrom, List<ApplyResult.Inferred> kinds) {
        root.put("inferred", inferred);
        root.put("shapeFrom", shapeFrom);
        for (ApplyResult.Inferred i : kinds) {
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("element", i.element());
                o.put("why", i.why());
                inferred.add(o);
            } else {
                err.println("cstopo: inferred: " + i.element() + ": " + i.why());
            }
        }
        if (!json && !kinds.isEmpty()) {
            err.println("cstopo: no real export confirms these forms: publish in a lab first (README: what is confirmed, what is inferred)");
        }
        if (!json && shapeFrom != null) {
            err.println("cstopo: new elements copy the form of this topology's trusted pool service " + shapeFrom);
        }
    }

    /** What one change (or stylesheet message) did. */
    void outcome(boolean applied, String origin, String change, String message) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("change", change);
            o.put("origin", origin);
            o.put("applied", applied);
            o.put("message", message);
            outcomes.add(o);
        } else {
            err.println("cstopo: " + (applied ? "applied: " : "unchanged: ") + message);
        }
    }

    /** A runbook statement left to the server: {"origin", "command", "message"} under "outside" in JSON. */
    void outside(OutsideStatement statement) {
        if (json) {
            root.putIfAbsent("outside", outside);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("origin", statement.origin());
            o.put("command", statement.command());
            o.put("message", OutsideStatement.MESSAGE);
            outside.add(o);
        } else {
            err.println("cstopo: " + statement.line());
        }
    }

    void message(String text) {
        if (json) {
            root.putIfAbsent("messages", messages);
            messages.add(text);
        } else {
            err.println("cstopo: " + text);
        }
    }

    void validation(ValidationReport report) {
        if (json) {
            root.put("validation", report.toJson());
        } else if (!report.findings().isEmpty()) {
            err.print(report.toText());
            err.flush();
        }
    }

    /** The end state: "unchanged", "pending", "up-to-date", "written", "left-untouched", "diff". */
    void status(String status, String textLine) {
        root.put("status", status);
        if (!json && textLine != null) {
            err.println("cstopo: " + textLine);
        }
    }

    void written(String where) {
        root.put("written", where);
        if (!json) {
            err.println("cstopo: wrote " + where);
        }
    }

    int finish(ExitCode code) {
        if (json) {
            root.put("exitCode", code.code);
            out.print(Json.write(root));
            out.flush();
        }
        return code.code;
    }
}
