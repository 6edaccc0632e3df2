package org.cstopo.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cstopo.change.ApplyResult;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangesFile;
import org.cstopo.cli.Main;
import org.cstopo.diff.DiffReport;
import org.cstopo.diff.WriteCheck;
import org.cstopo.io.FileIO;
import org.cstopo.io.SafeXml;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TextEncoding;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.ValidationReport;
import org.cstopo.validate.Validator;

/**
 * Times the phases of {@code cstopo apply} in one fresh JVM, in the order apply runs them, so a cold
 * run can be split into where its time goes. Uses only the public API of io and model (no
 * instrumentation in production code).
 *
 * <pre>
 * java -cp cstopo.jar org.cstopo.bench.Phases TOPOLOGY OUT [--changes FILE] [--heap]
 * </pre>
 * With {@code --changes} the run continues as {@code apply --changes} does (cli.ChangeRun and
 * cli.EditOutput): read the changes file, plan and render the edits, parse the result where it
 * changed and bind the entries the changes touched, verify that it differs only where asked
 * (semantic diff). Both forms then validate the
 * result, encode it and write it. Keep this list in step with those two classes.
 * Prints one line per phase: {@code phase<TAB>milliseconds<TAB>live heap MB after it}. With
 * {@code --heap} a full GC runs after every phase and the live heap is the heap in use after it
 * (what the phase's results retain); without it the heap column is "-" and the times are clean.
 *
 * <p>The scan of tag offsets has no public entry point of its own: {@link SourceDocument#parse}
 * runs the well-formedness check and the scan, so the scan is reported as that call minus a second
 * (warm) well-formedness check.
 */
public final class Phases {
    private final boolean heap;
    private final List<String> lines = new ArrayList<>();
    private long t0;

    private Phases(boolean heap) {
        this.heap = heap;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Phases TOPOLOGY OUT [--changes FILE] [--heap]");
            System.exit(2);
        }
        Main.useJdkTransformerFactoryForDomBuilding(); // as the CLI configures the JVM
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path changes = null;
        boolean heap = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--heap")) {
                heap = true;
            } else if (args[i].equals("--changes") && i + 1 < args.length) {
                changes = Path.of(args[++i]);
            }
        }
        Phases p = new Phases(heap);
        p.run(in, out, changes);
        p.lines.forEach(System.out::println);
    }

    private void run(Path in, Path out, Path changesFile) {
        long first = System.nanoTime();
        start();
        // picocli: building the command line from the annotations and parsing, as every command does first
        String[] args = {"apply", in.toString(), "-o", out.toString()};
        Main.commandLineFor(args).parseArgs(args);
        stop("picocli: build the command line, parse arguments", null);

        start();
        byte[] bytes = FileIO.readInput(in);
        stop("read file", bytes);

        start();
        TextEncoding enc = TextEncoding.detect(bytes, in.toString());
        String text = enc.decode(bytes, in.toString());
        stop("decode (" + enc.name() + ")", text);

        start();
        SafeXml.checkWellFormed(text, in.toString());
        long coldCheck = stopNanos();
        record("well-formedness check (JDK SAX, cold)", coldCheck, text);

        start();
        SourceDocument doc = SourceDocument.parse(in.toString(), enc, text);
        long parse = stopNanos();

        start();
        SafeXml.checkWellFormed(text, in.toString());
        long warmCheck = stopNanos();
        record("scan tag offsets (parse minus a warm check of " + ms(warmCheck) + " ms)", parse - warmCheck, doc);

        start();
        TopologyBinder.context();
        stop("JAXBContext creation", doc);

        start();
        Topology topology = TopologyBinder.bind(doc);
        stop("bind (JAXB unmarshal from the source tree + index)", topology);

        SourceDocument result = doc;
        Topology rebound = topology;
        if (changesFile != null) {
            start();
            List<Change> changes = ChangesFile.read(changesFile);
            stop("read changes file (its own JAXBContext, XSD validation)", changes);

            start();
            ApplyResult applied = ChangeApplier.apply(topology, changes);
            stop("plan and render the changes, parse the result where it changed", applied);

            result = applied.document();
            start();
            rebound = TopologyBinder.rebind(topology, result);
            stop("bind the result: the entries the changes touched (the rest is the input's model)", rebound);

            start();
            DiffReport diff = WriteCheck.requireOnly(doc, result, changes.stream().flatMap(c -> c.names().stream()).toList());
            stop("verify: semantic diff of what differs (shared entries dropped; 2 DOMs + XMLUnit)", diff);
        }

        start();
        ValidationReport report = Validator.report(rebound);
        stop("validate the result (" + report.findings().size() + " findings)", report);

        start();
        byte[] encoded = result.bytes();
        stop("encode output", encoded);

        start();
        FileIO.writeAtomically(out, encoded);
        stop("write atomically (temp, fsync, read back, rename)", encoded);
        if (changesFile == null && !java.util.Arrays.equals(bytes, encoded)) {
            throw new IllegalStateException("round trip changed the bytes");
        }
        // keep everything reachable until the end, so the live heap columns are cumulative
        reachable(bytes, text, doc, topology, result, rebound, encoded);
        long phasesMs = (System.nanoTime() - first) / 1_000_000;
        // read the JVM's own start time only now: the management classes would otherwise be in a phase
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        lines.add(0, "JVM start until main's first phase\t" + (uptime - phasesMs) + "\t-");
    }

    private static void reachable(Object... objects) {
        if (objects.length == 0) {
            throw new AssertionError();
        }
    }

    private void start() {
        t0 = System.nanoTime();
    }

    private long stopNanos() {
        return System.nanoTime() - t0;
    }

    private void stop(String phase, Object keep) {
        record(phase, stopNanos(), keep);
    }

    private void record(String phase, long nanos, Object keep) {
        String live = "-";
        if (heap) {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.gc();
            live = String.format(Locale.ROOT, "%.1f", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
            reachable(keep);
        }
        lines.add(phase + "\t" + ms(nanos) + "\t" + live);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }
}
