package org.cstopo.validate;

import java.util.Locale;

/** How bad a finding is: an error makes Publish-CsTopology refuse the file; a warning does not, but needs a look. */
public enum Severity {
    ERROR, WARNING;

    /** "error" or "warning", as printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
