package org.cstopo.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.cstopo.CstopoException;
import org.cstopo.io.TargetLock;

/**
 * Run in a child JVM: takes the write lock of a file (waiting 30 s, or the milliseconds given after
 * the file), says "locked", and holds it until killed or its stdin closes; says "busy" if it cannot.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Duration wait = args.length > 1 ? Duration.ofMillis(Long.parseLong(args[1])) : Duration.ofSeconds(30);
        TargetLock lock;
        try {
            lock = TargetLock.acquire(Path.of(args[0]), wait);
        } catch (CstopoException e) {
            System.out.println("busy");
            return;
        }
        try (lock) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until stdin closes or the process is killed
            }
        }
    }
}
