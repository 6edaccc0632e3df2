package org.cstopo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TargetLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers that race for one file: each one either writes a result that contains everything any
 * writer reported as written, or writes nothing and says so (exit 5). No reported write is lost.
 */
class ConcurrentWritersTest {
    private static final String[] MACHINES = {"fe01.contoso.net", "fe02.contoso.net", "fe03.contoso.net", "se02.contoso.net"};
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @AfterEach
    void untamper() {
        EditOutput.tamper = UnaryOperator.identity();
    }

    private static String address(int round, int writer) {
        return "10.77." + round + "." + (writer + 1);
    }

    private static String changedOnDisk(Path t) {
        return "cstopo: " + t + ": changed on disk since it was read; nothing written (another program or cstopo wrote it"
                + " meanwhile): run the command again on the new content";
    }

    private static String lastLine(String s) {
        List<String> lines = s.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /**
     * Four in-place writers start together on one file, eight times. What is asserted holds whatever
     * the interleaving: every writer that said "wrote" has its address in the final file; every
     * other one exited 5 with its one line, and its address is not there; each successful write left
     * one backup, and the first backup is the original.
     */
    @Test
    void concurrentInPlaceWritersNeverLoseAReportedWrite() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(MACHINES.length);
        int written = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path roundDir = Files.createDirectory(dir.resolve("round" + round));
                Path t = Files.copy(Fixtures.path("ee-two-sites-edge.xml"), roundDir.resolve("t.xml"));
                byte[] original = Files.readAllBytes(t);
                CyclicBarrier start = new CyclicBarrier(MACHINES.length);
                List<Future<CliRun>> futures = new ArrayList<>();
                for (int w = 0; w < MACHINES.length; w++) {
                    String assignment = MACHINES[w] + "=" + address(round, w);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return CliRun.of("set-ip", t.toString(), assignment, "--in-place");
                    }));
                }
                List<CliRun> runs = new ArrayList<>();
                for (Future<CliRun> f : futures) {
                    runs.add(f.get(60, TimeUnit.SECONDS));
                }
                String result = Files.readString(t);
                int successes = 0;
                for (int w = 0; w < MACHINES.length; w++) {
                    CliRun run = runs.get(w);
                    boolean present = result.contains("IPAddress=\"" + address(round, w) + "\"");
                    if (run.exitCode() == 0) {
                        successes++;
                        assertTrue(lastLine(run.stderr()).startsWith("cstopo: wrote " + t + " (backup "), run.stderr());
                        assertTrue(present, "writer " + w + " reported a write that is not in the file: " + run.stderr());
                    } else {
                        assertEquals(5, run.exitCode(), run.stderr());
                        String line = lastLine(run.stderr());
                        assertTrue(line.equals(changedOnDisk(t)) || line.startsWith("cstopo: " + t + ": another cstopo is writing it"), line);
                        assertTrue(!present, "a refused writer's change is in the file");
                    }
                }
                assertTrue(successes >= 1, "the first writer to take the lock always succeeds");
                List<String> expectedFiles = new ArrayList<>(List.of("t.xml", "t.xml.bak"));
                for (int i = 1; i < successes; i++) {
                    expectedFiles.add("t.xml.bak." + i);
                }
                assertEquals(expectedFiles, List.copyOf(DirSnapshot.of(roundDir).files().keySet()), "one backup per write, nothing else left");
                assertArrayEquals(original, Files.readAllBytes(roundDir.resolve("t.xml.bak")));
                written += successes;
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(written >= ROUNDS);
    }

    /** Another program changes the file after cstopo read it: the change stays, and cstopo says it wrote nothing. */
    @Test
    void aChangeMadeAfterTheReadIsNeverOverwritten() throws IOException {
        Path t = Files.copy(Fixtures.path("ee-two-sites-edge.xml"), dir.resolve("t.xml"));
        byte[] theirs = Files.readString(t).replace("10.1.0.12", "10.1.0.99").getBytes(StandardCharsets.UTF_8);
        EditOutput.tamper = text -> {
            write(t, theirs);
            return text;
        };
        CliRun inPlace = CliRun.of("set-ip", t.toString(), "fe01.contoso.net=10.77.0.1", "--in-place");
        assertEquals(5, inPlace.exitCode(), inPlace.stderr());
        assertEquals(changedOnDisk(t), lastLine(inPlace.stderr()));
        assertArrayEquals(theirs, Files.readAllBytes(t));
        assertEquals(List.of("t.xml"), List.copyOf(DirSnapshot.of(dir).files().keySet()), "no backup, no lock, no temporary file");

        Path out = dir.resolve("out.xml");
        byte[] again = Files.readString(t).replace("10.1.0.99", "10.1.0.98").getBytes(StandardCharsets.UTF_8);
        EditOutput.tamper = text -> {
            write(t, again);
            return text;
        };
        CliRun toFile = CliRun.of("set-ip", t.toString(), "fe01.contoso.net=10.77.0.1", "-o", out.toString());
        assertEquals(5, toFile.exitCode(), toFile.stderr());
        assertEquals(changedOnDisk(t), lastLine(toFile.stderr()));
        assertArrayEquals(again, Files.readAllBytes(t));
        assertEquals(List.of("t.xml"), List.copyOf(DirSnapshot.of(dir).files().keySet()));
    }

    /**
     * The lock is the OS's: a writer waits for another process holding it, gives up with exit 5
     * after its wait, and gets it as soon as that process dies (killed, here, so it never unlocks).
     */
    @Test
    void aLockHeldByAnotherProcessIsWaitedForAndFreedWhenThatProcessDies() throws Exception {
        Path t = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        byte[] original = Files.readAllBytes(t);
        SourceDocument edited = FileIO.readDocument(Fixtures.path("se-synergy.utf16-crlf.xml"));
        SourceDocument read = FileIO.readDocument(t);
        OutputTarget target = new OutputTarget();
        target.inPlace = true;
        target.lockWait = Duration.ofMillis(300);

        Process holder = ChildJvm.start(LockHolder.class, t.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            CstopoException e = assertThrows(CstopoException.class, () -> target.write(t, read, edited, null));
            assertEquals(ExitCode.WRITE_FAILED, e.exitCode());
            assertEquals(t + ": another cstopo is writing it (.t.xml.cstopo-lock is locked; waited 0.3 s); nothing written:"
                    + " run the command again when it has finished", e.getMessage());
            assertArrayEquals(original, Files.readAllBytes(t));
            assertEquals(List.of(".t.xml.cstopo-lock", "t.xml"), List.copyOf(DirSnapshot.of(dir).files().keySet()));
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(t + " (backup " + dir.resolve("t.xml.bak") + ")", target.write(t, read, edited, null).toString());
        assertArrayEquals(edited.bytes(), Files.readAllBytes(t));
        assertArrayEquals(original, Files.readAllBytes(dir.resolve("t.xml.bak")));
        assertEquals(List.of("t.xml", "t.xml.bak"), List.copyOf(DirSnapshot.of(dir).files().keySet()), "the lock file is gone");
    }

    /**
     * A second taker in the same JVM waits without opening the lock file: POSIX locks belong to the
     * process, so closing it again after finding it locked would drop the holder's lock for every
     * other process. While the holder keeps it, and after the second taker gave up, another process
     * still finds it locked.
     */
    @Test
    void aTakerInTheSameJvmThatGivesUpLeavesTheLockHeldForOtherProcesses() throws Exception {
        Path t = Files.copy(Fixtures.path("se-trusted-pool.utf16-crlf.xml"), dir.resolve("t.xml"));
        try (TargetLock held = TargetLock.acquire(t, Duration.ofSeconds(1))) {
            CstopoException e = assertThrows(CstopoException.class, () -> TargetLock.acquire(t, Duration.ofMillis(100)));
            assertTrue(e.getMessage().startsWith(t + ": another cstopo is writing it"), e.getMessage());
            Process other = ChildJvm.start(LockHolder.class, t.toString(), "300");
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("busy", out.readLine(), "another process took a lock this JVM still holds");
            } finally {
                other.destroyForcibly();
                assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of("t.xml"), List.copyOf(DirSnapshot.of(dir).files().keySet()), "the lock file is gone");
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
