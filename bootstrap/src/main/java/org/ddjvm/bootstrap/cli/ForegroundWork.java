package org.ddjvm.bootstrap.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a signal handler wait until the command has finished its work AND the application has closed (database
 * stopped, files flushed) before the JVM halts.
 */
public final class ForegroundWork {

    private final CountDownLatch closed = new CountDownLatch(1);

    /** Called once the command returned and the application context is closed. */
    public void closed() {
        closed.countDown();
    }

    /** Waits (bounded) for {@link #closed()}. */
    public void awaitClosed(long timeout, TimeUnit unit) {
        try {
            closed.await(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
