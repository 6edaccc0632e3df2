package org.cstopo.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import org.cstopo.io.SafeXml;
import org.cstopo.model.TopologyBinder;

/**
 * Builds the topology model's JAXBContext (about 60-100 ms of a cold start, the largest single
 * cost after the JVM's own) and the hardened XML parser on a second thread while the main thread
 * starts picocli and reads the file: a command that reads a topology needs both, and on two or
 * more cores the two starts overlap instead of adding up. Nothing here can fail the command: the
 * main thread builds (or waits for) the same singletons when it needs them, and reports any error
 * then, as before.
 */
final class ModelWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ModelWarmUp() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true) || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread t = new Thread(ModelWarmUp::warm, "cstopo-model-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        try {
            SafeXml.newReader();
            TopologyBinder.prepare();
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same failure where it needs the model, and reports it there
        }
    }
}
