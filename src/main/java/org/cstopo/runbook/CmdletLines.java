package org.cstopo.runbook;

import static org.cstopo.powershell.TopologyCmdlets.*;

import java.util.ArrayList;
import java.util.List;
import org.cstopo.change.Change;
import org.cstopo.powershell.PowerShellText;

/**
 * One topology change as the cmdlet that makes it, with the cmdlets' own parameter names
 * (Microsoft's cmdlet reference; see {@link org.cstopo.powershell.TopologyCmdlets}) and a comment
 * saying what it does. New-CsTrustedApplicationPool spells out all four settings, as the Cisco
 * guide does, so the line means the same whatever a server version's defaults are.
 */
final class CmdletLines {
    private final Names names;

    CmdletLines(Names names) {
        this.names = names;
    }

    /** What the cmdlet does, for the comment above it (values unescaped: {@link RunbookText} makes it one line). */
    String comment(Change c) {
        if (c instanceof Change.NewTrustedApplicationPool p) {
            String site = p.site() == null || p.site().isEmpty() ? "" : " in site " + names.site(p.site());
            return "Trusted application pool " + p.identity() + site + ", registrar " + names.registrar(p.registrar())
                    + "; its first computer is " + p.firstComputer();
        } else if (c instanceof Change.SetTrustedApplicationPool p) {
            return "New settings for trusted application pool " + p.identity() + " (the others stay as they are)";
        } else if (c instanceof Change.RemoveTrustedApplicationPool p) {
            return "Remove trusted application pool " + p.identity() + " with its computers and applications";
        } else if (c instanceof Change.NewTrustedApplicationComputer p) {
            return "Another computer for " + p.pool() + " (never the pool's first computer again)";
        } else if (c instanceof Change.RemoveTrustedApplicationComputer p) {
            return "Remove computer " + p.identity() + " from its trusted application pool";
        } else if (c instanceof Change.NewTrustedApplication p) {
            return "Trusted application " + p.applicationId() + " on " + p.pool() + ", port " + p.port()
                    + (p.enableTcp() ? " (TCP; the cmdlet asks to confirm)" : " (MTLS)");
        } else if (c instanceof Change.RemoveTrustedApplication p) {
            return "Remove trusted application " + p.applicationId() + " from " + p.pool();
        }
        throw new IllegalStateException("no cmdlet for " + c.describe());
    }

    String cmdlet(Change c) {
        List<String> words = new ArrayList<>();
        if (c instanceof Change.NewTrustedApplicationPool p) {
            words.add(NEW_POOL);
            text(words, IDENTITY, p.identity());
            text(words, REGISTRAR, p.registrar());
            text(words, SITE, p.site());
            bool(words, TREAT_AS_AUTHENTICATED, p.treatAsAuthenticated());
            bool(words, THROTTLE_AS_SERVER, p.throttleAsServer());
            bool(words, REQUIRES_REPLICATION, p.requiresReplication());
            bool(words, OUTBOUND_ONLY, p.outboundOnly());
            text(words, COMPUTER_FQDN, p.computerFqdn());
            Change.MediaPorts m = p.mediaPorts();
            number(words, AUDIO_PORT_START, m.audioStart());
            number(words, AUDIO_PORT_COUNT, m.audioCount());
            number(words, VIDEO_PORT_START, m.videoStart());
            number(words, VIDEO_PORT_COUNT, m.videoCount());
            number(words, APP_SHARING_PORT_START, m.appSharingStart());
            number(words, APP_SHARING_PORT_COUNT, m.appSharingCount());
        } else if (c instanceof Change.SetTrustedApplicationPool p) {
            words.add(SET_POOL);
            text(words, IDENTITY, p.identity());
            text(words, REGISTRAR, p.registrar());
            bool(words, TREAT_AS_AUTHENTICATED, p.treatAsAuthenticated());
            bool(words, THROTTLE_AS_SERVER, p.throttleAsServer());
            bool(words, REQUIRES_REPLICATION, p.requiresReplication());
            bool(words, OUTBOUND_ONLY, p.outboundOnly());
        } else if (c instanceof Change.RemoveTrustedApplicationPool p) {
            words.add(REMOVE_POOL);
            text(words, IDENTITY, p.identity());
        } else if (c instanceof Change.NewTrustedApplicationComputer p) {
            words.add(NEW_COMPUTER);
            text(words, IDENTITY, p.identity());
            text(words, POOL, p.pool());
        } else if (c instanceof Change.RemoveTrustedApplicationComputer p) {
            words.add(REMOVE_COMPUTER);
            text(words, IDENTITY, p.identity());
        } else if (c instanceof Change.NewTrustedApplication p) {
            words.add(NEW_APPLICATION);
            text(words, APPLICATION_ID, p.applicationId());
            text(words, TRUSTED_APPLICATION_POOL_FQDN, p.pool());
            number(words, PORT, p.port());
            if (p.enableTcp()) {
                words.add("-" + ENABLE_TCP);
            }
        } else if (c instanceof Change.RemoveTrustedApplication p) {
            words.add(REMOVE_APPLICATION);
            text(words, IDENTITY, p.pool() + "/" + p.applicationId());
        } else {
            throw new IllegalStateException("no cmdlet for " + c.describe());
        }
        return String.join(" ", words);
    }

    private static void text(List<String> words, String parameter, String value) {
        if (value != null && !value.isEmpty()) {
            words.add("-" + parameter);
            words.add(PowerShellText.argument(value));
        }
    }

    private static void bool(List<String> words, String parameter, Boolean value) {
        if (value != null) {
            words.add("-" + parameter);
            words.add(PowerShellText.bool(value));
        }
    }

    private static void number(List<String> words, String parameter, Integer value) {
        if (value != null) {
            words.add("-" + parameter);
            words.add(value.toString());
        }
    }
}
