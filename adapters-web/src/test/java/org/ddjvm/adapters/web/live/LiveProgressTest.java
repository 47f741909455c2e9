package org.ddjvm.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.ddjvm.application.distill.Progress;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.junit.jupiter.api.Test;

class LiveProgressTest {

    private final RunEvents events = new RunEvents();
    private final LiveProgress live = new LiveProgress(events);

    private void iteration(long runId, long i) {
        events.publish(new RunEvent.Iteration(runId, new Progress(i, 10_000, 0, 1, 1.0 / i, 0.1, 1, 0.02),
                new double[] {0.02}));
    }

    @Test
    void keepsEachRunsPointsAndItsNewest() {
        iteration(1, 1);
        iteration(1, 2);
        iteration(2, 1);

        assertThat(live.history(1)).extracting(ProgressPoint::iteration).containsExactly(1L, 2L);
        assertThat(live.latest(1)).map(ProgressPoint::iteration).contains(2L);
        assertThat(live.latest(2)).map(ProgressPoint::iteration).contains(1L);
        assertThat(live.history(3)).isEmpty();
        assertThat(live.latest(3)).isEmpty();
    }

    @Test
    void aFullHistoryIsThinnedEvenlyAndKeepsTheNewest() {
        for (long i = 1; i <= LiveProgress.MAX_POINTS + 10; i++) {
            iteration(1, i);
        }
        assertThat(live.history(1)).hasSizeLessThanOrEqualTo(LiveProgress.MAX_POINTS);
        assertThat(live.history(1).get(0).iteration()).isEqualTo(1);
        assertThat(live.latest(1)).map(ProgressPoint::iteration).contains((long) LiveProgress.MAX_POINTS + 10);
    }

    @Test
    void aResumedRunStartsItsCurveAgain() {
        iteration(1, 5);
        iteration(1, 6);
        iteration(1, 3);
        assertThat(live.history(1)).extracting(ProgressPoint::iteration).containsExactly(3L);
    }

    @Test
    void closingUnsubscribes() throws Exception {
        live.close();
        iteration(1, 1);
        assertThat(live.history(1)).isEmpty();
    }
}
