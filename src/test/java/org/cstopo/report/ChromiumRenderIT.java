package org.cstopo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cstopo.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change report as a real browser shows it: the Cisco change of the bundled export, rendered by
 * headless Chromium. Runs only in the {@code chromium} Maven profile, which is active where
 * {@code /usr/bin/chromium} exists (.ci/run installs it) and passes its path as {@code cstopo.chromium};
 * there it is required: a missing or failing browser fails the build.
 */
class ChromiumRenderIT {
    private static final Path DIR = Path.of("target", "chromium");
    private static final String TRUSTED_POOL = "pool-trustedpool.sip.com";
    private static String chromium;
    private static Path page;

    @BeforeAll
    static void makeTheCiscoChangeReport() throws IOException {
        chromium = System.getProperty("cstopo.chromium");
        assertNotNull(chromium, "the chromium profile passes -Dcstopo.chromium=PATH; this check does not run without a browser");
        assertTrue(Files.isExecutable(Path.of(chromium)), chromium + " is an executable");
        Files.createDirectories(DIR);
        Path cisco = DIR.resolve("cisco.xml");
        page = DIR.resolve("cisco-change.html");
        assertEquals(0, cli("apply", "fixtures/se-synergy.utf16-crlf.xml", "-c", "fixtures/cisco-imp-federation.changes.xml",
                "-o", cisco.toString()));
        assertEquals(1, cli("diff", "fixtures/se-synergy.utf16-crlf.xml", cisco.toString(), "--format", "html", "-o", page.toString()));
    }

    private static int cli(String... args) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.run(args, quiet, quiet);
    }

    /** Runs Chromium headless on a page with a profile of its own; returns what it printed on stdout. */
    private static String chromium(Path html, String... options) throws Exception {
        Path profile = Files.createTempDirectory(DIR, "profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(options));
        command.add(html.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(DIR, "stdout", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) || destroyed(p), "chromium ends within 120 s: " + command);
        assertEquals(0, p.exitValue(), "chromium exits 0: " + command);
        String printed = Files.readString(out);
        Files.delete(out);
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return printed;
    }

    private static boolean destroyed(Process p) {
        p.destroyForcibly();
        return false;
    }

    /**
     * The DOM Chromium built from the page holds the drawing with the new pool, its computers, their
     * addresses, the application and the arrow to the registrar; and laid out, the pool's box has a
     * size and lies in site 1's region (measured by Chromium, through a copy of the page with a
     * script that writes the boxes into the DOM; the page itself has no script).
     */
    @Test
    void theDomChromiumBuildsHoldsTheDrawingWithTheNewPool() throws Exception {
        String html = Files.readString(page);
        Path measured = DIR.resolve("cisco-change-measured.html");
        Files.writeString(measured, html.replace("</body>", "<script>"
                + "function box(id) { const b = document.getElementById(id).getBBox(); return [b.x, b.y, b.width, b.height].join(' '); }"
                + "document.body.setAttribute('data-pool', box('" + TRUSTED_POOL + "'));"
                + "document.body.setAttribute('data-site', box('site-1'));"
                + "</script></body>"));
        Document dom = Jsoup.parse(chromium(measured, "--dump-dom"));
        Element pool = dom.getElementById(TRUSTED_POOL);
        assertNotNull(pool, "Chromium's DOM has the new pool:\n" + dom.html());
        assertEquals("g", pool.tagName());
        assertNotNull(pool.closest("svg#drawing"), "inside the drawing's svg");
        assertTrue(pool.hasClass("added"), pool.className());
        String text = pool.text();
        for (String fact : List.of("trustedpool.sip.com", "+ NEW", "impserverPub.sip.com", "Primary 10.10.1.10", "impserver2.sip.com",
                "Primary 10.10.1.11", "imptrustedapp.sip.com port 5061 Mtls", "registrar: lyncserver.synergy.com")) {
            assertTrue(text.contains(fact), "the pool shows " + fact + ": " + text);
        }
        assertNotNull(dom.getElementById("link-trustedpool.sip.com-lyncserver.synergy.com-registrar-arrow"), "the arrow to the registrar");
        double[] poolBox = numbers(dom.body().attr("data-pool"));
        double[] siteBox = numbers(dom.body().attr("data-site"));
        assertTrue(poolBox[2] > 200 && poolBox[3] > 100, "Chromium gave the pool a box: " + dom.body().attr("data-pool"));
        assertTrue(Pages.inside(poolBox, siteBox), "in site 1: " + dom.body().attr("data-pool") + " in " + dom.body().attr("data-site"));
    }

    private static double[] numbers(String text) {
        assertTrue(text.matches("[-\\d.]+( [-\\d.]+){3}"), "four numbers: '" + text + "'");
        String[] n = text.split(" ");
        return new double[] {Double.parseDouble(n[0]), Double.parseDouble(n[1]), Double.parseDouble(n[2]), Double.parseDouble(n[3])};
    }

    /** The screenshot is not blank: mostly white page, but text, boxes and the new pool's green border are painted. */
    @Test
    void theScreenshotShowsThePageWithTheNewPoolInGreen() throws Exception {
        Path png = DIR.resolve("cisco-change.png");
        Files.deleteIfExists(png);
        chromium(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1100,1200");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG was written");
        assertEquals(1100, image.getWidth());
        int inked = 0;
        int green = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                inked += r + g + b < 600 ? 1 : 0;
                // the "added" colour, #009e73, of the new pool's border
                green += Math.abs(r - 0x00) < 40 && Math.abs(g - 0x9e) < 40 && Math.abs(b - 0x73) < 40 ? 1 : 0;
            }
        }
        int pixels = image.getWidth() * image.getHeight();
        assertTrue(inked > pixels / 50, "text and lines are painted: " + inked + " of " + pixels + " pixels");
        assertTrue(colours.size() > 100, "more than a blank page: " + colours.size() + " colours");
        assertTrue(green > 1500, "the new pool's border is painted in the added colour: " + green + " pixels");
    }
}
