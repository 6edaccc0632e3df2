package org.cstopo.runbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cstopo.change.Change;
import org.cstopo.model.Topology;
import org.cstopo.powershell.PowerShellText;

/** The runbook's blocks: a header, the topology cmdlets, Enable-CsTopology, the address step. CRLF line ends. */
final class RunbookText {
    private static final String NL = "\r\n";

    private final CmdletLines lines;
    private final StringBuilder out = new StringBuilder();
    private int block;

    RunbookText(CmdletLines lines) {
        this.lines = lines;
    }

    String render(String source, String topology, List<Change> structure, List<Change> addresses, List<Change> leftOut) {
        comment("Runbook written by cstopo from " + fileName(source) + ".");
        line("# Run it in the Lync Server / Skype for Business Server Management Shell on a Front End server,");
        line("# one block at a time, reading each block's output before the next.");
        if (topology != null) {
            if (leftOut.isEmpty()) {
                comment("Checked against " + fileName(topology) + ": every change applies to it.");
            } else {
                comment("Checked against " + fileName(topology) + "; already there, so left out:");
                for (Change c : leftOut) {
                    comment("  " + (c instanceof Change.SetIPAddress s ? setIp(List.of(s)) : lines.cmdlet(c)));
                }
            }
        }
        if (structure.isEmpty() && addresses.isEmpty()) {
            line("# Nothing to run: " + (topology == null ? "the changes file declares no change." : "the topology has it all."));
            return out.toString();
        }
        if (!structure.isEmpty()) {
            heading("Topology changes, in the order cstopo applies them.");
            for (Change c : structure) {
                comment(lines.comment(c));
                line(lines.cmdlet(c));
            }
            heading("Make the new topology live.");
            line("Enable-CsTopology");
        }
        if (!addresses.isEmpty()) {
            heading("Addresses: no cmdlet sets a computer's IP address. Export the topology, set the");
            line("#    addresses with cstopo (it needs Java 17: copy the file to where cstopo runs and back");
            line("#    if need be), then publish the edited file and make it live.");
            line("Get-CsTopology -AsXml | Out-File " + Runbook.EXPORT_FILE);
            for (List<Change.SetIPAddress> sameSide : bySide(addresses)) {
                line(setIp(sameSide) + " --in-place");
            }
            line("Publish-CsTopology -FileName " + Runbook.EXPORT_FILE);
            line("Enable-CsTopology");
        }
        return out.toString();
    }

    /** One cstopo set-ip line per run of addresses on the same interface side. */
    private static List<List<Change.SetIPAddress>> bySide(List<Change> addresses) {
        List<List<Change.SetIPAddress>> runs = new ArrayList<>();
        for (Change c : addresses) {
            Change.SetIPAddress s = (Change.SetIPAddress) c;
            List<Change.SetIPAddress> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.get(0).interfaceSide().equals(s.interfaceSide())) {
                last.add(s);
            } else {
                runs.add(new ArrayList<>(List.of(s)));
            }
        }
        return runs;
    }

    private static String setIp(List<Change.SetIPAddress> sameSide) {
        StringBuilder sb = new StringBuilder("cstopo set-ip ").append(Runbook.EXPORT_FILE);
        for (Change.SetIPAddress s : sameSide) {
            sb.append(' ').append(PowerShellText.argument(s.computer() + "=" + s.ipAddress()));
        }
        String side = sameSide.get(0).interfaceSide();
        if (!Topology.PRIMARY.equals(side)) {
            sb.append(" --interface-side ").append(PowerShellText.argument(side));
        }
        return sb.toString();
    }

    private void heading(String text) {
        line("");
        line("# " + (++block) + ". " + text);
    }

    /** A comment line; a value with a line break (a file name too) must not end it and turn the rest into code. */
    private void comment(String text) {
        line("# " + PowerShellText.oneLine(text));
    }

    private void line(String text) {
        out.append(text).append(NL);
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
