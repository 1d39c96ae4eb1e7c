package com.estatedesk.feature.registration;

import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.platform.idempotency.IdempotencyClaim;
import java.util.concurrent.locks.Condition;

/**
 * A registration waiting in its company's lane, and later its {@link Outcome}. Written by whichever
 * request thread writes the batch, read by the request's own thread once the writer has woken it
 * through {@link #wakeUp()} (the lane's monitor orders both).
 */
final class QueuedRegistration {

    /** How a queued registration ended: written (or replayed), refused on its own, or to be run alone. */
    sealed interface Outcome {}

    /** The person it created, or the one an earlier request with the same Idempotency-Key created. */
    record Written(PersonView person) implements Outcome {}

    /** The problem that answers this registration alone; it created nothing and took no number. */
    record Refused(RuntimeException problem) implements Outcome {}

    /** Its batch failed for a reason not its own: it is written again, alone, on its own thread. */
    record RunAlone() implements Outcome {}

    private final NewPerson request;
    private final IdempotencyClaim claim;
    private final Condition wakeUp;
    private Outcome outcome;

    QueuedRegistration(NewPerson request, IdempotencyClaim claim, Condition wakeUp) {
        this.request = request;
        this.claim = claim;
        this.wakeUp = wakeUp;
    }

    /** Where the request's own thread waits for its outcome or its turn to write. */
    Condition wakeUp() {
        return wakeUp;
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

    void settle(Outcome outcome) {
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
