package org.cstopo.cli;

import java.io.PrintStream;
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
 * What an editing command tells its user. With --format text, one line per event on stderr as it
 * happens. With --format json, exactly one object on stdout at the end, whatever the end is: the
 * run's outcome, or the error that stopped it ({@link #fail}, called by {@link Main} for any error
 * after the arguments were parsed). Every key is always there (edit.schema.json):
 * {"file", "outcomes", "outside", "inferred", "shapeFrom", "messages", "validation", "status",
 * "written", "error", "exitCode"}. Errors are also one line on stderr in both formats.
 */
final class EditReport {
    final Path topology;
    final EditOptions opts;
    /** Raw standard output, for topology bytes in their own encoding (-o -). */
    final PrintStream stdout;
    final PrintWriter out;
    private final boolean json;
    private final PrintWriter err;
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> outcomes = new ArrayList<>();
    private final List<Object> outside = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private boolean printed;

    /** Starts the report of the command {@code spec}, and makes it the one {@link Main} completes if the run fails. */
    EditReport(Path topology, EditOptions opts, CommandSpec spec) {
        Format.notHtml(spec, opts.format);
        Main main = (Main) spec.root().userObject();
        this.topology = topology;
        this.opts = opts;
        this.stdout = main.stdout;
        this.json = opts.format == Format.json;
        this.err = spec.commandLine().getErr();
        this.out = spec.commandLine().getOut();
        root.put("file", topology.toString());
        root.put("outcomes", outcomes);
        root.put("outside", outside);
        // null until shape() says what was copied (transform cannot know: a stylesheet writes its own form).
        root.put("inferred", null);
        root.put("shapeFrom", null);
        root.put("messages", messages);
        root.put("validation", null);
        root.put("status", null);
        root.put("written", null);
        root.put("error", null);
        root.put("exitCode", null);
        main.editReport = this;
        if (json && (opts.diff || opts.output.isStdout())) {
            throw new CstopoException(ExitCode.USAGE, "--format json prints its report on standard output; it cannot go with "
                    + (opts.diff ? "--diff" : "-o -"));
        }
    }

    /** How the new elements were shaped: the trusted pool they copy, and each kind written in an inferred form. */
    void shape(String shapeFrom, List<ApplyResult.Inferred> kinds) {
        List<Object> inferred = new ArrayList<>();
        root.put("inferred", inferred);
        root.put("shapeFrom", shapeFrom);
        if (json) {
            for (ApplyResult.Inferred i : kinds) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("element", i.element());
                o.put("why", i.why());
                inferred.add(o);
            }
        } else if (!kinds.isEmpty()) {
            // The reason a form is built in usually is the same for every kind: say it once, on the last line.
            String reason = commonReason(kinds);
            for (ApplyResult.Inferred i : kinds) {
                String why = reason == null ? i.why() : i.why().substring(0, i.why().length() - reason.length() - 3);
                err.println("cstopo: inferred: " + i.element() + ": " + why);
            }
            err.println("cstopo: no real export confirms these forms" + (reason == null ? "" : " (" + reason + ")")
                    + ": publish in a lab first (README: what is confirmed, what is inferred)");
        }
        if (!json && shapeFrom != null) {
            err.println("cstopo: new elements copy the form of this topology's trusted pool service " + shapeFrom);
        }
    }

    /** The "(...)" every kind's why ends with, without its parentheses; null when they differ or have none. */
    private static String commonReason(List<ApplyResult.Inferred> kinds) {
        String first = kinds.get(0).why();
        int open = first.lastIndexOf(" (");
        if (!first.endsWith(")") || open < 0) {
            return null;
        }
        String suffix = first.substring(open);
        return kinds.stream().allMatch(k -> k.why().endsWith(suffix) && k.why().length() > suffix.length())
                ? suffix.substring(2, suffix.length() - 1) : null;
    }

    /** What one change (or stylesheet message) did; under --check and --diff, what it would do. */
    void outcome(boolean applied, String origin, String change, String message) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("change", change);
            o.put("origin", origin);
            o.put("applied", applied);
            o.put("message", message);
            outcomes.add(o);
        } else {
            err.println("cstopo: " + (!applied ? "unchanged: " : opts.writes() ? "applied: " : "would apply: ") + message);
        }
    }

    /** A runbook statement left to the server: {"origin", "command", "message"} under "outside" in JSON. */
    void outside(OutsideStatement statement) {
        if (json) {
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

    /** The end state: "written", "unchanged", "left-untouched", "pending", "up-to-date", "refused" (none for --diff). */
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
        return print(code.code);
    }

    /** The run stopped with this error (already on stderr): the JSON report says so, with what was known until then. */
    int fail(int code, String message) {
        root.put("error", Main.errorJson(code, message));
        return print(code);
    }

    private int print(int code) {
        if (json && !printed) {
            printed = true;
            root.put("exitCode", code);
            out.print(Json.write(root));
            out.flush();
        }
        return code;
    }
}
