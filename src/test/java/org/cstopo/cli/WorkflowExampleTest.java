package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cstopo.Fixtures;
import org.cstopo.SarifCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's GitHub Actions workflow, read without a YAML library: its steps are the ones the
 * README promises (Java 17, cstopo on PATH, validate with --format sarif into the file the upload
 * step uploads, the upload also after a failure), and its cstopo line runs as the runner would run
 * it, in a checkout holding a UTF-16 export: a valid log and exit 0, or exit 1 and a log of the errors.
 */
class WorkflowExampleTest {
    private static final String HEADING = "### A GitHub Actions workflow";
    private static final Pattern REDIRECTED = Pattern.compile("(cstopo .*?)\\s*>\\s*(\\S+)");

    @TempDir
    Path checkout;

    private List<String> yaml;

    @BeforeEach
    void readTheWorkflow() throws IOException {
        List<CodeBlock> blocks = CodeBlock.read(Path.of("README.md")).stream()
                .filter(b -> b.heading().equals(HEADING) && b.info().equals("yaml")).toList();
        assertEquals(1, blocks.size(), "one yaml block under " + HEADING);
        yaml = blocks.get(0).lines();
    }

    /** The value of the first "key: value" line (list dashes and quotes left out), after line {@code from}. */
    private String value(String key, int from) {
        for (int i = from; i < yaml.size(); i++) {
            String l = yaml.get(i).strip().replaceFirst("^- ", "");
            if (l.startsWith(key + ":")) {
                return l.substring(key.length() + 1).strip().replaceAll("^'(.*)'$", "$1");
            }
        }
        return null;
    }

    private int lineOf(String text) {
        for (int i = 0; i < yaml.size(); i++) {
            if (yaml.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("the workflow has no line with " + text + ":\n" + String.join("\n", yaml));
    }

    /** The shell lines of every run: step, a one-line value or the lines of a "|" block. */
    private List<String> runLines() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < yaml.size(); i++) {
            String l = yaml.get(i);
            String stripped = l.strip().replaceFirst("^- ", "");
            if (!stripped.startsWith("run:")) {
                continue;
            }
            String value = stripped.substring(4).strip();
            if (!value.equals("|")) {
                out.add(value);
                continue;
            }
            int indent = l.indexOf("run:");
            for (i++; i < yaml.size() && (yaml.get(i).isBlank() || yaml.get(i).indexOf(yaml.get(i).strip()) > indent); i++) {
                out.add(yaml.get(i).strip());
            }
            i--;
        }
        return out;
    }

    @Test
    void theWorkflowHasTheStepsTheReadmePromises() {
        assertTrue(yaml.stream().noneMatch(l -> l.contains("\t")), "YAML indents with spaces only");
        assertTrue(value("on", 0).contains("push"), "validates every push");
        assertEquals("write", value("security-events", 0), "upload-sarif needs security-events: write");
        assertEquals("17", value("java-version", lineOf("uses: actions/setup-java@")));
        int upload = lineOf("uses: github/codeql-action/upload-sarif@");
        assertEquals("always()", value("if", upload - 2), "the log is uploaded when validation failed too");
        String sarifFile = value("sarif_file", upload);
        List<String> cstopo = runLines().stream().filter(l -> l.startsWith("cstopo ")).toList();
        assertEquals(1, cstopo.size(), runLines().toString());
        Matcher m = REDIRECTED.matcher(cstopo.get(0));
        assertTrue(m.matches(), cstopo.get(0));
        assertEquals(sarifFile, m.group(2), "the upload reads the file validate writes");
        assertTrue(m.group(1).contains("--format sarif"), m.group(1));
        assertTrue(lineOf("cstopo validate") < upload, "validate runs before the upload");
        String path = runLines().stream().filter(l -> l.contains("GITHUB_PATH")).findFirst().orElseThrow();
        assertTrue(path.contains("/bin\""), "the zip's bin/ goes on PATH: " + path);
        assertTrue(runLines().stream().anyMatch(l -> l.startsWith("unzip ") && l.contains("cstopo-0.1.0.zip")), runLines().toString());
    }

    /** The workflow's cstopo line, run in a checkout of an export: exit 0 and a log without results. */
    @Test
    void itsCstopoLineValidatesAnExport() throws IOException {
        Files.copy(Fixtures.path("se-synergy.utf16-crlf.xml"), checkout.resolve("topology.xml"));
        CliRun run = runTheCstopoLine();
        assertEquals(0, run.exitCode(), run.stderr());
        Map<String, Object> log = SarifCheck.assertValid(Files.readString(checkout.resolve("cstopo.sarif"), StandardCharsets.UTF_8));
        assertTrue(log.toString().contains("results=[]"), log.toString());
    }

    /** And a broken export fails the step (exit 1) while the log it leaves for the upload holds the errors, on the file as named. */
    @Test
    void aBrokenExportFailsTheStepAndTheLogHoldsItsErrors() throws IOException {
        Files.copy(Fixtures.path("invalid/ip-address-shared.utf16-crlf.xml"), checkout.resolve("topology.xml"));
        CliRun run = runTheCstopoLine();
        assertEquals(1, run.exitCode(), run.stderr());
        String log = Files.readString(checkout.resolve("cstopo.sarif"), StandardCharsets.UTF_8);
        SarifCheck.assertValid(log);
        assertTrue(log.contains("\"ruleId\": \"ip-address-shared\""), log);
        assertTrue(log.contains("\"uri\": \"topology.xml\""), "relative to the checkout, where code scanning looks: " + log);
        assertFalse(run.stderr().contains("ip-address-shared"), "findings go to the log only: " + run.stderr());
    }

    /**
     * Runs the line the way the runner does in the checkout (cwd-relative paths, stdout to the file);
     * CliRun is in-process, so relative names are resolved here and turned back in the log.
     */
    private CliRun runTheCstopoLine() throws IOException {
        String line = runLines().stream().filter(l -> l.startsWith("cstopo ")).findFirst().orElseThrow();
        Matcher m = REDIRECTED.matcher(line);
        assertTrue(m.matches(), line);
        List<String> args = ShellLine.commands(new CodeBlock(Path.of("README.md"), 0, "yaml", List.of(m.group(1)), HEADING, false))
                .get(0).words();
        Path cwd = Path.of("").toAbsolutePath();
        List<String> relative = args.subList(1, args.size()).stream()
                .map(a -> Files.exists(checkout.resolve(a)) ? cwd.relativize(checkout.resolve(a)).toString() : a).toList();
        CliRun run = CliRun.of(relative.toArray(String[]::new));
        String prefix = cwd.relativize(checkout) + "/";
        Files.writeString(checkout.resolve(m.group(2)), run.stdout().replace(prefix, ""), StandardCharsets.UTF_8);
        return run;
    }
}
