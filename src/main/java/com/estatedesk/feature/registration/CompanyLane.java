package com.estatedesk.feature.registration;

import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.registration.QueuedRegistration.RunAlone;
import com.estatedesk.platform.idempotency.IdempotencyClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One company's (and kind's) registrations on this instance. At most one thread writes at a time;
 * it holds the monitor only to take its batch and to wake the others, never while it talks to the
 * database. A registration settled by someone else's batch is woken at once: it never waits for the
 * next batch's transaction to learn that its own is done (with a lock held across the write, settled
 * requests queued behind the next writer's transaction).
 */
final class CompanyLane {

    record Key(long companyId, PersonKind kind) {}

    /** Read by the gauge without the monitor, hence concurrent. */
    final Queue<QueuedRegistration> waiting = new ConcurrentLinkedQueue<>();

    private final ReentrantLock monitor = new ReentrantLock();
    private boolean writing;

    QueuedRegistration enqueue(NewPerson request, IdempotencyClaim claim) {
        QueuedRegistration queued = new QueuedRegistration(request, claim, monitor.newCondition());
        waiting.add(queued);
        return queued;
    }

    /**
     * Returns once {@code mine} is settled: by another thread's batch, or by the batches this thread
     * writes whenever no one else is writing (flat combining). {@code write} must settle its batch.
     */
    void awaitOutcome(QueuedRegistration mine, int batchMax, Consumer<List<QueuedRegistration>> write) {
        monitor.lock();
        try {
            while (!mine.isSettled()) {
                if (writing) {
                    mine.wakeUp().awaitUninterruptibly();
                    continue;
                }
                List<QueuedRegistration> batch = take(batchMax);
                if (batch.isEmpty()) {
                    mine.settle(new RunAlone()); // cannot happen: an unsettled registration is still waiting
                    break;
                }
                writing = true;
                monitor.unlock();
                try {
                    write.accept(batch);
                } finally {
                    monitor.lock();
                    writing = false;
                    batch.forEach(written -> written.wakeUp().signal());
                    QueuedRegistration next = waiting.peek();
                    if (next != null) {
                        next.wakeUp().signal(); // the next writer
                    }
                }
            }
        } finally {
            monitor.unlock();
        }
    }

    /** The oldest waiting registrations, at most {@code max}. */
    private List<QueuedRegistration> take(int max) {
        List<QueuedRegistration> batch = new ArrayList<>();
        for (QueuedRegistration next; batch.size() < max && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }
}
