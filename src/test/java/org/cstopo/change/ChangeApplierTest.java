package org.cstopo.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.model.xml.Cluster;
import org.cstopo.model.xml.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeApplierTest {

    static List<Path> topologiesWithARegistrar() {
        List<Path> out = new ArrayList<>();
        for (Path p : Fixtures.topologiesAndSamples()) {
            if (CiscoExample.firstRegistrar(load(p)) != null) {
                out.add(p);
            }
        }
        return out;
    }

    static Topology load(Path p) {
        return TopologyBinder.bind(FileIO.readDocument(p));
    }

    static Topology load(String fixture) {
        return load(Fixtures.path(fixture));
    }

    static Topology rebind(Topology before, String text) {
        return TopologyBinder.bind(SourceDocument.parse(before.source().name(), before.source().encoding(), text));
    }

    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\n", -1));
    }

    @ParameterizedTest
    @MethodSource("topologiesWithARegistrar")
    void ciscoExampleAddsOneBlockPerSectionAndNothingElse(Path input) {
        Topology t = load(input);
        ApplyResult r = ChangeApplier.apply(t, CiscoExample.all(t));
        assertTrue(r.changed());
        assertTrue(r.outcomes().stream().allMatch(Outcome::applied), r.outcomes().toString());

        List<String> before = lines(r.originalText());
        List<String> after = lines(r.text());
        List<AbstractDelta<String>> deltas = DiffUtils.diff(before, after).getDeltas();
        assertEquals(2, deltas.size(), "one block in Clusters, one in Services: " + deltas);
        for (AbstractDelta<String> d : deltas) {
            assertEquals(DeltaType.INSERT, d.getType());
        }
        List<String> cluster = deltas.get(0).getTarget().getLines();
        List<String> service = deltas.get(1).getTarget().getLines();
        String clusterIndent = indentOfPrevious(before, deltas.get(0).getSource().getPosition(), "<Cluster ");
        boolean builtIn = t.trustedApplicationPools().isEmpty(); // else the form is its pool's (ShapeByExampleTest)
        assertEquals(builtIn, r.shapeFrom() == null);
        if (builtIn) {
            assertEquals(clusterIndent + "<Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"trustedpool.sip.com\">", cluster.get(0));
            assertTrue(service.get(0).trim().startsWith("<Service RoleVersion=\"1\""), service.get(0));
        }
        assertTrue(cluster.get(0).startsWith(clusterIndent + "<Cluster ") && cluster.get(0).contains(" Fqdn=\"trustedpool.sip.com\"")
                && cluster.get(0).contains("RequiresReplication=\"false\""), cluster.get(0));
        assertEquals(clusterIndent + "</Cluster>", cluster.get(cluster.size() - 1));
        assertTrue(String.join("\n", cluster).contains("Fqdn=\"impserver2.sip.com\""));
        assertTrue(String.join("\n", cluster).contains("IPAddress=\"10.10.1.11\""));
        assertFalse(String.join("\n", cluster).contains("0.0.0.0"), "addresses set in the same run");
        assertTrue(service.get(0).trim().startsWith("<Service RoleVersion="), service.get(0));
        assertTrue(service.get(service.size() - 1).trim().equals("</Service>"));
        assertTrue(String.join("\n", service).contains("Owner=\"urn:application:imptrustedapp.sip.com\" Usage=\"SipServer\""));

        // the result reads back as the same bytes and binds to a topology with the new pool
        Topology after1 = rebind(t, r.text());
        Cluster pool = after1.clusterByFqdn(CiscoExample.POOL);
        assertNotNull(pool);
        assertTrue(after1.isTrustedApplicationPool(pool));
        assertEquals(2, pool.getMachine().size());
        Service ext = after1.serviceOn(pool, Topology.EXTERNAL_SERVER);
        assertEquals(CiscoExample.firstRegistrar(t).getServiceId().getInstance(), Topology.registrarDependency(ext).instance());

        // re-applying is a no-op, and says so
        ApplyResult again = ChangeApplier.apply(after1, CiscoExample.all(after1));
        assertFalse(again.changed());
        assertTrue(again.outcomes().stream().noneMatch(Outcome::applied));
    }

    @ParameterizedTest
    @MethodSource("topologiesWithARegistrar")
    void settingAddressesLaterChangesOnlyTheAddressLines(Path input) {
        Topology t = load(input);
        ApplyResult structure = ChangeApplier.apply(t, CiscoExample.structure(t));
        Topology exported = rebind(t, structure.text());
        assertTrue(structure.text().contains("IPAddress=\"0.0.0.0\""));
        ApplyResult addresses = ChangeApplier.apply(exported, CiscoExample.addresses());

        List<String> before = lines(structure.text());
        List<String> after = lines(addresses.text());
        assertEquals(before.size(), after.size());
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed++;
                assertTrue(before.get(i).contains("IPAddress=\"0.0.0.0\""), before.get(i));
                String expected = before.get(i).contains("IPAddress=\"0.0.0.0\"") ? after.get(i) : "";
                assertTrue(expected.matches(".*IPAddress=\"10\\.10\\.1\\.1[01]\".*"), after.get(i));
                assertEquals(before.get(i).replaceAll("IPAddress=\"[^\"]*\"", ""), after.get(i).replaceAll("IPAddress=\"[^\"]*\"", ""));
            }
        }
        assertEquals(2, changed);
    }

    @Test
    void registrarMayBeNamedByPoolOrServiceId() {
        Topology t = load("ee-two-sites-edge.xml");
        String expected = null;
        for (String registrar : List.of("se02.contoso.net", "Registrar:se02.contoso.net", "2-Registrar-1", "registrar:2-registrar-1")) {
            List<Change> c = List.of(new Change.NewTrustedApplicationPool("t", "tap.contoso.net", registrar, "Boston", null,
                    true, true, true, false, Change.MediaPorts.NONE));
            String text = ChangeApplier.apply(t, c).text();
            if (expected == null) {
                expected = text;
            }
            assertEquals(expected, text, registrar);
        }
        assertTrue(expected.contains("<ClusterId SiteId=\"2\" Number=\"3\" />"), "next free number in site 2");
        assertTrue(expected.contains("<ServiceId SiteId=\"2\" RoleName=\"Registrar\" Instance=\"1\" />"));
        assertTrue(expected.contains("Fqdn=\"tap.contoso.net\">\n      <ClusterId"), "first computer takes the pool FQDN");
        assertTrue(expected.contains("<Machine OrdinalInCluster=\"1\" Fqdn=\"tap.contoso.net\">"));
    }

    @Test
    void mediaPortRangesBecomeMediaCompPorts() {
        Topology t = load("se-synergy.xml");
        List<Change> c = List.of(new Change.NewTrustedApplicationPool("t", "media.synergy.com", "lyncserver.synergy.com", "1",
                "ucma9.synergy.com", true, true, true, false, new Change.MediaPorts(40000, 100, 41000, 200, null, null)));
        String text = ChangeApplier.apply(t, c).text();
        assertTrue(text.contains("<Port Owner=\"urn:component:MediaComp\" Usage=\"AudioCommunication\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"40000\" Protocol=\"TcpOrUdp\" UrlPath=\"/\" AuthorizesRequests=\"false\" Range=\"100\" />"), text);
        assertTrue(text.contains("Usage=\"VideoCommunication\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"41000\""));
        assertFalse(text.contains("AppSharingCommunication\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"4"));
    }

    @Test
    void computersAndApplicationsJoinAnExistingPoolAfterTheirNeighbours() {
        Topology t = load("se-trusted-pool.utf16-crlf.xml");
        List<Change> c = List.of(new Change.NewTrustedApplicationComputer("t", "ucma03.synergy.com", "ucmapool.synergy.com"),
                new Change.NewTrustedApplication("t", "urn:application:queue.synergy.com", "ucmapool.synergy.com", 6003, true));
        ApplyResult r = ChangeApplier.apply(t, c);
        String text = r.text();
        assertTrue(text.contains("IPAddress=\"0.0.0.0\" />\r\n      </Machine>\r\n      <Machine OrdinalInCluster=\"3\" Fqdn=\"ucma03.synergy.com\">\r\n"
                + "        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\r\n      </Machine>\r\n    </Cluster>"), text);
        assertTrue(text.contains("GruuType=\"callrecorder.synergy.com\" />\r\n        <Port Owner=\"urn:application:queue.synergy.com\" Usage=\"SipServer\""
                + " InterfaceSide=\"Primary\" InterfaceNumber=\"1\" Port=\"6003\" Protocol=\"Tcp\""));
        assertEquals(4, DiffUtils.diff(lines(r.originalText()), lines(text)).getDeltas().stream()
                .mapToInt(d -> d.getTarget().size()).sum());
    }

    @Test
    void applicationIntoAnEmptyPortsElementOpensItUp() {
        Topology base = load("se-trusted-pool.xml");
        String text = base.source().text().replaceAll("(?s)(<Ports xmlns=\"[^\"]+\")>\\s*<Port Owner=\"urn:application:ivr.*?</Ports>", "$1 />");
        Topology t = rebind(base, text);
        assertTrue(Topology.applicationPorts(t.serviceOn(t.clusterByFqdn("ucmapool.synergy.com"), "ExternalServer")).isEmpty());
        String out = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplication("t", "ivr.synergy.com", "ucmapool.synergy.com", 6001, false))).text();
        assertEquals(base.source().text().replaceAll("(?s)\\s*<Port Owner=\"urn:application:callrecorder[^>]*>", ""), out);
    }

    @Test
    void removalsDeleteWholeLinesAndCollapseEmptiedContainers() {
        Topology t = load("se-trusted-pool.xml");
        String original = t.source().text();
        String noPool = ChangeApplier.apply(t, List.of(new Change.RemoveTrustedApplicationPool("t", "ucmapool.synergy.com"))).text();
        String seSynergy = readText("se-synergy.xml").replace("3f2c7a10-5b8e-4d21-9c64-0e7a1b2c3d4e", "6b0e2d94-1c3a-4e77-a5f2-8d9c0b1a2e3f");
        assertEquals(seSynergy, noPool, "removing the pool gives back the topology it was added to");

        String oneComputer = ChangeApplier.apply(t, List.of(new Change.RemoveTrustedApplicationComputer("t", "ucma02.synergy.com"))).text();
        assertEquals(3, lines(original).size() - lines(oneComputer).size());
        assertFalse(oneComputer.contains("ucma02"));

        String noApps = ChangeApplier.apply(t, List.of(new Change.RemoveTrustedApplication("t", "ivr.synergy.com", "ucmapool.synergy.com"),
                new Change.RemoveTrustedApplication("t", "urn:application:callrecorder.synergy.com", "ucmapool.synergy.com"))).text();
        assertTrue(noApps.contains("</InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />\n      <ExternalServerService"), noApps);
    }

    @Test
    void aPoolCanBeReplacedInOneRun() {
        Topology t = load("se-trusted-pool.xml");
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.RemoveTrustedApplicationPool("t", "ucmapool.synergy.com"),
                new Change.NewTrustedApplicationPool("t", "ucmapool.synergy.com", "lyncserver.synergy.com", "1", "ucma05.synergy.com",
                        true, true, true, false, Change.MediaPorts.NONE),
                new Change.NewTrustedApplicationPool("t", CiscoExample.POOL, "lyncserver.synergy.com", "1", CiscoExample.ROUTING_NODE,
                        true, true, false, false, Change.MediaPorts.NONE)));
        Topology after = rebind(t, r.text());
        assertEquals(List.of("lyncserver.synergy.com", "fs01.synergy.com", "ucmapool.synergy.com", CiscoExample.POOL),
                after.clusters().stream().map(Cluster::getFqdn).toList());
        assertEquals("ucma05.synergy.com", after.clusterByFqdn("ucmapool.synergy.com").getMachine().get(0).getFqdn());
        assertEquals("4", after.clusterByFqdn("ucmapool.synergy.com").getClusterId().getNumber(), "a fresh cluster number");
        assertEquals(2, after.trustedApplicationPools().size());
        assertFalse(r.text().contains("ivr.synergy.com"));
    }

    @Test
    void applicationsCanBeReplacedInOneRun() {
        Topology t = load("se-trusted-pool.utf16-crlf.xml");
        String out = ChangeApplier.apply(t, List.of(new Change.RemoveTrustedApplication("t", "ivr.synergy.com", "ucmapool.synergy.com"),
                new Change.RemoveTrustedApplication("t", "callrecorder.synergy.com", "ucmapool.synergy.com"),
                new Change.NewTrustedApplication("t", "ivr2.synergy.com", "ucmapool.synergy.com", 6001, false))).text();
        assertTrue(out.contains("<Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\">\r\n"
                + "        <Port Owner=\"urn:application:ivr2.synergy.com\" Usage=\"SipServer\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\""
                + " Port=\"6001\" Protocol=\"Mtls\" UrlPath=\"/\" AuthorizesRequests=\"true\" GruuType=\"ivr2.synergy.com\" />\r\n      </Ports>"), out);
    }

    @Test
    void anExistingPoolBecomesTrustedWithJustAnExternalServerService() {
        Topology t = load("se-synergy.xml");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("t", "fs01.synergy.com", "lyncserver.synergy.com",
                null, null, true, false, true, true, Change.MediaPorts.NONE)), "pool fs01.synergy.com already exists with RequiresReplication"
                + " false, not true; give RequiresReplication=\"false\" to make it a trusted application pool as it is");
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "fs01.synergy.com", "lyncserver.synergy.com",
                null, null, true, false, false, true, Change.MediaPorts.NONE),
                new Change.NewTrustedApplication("t", "pager.synergy.com", "fs01.synergy.com", 7001, false)));
        List<AbstractDelta<String>> d = DiffUtils.diff(lines(r.originalText()), lines(r.text())).getDeltas();
        assertEquals(1, d.size(), "no new cluster: one block in Services");
        String block = String.join("\n", d.get(0).getTarget().getLines());
        assertTrue(block.contains("<ClusterId SiteId=\"1\" Number=\"2\" />"), block);
        assertTrue(block.contains("ThrottleAsServer=\"false\" OutboundOnly=\"true\""), block);
        assertTrue(block.contains("urn:application:pager.synergy.com"), block);
        Topology after = rebind(t, r.text());
        assertTrue(after.isTrustedApplicationPool(after.clusterByFqdn("fs01.synergy.com")));
        assertFalse(ChangeApplier.apply(after, List.of(new Change.NewTrustedApplicationPool("t", "fs01.synergy.com", "1-Registrar-1",
                "1", null, true, false, false, true, Change.MediaPorts.NONE))).changed());
    }

    @Test
    void setTrustedApplicationPoolRewritesOnlyTheValuesThatChange() {
        Topology t = load("ee-two-sites-edge.xml");
        Topology withPool = rebind(t, ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "tap.contoso.net",
                "fepool.contoso.net", "1", "tap1.contoso.net", true, true, true, false, Change.MediaPorts.NONE))).text());
        ApplyResult r = ChangeApplier.apply(withPool, List.of(new Change.SetTrustedApplicationPool("t", "tap.contoso.net",
                "se02.contoso.net", false, null, false, true)));
        List<AbstractDelta<String>> d = DiffUtils.diff(lines(r.originalText()), lines(r.text())).getDeltas();
        assertEquals(List.of(
                "    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"tap.contoso.net\">",
                "          <ServiceId SiteId=\"2\" RoleName=\"Registrar\" Instance=\"1\" />",
                "      <ExternalServerService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" TreatAsAuthenticated=\"false\""
                        + " ThrottleAsServer=\"true\" OutboundOnly=\"true\" />"),
                d.stream().flatMap(x -> x.getTarget().getLines().stream()).toList());
        assertEquals(3, d.size(), "three changed lines, nothing else");
        assertTrue(r.outcomes().get(0).message().contains("registrar 1-Registrar-1 -> 2-Registrar-1"), r.outcomes().get(0).message());
        Topology after = rebind(withPool, r.text());
        assertFalse(ChangeApplier.apply(after, List.of(new Change.SetTrustedApplicationPool("t", "tap.contoso.net",
                "2-Registrar-1", false, true, false, true))).changed(), "already so: a no-op");
        assertConflict(t, List.of(new Change.SetTrustedApplicationPool("t", "fepool.contoso.net", null, false, null, null, null)),
                "pool fepool.contoso.net is not a trusted application pool");
    }

    @Test
    void setTrustedApplicationPoolOnAPoolCreatedInTheSameRun() {
        Topology t = load("se-synergy.xml");
        String text = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "p.sip.com", "lyncserver.synergy.com", "1",
                "p1.sip.com", true, true, true, false, Change.MediaPorts.NONE),
                new Change.SetTrustedApplicationPool("t", "p.sip.com", null, null, false, false, null))).text();
        assertTrue(text.contains("<Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"p.sip.com\">"), text);
        assertTrue(text.contains("TreatAsAuthenticated=\"true\" ThrottleAsServer=\"false\" OutboundOnly=\"false\" />"), text);
    }

    @Test
    void removingWhatIsAbsentIsANoOp() {
        Topology t = load("se-synergy.xml");
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.RemoveTrustedApplicationPool("t", "gone.sip.com"),
                new Change.RemoveTrustedApplicationComputer("t", "gone1.sip.com"),
                new Change.RemoveTrustedApplication("t", "x", "gone.sip.com")));
        assertFalse(r.changed());
        assertEquals(3, r.outcomes().size());
    }

    @Test
    void contradictionsAreRefusedWithTheirReason() {
        Topology t = load("se-trusted-pool.xml");
        List<Change> pool = List.of(new Change.NewTrustedApplicationPool("c.xml:3:3", "trustedpool.sip.com", "lyncserver.synergy.com", "1",
                "impserverPub.sip.com", true, true, false, false, Change.MediaPorts.NONE));
        assertConflict(t, List.of(new Change.NewTrustedApplicationComputer("c.xml:4:3", "ucma01.synergy.com", "nopool.sip.com")),
                "c.xml:4:3: NewTrustedApplicationComputer ucma01.synergy.com in pool nopool.sip.com: no trusted application pool nopool.sip.com");
        assertConflict(t, List.of(new Change.NewTrustedApplicationComputer("x", "ucma01.synergy.com", "lyncserver.synergy.com")),
                "pool lyncserver.synergy.com is not a trusted application pool");
        assertConflict(t, concat(pool, new Change.NewTrustedApplicationComputer("x", "ucma01.synergy.com", "trustedpool.sip.com")),
                "computer ucma01.synergy.com already belongs to pool ucmapool.synergy.com");
        assertConflict(t, concat(pool, new Change.NewTrustedApplicationComputer("x", "impserverPub.sip.com", "trustedpool.sip.com")),
                "never add the routing node a second time");
        assertConflict(t, List.of(new Change.NewTrustedApplication("x", "ivr.synergy.com", "ucmapool.synergy.com", 7000, false)),
                "application ivr.synergy.com already exists in pool ucmapool.synergy.com with port 6001, not 7000; application ids are unique"
                        + " per pool: to change it, RemoveTrustedApplication Identity=\"ucmapool.synergy.com/urn:application:ivr.synergy.com\" first");
        assertConflict(t, List.of(new Change.NewTrustedApplication("x", "ivr.synergy.com", "ucmapool.synergy.com", 6001, true)),
                "application ivr.synergy.com already exists in pool ucmapool.synergy.com with protocol Mtls, not Tcp (EnableTcp)");
        assertConflict(t, List.of(new Change.NewTrustedApplication("x", "new.synergy.com", "ucmapool.synergy.com", 6002, false)),
                "port 6002 of pool ucmapool.synergy.com is already used by application callrecorder.synergy.com");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("x", "p.sip.com", "nowhere.synergy.com", "1", null, true, true, true, false,
                Change.MediaPorts.NONE)), "registrar nowhere.synergy.com not found; name a registrar pool FQDN or service id: lyncserver.synergy.com (1-Registrar-1)");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("x", "p.sip.com", "1-Registrar-1", "7", null, true, true, true, false,
                Change.MediaPorts.NONE)), "site 7 does not exist; use a SiteId as Get-CsSite shows it: 1 (Synergy HQ)");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("x", "lyncserver.synergy.com", "1-Registrar-1", "Elsewhere", null,
                true, true, true, false, Change.MediaPorts.NONE)), "site Elsewhere does not exist");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("x", "new.sip.com", "1-Registrar-1", null, null,
                true, true, true, false, Change.MediaPorts.NONE)), "pool new.sip.com does not exist yet, so its site is needed");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("x", "ucmapool.synergy.com", "1-Registrar-1", "1", "ucma09.synergy.com",
                true, true, true, false, Change.MediaPorts.NONE)), "already exists without computer ucma09.synergy.com");
        assertConflict(t, List.of(new Change.SetIPAddress("x", "impserver9.sip.com", "10.0.0.1", "Primary")),
                "no computer impserver9.sip.com in the topology");
        assertConflict(t, List.of(new Change.SetIPAddress("x", "ucma01.synergy.com", "10.0.0.1", "External")),
                "computer ucma01.synergy.com has no External interface (it has Primary)");
        assertConflict(t, List.of(new Change.RemoveTrustedApplicationComputer("x", "ucma01.synergy.com"),
                new Change.RemoveTrustedApplicationComputer("x", "ucma02.synergy.com")),
                "computer ucma02.synergy.com is the last computer of pool ucmapool.synergy.com");
        assertConflict(t, List.of(new Change.RemoveTrustedApplicationPool("x", "lyncserver.synergy.com")),
                "pool lyncserver.synergy.com is not a trusted application pool");
        assertConflict(t, List.of(new Change.RemoveTrustedApplicationComputer("x", "ucma02.synergy.com"),
                new Change.SetIPAddress("x", "ucma02.synergy.com", "10.0.0.9", "Primary")), "no computer ucma02.synergy.com in the topology");
    }

    @Test
    void aNewPoolThatExistsWithOtherSettingsIsRefusedNamingEachOne() {
        Topology t = load("se-trusted-pool.xml");
        assertConflict(t, List.of(new Change.NewTrustedApplicationPool("c.xml:2:3", "ucmapool.synergy.com", "lyncserver.synergy.com", "1",
                null, false, true, true, true, Change.MediaPorts.NONE)), "c.xml:2:3: NewTrustedApplicationPool ucmapool.synergy.com:"
                + " trusted application pool ucmapool.synergy.com already exists with other settings: TreatAsAuthenticated true, not false,"
                + " RequiresReplication false, not true, OutboundOnly false, not true; to change them, use <SetTrustedApplicationPool"
                + " Identity=\"ucmapool.synergy.com\" TreatAsAuthenticated=\"false\" RequiresReplication=\"true\" OutboundOnly=\"true\"/>;"
                + " to keep them, give this change the pool's values");
        Topology twoSites = load("ee-two-sites-edge.xml");
        Topology withPool = rebind(twoSites, ChangeApplier.apply(twoSites, List.of(new Change.NewTrustedApplicationPool("t", "tap.contoso.net",
                "fepool.contoso.net", "1", "tap1.contoso.net", true, true, true, false, Change.MediaPorts.NONE))).text());
        assertConflict(withPool, List.of(new Change.NewTrustedApplicationPool("t", "tap.contoso.net", "se02.contoso.net", "1",
                "tap1.contoso.net", true, true, true, false, Change.MediaPorts.NONE)),
                "already exists with other settings: registrar 1-Registrar-1, not 2-Registrar-1; to change them, use"
                        + " <SetTrustedApplicationPool Identity=\"tap.contoso.net\" Registrar=\"se02.contoso.net\"/>");
        assertConflict(withPool, List.of(new Change.NewTrustedApplicationPool("t", "tap.contoso.net", "fepool.contoso.net", "2",
                null, true, true, true, false, Change.MediaPorts.NONE)), "pool tap.contoso.net already exists in site 1");

        ApplyResult same = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "ucmapool.synergy.com",
                "lyncserver.synergy.com", "1", "ucma01.synergy.com", true, true, false, false, Change.MediaPorts.NONE)));
        assertFalse(same.changed());
        assertEquals("trusted application pool ucmapool.synergy.com already exists with these settings", same.outcomes().get(0).message());
        ApplyResult afterSet = ChangeApplier.apply(t, List.of(
                new Change.SetTrustedApplicationPool("t", "ucmapool.synergy.com", null, false, null, null, null),
                new Change.NewTrustedApplicationPool("t", "ucmapool.synergy.com", "lyncserver.synergy.com", "1", null,
                        false, true, false, false, Change.MediaPorts.NONE)));
        assertFalse(afterSet.outcomes().get(1).applied(), "a New after the Set that made it so is up to date");
    }

    @Test
    void aMalformedAddressIsBadInput() {
        Topology t = load("se-trusted-pool.xml");
        CstopoException e = assertThrows(CstopoException.class,
                () -> ChangeApplier.apply(t, List.of(new Change.SetIPAddress("c.xml:9:3", "ucma02.synergy.com", "10.10.1.256", "Primary"))));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("c.xml:9:3: SetIPAddress IPAddress '10.10.1.256' is not an IPv4 or IPv6 address: IPv4 is four numbers from 0 to"
                + " 255 without leading zeros; e.g. IPAddress=\"10.10.1.11\"", e.getMessage());
    }

    @Test
    void aNameThatIsNoFqdnIsNeverWritten() {
        // the changes file, the runbook reader and the command line refuse these first; any other caller meets the same rules here
        Topology t = load("se-trusted-pool.xml");
        String[][] cases = {
            {"Identity 'node 1.sip.com' is not a fully qualified domain name: a space is not allowed", "node 1.sip.com", null},
            {"ComputerFqdn 'tp_1.sip.com' is not a fully qualified domain name: an underscore is not allowed", "tp.sip.com", "tp_1.sip.com"},
            {"ComputerFqdn 'imp1' is not a fully qualified domain name: it is a single label", "tp.sip.com", "imp1"},
        };
        for (String[] c : cases) {
            CstopoException e = assertThrows(CstopoException.class, () -> ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool(
                    "command line", c[1], "lyncserver.synergy.com", "1", c[2], true, true, true, false, Change.MediaPorts.NONE))));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith("command line: NewTrustedApplicationPool " + c[0]), e.getMessage());
            assertTrue(e.getMessage().endsWith("; e.g. " + c[0].substring(0, c[0].indexOf(' ')) + "=\"trustedpool.sip.com\""), e.getMessage());
        }
        CstopoException e = assertThrows(CstopoException.class, () -> ChangeApplier.apply(t,
                List.of(new Change.NewTrustedApplicationComputer("command line", "ucma03", "ucmapool.synergy.com"))));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("command line: NewTrustedApplicationComputer Identity 'ucma03' is not a fully qualified domain name: it is a single"
                + " label (a NetBIOS name, which Lync refuses): add its domain; e.g. Identity=\"trustedpool.sip.com\"", e.getMessage());
    }

    @Test
    void addressesOfAnyMachineAndSideCanBeSet() {
        Topology t = load("ee-two-sites-edge.xml");
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.SetIPAddress("x", "EDGE01.contoso.net", "192.0.2.99", "external"),
                new Change.SetIPAddress("x", "fe02.contoso.net", "2001:db8::12", "Primary")));
        List<AbstractDelta<String>> d = DiffUtils.diff(lines(r.originalText()), lines(r.text())).getDeltas();
        assertEquals(2, d.size());
        assertEquals("        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"2001:db8::12\" />", d.get(0).getTarget().getLines().get(0));
        assertEquals("        <NetInterface InterfaceSide=\"External\" InterfaceNumber=\"1\" IPAddress=\"192.0.2.99\" ConfiguredIPAddress=\"203.0.113.11\" />",
                d.get(1).getTarget().getLines().get(0));
    }

    private static String readText(String fixture) {
        return FileIO.readDocument(Fixtures.path(fixture)).text();
    }

    private static List<Change> concat(List<Change> a, Change b) {
        List<Change> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static void assertConflict(Topology t, List<Change> changes, String expected) {
        CstopoException e = assertThrows(CstopoException.class, () -> ChangeApplier.apply(t, changes), expected);
        assertEquals(ExitCode.CONFLICT, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static String indentOfPrevious(List<String> lines, int position, String marker) {
        for (int i = position - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.trim().startsWith(marker)) {
                return l.substring(0, l.indexOf('<'));
            }
        }
        throw new AssertionError("no " + marker + " before line " + position);
    }
}
