package org.cstopo.validate;

import java.util.Locale;

/**
 * How bad a finding is: an error makes Publish-CsTopology refuse the file; a warning does not, but
 * needs a look; an info is worth knowing and never affects an exit code.
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** "error", "warning" or "info", as printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
