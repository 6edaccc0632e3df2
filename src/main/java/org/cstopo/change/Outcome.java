package org.cstopo.change;

/** What one change did: applied, or nothing because its effect was already there. */
public record Outcome(Change change, boolean applied, String message) {
    static Outcome applied(Change c, String message) {
        return new Outcome(c, true, message);
    }

    static Outcome already(Change c, String message) {
        return new Outcome(c, false, message);
    }
}
