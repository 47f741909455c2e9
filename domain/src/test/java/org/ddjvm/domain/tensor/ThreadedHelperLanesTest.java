package org.ddjvm.domain.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadedHelperLanesTest {

    @Test
    void theLanesCountTheCpuTimeOfTheWorkGivenToThem() {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported(),
                "this JVM does not measure threads' CPU time");
        try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(2, ReferenceTensorOps::new, false)) {
            assertThat(lanes.cpuNanos()).isZero();
            Future<Double> first = lanes.submit(0, ops -> spin(30));
            Future<Double> second = lanes.submit(1, ops -> spin(30));
            HelperLanes.await(first);
            HelperLanes.await(second);
            // each lane burnt at least 30 ms of its own CPU time
            assertThat(lanes.cpuNanos()).isGreaterThanOrEqualTo(60_000_000L);
            long before = lanes.cpuNanos();
            HelperLanes.await(lanes.submit(0, ops -> 0.0));
            assertThat(lanes.cpuNanos()).isGreaterThanOrEqualTo(before).isLessThan(before + 20_000_000L);
        }
        assertThat(HelperLanes.NONE.cpuNanos()).isZero();
    }

    /**
     * Busy work until this thread has used {@code millis} more of CPU time, however loaded the machine; returns
     * something so it is not elided.
     */
    private static double spin(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000L;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x += Math.sqrt(x + 1);
            }
        }
        return x;
    }
}
