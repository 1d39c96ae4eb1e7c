package com.estatedesk.platform.idempotency;

import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Idempotency-Key protocol for the requests one transaction writes: one request (the interceptor)
 * or a batch of them (a company's queued registrations). For each request: {@link #replay} before it
 * runs (the earlier answer, or a 409 while its key is in use, also by an earlier request of the same
 * batch, or a 422 for a key used with another request); {@link #answered} once it has its answer; and
 * {@link #remember} before commit stores every answer in one statement, so that the answers commit, or
 * are lost, together with what the requests wrote. Requests without a key (a null claim) pass through.
 */
public final class IdempotentWrites<A> {

    private final IdempotencyStore store;
    private final Type answerType;
    private final Set<String> claimed = new HashSet<>();
    private final Map<IdempotencyClaim, A> answers = new LinkedHashMap<>();

    IdempotentWrites(IdempotencyStore store, Type answerType) {
        this.store = store;
        this.answerType = answerType;
    }

    /** The answer this request already had, if it ran before; throws the problem that answers it otherwise. */
    @SuppressWarnings("unchecked")
    public Optional<A> replay(IdempotencyClaim claim) {
        if (claim == null) {
            return Optional.empty();
        }
        if (!claimed.add(claim.identity())) {
            throw IdempotencyStore.inProgress();
        }
        return (Optional<A>) store.previousAnswer(claim, answerType);
    }

    public void answered(IdempotencyClaim claim, A answer) {
        if (claim != null) {
            answers.put(claim, answer);
        }
    }

    public void remember() {
        store.rememberAll(answers);
        answers.clear();
    }
}
