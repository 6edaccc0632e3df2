package org.cstopo.transform;

import java.time.Duration;

/**
 * The bounds a stylesheet runs within: how long (compiling it, then running it, each), and how much
 * of the JVM's heap may be in use (live data, after a full garbage collection) while it runs.
 */
public record Limits(Duration timeout, long heapBytes) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The share of the maximum heap (-Xmx) a run may fill; tests of this package make it small. */
    static double heapShare = 0.8;

    public static Limits of(Duration timeout) {
        return new Limits(timeout, (long) (Runtime.getRuntime().maxMemory() * heapShare));
    }

    public static Limits defaults() {
        return of(DEFAULT_TIMEOUT);
    }
}
