package org.cstopo.transform;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.TraceListener;
import net.sf.saxon.trace.Traceable;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;

/**
 * Runs stylesheet work (compiling, running) on a thread of its own and stops it when it takes longer
 * than the timeout or fills more than its share of the heap. The waiting thread looks every
 * {@value #POLL_MILLIS} ms; once it trips, every {@link Checkpoints check} compiled into the
 * stylesheet throws, which ends the work. Work that meets no check (a loop inside one built-in
 * function) is given {@value #GRACE_MILLIS} ms more and then left behind: the worker is a daemon, and
 * the command line exits right after printing the error, which ends it.
 */
final class Watchdog {
    private static final long POLL_MILLIS = 25;
    private static final long GRACE_MILLIS = 1000;
    private static final long GC_INTERVAL_NANOS = 1_000_000_000L;
    /** Deep enough for any real recursion; an endless one overflows it in well under a second. */
    private static final long STACK_BYTES = 16L << 20;
    static final String THREAD_NAME = "cstopo-xslt";

    private enum Reason { TIME, MEMORY }

    private final String name;
    private final Limits limits;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile Reason stopped;
    private long lastGc;

    private Watchdog(String name, Limits limits) {
        this.name = name;
        this.limits = limits;
    }

    /** Thrown by a check once the run is stopped; never shown (the watchdog's message is). */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by the watchdog", null, false, false);
        }
    }

    /** The listener Saxon calls at each checkpoint. */
    TraceListener listener() {
        return new TraceListener() {
            @Override
            public void enter(Traceable traceable, Map<String, Object> properties, XPathContext context) {
                if (stopped != null) {
                    throw new Stopped();
                }
            }
        };
    }

    /** Runs {@code work} within {@code limits}; {@code name} (the stylesheet) starts every message. */
    static <T> T run(String name, Limits limits, Function<Watchdog, T> work) {
        Watchdog dog = new Watchdog(name, limits);
        FutureTask<T> task = new FutureTask<>(() -> work.apply(dog));
        Thread worker = new Thread(null, task, THREAD_NAME, STACK_BYTES);
        worker.setDaemon(true);
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        worker.start();
        while (true) {
            try {
                return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                dog.stopped = dog.overLimit(deadline);
            } catch (ExecutionException e) {
                throw dog.failure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dog.stopped = Reason.TIME;
            }
            if (dog.stopped != null) {
                try {
                    task.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // the check ended it, or it meets no check: either way the message is the watchdog's
                }
                throw dog.stoppedError();
            }
        }
    }

    private Reason overLimit(long deadline) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            return Reason.TIME;
        }
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used <= limits.heapBytes() || now - lastGc < GC_INTERVAL_NANOS) {
            return null;
        }
        // Used heap includes garbage: only what survives a full collection counts.
        System.gc();
        lastGc = System.nanoTime();
        return memory.getHeapMemoryUsage().getUsed() > limits.heapBytes() ? Reason.MEMORY : null;
    }

    private CstopoException failure(Throwable cause) {
        if (stopped != null) {
            return stoppedError();
        }
        if (cause instanceof CstopoException e) {
            return e;
        }
        if (cause instanceof OutOfMemoryError) {
            stopped = Reason.MEMORY;
            return stoppedError();
        }
        if (cause instanceof StackOverflowError) {
            return new CstopoException(ExitCode.BAD_INPUT, name + ": its templates call each other deeper than the stack allows"
                    + " (an endless recursion?); nothing was written: fix the stylesheet", cause);
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    private CstopoException stoppedError() {
        if (stopped == Reason.TIME) {
            String s = seconds(limits.timeout().toMillis());
            return new CstopoException(ExitCode.BAD_INPUT, name + ": stopped after " + s + " s (--timeout " + s + "); nothing was"
                    + " written: a rule that runs this long is probably looping; if it is not, give it a larger --timeout");
        }
        long max = Runtime.getRuntime().maxMemory();
        return new CstopoException(ExitCode.BAD_INPUT, name + ": stopped: it filled more than " + mb(limits.heapBytes())
                + " MB of memory (" + Math.round(100.0 * limits.heapBytes() / max) + "% of the " + mb(max) + " MB Java may use);"
                + " nothing was written: a rule that needs this much is probably building an endless result");
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
