package com.estatedesk.people;

import com.estatedesk.idempotency.IdempotencyClaim;

/**
 * A registration waiting in its company's lane, and later its outcome: the created (or replayed)
 * person, the problem that answers it, or "run alone". Written by whichever request thread writes
 * the batch, read by the request's own thread after it has taken the lane's turn (the lock orders both).
 */
final class QueuedRegistration {

    private static final Object RUN_ALONE = new Object();

    private final NewPerson request;
    private final IdempotencyClaim claim;
    private Object outcome;

    QueuedRegistration(NewPerson request, IdempotencyClaim claim) {
        this.request = request;
        this.claim = claim;
    }

    NewPerson request() {
        return request;
    }

    /** Null when the request sent no Idempotency-Key. */
    IdempotencyClaim claim() {
        return claim;
    }

    boolean isSettled() {
        return outcome != null;
    }

    /** A PersonView, or the RuntimeException that is this request's answer. */
    void settle(Object answer) {
        outcome = answer;
    }

    void runAlone() {
        outcome = RUN_ALONE;
    }

    boolean mustRunAlone() {
        return outcome == RUN_ALONE;
    }

    PersonView answer() {
        if (outcome instanceof RuntimeException failure) {
            throw failure;
        }
        return (PersonView) outcome;
    }
}
