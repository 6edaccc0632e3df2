package org.cstopo.cli;

import java.util.List;
import org.cstopo.ci.Annotation;
import org.cstopo.ci.SarifLog;
import org.cstopo.ci.WorkflowCommands;
import org.cstopo.validate.ValidationReport;

/** What --format sarif and --format github print: findings where CI systems show them, and the error that ended a run. */
final class FindingsOutput {
    private FindingsOutput() {
    }

    /** Its version as --version says it: the jar's, or "(development build)" when run from a build's classes. */
    static final SarifLog.Tool TOOL = new SarifLog.Tool("cstopo", new Main.Version().getVersion()[0].substring("cstopo ".length()));

    /**
     * {@code report} may be null (the run stopped before validating); {@code unwritten} is how its
     * findings name a result that is in no file, {@code readFrom} the topology it was made from;
     * {@code error} the message of the error that ended the run, or null.
     */
    static String of(Format format, ValidationReport report, String unwritten, String readFrom, int exitCode, String error) {
        List<Annotation> annotations = report == null ? List.of() : Annotation.of(report.findings(), unwritten, readFrom);
        if (format == Format.sarif) {
            return SarifLog.of(TOOL, annotations, exitCode, error);
        }
        return WorkflowCommands.of(annotations) + (report == null ? "" : report.summary() + "\n")
                + (error == null ? "" : WorkflowCommands.error(error));
    }
}
