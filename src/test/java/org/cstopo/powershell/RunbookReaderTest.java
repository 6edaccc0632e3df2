package org.cstopo.powershell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.Fixtures;
import org.cstopo.change.Change;
import org.cstopo.change.ChangesFile;
import org.cstopo.change.Origins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runbook read as a changes file: the shipped runbooks, each PowerShell form, and what is refused. */
class RunbookReaderTest {
    @TempDir
    Path tmp;

    static List<Change> withoutOrigins(List<Change> changes) {
        return changes.stream().map(c -> Origins.withOrigin(c, "")).toList();
    }

    private static List<Change> changes(String script) {
        return RunbookReader.read("r.ps1", script).changes();
    }

    private static String refusal(String script) {
        CstopoException e = assertThrows(CstopoException.class, () -> RunbookReader.read("r.ps1", script));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    private static final String POOL = "New-CsTrustedApplicationPool -Identity trustedpool.sip.com -Registrar lyncserver.synergy.com -Site 1";

    @Test
    void theCiscoRunbookDeclaresWhatItsChangesFileDeclares() {
        DeclaredChanges read = ChangesInput.read(Fixtures.path("cisco-imp-federation.ps1"));
        assertEquals(withoutOrigins(ChangesFile.read(Fixtures.path("cisco-imp-federation.changes.xml"))), withoutOrigins(read.changes()));
        String file = Fixtures.path("cisco-imp-federation.ps1").toString();
        assertEquals(file + ":16:1", read.changes().get(0).origin());
        assertEquals(file + ":21:1", read.changes().get(1).origin());
        assertEquals(file + ":32:31", read.changes().get(3).origin(), "each address has its own origin");
        assertEquals(List.of(
                new OutsideStatement(file + ":12:1", "New-CsStaticRoute"),
                new OutsideStatement(file + ":13:1", "Set-CsStaticRoutingConfiguration"),
                new OutsideStatement(file + ":28:1", "Enable-CsTopology"),
                new OutsideStatement(file + ":29:1", "Get-CsTopology"),
                new OutsideStatement(file + ":35:1", "Publish-CsTopology"),
                new OutsideStatement(file + ":35:47", "Enable-CsTopology")), read.outside());
        assertEquals(file + ":12:1: New-CsStaticRoute: outside the topology: run it on the server", read.outside().get(0).line());
    }

    @Test
    void theExchangeRunbookDeclaresWhatItsChangesFileDeclares() {
        DeclaredChanges read = ChangesInput.read(Fixtures.path("exchange-owa-im.ps1"));
        assertEquals(withoutOrigins(ChangesFile.read(Fixtures.path("exchange-owa-im.changes.xml"))), withoutOrigins(read.changes()));
        assertEquals(List.of(new OutsideStatement(Fixtures.path("exchange-owa-im.ps1") + ":11:1", "Enable-CsTopology")), read.outside());
    }

    @Test
    void aRunbookIsRecognisedByItsFirstCmdletAndStoredAsUtf16Too() throws Exception {
        String text = "# a runbook saved by Out-File\r\nRemove-CsTrustedApplicationPool -Identity trustedpool.sip.com\r\n";
        Path utf16 = tmp.resolve("changes.txt");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(List.of(new Change.RemoveTrustedApplicationPool(utf16 + ":2:1", "trustedpool.sip.com")),
                ChangesInput.read(utf16).changes());
        Path xmlNamedPs1 = tmp.resolve("changes.ps1");
        Files.copy(Fixtures.path("exchange-owa-im.changes.xml"), xmlNamedPs1);
        assertEquals(2, ChangesInput.read(xmlNamedPs1).changes().size(), "markup is XML whatever the file is called");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void namesAnyCasePrefixesColonsAndBooleansAsPowerShellReadsThem() {
        Change.NewTrustedApplicationPool p = (Change.NewTrustedApplicationPool) changes(
                "new-cstrustedapplicationpool trustedpool.sip.com -REGISTRAR:lyncserver.synergy.com -Sit '1' -Treat:$FALSE"
                        + " -Throttle 0 -RequiresRep: $true -Outbound 1 -Comp \"node1.sip.com\" -AudioPortStart 020000 -AudioPortCount '100'"
                        + " -Confirm:$false -Force -Verbose -ErrorAction Stop").get(0);
        assertEquals(new Change.NewTrustedApplicationPool(p.origin(), "trustedpool.sip.com", "lyncserver.synergy.com", "1",
                "node1.sip.com", false, false, true, true, new Change.MediaPorts(20000, 100, null, null, null, null)), p);
        assertEquals("r.ps1:1:1", p.origin());
    }

    @Test
    void leftOutSettingsTakeTheCmdletsDefaults() {
        Change.NewTrustedApplicationPool p = (Change.NewTrustedApplicationPool) changes(POOL).get(0);
        assertEquals(List.of(true, true, true, false),
                List.of(p.treatAsAuthenticated(), p.throttleAsServer(), p.requiresReplication(), p.outboundOnly()));
        assertNull(p.computerFqdn());
        Change.SetTrustedApplicationPool s = (Change.SetTrustedApplicationPool) changes(
                "Set-CsTrustedApplicationPool -Identity trustedpool.sip.com -OutboundOnly $true").get(0);
        assertEquals(new Change.SetTrustedApplicationPool(s.origin(), "trustedpool.sip.com", null, null, null, null, true), s);
    }

    @Test
    void continuationsCommentsSeparatorsAndTypographicDashesAndQuotes() {
        String script = "<# block\n comment #>\n"
                + "New-CsTrustedApplicationPool `\n  -Identity trustedpool.sip.com <# inline #> -Registrar lyncserver.synergy.com `\r\n"
                + "  -Site 1 # trailing comment\n"
                + "  -ComputerFqdn node1.sip.com\n"
                + "New-CsTrustedApplicationComputer \u2013Identity node2.sip.com \u2014Pool \u201ctrustedpool.sip.com\u201d;"
                + " New-CsTrustedApplication -Identity \u2018trustedpool.sip.com/app\u2019 -Port 5061 -EnableTcp\n"
                + "Remove-CsTrustedApplication trustedpool.sip.com/urn:application:old ; Remove-CsTrustedApplicationComputer node3.sip.com\n"
                + "Remove-CsTrustedApplicationPool -Identity:old.sip.com -Confirm:$false\n";
        List<Change> read = changes(script);
        assertEquals(List.of(
                new Change.NewTrustedApplicationPool("", "trustedpool.sip.com", "lyncserver.synergy.com", "1", "node1.sip.com",
                        true, true, true, false, Change.MediaPorts.NONE),
                new Change.NewTrustedApplicationComputer("", "node2.sip.com", "trustedpool.sip.com"),
                new Change.NewTrustedApplication("", "app", "trustedpool.sip.com", 5061, true),
                new Change.RemoveTrustedApplication("", "urn:application:old", "trustedpool.sip.com"),
                new Change.RemoveTrustedApplicationComputer("", "node3.sip.com"),
                new Change.RemoveTrustedApplicationPool("", "old.sip.com")), withoutOrigins(read));
        assertEquals(List.of("r.ps1:3:1", "r.ps1:7:1", "r.ps1:7:87", "r.ps1:8:1", "r.ps1:8:71", "r.ps1:9:1"),
                read.stream().map(Change::origin).toList());
    }

    @Test
    void otherStatementsAreSkippedWholeWhateverTheyHold() {
        DeclaredChanges read = RunbookReader.read("r.ps1", String.join("\n",
                "Import-Module SkypeForBusiness",
                "Get-Help New-CsTrustedApplicationPool -Full",
                "$route = New-CsStaticRoute -TLSRoute -Destination \"$node\" -Port 5061 -MatchUri sip.com",
                "-UseDefaultCertificate $true",
                "Set-CsStaticRoutingConfiguration -Identity global -Route @{Add=$route}",
                "foreach ($n in @('a', 'b')) {",
                "  Write-Host \"node $n: New-CsTrustedApplicationComputer is not run here\"",
                "}",
                "(Get-CsTopology -AsXml).ToString() > C:\\topology.xml",
                "$cert = Request-CsCertificate -New -Type Default -FriendlyName 'Front End' `",
                "  -Output C:\\cert.req <# multi",
                "line #>",
                "Stop-CsWindowsService; Start-CsWindowsService",
                "$text = @\"",
                "New-CsTrustedApplicationPool in a here-string",
                "\"@"));
        assertEquals(List.of(), read.changes());
        assertEquals(List.of("Import-Module", "Get-Help", "New-CsStaticRoute", "Set-CsStaticRoutingConfiguration", "foreach", "(Get-CsTopology", "Request-CsCertificate", "Stop-CsWindowsService", "Start-CsWindowsService", "$text"),
                read.outside().stream().map(OutsideStatement::command).toList());
        assertEquals(List.of("r.ps1:1:1", "r.ps1:2:1", "r.ps1:3:1", "r.ps1:5:1", "r.ps1:6:1", "r.ps1:9:1", "r.ps1:10:1", "r.ps1:13:1",
                "r.ps1:13:24", "r.ps1:14:1"), read.outside().stream().map(OutsideStatement::origin).toList());
    }

    @Test
    void aTopologyCmdletsOutputMayGoToAVariableOrAPipeline() {
        assertEquals(List.of(new Change.RemoveTrustedApplicationPool("", "a.sip.com"), new Change.RemoveTrustedApplicationPool("", "b.sip.com")),
                withoutOrigins(changes("$gone = Remove-CsTrustedApplicationPool -Identity a.sip.com\n"
                        + "Remove-CsTrustedApplicationPool -Identity b.sip.com | Out-Null")));
    }

    @Test
    void cstopoSetIpLinesBecomeAddressChanges() {
        List<Change> read = changes("cstopo set-ip C:\\topology.xml a.sip.com=10.0.0.1 b.sip.com=fe80::1 --interface-side External"
                + " --in-place\ncstopo set-ip 'C:\\my topology.xml' -InterfaceSide:Pstn c.sip.com=10.0.0.3 -o - --force\n"
                + "cstopo set-ip C:\\t.xml d.sip.com=10.0.0.4 --interface-side=Internal --backup C:\\t.bak\n");
        assertEquals(List.of(new Change.SetIPAddress("r.ps1:1:31", "a.sip.com", "10.0.0.1", "External"),
                new Change.SetIPAddress("r.ps1:1:50", "b.sip.com", "fe80::1", "External"),
                new Change.SetIPAddress("r.ps1:2:56", "c.sip.com", "10.0.0.3", "Pstn"),
                new Change.SetIPAddress("r.ps1:3:24", "d.sip.com", "10.0.0.4", "Internal")), read);
    }

    @Test
    void everyUnreadableConstructIsOneLineWithItsPositionAndAFix() {
        String[][] cases = {
            {POOL + " -ComputerFqdn $node", "r.ps1:1:116: New-CsTrustedApplicationPool -ComputerFqdn $node: a variable's value is"
                    + " known only when the script runs; write the value itself"},
            {"Get-CsTrustedApplicationPool | Remove-CsTrustedApplicationPool", "r.ps1:1:32: a pipeline into Remove-CsTrustedApplicationPool"
                    + " cannot be read: what it receives is known only when the script runs; write Remove-CsTrustedApplicationPool as a"
                    + " statement of its own, with its parameters"},
            {"$p = @{Identity='a.sip.com'}\nNew-CsTrustedApplicationPool @p", "r.ps1:2:30: New-CsTrustedApplicationPool @p: splatting"
                    + " passes parameters cstopo cannot see; write each parameter out (-Name value)"},
            {POOL + " -Ident x.sip.com", "r.ps1:1:102: New-CsTrustedApplicationPool -Identity is given twice; give it once"},
            {POOL + " -Fqdn x.sip.com", "r.ps1:1:102: New-CsTrustedApplicationPool has no parameter -Fqdn; its parameters are -Identity,"
                    + " -AppSharingPortCount, -AppSharingPortStart, -AudioPortCount, -AudioPortStart, -ComputerFqdn, -OutboundOnly,"
                    + " -Registrar, -RequiresReplication, -Site, -ThrottleAsServer, -TreatAsAuthenticated, -VideoPortCount, -VideoPortStart"},
            {"New-CsTrustedApplicationPool -Identity a.sip.com -Re lyncserver.synergy.com", "r.ps1:1:50: New-CsTrustedApplicationPool"
                    + " -Re is ambiguous: it could be -Registrar or -RequiresReplication (PowerShell refuses it too); write more of the"
                    + " parameter name"},
            {"New-CsTrustedApplicationComputer -Identity <FQDN of the IM and Presence node> -Pool trustedpool.sip.com",
                "r.ps1:1:44: New-CsTrustedApplicationComputer -Identity <FQDN of the IM and Presence node> is a placeholder, not a"
                        + " value; replace it with the real value"},
            {POOL + " -RequiresReplication false", "r.ps1:1:123: New-CsTrustedApplicationPool -RequiresReplication false: PowerShell"
                    + " passes this as text, which a Boolean parameter refuses; write $false"},
            {POOL + " -RequiresReplication", "r.ps1:1:102: New-CsTrustedApplicationPool -RequiresReplication has no value; give it a"
                    + " value (-RequiresReplication value)"},
            {POOL + " -Computer (hostname)", "r.ps1:1:112: New-CsTrustedApplicationPool -ComputerFqdn (hostname): an expression's"
                    + " value is known only when the script runs; write the value itself"},
            {"foreach ($n in $nodes) { New-CsTrustedApplicationComputer -Identity $n -Pool p.sip.com }", "r.ps1:1:26:"
                    + " New-CsTrustedApplicationComputer inside brackets or a script block cannot be read; write it as a statement of"
                    + " its own, with literal values"},
            {"Invoke-Command { cstopo set-ip t.xml a.sip.com=10.0.0.1 }", "r.ps1:1:18: cstopo inside brackets or a script block"
                    + " cannot be read; write it as a statement of its own, with literal values"},
            {POOL + " -ComputerFqdn \"$prefix.sip.com\"", "r.ps1:1:116: New-CsTrustedApplicationPool -ComputerFqdn \"$prefix.sip.com\":"
                    + " double-quoted text with $ is known only when the script runs; write the value itself, or use single quotes"},
            {"Remove-CsTrustedApplicationComputer -Identity a.sip.com, b.sip.com", "r.ps1:1:56: Remove-CsTrustedApplicationComputer:"
                    + " ',' makes a list, and each parameter here takes one value; give one value; write another statement for the next"},
            {"New-CsTrustedApplication -ApplicationId app -TrustedApplicationPoolFqdn p.sip.com -Port 5061 -LegacyApplicationName x",
                "r.ps1:1:94: New-CsTrustedApplication -LegacyApplicationName: cstopo does not write a legacy application name (the GRUU"
                        + " type of an Office Communications Server 2007 R2 application); leave it out, or run this statement on the"
                        + " server instead of reading it with cstopo"},
            {"Set-CsTrustedApplicationPool -Identity p.sip.com -AudioPortStart 20000", "r.ps1:1:50: Set-CsTrustedApplicationPool"
                    + " -AudioPortStart: cstopo sets media port ranges only when it creates the pool (New-CsTrustedApplicationPool);"
                    + " leave it out, or run this statement on the server instead of reading it with cstopo"},
            {"Remove-CsTrustedApplicationPool -Identity p.sip.com -WhatIf", "r.ps1:1:53: Remove-CsTrustedApplicationPool -WhatIf: the"
                    + " cmdlet would only say what it would do, so cstopo cannot tell whether the change is meant; remove -WhatIf to make"
                    + " the change, or the statement to make none"},
            {"New-CsTrustedApplication -ApplicationId app -TrustedApplicationPoolFqdn p.sip.com -Port 5061 -EnableTcp $false",
                "r.ps1:1:105: New-CsTrustedApplication -EnableTcp is a switch: a value after a space is not its value; write"
                        + " -EnableTcp to turn it on, or -EnableTcp:$false"},
            {"New-CsTrustedApplicationComputer -Identity a.sip.com", "r.ps1:1:1: New-CsTrustedApplicationComputer needs -Pool"
                    + " (PowerShell would stop and ask for it); add -Pool to the statement"},
            {"New-CsTrustedApplicationPool -Identity a.sip.com -Site 1", "r.ps1:1:1: New-CsTrustedApplicationPool without -Registrar:"
                    + " cstopo needs it, because a trusted application pool without a registrar cannot host endpoints nor be removed;"
                    + " add -Registrar registrar.pool.fqdn"},
            {"New-CsTrustedApplicationComputer -Identity node_1 -Pool p.sip.com", "r.ps1:1:44: New-CsTrustedApplicationComputer"
                    + " -Identity 'node_1' is not a fully qualified domain name: an underscore is not allowed: a name holds letters,"
                    + " digits, hyphens and dots only; e.g. -Identity trustedpool.sip.com"},
            {"New-CsTrustedApplication -ApplicationId app -TrustedApplicationPoolFqdn p.sip.com -Port 70000",
                "r.ps1:1:89: New-CsTrustedApplication -Port '70000' is not a port number from 1 to 65535; e.g. -Port 5061"},
            {"New-CsTrustedApplicationComputer a.sip.com b.sip.com -Pool p.sip.com", "r.ps1:1:44: New-CsTrustedApplicationComputer:"
                    + " 'b.sip.com' is a value without a parameter name (only -Identity may go without one); put the parameter name"
                    + " before it"},
            {"New-CsTrustedApplicationComputer -Identity a.sip.com ` \n -Pool p.sip.com", "r.ps1:1:54:"
                    + " New-CsTrustedApplicationComputer: a backtick that is not the last character of its line escapes the next one"
                    + " instead of continuing the line; remove what follows the backtick (often a space)"},
            {"Set-CsTrustedApplication -Identity p.sip.com/app -Port 5062", "r.ps1:1:1: cstopo has no change for"
                    + " Set-CsTrustedApplication (a new port for an existing application); write Remove-CsTrustedApplication and"
                    + " New-CsTrustedApplication instead"},
            {"SkypeForBusiness\\Remove-CsTrustedApplicationPool -Identity p.sip.com", "r.ps1:1:1:"
                    + " SkypeForBusiness\\Remove-CsTrustedApplicationPool: cstopo reads topology cmdlets by their plain name; write the"
                    + " cmdlet's name without a module or path before it"},
            {"cstopo apply t.xml -c c.xml", "r.ps1:1:8: only 'cstopo set-ip' is read from a runbook; run other cstopo commands yourself"},
            {"cstopo set-ip t.xml a.sip.com=10.0.0.300", "r.ps1:1:21: cstopo set-ip: '10.0.0.300' in 'a.sip.com=10.0.0.300' is not"
                    + " an IPv4 or IPv6 address: IPv4 is four numbers from 0 to 255 without leading zeros; e.g."
                    + " impserver2.sip.com=10.10.1.11"},
            {"cstopo set-ip t.xml a.sip.com=10.0.0.3 --diff", "r.ps1:1:40: cstopo set-ip: option --diff is not read from a runbook;"
                    + " use only --interface-side, -o, --in-place, --backup and --force on this line"},
            {"New-CsTrustedApplication -Identity p.sip.com/app -ApplicationId app -Port 1", "r.ps1:1:1: New-CsTrustedApplication has"
                    + " -Identity and -ApplicationId or -TrustedApplicationPoolFqdn (PowerShell refuses the mix); use -Identity"
                    + " pool.fqdn/id alone, or the other two"},
            {"Remove-CsTrustedApplicationPool -Identity 'p.sip.com'x", "r.ps1:1:43: Remove-CsTrustedApplicationPool -Identity"
                    + " ''p.sip.com'x' cannot be read as one value (PowerShell would join or expand its pieces); write it as one word"
                    + " or one quoted string"},
            {POOL + "\n\n-RequiresReplication $false", "r.ps1:3:1: this line starts with -RequiresReplication but continues no"
                    + " command (a blank line, a comment line or a ';' ends the command before it); put it right after its cmdlet's line"},
            {"New-CsTrustedApplicationPool -Identity p.sip.com -Registrar r.sip.com -Site 01", "r.ps1:1:77: New-CsTrustedApplicationPool"
                    + " -Site 01: PowerShell reads this as a number, not as the text; quote it ('01') if the text is meant"},
            {"PS C:\\> Remove-CsTrustedApplicationPool -Identity p.sip.com", "r.ps1:1:9: Remove-CsTrustedApplicationPool is an argument"
                    + " of PS here (a prompt such as 'PS C:\\>' copied with the command?); start the statement with the cmdlet itself"},
            {"Remove-CsTrustedApplicationPool -Identity p.sip.com > out.txt", "r.ps1:1:53: Remove-CsTrustedApplicationPool >:"
                    + " redirection is not read in a topology statement; remove it"},
        };
        List<String> wrong = new java.util.ArrayList<>();
        for (String[] c : cases) {
            String got = refusal(c[0]);
            if (!got.equals(c[1])) {
                wrong.add(c[0] + "\n  GOT " + got);
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void everySpacePowerShellSeesEndsAnArgument() {
        // next line, en space, thin space, narrow no-break space, ideographic space: blanks to PowerShell, not letters
        for (String blank : List.of("\u0085", "\u2002", "\u2009", "\u202f", "\u3000")) {
            assertEquals(List.of(new Change.NewTrustedApplication("", "imp", "p.sip.com", 5061, false)), withoutOrigins(changes(
                    "New-CsTrustedApplication -ApplicationId imp" + blank + "-TrustedApplicationPoolFqdn" + blank + "p.sip.com -Port 5061"
                            + blank)), "U+" + Integer.toHexString(blank.charAt(0)));
        }
        assertEquals("r.ps1:1:54: New-CsTrustedApplicationComputer: 'b.sip.com' is a value without a parameter name (only -Identity"
                + " may go without one); put the parameter name before it",
                refusal("New-CsTrustedApplicationComputer -Identity a.sip.com\u2003b.sip.com -Pool p.sip.com"));
    }

    @Test
    void aDollarBeforeADigitInDoubleQuotesIsAVariable() {
        // PowerShell expands "$5" (the variable 5, usually empty): "app$5" is not the text app$5
        assertEquals("r.ps1:1:41: New-CsTrustedApplication -ApplicationId \"app$5\": double-quoted text with $ is known only"
                + " when the script runs; write the value itself, or use single quotes",
                refusal("New-CsTrustedApplication -ApplicationId \"app$5\" -TrustedApplicationPoolFqdn p.sip.com -Port 5061"));
        assertEquals("r.ps1:1:41: New-CsTrustedApplication -ApplicationId 'app$5' is not an application id: '$' is not allowed: an"
                + " application id holds letters, digits, dots, hyphens and underscores only; e.g. -ApplicationId imptrustedapp.sip.com",
                refusal("New-CsTrustedApplication -ApplicationId 'app$5' -TrustedApplicationPoolFqdn p.sip.com -Port 5061"),
                "in single quotes it is text, the text app$5, which is no application id");
        assertEquals("r$5", ((Change.NewTrustedApplicationPool) changes("New-CsTrustedApplicationPool p.sip.com -Registrar 'r$5'"
                + " -Site 1").get(0)).registrar(), "in single quotes it is text");
    }

    @Test
    void brokenScriptsAreRefusedWhereverTheBreakIs() {
        assertEquals("r.ps1:2:12: this quoted string is not closed; add the closing quote",
                refusal("Enable-CsTopology\nWrite-Host 'oops"));
        assertEquals("r.ps1:1:1: this <# comment is not closed; end it with #>", refusal("<# never closed"));
        assertEquals("r.ps1:1:14: '(' is not closed; add its closing bracket", refusal("Write-Output (1 + 2"));
        assertEquals("r.ps1:1:12: '}' closes nothing; remove it, or add the bracket it closes", refusal("Write-Host }"));
    }
}
