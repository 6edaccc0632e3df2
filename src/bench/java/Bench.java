import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cstopo.bench.SyntheticTopology;
import org.cstopo.io.FileIO;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;

/**
 * The cstopo benchmark driver (issues 7 and 16). Started by src/bench/run.sh from the repository
 * root, with target/bench/classes and target/cstopo.jar on the class path.
 *
 * <p>cstopo is measured as a user runs it: through the launcher target/cstopo (its JVM options and
 * the start-up archive the build made for that JDK), once with JDK 17 and once with a JDK 25+ (AOT
 * cache), each chosen with JAVA_HOME; the hello-world JVM and the StAX copy run on the same JDK in
 * the same run. Every measured run is a separate, cold process. Rows are run round-robin (run 1 of
 * every row, then run 2, ...) so that a change in machine load spreads over all rows instead of
 * skewing one. Wall time is measured around the child process; peak RSS comes from GNU time's %M
 * when /usr/bin/time exists.
 */
public final class Bench {
    static final Path WORK = Path.of("target", "bench");
    static final Path DATA = WORK.resolve("data");
    static final Path OUT = WORK.resolve("out");
    static final Path CLASSES = WORK.resolve("classes");
    static final Path JAR = Path.of("target", "cstopo.jar");
    static final Path LAUNCHER = Path.of("target", "cstopo");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String NEW_IP = "10.10.1.10";
    /** The pools of the ~10 MB topology that the memory target (validate) is measured on. */
    static final int TEN_MB_POOLS = 333;
    /** The launcher's JVM options, for Phases (which runs in a JVM of its own, as apply does). */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xms384m", "-Xmn6m");

    /** A JDK the rows run on: its home (JAVA_HOME for the launcher) and a short name for the table. */
    record Jdk(String name, Path home) {
        String java() {
            return home.resolve("bin").resolve("java").toString();
        }
    }

    // options
    boolean quick;
    int runs = 5;
    int largeRuns = 3;
    int[] sizes = {10, 100, 1000};
    Path sample;
    Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    final List<Jdk> jdks = new ArrayList<>();
    final Map<Jdk, Row> hellos = new LinkedHashMap<>();

    // environment
    boolean hasTime = Files.isExecutable(Path.of("/usr/bin/time"));
    String xmlstarlet;
    boolean hasChanges;
    boolean hasSetIp;
    boolean hasValidate;

    final List<Input> inputs = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** A topology file measured: the real sample or a synthetic size. */
    record Input(String key, String label, Path file, long bytes, Path changes, String machine, int pools) {
        /** The ~10 MB topology measured for the memory target only, outside the 10x chain. */
        boolean tenMb() {
            return pools == TEN_MB_POOLS;
        }
    }

    /** One command measured N times. */
    static final class Row {
        final String command;
        final Input input;
        final Jdk jdk;
        final List<String> argv;
        final Path stdout;
        final int runs;
        final List<Long> nanos = new ArrayList<>();
        final List<Long> rssKb = new ArrayList<>();
        String unavailable;
        String failure;
        /** The row this one is the same command as, at the previous (10x smaller) size. */
        Row previousSize;
        Row staxSameInput;

        Row(String command, Input input, Jdk jdk, List<String> argv, Path stdout, int runs) {
            this.command = command;
            this.input = input;
            this.jdk = jdk;
            this.argv = argv;
            this.stdout = stdout;
            this.runs = runs;
        }

        boolean measured() {
            return unavailable == null && failure == null && !nanos.isEmpty();
        }

        double medianMs() {
            return median(nanos) / 1e6;
        }

