package org.cstopo.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.cstopo.cli.CliRun;
import org.cstopo.io.FileIO;
import org.cstopo.model.Refs.ClusterRef;
import org.cstopo.model.Refs.ServiceRef;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Dependency;
import org.cstopo.model.xml.Machine;
import org.cstopo.model.xml.NetInterface;
import org.cstopo.model.xml.Service;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's synthetic topologies must be what they claim: deterministic, lossless, valid. */
class SyntheticTopologyTest {
    @TempDir
    Path tmp;

    private Path write(int pools, boolean utf16, String name) throws IOException {
        Path f = tmp.resolve(name);
        SyntheticTopology.write(pools, utf16, f);
        return f;
    }

    @Test
    void sameArgumentsGiveTheSameBytes() throws IOException {
        assertArrayEquals(Files.readAllBytes(write(10, true, "a.xml")), Files.readAllBytes(write(10, true, "b.xml")));
    }

    @Test
    void utf16OptionWritesWhatOutFileWrites() throws IOException {
        byte[] b = Files.readAllBytes(write(1, true, "t.xml"));
        assertEquals(0xFF, b[0] & 0xFF);
        assertEquals(0xFE, b[1] & 0xFF);
        String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\""));
        assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "every line ends in CRLF");
        String utf8 = Files.readString(write(1, false, "u.xml"), StandardCharsets.UTF_8);
        assertEquals(text.replace("\r\n", "\n"), utf8);
    }

    @Test
    void applyWithoutChangesWritesItBackByteForByte() throws IOException {
        for (boolean utf16 : new boolean[] {true, false}) {
            Path in = write(10, utf16, "in" + utf16 + ".xml");
            Path out = tmp.resolve("out.xml");
            CliRun run = CliRun.of("apply", in.toString(), "-o", out.toString());
            assertEquals(0, run.exitCode(), run.stderr());
            assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        }
    }

    @Test
    void bindsCleanlyWithUniqueNamesAndAddressesAndResolvableReferences() throws IOException {
        int pools = 12; // two sites, the second one partly filled
        Topology t = TopologyBinder.bind(FileIO.readDocument(write(pools, true, "t.xml")));
        assertEquals(java.util.List.of(), t.bindProblems());
        assertEquals(2, t.sites().size());
        Set<String> fqdns = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        Set<ClusterRef> clusterIds = new HashSet<>();
        int frontEnds = 0;
        for (Cluster c : t.clusters()) {
            assertTrue(clusterIds.add(ClusterRef.of(c.getClusterId())), "cluster id " + c.getClusterId());
            assertNotNull(t.site(c.getClusterId().getSiteId()));
            for (Machine m : c.getMachine()) {
                assertTrue(fqdns.add(Topology.key(m.getFqdn())), "machine FQDN " + m.getFqdn());
                frontEnds += m.getFqdn().contains("-fe") ? 1 : 0;
                for (NetInterface n : m.getNetInterface()) {
                    for (String a : new String[] {n.getIPAddress(), n.getConfiguredIPAddress()}) {
                        if (a != null && !a.equals("0.0.0.0")) {
                            assertTrue(addresses.add(a), "address " + a);
                        }
                    }
                }
            }
        }
        assertEquals(pools * SyntheticTopology.MACHINES_PER_POOL, frontEnds);
        Set<ServiceRef> serviceIds = new HashSet<>();
        for (Service s : t.services()) {
            assertTrue(serviceIds.add(ServiceRef.of(s.getServiceId())), "service id " + s.getServiceId());
            assertNotNull(t.cluster(Topology.hostCluster(s)), "InstalledOn of " + ServiceRef.of(s.getServiceId()));
            for (Dependency d : s.getDependsOn().getDependency()) {
                assertNotNull(t.service(ServiceRef.of(d.getServiceId())), "dependency " + ServiceRef.of(d.getServiceId()));
            }
        }
        Cluster registrarPool = t.clusterByFqdn(SyntheticTopology.poolFqdn(1));
        assertNotNull(t.serviceOn(registrarPool, Topology.REGISTRAR), "the changes file's registrar exists");
        assertNotNull(t.machineByFqdn(SyntheticTopology.machineFqdn(pools, 4)));
    }

    /** Runs as soon as the validate command exists (it is being built on main). */
    @Test
    void validatesClean() throws IOException {
        Assumptions.assumeTrue(CliRun.of("--help").stdout().matches("(?s).*\\n\\s+validate\\b.*"), "no validate command yet");
        CliRun run = CliRun.of("validate", write(10, true, "t.xml").toString());
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    }

    @Test
    void changesFileNamesTheFirstPoolAsRegistrar() throws IOException {
        Path c = tmp.resolve("c.xml");
        SyntheticTopology.main(new String[] {"--changes", c.toString()});
        String text = Files.readString(c);
        assertTrue(text.contains("Registrar=\"" + SyntheticTopology.poolFqdn(1) + "\""), text);
        assertTrue(text.contains("<SetIPAddress Computer=\"impserver2.sip.com\" IPAddress=\"10.10.1.11\"/>"), text);
    }
}
