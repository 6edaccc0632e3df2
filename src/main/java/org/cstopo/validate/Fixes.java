package org.cstopo.validate;

import java.util.regex.Pattern;

/**
 * The cstopo commands a finding's fix suggests, worded so that they run as written: on a file that
 * holds the topology ({@link #onFile}), or, for an edit's result that is in no file yet (--check,
 * --diff, a refused write, standard output), as the change to declare in the run that made it (the
 * command line words those). ADDRESS stands for the address the engineer chooses.
 */
public interface Fixes {
    /** Gives machine {@code fqdn} an address of its own. */
    String setAddress(String fqdn);

    /** Points trusted application pool {@code pool} at registrar {@code registrar}. */
    String setRegistrar(String pool, String registrar);

    /** Commands that edit {@code file} in place: right when the file holds the topology validated. */
    static Fixes onFile(String file) {
        String f = shellWord(file);
        return new Fixes() {
            @Override
            public String setAddress(String fqdn) {
                return "cstopo set-ip " + f + " " + shellWord(fqdn + "=ADDRESS") + " --in-place";
            }

            @Override
            public String setRegistrar(String pool, String registrar) {
                return "cstopo trusted-pool set " + f + " --identity " + shellWord(pool) + " --registrar " + shellWord(registrar)
                        + " --in-place";
            }
        };
    }

    /** Words any shell takes as they are; anything else in single quotes, so that a command runs as printed. */
    Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._/:@%+=,\\-]+");

    static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
