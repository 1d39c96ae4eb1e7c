package com.estatedesk.infra.async;

import java.util.concurrent.Semaphore;

/**
 * Work handed to the container's asynchronous executor (an {@code @Asynchronous} call) so that a request's
 * answer neither waits for it nor takes longer when it exists: at most {@code most} wait at once. Beyond
 * that the work is dropped, not queued, so that a flood of requests cannot grow a queue in memory. The
 * work calls {@link #done()} when it ends, whatever the outcome.
 */
public final class BoundedHandOff {

    private final int most;
    private final Semaphore room;

    public BoundedHandOff(int most) {
        this.most = most;
        this.room = new Semaphore(most);
    }

    /** Runs {@code handOff} (which only hands the work over) if there is room; answers whether it did. */
    public boolean offer(Runnable handOff) {
        if (!room.tryAcquire()) {
            return false;
        }
        try {
            handOff.run();
            return true;
        } catch (RuntimeException notHandedOver) {
            room.release();
            throw notHandedOver;
        }
    }

    /** The handed-over work has ended: its room is free again. */
    public void done() {
        room.release();
    }

    public int most() {
        return most;
    }
}
