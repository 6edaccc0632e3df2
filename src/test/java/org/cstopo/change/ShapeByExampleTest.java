package org.cstopo.change;

import static org.cstopo.change.ChangeApplierTest.load;
import static org.cstopo.change.ChangeApplierTest.rebind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceElement;
import org.cstopo.model.Topology;
import org.cstopo.model.xml.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * New trusted objects copy the form of the topology's own trusted pool: the fixture's pool differs
 * from cstopo's built-in form in every point cstopo copies, so each element is checked against it.
 */
class ShapeByExampleTest {
    static final String OWN_FORM = "se-trusted-pool-own-form.xml";
    static final String EXAMPLE_POOL = "ucmapool.synergy.com";

    /** The element, with its attributes as name=value in writing order. */
    static List<String> form(SourceElement e) {
        List<String> out = new ArrayList<>();
        out.add(e.localName());
        for (SourceAttribute a : e.attributes()) {
            out.add(a.qName() + "=" + a.value());
        }
        return out;
    }

    /** The example's form with the values the change decides replaced: what the new element must be. */
    static List<String> expected(SourceElement example, Map<String, String> decided) {
        List<String> out = new ArrayList<>();
        out.add(example.localName());
        for (SourceAttribute a : example.attributes()) {
            out.add(a.qName() + "=" + decided.getOrDefault(a.qName(), a.value()));
        }
        assertTrue(out.stream().map(x -> x.substring(0, x.indexOf('=') < 0 ? x.length() : x.indexOf('='))).toList()
                .containsAll(decided.keySet()), "the example has every attribute the test decides: " + out + " " + decided);
        return out;
    }

    static List<String> childNames(SourceElement e) {
        return e.children().stream().map(SourceElement::localName).toList();
    }

    static SourceElement service(Topology t, String pool) {
        return t.sourceOf(t.serviceOn(t.clusterByFqdn(pool), Topology.EXTERNAL_SERVER));
    }

    @ParameterizedTest
    @ValueSource(strings = {OWN_FORM, "se-trusted-pool-own-form.utf16-crlf.xml"})
    void theCiscoPoolIsWrittenElementByElementAsTheTopologysOwnTrustedPool(String fixture) {
        Topology t = load(fixture);
        ApplyResult r = ChangeApplier.apply(t, CiscoExample.all(t));
        assertEquals("1-ExternalServer-1", r.shapeFrom());
        assertEquals(List.of(), r.inferred());
        Topology after = rebind(t, r.text());

        SourceElement exampleCluster = after.sourceOf(after.clusterByFqdn(EXAMPLE_POOL));
        SourceElement cluster = after.sourceOf(after.clusterByFqdn(CiscoExample.POOL));
        assertEquals(expected(exampleCluster, Map.of("Fqdn", CiscoExample.POOL, "RequiresReplication", "false")), form(cluster));
        assertEquals(List.of("Cluster", "Fqdn=" + CiscoExample.POOL, "RequiresReplication=false", "RequiresSetup=true"), form(cluster));
        assertEquals(expected(exampleCluster.child("ClusterId"), Map.of("Number", "4")), form(cluster.child("ClusterId")));

        SourceElement exampleMachine = exampleCluster.child("Machine");
        List<SourceElement> machines = cluster.children().stream().filter(c -> c.localName().equals("Machine")).toList();
        assertEquals(2, machines.size());
        String[][] nodes = {{CiscoExample.ROUTING_NODE, "10.10.1.10"}, {CiscoExample.SECOND_NODE, "10.10.1.11"}};
        for (int i = 0; i < 2; i++) {
            String fqdn = nodes[i][0];
            assertEquals(expected(exampleMachine, Map.of("OrdinalInCluster", Integer.toString(i + 1), "Fqdn", fqdn,
                    "FaultDomain", fqdn, "UpgradeDomain", fqdn)), form(machines.get(i)), "FaultDomain/UpgradeDomain follow the FQDN");
            assertEquals(childNames(exampleMachine), childNames(machines.get(i)));
            assertEquals(expected(exampleMachine.child("NetInterface"), Map.of("IPAddress", nodes[i][1])),
                    form(machines.get(i).child("NetInterface")));
        }

        SourceElement example = service(after, EXAMPLE_POOL);
        SourceElement service = service(after, CiscoExample.POOL);
        assertEquals(form(example), form(service), "RoleVersion, ServiceVersion and no Type, as the example");
        assertEquals(List.of("ServiceId", "DependsOn", "InstalledOn", "ExternalServerService", "Ports"), childNames(service));
        assertEquals(childNames(example), childNames(service));
        assertEquals(expected(example.child("ServiceId"), Map.of("Instance", "2")), form(service.child("ServiceId")));
        SourceElement dependency = service.child("DependsOn").child("Dependency");
        assertEquals(List.of("Dependency", "Usage=NextHop"), form(dependency));
        assertEquals(form(example.child("DependsOn").child("Dependency").child("ServiceId")), form(dependency.child("ServiceId")));
        assertEquals(expected(example.child("InstalledOn").child("ClusterId"), Map.of("Number", "4")),
                form(service.child("InstalledOn").child("ClusterId")));

        SourceElement role = service.child("ExternalServerService");
        assertEquals(expected(example.child("ExternalServerService"),
                Map.of("TreatAsAuthenticated", "true", "ThrottleAsServer", "true", "OutboundOnly", "false")), form(role));
        assertEquals("xmlns", role.attributes().get(role.attributes().size() - 1).qName(), "xmlns last, as the example");

        assertEquals(form(example.child("Ports")), form(service.child("Ports")));
        SourceElement port = service.child("Ports").child("Port");
        assertEquals(expected(example.child("Ports").child("Port"), Map.of("Owner", "urn:application:" + CiscoExample.APPLICATION,
                "Port", "5061", "GruuType", "Synergy.Trusted." + CiscoExample.APPLICATION)), form(port));
        assertTrue(form(port).containsAll(List.of("AuthorizesRequests=false", "UrlPath=/", "InterfaceSide=Primary", "InterfaceNumber=1")));

        if (fixture.contains("crlf")) {
            assertFalse(r.text().replace("\r\n", "").contains("\n"), "CRLF on every new line");
        }
        ApplyResult again = ChangeApplier.apply(after, CiscoExample.all(after));
        assertFalse(again.changed(), "re-applying is a no-op");
        assertTrue(again.outcomes().stream().noneMatch(Outcome::applied));
    }

