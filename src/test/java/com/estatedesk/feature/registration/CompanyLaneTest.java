package com.estatedesk.feature.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.feature.registration.QueuedRegistration.RunAlone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lane's hand-offs, with real threads and a stand-in for the database write. */
class CompanyLaneTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * r1 and r2 are written in one batch; r3, the next batch, is then held in its write. The threads of
     * r1 and r2 must answer at once, not after r3's write (as when the lane's lock was held across it).
     */
    @Test
    void registrationsWrittenInABatchReturnWhileTheNextBatchIsStillBeingWritten() throws Exception {
        CompanyLane lane = new CompanyLane();
        List<List<QueuedRegistration>> batches = Collections.synchronizedList(new ArrayList<>());
        Semaphore writing = new Semaphore(0);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CountDownLatch thirdMayFinish = new CountDownLatch(1);
        Consumer<List<QueuedRegistration>> write = batch -> {
            int index;
            synchronized (batches) {
                index = batches.size();
                batches.add(List.copyOf(batch));
            }
            writing.release();
            await(index == 0 ? firstMayFinish : index == 2 ? thirdMayFinish : new CountDownLatch(0));
            batch.forEach(queued -> queued.settle(new RunAlone()));
        };

        QueuedRegistration r0 = lane.enqueue(null, null);
        Future<?> t0 = threads.submit(() -> lane.awaitOutcome(r0, 2, write));
        assertTrue(writing.tryAcquire(10, TimeUnit.SECONDS), "r0 is written alone, at once");
        QueuedRegistration r1 = lane.enqueue(null, null);
        QueuedRegistration r2 = lane.enqueue(null, null);
        QueuedRegistration r3 = lane.enqueue(null, null);
        List<Future<?>> waiting = new ArrayList<>();
        for (QueuedRegistration queued : List.of(r1, r2, r3)) {
            waiting.add(threads.submit(() -> lane.awaitOutcome(queued, 2, write)));
        }
        firstMayFinish.countDown();
        t0.get(10, TimeUnit.SECONDS);
        assertTrue(writing.tryAcquire(2, 10, TimeUnit.SECONDS), "[r1, r2], then [r3] is being written");

        waiting.get(0).get(10, TimeUnit.SECONDS);
        waiting.get(1).get(10, TimeUnit.SECONDS);
        assertFalse(waiting.get(2).isDone(), "r3 is still being written");
        assertEquals(List.of(List.of(r0), List.of(r1, r2), List.of(r3)), batches);

        thirdMayFinish.countDown();
        waiting.get(2).get(10, TimeUnit.SECONDS);
        assertEquals(0, lane.waiting.size());
    }

    /** Many threads on one lane: each registration is written exactly once, in batches, and every thread answers. */
    @Test
    void underContentionEveryRegistrationIsWrittenOnceAndEveryThreadAnswers() throws Exception {
        CompanyLane lane = new CompanyLane();
        int batchMax = 8;
        Map<QueuedRegistration, Integer> writes = Collections.synchronizedMap(new IdentityHashMap<>());
        AtomicInteger batchCount = new AtomicInteger();
        AtomicInteger oversized = new AtomicInteger();
        Consumer<List<QueuedRegistration>> write = batch -> {
            batchCount.incrementAndGet();
            if (batch.size() > batchMax) {
                oversized.incrementAndGet();
            }
            for (QueuedRegistration queued : batch) {
                writes.merge(queued, 1, Integer::sum);
                queued.settle(new RunAlone());
            }
            Thread.onSpinWait();
        };
        int senders = 16;
        int each = 500;
        List<Future<List<QueuedRegistration>>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            done.add(threads.submit(() -> {
                List<QueuedRegistration> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    QueuedRegistration queued = lane.enqueue(null, null);
                    lane.awaitOutcome(queued, batchMax, write);
                    assertTrue(queued.isSettled());
                    mine.add(queued);
                }
                return mine;
            }));
        }
        int answered = 0;
        for (Future<List<QueuedRegistration>> sender : done) {
            try {
                answered += sender.get(60, TimeUnit.SECONDS).size();
            } catch (TimeoutException stuck) {
                throw new AssertionError("a thread never got its answer", stuck);
            }
        }
        assertEquals(senders * each, answered);
        assertEquals(senders * each, writes.size());
        assertTrue(writes.values().stream().allMatch(count -> count == 1), "each written exactly once");
        assertEquals(0, oversized.get(), "no batch larger than " + batchMax);
        assertTrue(batchCount.get() < senders * each, "some registrations were written together");
        assertEquals(0, lane.waiting.size());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
