package org.cstopo.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.Fixtures;
import org.cstopo.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stylesheets written to hang, eat memory, leak the machine's paths, write files or confuse the
 * writer, through the command line: each ends with one line and its exit code, and no file changes.
 * The limits are small here (a fraction of a second, a little heap) so the suite stays fast.
 */
class HostileStylesheetTest {
    static final String HEAD = "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\""
            + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:f=\"urn:f\">\n";
    static final String NOTHING_WRITTEN = "a rule that edits the topology must output the whole topology"
            + " (a report needs xsl:output method=\"text\" or \"html\"); nothing was written";

    @TempDir
    Path dir;

    Path topology;
    byte[] original;
    double heapShare;

    @BeforeEach
    void setUp() throws IOException {
        topology = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        original = Files.readAllBytes(topology);
        heapShare = Limits.heapShare;
    }

    @AfterEach
    void restore() throws InterruptedException {
        Limits.heapShare = heapShare;
        assertNoWorkerLeft();
    }

    /** A stopped run ends its worker thread: nothing keeps spinning in the JVM after the command returns. */
    static void assertNoWorkerLeft() throws InterruptedException {
        for (int i = 0; i < 500 && workers() > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, workers(), "a stylesheet thread is still running");
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(Watchdog.THREAD_NAME) && t.isAlive()).count();
    }

    private Path rule(String body) throws IOException {
        return Files.writeString(dir.resolve("rule.xsl"), HEAD + body + "\n</xsl:stylesheet>\n");
    }

    private CliRun transform(Path rule, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("transform", topology.toString(), "--xslt", rule.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The topology is as it was and only the files named exist. */
    private void assertUntouched(String... files) throws IOException {
        assertArrayEquals(original, Files.readAllBytes(topology));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(files), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static void assertOneLine(CliRun run, int code, String line) {
        assertEquals(code, run.exitCode(), run.stderr());
        assertEquals("cstopo: " + line + "\n", run.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the endless tail-recursive function
        "<xsl:function name='f:loop'><xsl:param name='n'/><xsl:sequence select='f:loop($n + 1)'/></xsl:function>"
            + "<xsl:template match='/'><xsl:sequence select='f:loop(1)'/></xsl:template>",
        // the same with a named template
        "<xsl:template match='/'><xsl:call-template name='t'><xsl:with-param name='n' select='1'/></xsl:call-template></xsl:template>"
            + "<xsl:template name='t'><xsl:param name='n'/><xsl:call-template name='t'><xsl:with-param name='n' select='$n + 1'/>"
            + "</xsl:call-template></xsl:template>",
        // a long loop that needs no memory
        "<xsl:template match='/'><x><xsl:value-of select='count((1 to 1000000000)[. mod 7 = 99])'/></x></xsl:template>",
    })
    void aStylesheetThatRunsForeverIsStoppedByTheTimeout(String body) throws Exception {
        Path out = dir.resolve("out.xml");
        Path rule = rule(body);
        CliRun run = transform(rule, "--timeout", "0.3", "-o", out.toString());
        assertOneLine(run, 3, rule + ": stopped after 0.3 s (--timeout 0.3); nothing was written: a rule that runs this long"
                + " is probably looping; if it is not, give it a larger --timeout");
        assertUntouched("rule.xsl", "t.xml");
    }

    /** The string-join over 200 million numbers grew to 5 GB; here the heap limit is 64 MB above what is in use now. */
    @Test
    void aStylesheetThatAllocatesWithoutBoundIsStoppedByTheHeapWatchdog() throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        Limits.heapShare = (rt.totalMemory() - rt.freeMemory() + (64L << 20)) / (double) rt.maxMemory();
        long limitMb = (long) (rt.maxMemory() * Limits.heapShare) >> 20;
        Path out = dir.resolve("out.xml");
        Path rule = rule("<xsl:template match='/'><x><xsl:value-of select="
                + "'string-join(for $i in 1 to 200000000 return string($i))'/></x></xsl:template>");
        CliRun run = transform(rule, "-o", out.toString());
        assertEquals(3, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("cstopo: " + rule + ": stopped: it filled more than " + limitMb + " MB of memory ("), run.stderr());
        assertTrue(run.stderr().endsWith(" MB Java may use); nothing was written: a rule that needs this much is probably building"
                + " an endless result\n"), run.stderr());
        assertUntouched("rule.xsl", "t.xml");
    }

    /** Saxon catches the stack overflow itself (SXLM0001) on the worker's stack. */
    @Test
    void anEndlessRecursionThatIsNotATailCallEndsOnTheStack() throws Exception {
        Path rule = rule("<xsl:template match='/'><xsl:call-template name='t'/></xsl:template>"
                + "<xsl:template name='t'><x><xsl:call-template name='t'/></x></xsl:template>");
        CliRun run = transform(rule, "-o", dir.resolve("out.xml").toString());
        assertOneLine(run, 3, rule + ":2: Too many nested template or function calls. The stylesheet may be looping. (SXLM0001)");
        assertUntouched("rule.xsl", "t.xml");
    }

    /** The checks must not take calls out of tail position: a deep but finite tail recursion still runs. */
    @Test
    void aDeepTailRecursionStillRuns() throws Exception {
        CliRun run = transform(rule("<xsl:output method='text'/>"
                + "<xsl:function name='f:down'><xsl:param name='n'/><xsl:sequence select='if ($n = 0) then \"done\" else f:down($n - 1)'/>"
                + "</xsl:function><xsl:template match='/'><xsl:value-of select='f:down(100000)'/></xsl:template>"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("done", run.stdout());
    }

    @Test
    void systemPropertyAnswersOnlyTheXslProperties() throws Exception {
        CliRun run = transform(rule("<xsl:output method='text'/><xsl:template match='/'><xsl:value-of separator='|' select=\""
                + "system-property('user.home'), system-property('java.home'), system-property('user.dir'),"
                + " system-property('file.separator'), system-property('xsl:vendor'), system-property('xsl:version')\"/></xsl:template>"));
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("||||Saxonica|3.0", run.stdout());
        assertFalse(run.stdout().contains(System.getProperty("user.home")));
    }

    @Test
    void resultDocumentIsOneLineWithoutAStackTrace() throws Exception {
        Path evil = dir.resolve("evil.xml");
        Path rule = rule("<xsl:template match='/'><xsl:result-document href='" + evil.toUri() + "'><x/></xsl:result-document>"
                + "<xsl:copy-of select='.'/></xsl:template>");
        PrintStream systemErr = System.err;
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new PrintStream(direct, true, StandardCharsets.UTF_8));
            run = transform(rule, "-o", dir.resolve("out.xml").toString());
        } finally {
            System.setErr(systemErr);
        }
        assertOneLine(run, 3, rule + ":2: xsl:result-document is disabled when extension functions are disabled; fix the stylesheet");
        assertEquals("", direct.toString(StandardCharsets.UTF_8), "nothing printed behind cstopo's back");
        assertUntouched("rule.xsl", "t.xml");

        CliRun debug = transform(rule, "-o", dir.resolve("out.xml").toString(), "--debug");
        assertTrue(debug.stderr().lines().count() > 5, "--debug adds the stack trace");
    }

    @Test
    void aReportCannotReplaceTheTopology() throws IOException {
        CliRun run = CliRun.of("transform", topology.toString(), "--xslt", "report-text", "--in-place");
        assertOneLine(run, 2, "--in-place replaces the topology, but report-text.xsl writes a report (its xsl:output method is"
                + " text or html): print it, or save it with -o FILE (see 'cstopo transform --help')");
        assertUntouched("t.xml");
    }

    /** A report edits nothing, so --check and --diff have nothing to answer; they used to print (or write) the report and exit 0. */
    @Test
    void aReportHasNothingToCheckOrDiff() throws IOException {
        for (String mode : List.of("--check", "--diff")) {
            CliRun run = CliRun.of("transform", topology.toString(), "--xslt", "report-text", mode);
            assertOneLine(run, 2, mode + " compares an edited topology with the original, but report-text.xsl writes a report"
                    + " (its xsl:output method is text or html): print it, or save it with -o FILE (see 'cstopo transform --help')");
            assertEquals("", run.stdout());
            CliRun toFile = CliRun.of("transform", topology.toString(), "--xslt", "report-text", mode, "-o", dir.resolve("r.txt").toString());
            assertEquals(2, toFile.exitCode(), toFile.stderr());
        }
        assertUntouched("t.xml");
    }

    @Test
    void aResultThatIsNotATopologyIsRefused() throws Exception {
        Path out = dir.resolve("out.xml");
        Path rule = rule("<xsl:template match='/'><root/></xsl:template>");
        CliRun other = transform(rule, "-o", out.toString());
        assertOneLine(other, 3, rule + ": its result's root element is <root>, not <Topology> in"
                + " 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008'; " + NOTHING_WRITTEN);
        CliRun empty = transform(rule("<xsl:template match='/'/>"), "-o", out.toString());
        assertOneLine(empty, 3, rule + ": its result is empty; " + NOTHING_WRITTEN);
        assertUntouched("rule.xsl", "t.xml");
    }

    /** cstopo edits elements, attributes and text; a rule whose only effect is on a comment would report "wrote" and change nothing. */
    @Test
    void aRuleThatChangesCommentsOrProcessingInstructionsIsRefused() throws Exception {
        Path out = dir.resolve("out.xml");
        String copyAll = "<xsl:mode on-no-match='shallow-copy'/>";
        Path rule = rule(copyAll + "<xsl:template match='/*'><xsl:comment>reviewed</xsl:comment><xsl:next-match/></xsl:template>");
        CliRun added = transform(rule, "-o", out.toString());
        assertOneLine(added, 3, rule + ": its result adds, drops or changes comments or processing instructions (added"
                + " <!--reviewed-->); cstopo edits elements, attributes and text only, so nothing was written: copy them unchanged"
                + " (e.g. with xsl:mode on-no-match=\"shallow-copy\")");
        assertUntouched("rule.xsl", "t.xml");

        topology = Files.copy(Fixtures.path("future-version-unknown-content.xml"), dir.resolve("t.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        original = Files.readAllBytes(topology);
        CliRun dropped = transform(rule(copyAll + "<xsl:template match='processing-instruction()'/>"), "-o", out.toString());
        assertOneLine(dropped, 3, rule + ": its result adds, drops or changes comments or processing instructions (dropped"
                + " <?cstopo-test keep this processing instruction?>); cstopo edits elements, attributes and text only, so nothing"
                + " was written: copy them unchanged (e.g. with xsl:mode on-no-match=\"shallow-copy\")");
        assertUntouched("rule.xsl", "t.xml");

        CliRun kept = transform(rule(copyAll + "<xsl:template match='@FutureFlag'><xsl:attribute name='FutureFlag'>no</xsl:attribute>"
                + "</xsl:template>"), "-o", out.toString());
        assertEquals(0, kept.exitCode(), kept.stderr());
        assertEquals(new String(original, StandardCharsets.UTF_8).replace("FutureFlag='yes'", "FutureFlag='no'"),
                Files.readString(out), "comments and PIs kept, one attribute edited");
    }

    @Test
    void aTimeoutThatIsNotANumberOfSecondsIsAUsageError() {
        CliRun run = CliRun.of("transform", topology.toString(), "--xslt", "report-text", "--timeout", "0");
        assertOneLine(run, 2, "--timeout 0.0: give a number of seconds above 0 and at most 86400 (e.g. --timeout 120)"
                + " (see 'cstopo transform --help')");
    }
}