    @Test
    void aTopologyWithoutATrustedPoolSaysWhatIsInferred() {
        Topology t = load("se-synergy.xml");
        ApplyResult r = ChangeApplier.apply(t, CiscoExample.all(t));
        assertNull(r.shapeFrom());
        assertEquals(List.of("Cluster", "Machine", "Service", "Port (application)", "ExternalServerService"),
                r.inferred().stream().map(ApplyResult.Inferred::element).toList());
        assertEquals("RequiresSetup=\"false\" (cstopo's built-in form: no trusted application pool in this topology to copy)",
                r.inferred().get(0).why());
        assertTrue(r.inferred().stream().allMatch(i -> i.why().endsWith("no trusted application pool in this topology to copy)")));
        assertEquals(List.of(), ChangeApplier.apply(t, List.of()).inferred(), "nothing written, nothing inferred");
    }

    @Test
    void computersAndApplicationsJoiningAPoolCopyThatPool() {
        Topology t = load(OWN_FORM);
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationComputer("t", "ucma03.synergy.com", EXAMPLE_POOL),
                new Change.NewTrustedApplication("t", "queue.synergy.com", EXAMPLE_POOL, 6003, true)));
        assertEquals("1-ExternalServer-1", r.shapeFrom());
        assertEquals(List.of(), r.inferred());
        assertTrue(r.text().contains("      <Machine OrdinalInCluster=\"3\" Fqdn=\"ucma03.synergy.com\" FaultDomain=\"ucma03.synergy.com\""
                + " UpgradeDomain=\"ucma03.synergy.com\">\n        <NetInterface InterfaceSide=\"Primary\" IPAddress=\"0.0.0.0\" InterfaceNumber=\"1\" />\n"
                + "      </Machine>\n    </Cluster>"), r.text());
        assertTrue(r.text().contains("GruuType=\"Synergy.Trusted.callrecorder.synergy.com\" />\n        <Port Owner=\"urn:application:queue.synergy.com\""
                + " Usage=\"SipServer\" Port=\"6003\" Protocol=\"Tcp\" InterfaceSide=\"Primary\" InterfaceNumber=\"1\" AuthorizesRequests=\"false\""
                + " UrlPath=\"/\" GruuType=\"Synergy.Trusted.queue.synergy.com\" />\n      </Ports>"), r.text());
    }

    @Test
    void theNetInterfaceSetServiceVersionAndMissingSettingsFollowTheExample() {
        Topology base = load(OWN_FORM);
        String text = base.source().text()
                .replace("<NetInterface InterfaceSide=\"Primary\" IPAddress=\"10.10.2.21\" InterfaceNumber=\"1\" />",
                        "<NetInterface InterfaceSide=\"Primary\" IPAddress=\"10.10.2.21\" InterfaceNumber=\"1\" />\n"
                                + "        <NetInterface InterfaceSide=\"External\" IPAddress=\"10.10.3.21\" InterfaceNumber=\"1\" />")
                .replace("<Service RoleVersion=\"2\" ServiceVersion=\"6\">", "<Service RoleVersion=\"2\" ServiceVersion=\"7\">")
                .replace(" OutboundOnly=\"false\" ThrottleAsServer=\"false\" xmlns=", " ThrottleAsServer=\"false\" xmlns=");
        Topology t = rebind(base, text);
        List<Change> changes = new ArrayList<>(CiscoExample.structure(t));
        changes.add(new Change.SetIPAddress("t", CiscoExample.SECOND_NODE, "192.0.2.11", "external"));
        ApplyResult r = ChangeApplier.apply(t, changes);
        assertTrue(r.text().contains("<Machine OrdinalInCluster=\"2\" Fqdn=\"impserver2.sip.com\" FaultDomain=\"impserver2.sip.com\""
                + " UpgradeDomain=\"impserver2.sip.com\">\n"
                + "        <NetInterface InterfaceSide=\"Primary\" IPAddress=\"0.0.0.0\" InterfaceNumber=\"1\" />\n"
                + "        <NetInterface InterfaceSide=\"External\" IPAddress=\"192.0.2.11\" InterfaceNumber=\"1\" />\n      </Machine>"), r.text());
        assertTrue(r.text().contains("<Service RoleVersion=\"2\" ServiceVersion=\"7\">\n      <ServiceId SiteId=\"1\" RoleName=\"ExternalServer\""
                + " Instance=\"2\" />"), "the example's ServiceVersion, not the registrar's 6");
        assertTrue(r.text().contains("<ExternalServerService TreatAsAuthenticated=\"true\" ThrottleAsServer=\"true\""
                + " xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" OutboundOnly=\"false\" />"), r.text());
        assertEquals(List.of(new ApplyResult.Inferred("ExternalServerService", "OutboundOnly written last: the element of trusted pool "
                + "ucmapool.synergy.com (service 1-ExternalServer-1) has no such attribute")), r.inferred());
    }

    @Test
    void anElementTheExampleLacksIsWrittenInTheBuiltInFormAndSaidSo() {
        Topology t = load(OWN_FORM);
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "media.synergy.com", "lyncserver.synergy.com",
                "1", "media1.synergy.com", true, true, true, false, new Change.MediaPorts(40000, 100, null, null, null, null))));
        assertEquals("1-ExternalServer-1", r.shapeFrom());
        assertEquals(List.of(new ApplyResult.Inferred("Port (MediaComp)", "the MediaComp port range as the ApplicationServer service's"
                + " (cstopo's built-in form: trusted pool ucmapool.synergy.com (service 1-ExternalServer-1) has no Port (MediaComp) to copy)")),
                r.inferred());
        assertTrue(r.text().contains("<Port Owner=\"urn:component:MediaComp\" Usage=\"AudioCommunication\" InterfaceSide=\"Primary\""
                + " InterfaceNumber=\"1\" Port=\"40000\" Protocol=\"TcpOrUdp\" UrlPath=\"/\" AuthorizesRequests=\"false\" Range=\"100\" />"), r.text());
    }

    @Test
    void aTrustedPoolOnAFrontEndLendsItsServiceFormOnlyNotItsServersCluster() {
        // New-CsTrustedApplicationPool on the Standard Edition server adds just an ExternalServer service to its pool
        Topology base = load("se-synergy.xml");
        Topology t = rebind(base, ChangeApplier.apply(base, List.of(new Change.NewTrustedApplicationPool("t", "lyncserver.synergy.com",
                "lyncserver.synergy.com", null, null, true, true, true, false, Change.MediaPorts.NONE))).text());
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "new.sip.com", "lyncserver.synergy.com",
                "1", "new1.sip.com", true, true, true, false, Change.MediaPorts.NONE)));
        assertEquals("1-ExternalServer-1", r.shapeFrom(), "the service is still copied");
        String why = " (cstopo's built-in form: trusted pool lyncserver.synergy.com (service 1-ExternalServer-1) is collocated with"
                + " other roles, so the %s there is a Lync server's, not a trusted pool's)";
        assertEquals(List.of(new ApplyResult.Inferred("Cluster", "RequiresSetup=\"false\"" + String.format(why, "Cluster")),
                new ApplyResult.Inferred("Machine", "no FaultDomain/UpgradeDomain and one Primary NetInterface" + String.format(why, "Machine"))),
                r.inferred());
        assertTrue(r.text().contains("<Cluster RequiresReplication=\"true\" RequiresSetup=\"false\" Fqdn=\"new.sip.com\">\n"
                + "      <ClusterId SiteId=\"1\" Number=\"3\" />\n      <Machine OrdinalInCluster=\"1\" Fqdn=\"new1.sip.com\">\n"
                + "        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n      </Machine>\n"
                + "    </Cluster>"), "not RequiresSetup=\"true\", FaultDomain and the server's External and Pstn interfaces: " + r.text());
        assertEquals(List.of(), org.cstopo.validate.Validator.validate(t).stream().filter(f -> f.ruleId().equals("trusted-pool-shape"))
                .toList(), "a Front End's cluster is no evidence of how Lync writes a trusted pool's");
    }

    /** A trusted pool in the built-in form, as se-trusted-pool.xml writes it, at a cluster number and service instance. */
    static Map<String, String> builtInPool(String fqdn, String site, String number, String instance) {
        Topology t = load("se-trusted-pool.xml");
        String text = t.source().text();
        SourceElement cluster = t.sourceOf(t.clusterByFqdn(EXAMPLE_POOL));
        SourceElement service = service(t, EXAMPLE_POOL);
        Map<String, String> out = new LinkedHashMap<>();
        String ids = "SiteId=\"" + site + "\" Number=\"" + number + "\"";
        out.put("cluster", text.substring(cluster.start(), cluster.end()).replace(EXAMPLE_POOL, fqdn)
                .replace("SiteId=\"1\" Number=\"3\"", ids).replace("ucma0", fqdn.substring(0, 3) + "0"));
        out.put("service", text.substring(service.start(), service.end()).replace("SiteId=\"1\" Number=\"3\"", ids)
                .replace("<ServiceId SiteId=\"1\" RoleName=\"ExternalServer\" Instance=\"1\" />",
                        "<ServiceId SiteId=\"" + site + "\" RoleName=\"ExternalServer\" Instance=\"" + instance + "\" />"));
        return out;
    }

    static Topology withPools(List<Map<String, String>> pools, boolean secondSite) {
        Topology base = load(OWN_FORM);
        String text = base.source().text();
        for (Map<String, String> p : pools) {
            text = text.replace("    </Cluster>\n  </Clusters>", "    </Cluster>\n    " + p.get("cluster") + "\n  </Clusters>")
                    .replace("    </Service>\n  </Services>", "    </Service>\n    " + p.get("service") + "\n  </Services>");
        }
        if (secondSite) {
            text = text.replace("    </CentralSite>\n  </Sites>", "    </CentralSite>\n    <CentralSite SiteId=\"2\">\n"
                    + "      <Name>Synergy DR</Name>\n    </CentralSite>\n  </Sites>");
        }
        return rebind(base, text);
    }

    static String newPoolIn(Topology t, String site) {
        ApplyResult r = ChangeApplier.apply(t, List.of(new Change.NewTrustedApplicationPool("t", "new.sip.com", "lyncserver.synergy.com",
                site, "new1.sip.com", true, true, true, false, Change.MediaPorts.NONE)));
        Topology after = rebind(t, r.text());
        Cluster c = after.clusterByFqdn("new.sip.com");
        SourceElement e = after.sourceOf(c);
        return r.shapeFrom() + " " + r.text().substring(e.start(), r.text().indexOf('>', e.start()) + 1);
    }

    @Test
    void theExampleIsTheSameSiteFirstThenTheHighestInstance() {
        Topology sameSiteNewer = withPools(List.of(builtInPool("tap2.synergy.com", "1", "4", "2")), false);
        assertEquals("1-ExternalServer-2 <Cluster RequiresReplication=\"true\" RequiresSetup=\"false\" Fqdn=\"new.sip.com\">",
                newPoolIn(sameSiteNewer, "1"), "instance 2 is more recent than instance 1");

        Topology otherSiteNewer = withPools(List.of(builtInPool("dr.synergy.com", "2", "1", "5")), true);
        assertEquals("1-ExternalServer-1 <Cluster Fqdn=\"new.sip.com\" RequiresReplication=\"true\" RequiresSetup=\"true\">",
                newPoolIn(otherSiteNewer, "1"), "the pool of the same site wins over a higher instance elsewhere");
        assertEquals("2-ExternalServer-5 <Cluster RequiresReplication=\"true\" RequiresSetup=\"false\" Fqdn=\"new.sip.com\">",
                newPoolIn(otherSiteNewer, "2"));
    }
}
