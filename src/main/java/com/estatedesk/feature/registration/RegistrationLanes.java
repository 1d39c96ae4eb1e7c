package com.estatedesk.feature.registration;

import com.estatedesk.feature.people.model.InvitedPersonView;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.feature.registration.QueuedRegistration.Outcome;
import com.estatedesk.feature.registration.QueuedRegistration.Refused;
import com.estatedesk.feature.registration.QueuedRegistration.RunAlone;
import com.estatedesk.feature.registration.QueuedRegistration.Written;
import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.metrics.AppMetrics;
import com.estatedesk.infra.problem.FailureClassifier;
import com.estatedesk.platform.idempotency.IdempotencyClaim;
import com.estatedesk.platform.idempotency.IdempotencyRequest;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registrations of one company that arrive together on this instance are written together: one
 * transaction, one PESSIMISTIC_WRITE lock of the sequence row, one block of numbers, one commit —
 * instead of one lock window per registration, which is what limits a busy company (BENCHMARKS.md).
 *
 * <p>Nothing waits for a batch to fill. A registration that finds its company's lane free is written at
 * once, alone, by the ordinary path; those that arrive meanwhile queue, and the first of them to get the
 * turn writes all that are waiting (flat combining). The guarantees are those of a single registration:
 * the numbers are taken under the lock in the same transaction as the inserts, so a batch that rolls
 * back uses no number. Whatever concerns one request alone (its Idempotency-Key, a taken email) is
 * answered for that request inside the batch. If the batch fails anyway, a failure of the database
 * (lock timeout, lost connection: 503) is everyone's answer; any other failure is not, and each request
 * is then written alone, on its own thread, exactly as without batching.
 *
 * <p>Registrations with a password are not batched: their cost is the password hash, which must not be
 * serialized on one thread. {@code ESTATEDESK_REGISTRATION_BATCH_MAX=1} turns batching off.
 */
@ApplicationScoped
public class RegistrationLanes {

    @EJB
    RegistrationService registrations;

    @Inject
    Caller caller;

    @Inject
    IdempotencyRequest idempotency;

    @Inject
    AppMetrics metrics;

    @Inject
    @ConfigProperty(name = "estatedesk.registration.batch.max", defaultValue = "32")
    int batchMax;

    private final ConcurrentMap<CompanyLane.Key, CompanyLane> lanes = new ConcurrentHashMap<>();

    @PostConstruct
    void publishQueueLength() {
        metrics.gauge(
                "estatedesk.registration.waiting",
                "Registrations waiting on this instance for their company's turn",
                () -> lanes.values().stream()
                        .mapToInt(lane -> lane.waiting.size())
                        .sum());
    }

    public PersonView register(PersonKind kind, NewPerson request) {
        Long companyId = caller.companyId();
        if (batchMax <= 1 || companyId == null || request.password() != null) {
            metrics.registrationsWritten(1);
            return registrations.register(kind, request);
        }
        CompanyLane lane = lanes.computeIfAbsent(new CompanyLane.Key(companyId, kind), key -> new CompanyLane());
        QueuedRegistration mine = lane.enqueue(request, IdempotencyClaim.of(caller, idempotency));
        lane.awaitOutcome(mine, batchMax, batch -> {
            if (batch.size() == 1 && batch.get(0) == mine) {
                writeAlone(kind, mine);
            } else {
                writeTogether(kind, batch);
            }
        });
        Outcome outcome = mine.outcome();
        if (outcome instanceof Written written) {
            return written.person();
        }
        if (outcome instanceof Refused refused) {
            throw refused.problem();
        }
        metrics.registrationsWritten(1); // RunAlone
        return registrations.register(kind, request);
    }

    /** An invited registration: alone, like one with a password (it writes a login). */
    public InvitedPersonView registerInvited(PersonKind kind, NewPerson request) {
        metrics.registrationsWritten(1);
        return registrations.registerInvited(kind, request);
    }

    /** On the request's own thread, so the ordinary path (and its Idempotency-Key handling) applies. */
    private void writeAlone(PersonKind kind, QueuedRegistration mine) {
        metrics.registrationsWritten(1);
        try {
            mine.settle(new Written(registrations.register(kind, mine.request())));
        } catch (RuntimeException failure) {
            mine.settle(new Refused(failure));
        }
    }

    private void writeTogether(PersonKind kind, List<QueuedRegistration> batch) {
        metrics.registrationsWritten(batch.size());
        try {
            List<Outcome> outcomes = registrations.registerAll(kind, batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).settle(outcomes.get(i));
            }
        } catch (RuntimeException failure) {
            boolean databaseFailed = FailureClassifier.classify(failure).status() == 503;
            for (QueuedRegistration queued : batch) {
                queued.settle(databaseFailed ? new Refused(failure) : new RunAlone());
            }
        } finally {
            for (QueuedRegistration queued : batch) {
                if (!queued.isSettled()) {
                    queued.settle(new RunAlone()); // an Error: no thread may wait for an answer that never comes
                }
            }
        }
    }
}
