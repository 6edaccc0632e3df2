package org.cstopo.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import org.cstopo.io.SafeXml;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TextEncoding;
import org.cstopo.model.TopologyBinder;
import org.cstopo.validate.Validator;

/**
 * Builds the topology model's JAXBContext (about 60-100 ms of a cold start, the largest single
 * cost after the JVM's own) and the hardened XML parser on a second thread while the main thread
 * starts picocli and reads the file: a command that reads a topology needs both, and on two or
 * more cores the two starts overlap instead of adding up. It then reads, binds and (for the
 * commands that validate) validates a topology of a few elements, so that the classes the main
 * thread meets next are loaded and initialised already. Nothing here can fail the command: the
 * main thread builds (or waits for) the same singletons when it needs them, and reports any error
 * then, as before.
 */
final class ModelWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ModelWarmUp() {
    }

    static void start(boolean validates) {
        if (!STARTED.compareAndSet(false, true) || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread t = new Thread(() -> warm(validates), "cstopo-model-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** A topology of one site, pool, machine and service: every kind of element the binder and the rules meet first. */
    private static final String SMALL = "<Topology xmlns=\"" + TopologyBinder.TOPOLOGY_NS + "\"><Sites><CentralSite SiteId=\"1\">"
            + "<Name>w</Name></CentralSite></Sites><Clusters><Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"w.example\">"
            + "<ClusterId SiteId=\"1\" Number=\"1\"/><Machine OrdinalInCluster=\"1\" Fqdn=\"w.example\"><NetInterface"
            + " InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"192.0.2.1\"/></Machine></Cluster></Clusters><Services>"
            + "<Service RoleVersion=\"1\" ServiceVersion=\"6\"><ServiceId SiteId=\"1\" RoleName=\"Registrar\" Instance=\"1\"/><DependsOn/>"
            + "<InstalledOn><ClusterId SiteId=\"1\" Number=\"1\"/></InstalledOn><Ports xmlns=\"" + TopologyBinder.SERVICE_ROLES_NS + "\">"
            + "<Port Owner=\"urn:component:Registrar\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"5061\""
            + " Protocol=\"Mtls\" UrlPath=\"/\"/></Ports></Service></Services></Topology>";

    private static void warm(boolean validates) {
        try {
            SafeXml.newReader();
            TopologyBinder.prepare();
            var small = TopologyBinder.bind(SourceDocument.parse("warm-up", TextEncoding.UTF8, SMALL));
            if (validates) {
                Validator.report(small);
            }
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same failure where it needs the model, and reports it there
        }
    }
}
