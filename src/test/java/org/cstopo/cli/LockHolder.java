package org.cstopo.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.cstopo.io.TargetLock;

/** Run in a child JVM: takes the write lock of a file, says "locked", and holds it until killed or its stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (TargetLock lock = TargetLock.acquire(Path.of(args[0]), Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until stdin closes or the process is killed
            }
        }
    }
}
