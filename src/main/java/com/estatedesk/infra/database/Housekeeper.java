package com.estatedesk.infra.database;

/**
 * The recurring chores of one owner of shared state (revocations, login attempts, Idempotency-Keys,
 * ...), run by {@link Housekeeping} on every instance: each chore must be safe to run anywhere, any
 * number of times. An owner implements this as a bean of its own package; Housekeeping finds every one,
 * so that the chores stay with their owners and infrastructure imports none of them.
 */
public interface Housekeeper {

    /** Every second: what must be read promptly (a revocation on another instance). */
    default void everySecond() {}

    /** Every ESTATEDESK_PURGE_INTERVAL_SECONDS: forget what has expired. Answers what went, for the log. */
    default String purge() {
        return "";
    }
}
