package com.estatedesk.platform.security;

import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may hash a password, and when. A hash costs a core ~0.2 s, so only a few run at once (the slots);
 * every other login waits its turn. Two rules make a crowd of honest logins wait while a flood is turned
 * away:
 * <ul>
 *   <li><b>Admitted by expected wait, not by count.</b> A login is admitted when its expected wait (the
 *       logins ahead of it, at the measured hashing time, shared by the slots) stays under
 *       ESTATEDESK_LOGIN_MAX_WAIT_MS, and refused with 503 at once otherwise: 16 people signing in together
 *       on two cores are all served, a thousand are not queued for minutes.</li>
 *   <li><b>Fair shares.</b> Slots go round-robin across companies, and the expected wait of a login counts
 *       its company's share and its address's share: a flood against one company, or from one address,
 *       fills its own share and is refused there, while another company's logins still get theirs.</li>
 * </ul>
 * A slot is held only while a hash runs, never during a login's database work.
 */
@ApplicationScoped
public class HashingQueue {

    /**
     * Hashes computed at once; 0 = one per core. Half the cores left 16 people signing in at once on two
     * cores waiting up to 3.2 s (bench/login-flood.sh); the fair shares, not idle cores, keep a flood from
     * taking the other requests' time.
     */
    @Inject
    @ConfigProperty(name = "estatedesk.password.hash.concurrency", defaultValue = "0")
    int concurrency;

    /** The longest expected wait for a hashing slot that a login is admitted to. */
    @Inject
    @ConfigProperty(name = "estatedesk.login.max.wait.ms", defaultValue = "2000")
    long maxWaitMillis;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Integer> admittedByCompany = new HashMap<>();
    private final Map<String, Integer> admittedByAddress = new HashMap<>();
    /** Waiting hashes, per company in round-robin order: the head company is served next. */
    private final LinkedHashMap<String, ArrayDeque<Turn>> waiting = new LinkedHashMap<>();

    /** A hash waiting for a slot; {@code granted} is set, under the lock, when the slot passes to it. */
    private static final class Turn {
        final Condition signal;
        boolean granted;

        Turn(Condition signal) {
            this.signal = signal;
        }
    }

    private int slots;
    private int freeSlots;
    /** Moving average of one hash's duration, in nanoseconds. */
    private volatile double hashNanos = 200_000_000;

    private static final ThreadLocal<Admission> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);
    /** Hashing outside a login (a registration with a password, a password change) is its own company. */
    private static final String NOT_A_LOGIN = "";

    @PostConstruct
    void configure() {
        slots = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        freeSlots = slots;
    }

    /** A login's place among the admitted ones; close it when the login is over. */
    public final class Admission implements AutoCloseable {
        private final String company;
        private final String address;
        private boolean closed;

        private Admission(String company, String address) {
            this.company = company;
            this.address = address;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    decrement(admittedByCompany, company);
                    decrement(admittedByAddress, address);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Admits a login of {@code companyKey} (as typed; "" for a platform admin) from {@code address}, or
     * refuses it with 503 and Retry-After when it could not be served within the maximum wait.
     */
    public Admission admit(String companyKey, String address) {
        lock.lock();
        try {
            double perLogin = hashNanos / slots;
            double maxWait = maxWaitMillis * 1e6;
            // No bound on the total: a flood that filled the queue while alone must not refuse a newcomer,
            // whose turn comes within its share. The shares bound the total anyway: at most
            // maxWait / perLogin keys can each hold a login.
            if (expectedWait(admittedByCompany, companyKey, perLogin) > maxWait
                    || expectedWait(admittedByAddress, address, perLogin) > maxWait) {
                throw Problems.busy("Too many logins at once; retry shortly.", 1);
            }
            admittedByCompany.merge(companyKey, 1, Integer::sum);
            admittedByAddress.merge(address, 1, Integer::sum);
            Admission admission = new Admission(companyKey, address);
            CURRENT.set(admission);
            return admission;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a login from {@code address} could be admitted now: the flood gate's shortcut before a body is read. */
    public boolean hasRoom(String address) {
        lock.lock();
        try {
            return expectedWait(admittedByAddress, address, hashNanos / slots) <= maxWaitMillis * 1e6;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Its share of the slots is 1 / (the keys that hold admitted logins, this one included), so its logins
     * are served at that share of the hashing rate.
     */
    private static double expectedWait(Map<String, Integer> admittedByKey, String key, double perLogin) {
        int keys = admittedByKey.size() + (admittedByKey.containsKey(key) ? 0 : 1);
        return (admittedByKey.getOrDefault(key, 0) + 1) * keys * perLogin;
    }

    private static void decrement(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    /** Runs a hash in a slot, waiting for its company's turn; a hash inside a hash takes no second slot. */
    public <T> T hash(Supplier<T> work) {
        if (HOLDING.get()) {
            return work.get();
        }
        Admission admission = CURRENT.get();
        String company = admission == null ? NOT_A_LOGIN : admission.company;
        takeSlot(company);
        HOLDING.set(true);
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            HOLDING.set(false);
            observe(System.nanoTime() - started);
            releaseSlot();
        }
    }

    /** One hash took this long: the estimate follows the machine's current speed. */
    void observe(long nanos) {
        hashNanos = 0.8 * hashNanos + 0.2 * nanos;
    }

    private void takeSlot(String company) {
        lock.lock();
        try {
            if (freeSlots > 0 && waiting.isEmpty()) {
                freeSlots--;
                return;
            }
            Turn turn = new Turn(lock.newCondition());
            waiting.computeIfAbsent(company, key -> new ArrayDeque<>()).add(turn);
            // releaseSlot takes the slot on this waiter's behalf before it signals.
            while (!turn.granted) {
                turn.signal.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void releaseSlot() {
        lock.lock();
        try {
            var next = waiting.entrySet().iterator();
            if (!next.hasNext()) {
                freeSlots++;
                return;
            }
            var head = next.next();
            String company = head.getKey();
            ArrayDeque<Turn> queue = head.getValue();
            Turn turn = queue.poll();
            next.remove();
            if (!queue.isEmpty()) {
                waiting.put(company, queue); // to the back of the round
            }
            turn.granted = true; // the slot passes straight to it
            turn.signal.signal();
        } finally {
            lock.unlock();
        }
    }
}
