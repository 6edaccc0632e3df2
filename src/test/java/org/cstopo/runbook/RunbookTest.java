package org.cstopo.runbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.change.Change;
import org.cstopo.change.ChangeApplier;
import org.cstopo.change.ChangesFile;
import org.cstopo.io.FileIO;
import org.cstopo.io.SourceDocument;
import org.cstopo.model.Topology;
import org.cstopo.model.TopologyBinder;
import org.cstopo.powershell.ChangesInput;
import org.cstopo.powershell.RunbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Changes written as a runbook: its exact lines, and that it reads back as the same changes. */
class RunbookTest {
    private static Topology topology(String name) {
        return TopologyBinder.bind(FileIO.readDocument(Fixtures.path(name)));
    }

    private static List<String> lines(Runbook r) {
        assertEquals("", r.text().replace("\r\n", "").replaceAll("[^\r\n]", ""), "CRLF only");
        return Arrays.asList(r.text().split("\r\n", -1));
    }

    @Test
    void theCiscoChangesFileAsARunbook() {
        Runbook r = Runbook.of("fixtures/cisco-imp-federation.changes.xml",
                ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml")), null);
        assertEquals(List.of(
                "# Runbook written by cstopo from cisco-imp-federation.changes.xml.",
                "# Run it in the Lync Server / Skype for Business Server Management Shell on a Front End server,",
                "# one block at a time, reading each block's output before the next.",
                "",
                "# 1. Topology changes, in the order cstopo applies them.",
                "# Trusted application pool trustedpool.sip.com in site 1, registrar lyncserver.synergy.com; its first computer is"
                        + " impserverPub.sip.com",
                "New-CsTrustedApplicationPool -Identity trustedpool.sip.com -Registrar lyncserver.synergy.com -Site 1"
                        + " -TreatAsAuthenticated $true -ThrottleAsServer $true -RequiresReplication $false -OutboundOnly $false"
                        + " -ComputerFqdn impserverPub.sip.com",
                "# Another computer for trustedpool.sip.com (never the pool's first computer again)",
                "New-CsTrustedApplicationComputer -Identity impserver2.sip.com -Pool trustedpool.sip.com",
                "# Trusted application imptrustedapp.sip.com on trustedpool.sip.com, port 5061 (MTLS)",
                "New-CsTrustedApplication -ApplicationId imptrustedapp.sip.com -TrustedApplicationPoolFqdn trustedpool.sip.com -Port 5061",
                "",
                "# 2. Make the new topology live.",
                "Enable-CsTopology",
                "",
                "# 3. Addresses: no cmdlet sets a computer's IP address. Export the topology, set the",
                "#    addresses with cstopo (it needs Java 17: copy the file to where cstopo runs and back",
                "#    if need be), then publish the edited file and make it live.",
                "Get-CsTopology -AsXml | Out-File C:\\topology.xml",
                "cstopo set-ip C:\\topology.xml impserverPub.sip.com=10.10.1.10 impserver2.sip.com=10.10.1.11 --in-place",
                "Publish-CsTopology -FileName C:\\topology.xml",
                "Enable-CsTopology",
                ""), lines(r));
        byte[] bytes = r.bytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals(r.text(), new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void theExchangeRunbookCheckedAgainstItsTopology() {
        Runbook r = Runbook.of("fixtures/exchange-owa-im.ps1", ChangesInput.read(Fixtures.path("exchange-owa-im.ps1")).changes(),
                topology("se-contoso.utf16-crlf.xml"));
        assertEquals(List.of(
                "# Runbook written by cstopo from exchange-owa-im.ps1.",
                "# Run it in the Lync Server / Skype for Business Server Management Shell on a Front End server,",
                "# one block at a time, reading each block's output before the next.",
                "# Checked against se-contoso.utf16-crlf.xml: every change applies to it.",
                "",
                "# 1. Topology changes, in the order cstopo applies them.",
                "# Trusted application pool mail.contoso.com in site Redmond (SiteId 1), registrar pool01.contoso.com (1-Registrar-1);"
                        + " its first computer is mail.contoso.com",
                "New-CsTrustedApplicationPool -Identity mail.contoso.com -Registrar pool01.contoso.com -Site Redmond"
                        + " -TreatAsAuthenticated $true -ThrottleAsServer $true -RequiresReplication $false -OutboundOnly $false",
                "# Trusted application OutlookWebApp on mail.contoso.com, port 5199 (MTLS)",
                "New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn mail.contoso.com -Port 5199",
                "",
                "# 2. Make the new topology live.",
                "Enable-CsTopology",
                ""), lines(r));
    }

    /** Every kind of change, a registrar given as a service id and a site by name: on the SE topology with a trusted pool. */
    private static final String EVERYTHING = """
            <TopologyChanges xmlns="urn:cstopo:changes:1">
              <SetTrustedApplicationPool Identity="ucmapool.synergy.com" OutboundOnly="true" RequiresReplication="false"/>
              <RemoveTrustedApplication Identity="ucmapool.synergy.com/urn:application:callrecorder.synergy.com"/>
              <NewTrustedApplication ApplicationId="urn:application:recorder2.synergy.com" TrustedApplicationPoolFqdn="ucmapool.synergy.com"
                  Port="6003" EnableTcp="true"/>
              <RemoveTrustedApplicationComputer Identity="ucma02.synergy.com"/>
              <SetIPAddress Computer="lyncserver.synergy.com" IPAddress="192.0.2.10" InterfaceSide="External"/>
              <NewTrustedApplicationPool Identity="media.synergy.com" Registrar="1-Registrar-1" Site="Synergy HQ" TreatAsAuthenticated="false"
                  ComputerFqdn="media01.synergy.com" AudioPortStart="20000" AudioPortCount="1000" VideoPortStart="30000" VideoPortCount="500"
                  AppSharingPortStart="40000" AppSharingPortCount="100"/>
              <NewTrustedApplicationComputer Identity="media02.synergy.com" Pool="media.synergy.com"/>
              <SetIPAddress Computer="media01.synergy.com" IPAddress="10.10.3.1"/>
              <SetIPAddress Computer="media02.synergy.com" IPAddress="2001:db8::2"/>
              <RemoveTrustedApplicationPool Identity="ghost.synergy.com"/>
            </TopologyChanges>
            """;

    private static List<Change> everything() {
        return ChangesFile.parse(SourceDocument.parse("everything.changes.xml", EVERYTHING.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Arguments> changesAndTopologies() {
        return Stream.of(
                Arguments.of("cisco-imp-federation.changes.xml", "se-synergy.xml"),
                Arguments.of("cisco-imp-federation.changes.xml", "se-synergy.utf16-crlf.xml"),
                Arguments.of("exchange-owa-im.changes.xml", "se-contoso.xml"),
                Arguments.of("exchange-owa-im.changes.xml", "se-contoso.utf16-crlf.xml"),
                Arguments.of("everything", "se-trusted-pool.xml"),
                Arguments.of("everything", "se-trusted-pool.utf16-crlf.xml"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("changesAndTopologies")
    void aRunbookReadBackAppliesToTheSameBytes(String changesFile, String topologyFile) {
        List<Change> changes = changesFile.equals("everything") ? everything() : ChangesFile.read(Fixtures.path(changesFile));
        Topology t = topology(topologyFile);
        String expected = ChangeApplier.apply(t, changes).text();
        assertNotEquals(t.source().text(), expected, "the changes change something");
        // "everything" names its registrar by service id, which only a topology turns into the pool FQDN -Registrar takes
        for (Topology context : changesFile.equals("everything") ? new Topology[] {t} : new Topology[] {t, null}) {
            Runbook r = Runbook.of(changesFile, changes, context);
            List<Change> readBack = RunbookReader.read("runbook.ps1", r.text()).changes();
            assertEquals(expected, ChangeApplier.apply(topology(topologyFile), readBack).text());
        }
    }

    @Test
    void withTheTopologyRegistrarIdsBecomePoolNamesAndWhatIsThereIsLeftOut() {
        Runbook r = Runbook.of("everything.changes.xml", everything(), topology("se-trusted-pool.xml"));
        List<String> lines = lines(r);
        assertEquals("# Checked against se-trusted-pool.xml; already there, so left out:", lines.get(3));
        assertEquals("#   Remove-CsTrustedApplicationPool -Identity ghost.synergy.com", lines.get(4));
        assertEquals(List.of(
                "Set-CsTrustedApplicationPool -Identity ucmapool.synergy.com -RequiresReplication $false -OutboundOnly $true",
                "Remove-CsTrustedApplication -Identity ucmapool.synergy.com/callrecorder.synergy.com",
                "New-CsTrustedApplication -ApplicationId recorder2.synergy.com -TrustedApplicationPoolFqdn ucmapool.synergy.com -Port 6003"
                        + " -EnableTcp",
                "Remove-CsTrustedApplicationComputer -Identity ucma02.synergy.com",
                "New-CsTrustedApplicationPool -Identity media.synergy.com -Registrar lyncserver.synergy.com -Site 'Synergy HQ'"
                        + " -TreatAsAuthenticated $false -ThrottleAsServer $true -RequiresReplication $true -OutboundOnly $false"
                        + " -ComputerFqdn media01.synergy.com -AudioPortStart 20000 -AudioPortCount 1000 -VideoPortStart 30000"
                        + " -VideoPortCount 500 -AppSharingPortStart 40000 -AppSharingPortCount 100",
                "New-CsTrustedApplicationComputer -Identity media02.synergy.com -Pool media.synergy.com",
                "cstopo set-ip C:\\topology.xml lyncserver.synergy.com=192.0.2.10 --interface-side External --in-place",
                "cstopo set-ip C:\\topology.xml media01.synergy.com=10.10.3.1 media02.synergy.com=2001:db8::2 --in-place"),
                lines.stream().filter(l -> !l.startsWith("#") && !l.isEmpty() && !l.contains("CsTopology")).toList());
        assertEquals("# Trusted application pool media.synergy.com in site Synergy HQ (SiteId 1), registrar lyncserver.synergy.com"
                + " (1-Registrar-1); its first computer is media01.synergy.com", lines.get(15));
        assertEquals(List.of("RemoveTrustedApplicationPool ghost.synergy.com"), r.leftOut().stream().map(Change::describe).toList());
    }

    @Test
    void aTopologyThatHasItAllLeavesNothingToRun() {
        Topology t = topology("se-synergy.xml");
        List<Change> changes = ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml"));
        Topology done = TopologyBinder.bind(SourceDocument.parse("done.xml", ChangeApplier.apply(t, changes).text()
                .getBytes(StandardCharsets.UTF_8)));
        Runbook r = Runbook.of("cisco-imp-federation.changes.xml", changes, done);
        assertEquals(5, r.leftOut().size());
        assertEquals("# Nothing to run: the topology has it all.", lines(r).get(lines(r).size() - 2));
    }

    @Test
    void withoutATopologyWhatCannotBeWrittenOrRunIsRefused() {
        CstopoException id = assertThrows(CstopoException.class, () -> Runbook.of("e.xml", everything(), null));
        assertEquals(ExitCode.USAGE, id.exitCode());
        assertEquals("everything.changes.xml:8:3: NewTrustedApplicationPool media.synergy.com: Registrar 1-Registrar-1 is a topology"
                + " service id, which -Registrar does not take; give --topology TOPOLOGY so cstopo can name the registrar pool, or write"
                + " the pool's FQDN", id.getMessage());

        List<Change> twice = List.of(
                new Change.NewTrustedApplicationPool("c.xml:2:3", "p.sip.com", "r.sip.com", "1", "node1.sip.com", true, true, true,
                        false, Change.MediaPorts.NONE),
                new Change.NewTrustedApplicationComputer("c.xml:3:3", "NODE1.sip.com", "p.sip.com"));
        CstopoException routingNode = assertThrows(CstopoException.class, () -> Runbook.of("c.xml", twice, null));
        assertEquals(ExitCode.CONFLICT, routingNode.exitCode());
        assertEquals("c.xml:3:3: NewTrustedApplicationComputer NODE1.sip.com in pool p.sip.com: computer NODE1.sip.com is the first"
                + " computer of pool p.sip.com, which New-CsTrustedApplicationPool adds (the routing node); never add it a second time:"
                + " delete this change", routingNode.getMessage());

        List<Change> single = List.of(
                new Change.NewTrustedApplicationPool("c.xml:2:3", "p.sip.com", "r.sip.com", "1", null, true, true, true, false,
                        Change.MediaPorts.NONE),
                new Change.NewTrustedApplicationComputer("c.xml:3:3", "node2.sip.com", "p.sip.com"));
        assertEquals(ExitCode.CONFLICT, assertThrows(CstopoException.class, () -> Runbook.of("c.xml", single, null)).exitCode());

        List<Change> early = List.of(
                new Change.NewTrustedApplicationComputer("c.xml:2:3", "node2.sip.com", "p.sip.com"),
                new Change.NewTrustedApplicationPool("c.xml:3:3", "p.sip.com", "r.sip.com", "1", "node1.sip.com", true, true, true,
                        false, Change.MediaPorts.NONE));
        CstopoException order = assertThrows(CstopoException.class, () -> Runbook.of("c.xml", early, null));
        assertEquals(ExitCode.CONFLICT, order.exitCode());
        assertEquals("c.xml:2:3: NewTrustedApplicationComputer node2.sip.com in pool p.sip.com: pool p.sip.com is created only later,"
                + " by c.xml:3:3; move this change after that one", order.getMessage());

        List<Change> badAddress = List.of(new Change.SetIPAddress("c.xml:2:3", "a.sip.com", "10.0.0.256", "Primary"));
        CstopoException address = assertThrows(CstopoException.class, () -> Runbook.of("c.xml", badAddress, null));
        assertEquals(ExitCode.BAD_INPUT, address.exitCode());
        assertEquals("c.xml:2:3: SetIPAddress IPAddress '10.0.0.256' is not an IPv4 or IPv6 address: IPv4 is four numbers from 0 to"
                + " 255 without leading zeros; e.g. IPAddress=\"10.10.1.11\"",
                address.getMessage());
    }

    @Test
    void aFileNameInTheHeaderStaysAComment() {
        // a file name may hold a line break: printed as it is, the rest of the name would run as code on the server
        Runbook r = Runbook.of("/tmp/x\nRemove-Item C:\\ -Recurse #.xml", List.of(new Change.RemoveTrustedApplicationPool("c", "p.sip.com")), null);
        assertEquals("# Runbook written by cstopo from x\\u000ARemove-Item C:\\ -Recurse #.xml.", lines(r).get(0));
        assertEquals(List.of("Enable-CsTopology"), RunbookReader.read("r.ps1", r.text()).outside().stream()
                .map(o -> o.command()).toList(), "nothing but the runbook's own statements runs");
    }

    @Test
    void valuesPowerShellWouldSplitOrExpandAreQuoted() {
        List<Change> odd = List.of(new Change.SetTrustedApplicationPool("c", "p.sip.com", "Registrar:it's$here", null, null, null,
                null));
        Runbook r = Runbook.of("c.xml", odd, null);
        assertEquals("Set-CsTrustedApplicationPool -Identity p.sip.com -Registrar 'Registrar:it''s$here'", lines(r).get(6));
        assertEquals("Registrar:it's$here", ((Change.SetTrustedApplicationPool) RunbookReader.read("r.ps1", r.text()).changes()
                .get(0)).registrar());
        List<Change> numbers = List.of(new Change.NewTrustedApplicationPool("c", "p.sip.com", "r.sip.com", "01", null, true, true,
                true, false, Change.MediaPorts.NONE), new Change.NewTrustedApplicationPool("c", "q.sip.com", "r.sip.com", "2", null,
                true, true, true, false, Change.MediaPorts.NONE));
        List<String> sites = lines(Runbook.of("c.xml", numbers, null)).stream().filter(l -> l.startsWith("New-")).toList();
        assertEquals(List.of("-Site '01'", "-Site 2"), sites.stream().map(l -> l.replaceAll(".*(-Site \\S+).*", "$1")).toList(),
                "PowerShell would pass 01 on as 1");
    }
}
