package org.cstopo.powershell;

import org.cstopo.CstopoException;
import org.cstopo.io.LineIndex;

/** A script's text and name, and the one way positions in it are written: file:line:column. */
final class ScriptText {
    final String name;
    final String text;
    private final LineIndex lines;

    ScriptText(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = new LineIndex(text);
    }

    String where(int offset) {
        return name + ":" + lines.line(offset) + ":" + lines.column(offset);
    }

    /** An unreadable script: one line, exit 3. */
    CstopoException error(int offset, String what, String fix) {
        return CstopoException.badInput(where(offset) + ": " + what + "; " + fix);
    }
}
