package com.estatedesk.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.infra.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 25, point 4, at the queue's level: admitted by expected wait and by fair shares, served in turns. */
class HashingQueueTest {

    private static HashingQueue queue(int slots, long maxWaitMillis) {
        HashingQueue queue = new HashingQueue();
        queue.concurrency = slots;
        queue.maxWaitMillis = maxWaitMillis;
        queue.configure();
        return queue;
    }

    @Test
    void aCrowdWithinTheExpectedWaitIsAdmittedWhateverItsSize() {
        // 200 ms per hash (the starting estimate), two slots, 2 s: 20 logins of different companies fit.
        HashingQueue queue = queue(2, 2_000);
        List<HashingQueue.Admission> admitted = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            admitted.add(queue.admit("company-" + i, "10.0.0." + i));
        }
        assertEquals(16, admitted.size());
        admitted.forEach(HashingQueue.Admission::close);
    }

    @Test
    void aFloodFillsOnlyItsOwnShareAndAnotherCompanyIsStillAdmitted() {
        HashingQueue queue = queue(2, 2_000);
        int flood = 0;
        try {
            while (flood < 1_000) {
                queue.admit("victim", "203.0.113.9");
                flood++;
            }
        } catch (ProblemException refused) {
            assertEquals(503, refused.status());
        }
        // 2 s of expected wait at 200 ms per hash on two slots: 20 admitted, then refused at once.
        assertEquals(20, flood);
        // Another company from another address still gets in, and so does the next of its people.
        queue.admit("other", "198.51.100.1");
        queue.admit("other", "198.51.100.2");
        assertThrows(ProblemException.class, () -> queue.admit("victim", "203.0.113.9"));
    }

    @Test
    void slotsGoRoundRobinAcrossCompanies() throws Exception {
        HashingQueue queue = queue(1, 60_000);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> {
            try (var admitted = queue.admit("flood", "a")) {
                queue.hash(() -> {
                    holding.countDown();
                    await(release);
                    return null;
                });
            }
        });
        first.start();
        assertTrue(holding.await(5, TimeUnit.SECONDS));
        List<Thread> waiters = new ArrayList<>();
        for (String company : List.of("flood", "flood", "flood", "crowd")) {
            Thread waiter = new Thread(() -> {
                try (var admitted = queue.admit(company, company)) {
                    queue.hash(() -> order.add(company));
                }
            });
            waiter.start();
            waiters.add(waiter);
            Thread.sleep(100); // in this order into the queue
        }
        release.countDown();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }
        first.join(5_000);
        // The crowd came last but is served second: one flood hash, then its turn.
        assertEquals(List.of("flood", "crowd", "flood", "flood"), order);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