        double medianRssMb() {
            return rssKb.isEmpty() ? Double.NaN : median(rssKb) / 1024.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Bench b = new Bench();
        b.parse(args);
        b.run();
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    quick = true;
                    runs = 2;
                    largeRuns = 1;
                    sizes = new int[] {10, 100};
                }
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--large-runs" -> largeRuns = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--sample" -> sample = Path.of(args[++i]);
                case "--jdk25" -> jdk25 = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: src/bench/run.sh [--quick] [--runs N] [--large-runs N] [--sizes 10,100,1000] [--sample FILE]"
                            + " [--jdk25 HOME|none]");
                    System.exit(2);
                }
            }
        }
    }

    void run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(DATA);
        Files.createDirectories(OUT);
        String loadBefore = loadAverage();
        detectTools();
        prepareInputs();
        buildRows();
        System.err.printf(Locale.ROOT, "bench: %d rows; measuring (round-robin, cold JVM per run)...%n", rows.size());
        measure();
        checkOutputs();
        String loadAfter = loadAverage();

        StringBuilder report = new StringBuilder();
        header(report, loadBefore, loadAfter);
        table(report);
        StringBuilder phaseReport = new StringBuilder();
        phases(phaseReport);
        targets(report);
        report.append(phaseReport);
        report.append("\nNotes:\n");
        for (String n : notes) {
            report.append("- ").append(n).append('\n');
        }
        report.append(String.format(Locale.ROOT, "%nWhole benchmark: %.0f s.%n", (System.nanoTime() - started) / 1e9));
        System.out.print(report);
        Files.writeString(WORK.resolve("report.md"), report.toString());
    }

    // ------------------------------------------------------------------ setup

    void detectTools() throws Exception {
        jdks.add(new Jdk("17", Path.of(System.getProperty("java.home"))));
        if (Files.isExecutable(jdk25.resolve("bin").resolve("java"))) {
            jdks.add(new Jdk(capture(List.of(jdk25.resolve("bin").resolve("java").toString(), "-version")).replaceAll("(?s).*version \"(\\d+).*", "$1"),
                    jdk25));
        } else {
            notes.add("no JDK 25+ at " + jdk25 + ": its rows are skipped (--jdk25 HOME names one)");
        }
        if (!hasTime) {
            notes.add("peak RSS not measured: /usr/bin/time is missing (Debian: apt-get install -y time)");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "xmlstarlet");
            if (Files.isExecutable(p)) {
                xmlstarlet = p.toString();
                break;
            }
        }
        if (xmlstarlet == null) {
            notes.add("xmlstarlet rows skipped: xmlstarlet is not installed (Debian: apt-get install -y xmlstarlet)");
        }
        hasChanges = capture(List.of(JAVA, "-jar", JAR.toString(), "apply", "--help")).contains("--changes");
        String commands = capture(List.of(JAVA, "-jar", JAR.toString(), "--help"));
        hasSetIp = commands.matches("(?s).*\\n\\s+set-ip\\b.*");
        hasValidate = commands.matches("(?s).*\\n\\s+validate\\b.*");
    }

    void prepareInputs() throws Exception {
        Path s = sample;
        if (s == null) {
            for (Path dir : List.of(Path.of("..", "shared", "samples"), Path.of("..", "..", "shared", "samples"))) {
                Path candidate = dir.resolve("sfb2015-se-edge-export.utf16-crlf.xml");
                if (Files.isRegularFile(candidate)) {
                    s = candidate;
                    break;
                }
            }
        }
        String label;
        if (s == null) {
            s = Path.of("fixtures", "ee-two-sites-edge.utf16-crlf.xml");
            label = "fixture " + s.getFileName() + " (no ../shared/samples)";
            notes.add("the real sample was not found in ../shared/samples: the fixture " + s
                    + " stands in for it (pass --sample FILE for a real export)");
        } else {
            label = "real: " + s.getFileName();
        }
        // Registrar pool and a machine to re-address, read with cstopo itself (not timed).
        Topology t = TopologyBinder.bind(FileIO.readDocument(s));
        String registrar = null;
        String machine = null;
        for (Service svc : t.services()) {
            if (Topology.REGISTRAR.equals(Topology.roleName(svc))) {
                registrar = t.poolFqdnOf(svc);
                Cluster c = t.clusterByFqdn(registrar);
                machine = c.getMachine().get(0).getFqdn();
                break;
            }
        }
        Path changes = DATA.resolve("sample.changes.xml");
        Files.writeString(changes, SyntheticTopology.ciscoChanges(registrar), StandardCharsets.UTF_8);
        inputs.add(new Input("sample", label, s, Files.size(s), changes, machine, 0));

        for (int n : sizes) {
            Path f = DATA.resolve("synthetic-" + n + ".utf16-crlf.xml");
            SyntheticTopology.write(n, true, f);
            Path c = DATA.resolve("synthetic-" + n + ".changes.xml");
            Files.writeString(c, SyntheticTopology.ciscoChanges(SyntheticTopology.poolFqdn(1)), StandardCharsets.UTF_8);
            inputs.add(new Input("s" + n, "synthetic " + n + " pools", f, Files.size(f), c,
                    SyntheticTopology.machineFqdn(1, 1), n));
        }

        if (!quick) {
            Path f = DATA.resolve("synthetic-" + TEN_MB_POOLS + ".utf16-crlf.xml");
            SyntheticTopology.write(TEN_MB_POOLS, true, f);
            inputs.add(new Input("s" + TEN_MB_POOLS, "synthetic " + TEN_MB_POOLS + " pools (the memory target's 10 MB)", f, Files.size(f),
                    null, SyntheticTopology.machineFqdn(1, 1), TEN_MB_POOLS));
        }
        for (Jdk j : jdks) {
            String made = "";
            for (String archive : List.of("cstopo.jsa", "cstopo.aot")) {
                Path jvm = Path.of("target", archive + ".jvm");
                if (Files.exists(jvm)) {
                    String version = Files.readAllLines(jvm).get(0);
                    String release = Files.readString(j.home().resolve("release"));
                    if (release.contains("JAVA_RUNTIME_VERSION=\"" + version + "\"")) {
                        made = archive;
                    }
                }
            }
            notes.add("JDK " + j.name() + " (" + j.home() + "): the launcher uses " + (made.isEmpty() ? "no start-up archive (none made by this JDK)"
                    : "target/" + made + (made.endsWith(".aot") ? " (AOT cache)" : " (class-data-sharing archive)")));
        }
    }

    void buildRows() {
        for (Jdk j : jdks) {
            hellos.put(j, row("hello-world JVM (java Hello)", null, j, List.of(j.java(), "-cp", CLASSES.toString(), "Hello"), null, runs));
            row("cstopo --version (CLI start, no XML)", null, j, launcher("--version"), null, runs);
        }
        Map<String, Row> previous = new LinkedHashMap<>();
        Input largest = inputs.stream().filter(in -> !in.tenMb()).reduce((a, b) -> b).orElseThrow();
        for (Input in : inputs) {
            boolean large = in.pools() >= 1000 || in.tenMb();
            int n = large ? largeRuns : runs;
            String f = in.file().toString();
            for (Jdk j : jdks) {
                List<Row> perInput = new ArrayList<>();
                Row stax = row("StAX read+copy (JDK only)", in, j,
                        List.of(j.java(), "-cp", CLASSES.toString(), "StaxCopy", f, OUT.resolve(in.key() + ".stax.xml").toString()), null, n);
                perInput.add(stax);
                String o = OUT.resolve(in.key() + "." + j.name()).toString();
                if (!in.tenMb()) {
                    perInput.add(row("cstopo apply (no change)", in, j, launcher("apply", f, "-o", o + ".out.xml"), null, n));
                    perInput.add(row("cstopo apply --changes Cisco (+ validation)", in, j,
                            launcher("apply", f, "--changes", in.changes().toString(), "-o", o + ".cisco.xml"), null, n));
                }
                perInput.add(row("cstopo validate", in, j, launcher("validate", f), null, n));
                if (!in.tenMb()) {
                    perInput.add(row("cstopo set-ip (one IP)", in, j, launcher("set-ip", f, in.machine() + "=" + NEW_IP, "-o", o + ".setip.xml"),
                            null, n));
                }
                if (in.key().equals("sample") && j == jdks.get(0)) {
                    perInput.add(row("java -jar cstopo.jar apply (no launcher)", in, j,
                            List.of(j.java(), "-jar", JAR.toString(), "apply", f, "-o", o + ".jar.xml"), null, n));
                }
                for (Row r : perInput) {
                    r.staxSameInput = stax;
                    if (in.pools() > 0 && !in.tenMb()) {
                        r.previousSize = previous.get(j.name() + r.command);
                        previous.put(j.name() + r.command, r);
                    }
                }
            }
            if (xmlstarlet != null && !in.tenMb()) {
                row("xmlstarlet ed (same IP edit)", in, null, List.of(xmlstarlet, "ed", "-N",
                        "t=" + TopologyBinder.TOPOLOGY_NS, "-u",
                        "//t:Machine[@Fqdn='" + in.machine() + "']/t:NetInterface[@InterfaceSide='Primary']/@IPAddress",
                        "-v", NEW_IP, f), OUT.resolve(in.key() + ".xmlstarlet.xml"), n);
            }
        }
    }

    Row row(String command, Input in, Jdk jdk, List<String> argv, Path stdout, int n) {
        Row r = new Row(command, in, jdk, argv, stdout, n);
        rows.add(r);
        return r;
    }

    static List<String> launcher(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(LAUNCHER.toString());
        argv.addAll(List.of(args));
        return argv;
    }

    // ------------------------------------------------------------------ measuring

    void measure() throws Exception {
        int max = rows.stream().mapToInt(r -> r.runs).max().orElse(0);
        Path rss = WORK.resolve("rss.txt");
        Path err = WORK.resolve("stderr.txt");
        for (int i = 0; i < max; i++) {
            System.err.printf(Locale.ROOT, "bench: round %d of %d%n", i + 1, max);
            for (Row r : rows) {
                if (i >= r.runs || r.unavailable != null || r.failure != null) {
                    continue;
                }
                List<String> argv = new ArrayList<>();
                if (hasTime) {
                    argv.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
                }
                argv.addAll(r.argv);
                ProcessBuilder pb = new ProcessBuilder(argv)
                        .redirectOutput(r.stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(r.stdout.toFile()))
                        .redirectError(err.toFile());
                pb.environment().remove("CSTOPO_JAVA_OPTS");
                if (r.jdk != null) {
                    pb.environment().put("JAVA_HOME", r.jdk.home().toString());
                }
                long t0 = System.nanoTime();
                Process p = pb.start();
                int rc = p.waitFor();
                long t = System.nanoTime() - t0;
                if (rc != 0) {
                    String msg = Files.readString(err).lines().filter(l -> !l.isBlank() && !l.startsWith("Command exited"))
                            .findFirst().orElse("");
                    if (rc == 2 && r.argv.get(0).equals(LAUNCHER.toString())) {
                        r.unavailable = "n/a (usage error: not available in this build): " + msg;
                    } else {
                        r.failure = "failed (exit " + rc + "): " + msg;
                    }
                    continue;
                }
                r.nanos.add(t);
                if (hasTime) {
                    List<String> lines = Files.readAllLines(rss);
                    r.rssKb.add(Long.parseLong(lines.get(lines.size() - 1).trim()));
                }
            }
        }
    }

    /** What each tool wrote: cstopo must round-trip; xmlstarlet's output is described. */
    void checkOutputs() throws IOException {
        for (Input in : inputs) {
            for (Jdk j : jdks) {
            Path out = OUT.resolve(in.key() + "." + j.name() + ".out.xml");
            if (Files.exists(out)) {
                boolean same = Arrays.equals(Files.readAllBytes(in.file()), Files.readAllBytes(out));
                if (!same) {
                    notes.add("apply (no change) on " + in.label() + " did NOT write the input back byte for byte");
                }
            }
            }
        }
        Input first = inputs.get(0);
        Path x = OUT.resolve(first.key() + ".xmlstarlet.xml");
        if (xmlstarlet != null && Files.exists(x) && Files.size(x) > 0) {
            byte[] in = Files.readAllBytes(first.file());
            byte[] out = Files.readAllBytes(x);
            String inText = decode(in);
            String outText = new String(out, StandardCharsets.UTF_8);
            Set<String> inLines = new HashSet<>(Arrays.asList(inText.split("\r?\n")));
            long changed = Arrays.stream(outText.split("\r?\n")).filter(l -> !inLines.contains(l)).count();
            notes.add(String.format(Locale.ROOT, "xmlstarlet reads the UTF-16 LE (BOM) input but writes %s%s%s; %d of its %d lines"
                            + " differ from the input (the edit is one): it re-serialises the document (e.g. `<X />` becomes `<X/>`),"
                            + " it does not edit in place",
                    out.length > 1 && (out[0] & 0xFF) == 0xFF ? "UTF-16" : "UTF-8 without BOM",
                    outText.startsWith("<?xml") ? ", adds an XML declaration" : "",
                    outText.contains("\r\n") ? "" : ", LF line ends instead of CRLF",
                    changed, outText.split("\r?\n").length));
        }
    }

    // ------------------------------------------------------------------ report

    void header(StringBuilder sb, String loadBefore, String loadAfter) throws Exception {
        sb.append("# cstopo benchmark").append(quick ? " (--quick smoke run)" : "").append('\n');
        sb.append("\nDate: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append('\n');
        long memKb = 0;
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith("MemTotal:")) {
                memKb = Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        String cpu = "";
        for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (l.startsWith("model name")) {
                cpu = l.substring(l.indexOf(':') + 1).trim();
                break;
            }
        }
        sb.append(String.format(Locale.ROOT, "Machine: %d CPUs (%s), %.1f GiB RAM; load average %s before, %s after%n",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1048576.0, loadBefore, loadAfter));
        for (Jdk j : jdks) {
            String version = capture(List.of(j.java(), "-version")).lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElse("?");
            sb.append("Java ").append(j.name()).append(": ").append(version).append(" (").append(j.home()).append(")\n");
        }
        String commit = capture(List.of("git", "rev-parse", "--short", "HEAD")).trim();
        sb.append("cstopo: target/cstopo.jar at commit ").append(commit.isEmpty() ? "?" : commit)
                .append(String.format(Locale.ROOT, "; commands present: apply --changes %s, validate %s, set-ip %s%n",
                        yes(hasChanges), yes(hasValidate), yes(hasSetIp)));
        sb.append("cstopo runs through the launcher target/cstopo (" + String.join(" ", LAUNCHER_FLAGS) + ", and the start-up archive"
                + " made for that JDK), with JAVA_HOME naming the JDK; hello and StAX run with plain java of the same JDK.\n");
        sb.append("Each run is a cold process; rows run round-robin; times are medians of wall time; RSS is the median of peak RSS (GNU time %M).\n");
        sb.append("\nInputs:\n");
        for (Input in : inputs) {
            sb.append(String.format(Locale.ROOT, "- %s: %s, %s, UTF-16 LE BOM + CRLF%s%n", in.key(), in.label(), mb(in.bytes()),
                    in.pools() > 0 ? ", " + in.pools() * SyntheticTopology.MACHINES_PER_POOL + " Front End machines" : ""));
        }
    }

    void table(StringBuilder sb) {
        sb.append("\n| command | JDK | input | runs | median | × hello | × StAX copy | × previous size | peak RSS | (RSS − hello) ÷ file |\n");
        sb.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            String input = r.input == null ? "-" : r.input.key() + " (" + mb(r.input.bytes()) + ")";
            String jdk = r.jdk == null ? "-" : r.jdk.name();
            if (!r.measured()) {
                String why = r.unavailable != null ? r.unavailable : r.failure != null ? r.failure : "not run";
                sb.append("| ").append(r.command).append(" | ").append(jdk).append(" | ").append(input).append(" | 0 | ")
                        .append(why.replace("|", "/")).append(" | | | | | |\n");
                continue;
            }
            sb.append("| ").append(r.command).append(" | ").append(jdk).append(" | ").append(input).append(" | ").append(r.nanos.size())
                    .append(" | ").append(ms(r.medianMs()))
                    .append(" | ").append(ratio(r, hello(r)))
                    .append(" | ").append(r.staxSameInput == null || r.staxSameInput == r ? "" : ratio(r, r.staxSameInput))
                    .append(" | ").append(r.previousSize == null ? "" : ratio(r, r.previousSize))
                    .append(" | ").append(Double.isNaN(r.medianRssMb()) ? "n/a" : String.format(Locale.ROOT, "%.0f MB", r.medianRssMb()))
                    .append(" | ").append(heapRatio(r))
                    .append(" |\n");
        }
    }

    /** The hello-world row of a row's JDK (JDK 17's for xmlstarlet). */
    Row hello(Row r) {
        return hellos.get(r.jdk == null ? jdks.get(0) : r.jdk);
    }

    void targets(StringBuilder sb) {
        sb.append("\nTargets of issue 16 (reported, not asserted; goal in brackets):\n\n| target | JDK | measured | verdict |\n|---|---|---|---|\n");
        Input real = inputs.get(0);
        Input largest = inputs.stream().filter(in -> !in.tenMb()).reduce((a, b) -> b).orElseThrow();
        Input tenMb = inputs.stream().filter(Input::tenMb).findFirst().orElse(null);
        String sampleName = real.label().startsWith("real") ? "the real sample" : "the fixture standing in for the real sample";
        for (Jdk j : jdks) {
            target(sb, "cold `target/cstopo apply` on " + sampleName + " ≤ 4× hello-world JVM (3×)", j, find("cstopo apply (no change)", real, j),
                    hellos.get(j), 4.0, 3.0);
        }
        for (Jdk j : jdks) {
            target(sb, "apply + Cisco changes + validation on " + largest.key() + " ≤ 4× StAX copy (2×)", j,
                    find("cstopo apply --changes Cisco (+ validation)", largest, j), find("StAX read+copy (JDK only)", largest, j), 4.0, 2.0);
        }
        for (Jdk j : jdks) {
            Row v = tenMb == null ? null : find("cstopo validate", tenMb, j);
            Row h = hellos.get(j);
            if (v == null || !v.measured() || Double.isNaN(v.medianRssMb()) || !h.measured()) {
                sb.append("| RSS above the JVM floor ≤ 6× the file on validate of a 10 MB topology (4×) | ").append(j.name())
                        .append(" | not measured | - |\n");
                continue;
            }
            double over = (v.medianRssMb() - h.medianRssMb()) * 1048576.0 / tenMb.bytes();
            sb.append(String.format(Locale.ROOT, "| RSS above the JVM floor ≤ 6× the file on validate of a 10 MB topology (4×), %s | %s |"
                            + " %.1f× ((%.0f − %.0f MB) ÷ %s) | %s |%n", tenMb.key(), j.name(), over, v.medianRssMb(), h.medianRssMb(),
                    mb(tenMb.bytes()), verdict(over, 6.0, 4.0)));
        }
        for (Row r : rows) {
            if (r.previousSize != null && r.measured() && r.previousSize.measured()
                    && (r.command.startsWith("cstopo apply") || r.command.equals("cstopo validate") || r.command.startsWith("cstopo set-ip"))) {
                target(sb, "10× input ≤ 11× time (issue 7): " + r.command + ", " + r.previousSize.input.key() + " → " + r.input.key(), r.jdk,
                        r, r.previousSize, 11.0, 11.0);
            }
        }
    }

    static String verdict(double x, double limit, double goal) {
        if (x <= goal) {
            return "met (and the goal)";
        }
        return x <= limit ? "met" : String.format(Locale.ROOT, "MISSED by %.2f×", x / limit);
    }

    void target(StringBuilder sb, String what, Jdk jdk, Row r, Row base, double limit, double goal) {
        String j = jdk == null ? "-" : jdk.name();
        if (r == null || base == null || !r.measured() || !base.measured()) {
            sb.append("| ").append(what).append(" | ").append(j).append(" | not measured | - |\n");
            return;
        }
        double x = r.medianMs() / base.medianMs();
        sb.append(String.format(Locale.ROOT, "| %s | %s | %.2f× (%s vs %s) | %s |%n", what, j, x, ms(r.medianMs()), ms(base.medianMs()),
                verdict(x, limit, goal)));
    }

    /** Where one cold apply spends its time, from org.cstopo.bench.Phases, on the sample and the largest input. */
    void phases(StringBuilder sb) throws Exception {
        Input real = inputs.get(0);
        Input largest = inputs.stream().filter(in -> !in.tenMb()).reduce((a, b) -> b).orElseThrow();
        List<String> headings = new ArrayList<>();
        List<Map<String, String[]>> columns = new ArrayList<>();
        headings.add(real.key() + ", no change: ms");
        columns.add(phaseLines(real, false, false));
        if (hasChanges) {
            headings.add(real.key() + ", Cisco: ms");
            columns.add(phaseLines(real, true, false));
        }
        headings.add(largest.key() + ", " + (hasChanges ? "Cisco" : "no change") + ": ms");
        columns.add(phaseLines(largest, hasChanges, false));
        Map<String, String[]> heap = quick ? Map.of() : phaseLines(largest, hasChanges, true);
        Set<String> names = new java.util.LinkedHashSet<>();
        columns.stream().sorted((x, y) -> y.size() - x.size()).forEach(c -> names.addAll(c.keySet()));
        sb.append("\nPhases of one cold apply (org.cstopo.bench.Phases, in apply's order, JDK 17 with the launcher's options and"
                + " archive; one run each, so expect noise; the first phases also pay for loading the JDK classes everything needs;"
                + " the launcher also builds the JAXBContext on a second thread while picocli starts, which Phases does not):\n\n| phase |");
        headings.forEach(h -> sb.append(' ').append(h).append(" |"));
        sb.append(' ').append(largest.key()).append(": live heap after phase, MB (full GC) |\n|---|");
        headings.forEach(h -> sb.append("--:|"));
        sb.append("--:|\n");
        for (String name : names) {
            sb.append("| ").append(name).append(" |");
            for (Map<String, String[]> c : columns) {
                String[] v = c.get(name);
                sb.append(' ').append(v == null ? "" : v[1]).append(" |");
            }
            String[] h = heap.get(name);
            sb.append(' ').append(h == null ? "" : h[2]).append(" |\n");
        }
    }

    Map<String, String[]> phaseLines(Input in, boolean changes, boolean heap) throws Exception {
        List<String> argv = new ArrayList<>(List.of(JAVA));
        argv.addAll(LAUNCHER_FLAGS);
        if (Files.exists(Path.of("target", "cstopo.jsa"))) {
            argv.addAll(List.of("-XX:SharedArchiveFile=" + Path.of("target", "cstopo.jsa"), "-Xshare:auto", "-Xlog:cds=off"));
        }
        argv.addAll(List.of("-cp", JAR.toString(), "org.cstopo.bench.Phases", in.file().toString(),
                OUT.resolve(in.key() + ".phases.xml").toString()));
        if (changes) {
            argv.addAll(List.of("--changes", in.changes().toString()));
        }
        if (heap) {
            argv.add("--heap");
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String l : capture(argv).split("\n")) {
            String[] parts = l.split("\t");
            if (parts.length == 3) {
                out.put(parts[0].replaceAll(" \\(parse minus a warm check of \\d+ ms\\)", " (parse minus a warm SAX check)"), parts);
            }
        }
        return out;
    }

    Row find(String command, Input in, Jdk jdk) {
        for (Row r : rows) {
            if (r.command.equals(command) && r.input == in && r.jdk == jdk) {
                return r;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    static String ratio(Row r, Row base) {
        if (base == null || !base.measured() || !r.measured()) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", r.medianMs() / base.medianMs());
    }

    String heapRatio(Row r) {
        Row hello = hello(r);
        if (r.input == null || r.jdk == null || Double.isNaN(r.medianRssMb()) || !hello.measured()) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", (r.medianRssMb() - hello.medianRssMb()) * 1048576.0 / r.input.bytes());
    }

    static double median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    static String mb(long bytes) {
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String capture(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(5, TimeUnit.MINUTES);
        return new String(out, StandardCharsets.UTF_8);
    }

    static int exitCode(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
