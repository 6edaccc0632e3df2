package org.cstopo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.Service;
import org.cstopo.model.xml.roles.ExternalServerService;
import org.cstopo.model.xml.roles.RegistrarService;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TopologyBinderTest {

    private static Topology load(String fixture) {
        return TopologyBinder.bind(FileIO.readDocument(Fixtures.path(fixture)));
    }

    @Test
    void bindsPoolsMachinesAndServices() {
        Topology t = load("ee-two-sites-edge.xml");
        assertEquals(2, t.sites().size());
        assertEquals(6, t.clusters().size());
        Cluster fe = t.clusterByFqdn("FEPOOL.contoso.net");
        assertNotNull(fe, "FQDN lookups ignore case");
        assertEquals(3, fe.getMachine().size());
        assertEquals("10.1.0.12", fe.getMachine().get(1).getNetInterface().get(0).getIPAddress());
        Service registrar = t.service(new ServiceRef("1", "Registrar", "1"));
        assertNotNull(Topology.role(registrar, RegistrarService.class));
        assertEquals("fepool.contoso.net", t.poolFqdnOf(registrar));
        assertEquals(3, Topology.portList(registrar).size());
    }

    @Test
    void mapsEveryModelObjectToItsLine() {
        Topology t = load("se-synergy.utf16-crlf.xml");
        Machine m = t.machineByFqdn("fs01.synergy.com");
        assertEquals(Fixtures.path("se-synergy.utf16-crlf.xml") + ":22:7", t.where(m));
        assertEquals("Machine", t.sourceOf(m).localName());
    }

    @Test
    void recognisesAnExistingTrustedApplicationPool() {
        Topology t = load("se-trusted-pool.xml");
        Cluster pool = t.clusterByFqdn("ucmapool.synergy.com");
        assertTrue(t.isTrustedApplicationPool(pool));
        Service ext = t.serviceOn(pool, Topology.EXTERNAL_SERVER);
        assertEquals(new ServiceRef("1", "Registrar", "1"), Topology.registrarDependency(ext));
        ExternalServerService settings = Topology.externalServerSettings(ext);
        assertEquals(Boolean.TRUE, settings.isTreatAsAuthenticated());
        assertEquals(2, Topology.applicationPorts(ext).size());
        assertEquals("ivr.synergy.com", Topology.applicationId(Topology.applicationPorts(ext).get(0)));
    }

    /**
     * Unknown content is kept: in the source tree, from which every write copies it byte for byte,
     * and unknown attributes in otherAttributes. Unknown elements are not bound (see
     * elementsTheSchemasDoNotDeclareAreNotBound).
     */
    @Test
    void unknownContentStaysReachable() {
        Topology t = load("future-version-unknown-content.xml");
        assertNotNull(t.sourceOf(t.xml()).child("FutureSection"), "an unknown section in the topology namespace is kept");
        Cluster c = t.clusters().get(0);
        assertEquals("x", c.getOtherAttributes().get(new javax.xml.namespace.QName("NewAttribute")));
        assertNotNull(t.sourceOf(c.getMachine().get(0)).child("FutureHardware"));
        assertTrue(c.getMachine().get(0).getAny().isEmpty());
        assertEquals("Tailspin & Partners \u2014 Z\u00fcrich", t.sites().get(0).getName());
    }

    @Test
    void topologyBuilderFilesAreRecognisedAndRefused() {
        String tbxml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TopologyBuilder xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008\"><NewTopology/></TopologyBuilder>";
        SourceDocument doc = SourceDocument.parse("lab.tbxml", tbxml.getBytes(StandardCharsets.UTF_8));
        CstopoException e = assertThrows(CstopoException.class, () -> TopologyBinder.bind(doc));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("lab.tbxml:2:1: this is a Topology Builder file"), e.getMessage());
    }

    @Test
    void wrongRootAndWrongNamespaceAreRefused() {
        SourceDocument pom = SourceDocument.parse("pom.xml", "<project/>".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(CstopoException.class, () -> TopologyBinder.bind(pom)).getMessage()
                .contains("root element is <project>, not <Topology>"));
        SourceDocument ns = SourceDocument.parse("t.xml", "<Topology xmlns=\"urn:other\"/>".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(CstopoException.class, () -> TopologyBinder.bind(ns)).getMessage()
                .contains("is in namespace 'urn:other'"));
    }

    @Test
    void aValueJaxbCannotConvertIsOneLineNotACrash() {
        String text = FileIO.readDocument(Fixtures.path("se-synergy.xml")).text().replace("RequiresReplication=\"true\"", "RequiresReplication=\"t\"");
        SourceDocument doc = SourceDocument.parse("t.xml", text.getBytes(StandardCharsets.UTF_8));
        CstopoException e = assertThrows(CstopoException.class, () -> TopologyBinder.bind(doc));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("t.xml:12:5: <Cluster> has a value the topology model cannot read (RequiresReplication=\"t\");"
                + " write true/false and numbers as Get-CsTopology does", e.getMessage());
    }

    @Test
    void realSamplesBindWhenPresent() {
        for (Path p : Fixtures.samples()) {
            Topology t = TopologyBinder.bind(FileIO.readDocument(p));
            assertTrue(t.clusters().size() > 0, p.toString());
            assertTrue(t.bindProblems().isEmpty(), t.bindProblems().toString());
        }
    }

    /**
     * Elements the schemas do not declare (WebService here) are not bound: JAXB could only make
     * DOMs of them, which nothing reads and which cost a parser each. What the schemas declare on
     * the same service (Ports) is bound as before, and the source tree keeps everything.
     */
    @Test
    void elementsTheSchemasDoNotDeclareAreNotBound() {
        Topology t = load("se-trusted-pool.xml");
        Service web = t.service(new ServiceRef("1", "WebServices", "1"));
        assertEquals(5, Topology.portList(web).size());
        assertTrue(web.getAny().stream().noneMatch(o -> o instanceof Element), web.getAny().toString());
        assertEquals("WebService", t.sourceOf(web).children().stream().map(e -> e.localName())
                .filter(n -> n.equals("WebService")).findFirst().orElse(null));
    }
}
