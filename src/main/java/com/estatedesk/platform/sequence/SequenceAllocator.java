package com.estatedesk.platform.sequence;

import com.estatedesk.infra.database.AfterCommit;
import com.estatedesk.infra.metrics.AppMetrics;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands out a company's numbers. Always inside the caller's transaction (MANDATORY): the number is
 * taken under a row lock (SELECT … FOR UPDATE) on the company's sequence row and committed, or rolled
 * back, together with the row that uses it. So there is no gap and no duplicate, however many
 * requests and instances race. Call it as the last step before the insert: the lock is held until commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SequenceAllocator {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    AppMetrics metrics;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** A new company starts every sequence at 0. */
    public void openSequencesOfNewCompany() {
        for (SequenceKey key : SequenceKey.values()) {
            em.persist(new CompanySequence(key));
        }
    }

    /** The next number of {@code key} for the company bound to this transaction. */
    public long next(SequenceKey key) {
        return nextBlock(key, 1);
    }

    /** The first of {@code count} consecutive numbers, taken with one lock and one update (bulk import). */
    public long nextBlock(SequenceKey key, int count) {
        long started = System.nanoTime();
        CompanySequence sequence;
        try {
            sequence = lock(key);
        } finally {
            // Timed-out waits too: they are the ones an alert is for.
            metrics.lockWaited(Duration.ofNanos(System.nanoTime() - started));
        }
        countWhenCommitted(key, count);
        return sequence.take(count);
    }

    private void countWhenCommitted(SequenceKey key, int count) {
        AfterCommit.run(transaction, () -> metrics.uidAllocated(key.name(), count));
    }

    /**
     * Raises every sequence of the bound company to at least the highest number in use, under the same
     * row lock as registrations, so it is safe while they run. Never lowers a sequence.
     */
    public List<CompanySequence> backfill() {
        List<CompanySequence> sequences = new ArrayList<>();
        for (SequenceKey key : SequenceKey.values()) {
            CompanySequence sequence = lock(key);
            Number highest = (Number) em.createNativeQuery("select coalesce(max(uid_number), 0) from "
                            + key.numberedTable() + " where company_id = ?1")
                    .setParameter(1, tenancy.boundCompany())
                    .setHint(Tenancy.NATIVE_SQL_HINT, true)
                    .getSingleResult();
            sequence.raiseTo(highest.longValue());
            sequences.add(sequence);
        }
        return sequences;
    }

    /** Locks the sequence row, creating it first from the highest number in use if it is missing. */
    CompanySequence lock(SequenceKey key) {
        return lockedRow(key).orElseGet(() -> {
            createMissing(key);
            return lockedRow(key).orElseThrow();
        });
    }

    /** SELECT … FROM company_sequence WHERE seq_key = ? AND company_id = ? FOR UPDATE */
    private Optional<CompanySequence> lockedRow(SequenceKey key) {
        return em.createNamedQuery(CompanySequence.BY_KEY, CompanySequence.class)
                .setParameter("key", key.name())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Data loaded from elsewhere may lack the row: start it at the highest number already used, never
     * at 0. ON CONFLICT DO NOTHING makes concurrent creators agree on one row (a loser waits for the
     * winner's commit, then inserts nothing).
     */
    private void createMissing(SequenceKey key) {
        long companyId = tenancy.boundCompany();
        em.createNativeQuery("insert into company_sequence (id, company_id, seq_key, last_value) "
                        + "select nextval('company_sequence_id_seq'), ?1, ?2, coalesce(max(uid_number), 0) from "
                        + key.numberedTable()
                        + " where company_id = ?1 on conflict do nothing")
                .setParameter(1, companyId)
                .setParameter(2, key.name())
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .executeUpdate();
    }
}
