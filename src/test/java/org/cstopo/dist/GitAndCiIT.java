package org.cstopo.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cstopo.JsonRead;
import org.cstopo.SarifCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's git and CI lines with the launcher the package phase made: git finds it on PATH as
 * {@code cstopo} and runs the README's {@code cstopo textconv}; a SARIF log carries the jar's
 * version. Runs after package (failsafe, mvn verify).
 */
class GitAndCiIT {
    @TempDir
    Path repo;

    private Launched run(String... command) throws Exception {
        return Launched.run(repo, Map.of("PATH", LauncherIT.TARGET + File.pathSeparator + System.getenv("PATH"),
                "HOME", repo.toString(), "GIT_CONFIG_NOSYSTEM", "1"), List.of(command));
    }

    private void ok(String... command) throws Exception {
        Launched r = run(command);
        assertEquals(0, r.exitCode(), List.of(command) + ": " + r.stderr());
    }

    @Test
    void gitShowsAUtf16ExportAsTextThroughTheLauncher() throws Exception {
        ok("git", "init", "-q");
        ok("git", "config", "user.name", "cstopo test");
        ok("git", "config", "user.email", "test@example.invalid");
        Path topology = repo.resolve("topology.xml");
        Files.copy(Path.of("fixtures", "se-synergy.utf16-crlf.xml").toAbsolutePath(), topology);
        ok("git", "add", "topology.xml");
        ok("git", "commit", "-q", "-m", "export");
        ok(LauncherIT.LAUNCHER.toString(), "set-ip", "topology.xml", "lyncserver.synergy.com=10.10.0.5", "-o", "new.xml");
        Files.move(repo.resolve("new.xml"), topology, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ok("git", "commit", "-q", "-a", "-m", "address");
        ok("bash", "-c", "echo '*.xml diff=cstopo' >> .gitattributes");
        ok("git", "config", "diff.cstopo.textconv", "cstopo textconv");
        Launched diff = run("git", "diff", "HEAD~1", "HEAD", "--", "topology.xml");
        assertEquals(0, diff.exitCode(), diff.stderr());
        assertEquals(List.of("-        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />",
                "+        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"10.10.0.5\" />"),
                diff.stdout().lines().filter(l -> l.matches("[-+] .*")).toList(), diff.stdout());
        assertEquals("", diff.stderr());
    }

    @Test
    void aSarifLogFromTheJarCarriesItsVersion() throws Exception {
        Files.copy(Path.of("fixtures", "invalid", "ip-address-shared.utf16-crlf.xml").toAbsolutePath(), repo.resolve("topology.xml"));
        Launched r = run(LauncherIT.LAUNCHER.toString(), "validate", "topology.xml", "--format", "sarif");
        assertEquals(1, r.exitCode(), r.stderr());
        assertFalse(r.stdout().isEmpty());
        SarifCheck.assertValid(r.stdout());
        assertTrue(r.stdout().contains("\"version\": \"" + LauncherIT.VERSION + "\""), r.stdout());
        assertTrue(JsonRead.object(r.stdout()).containsKey("runs"));
    }
}
