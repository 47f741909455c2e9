package org.ddjvm.adapters.web;

import org.ddjvm.application.distill.Progress;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.domain.distill.InitMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: serves the dashboard on port 18080 for a while with a simulated running run and a finished one, to
 * look at it in a browser ({@code -Ddd.demo=true -Dtest=DashboardDemo}; log in as operator / password-123).
 */
@EnabledIfSystemProperty(named = "dd.demo", matches = "true")
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=18080", "dd.admin.password=admin-password-1"})
class DashboardDemo extends WebTest {

    @Test
    void serve() throws Exception {
        DistillationRun done = stored("mnist-fixed-demo", RunStatus.COMPLETED, spec(InitMode.FIXED, 1, 3));
        publish(done);
        DistillationRun run = stored("mnist-random-demo", RunStatus.RUNNING, spec(InitMode.RANDOM, 10, 3));
        stored("queued-demo", RunStatus.QUEUED);
        long seconds = Long.getLong("dd.demo.seconds", 120);
        long end = System.currentTimeMillis() + seconds * 1000;
        int total = 118;
        for (int i = 1; System.currentTimeMillis() < end; i++) {
            int it = ((i - 1) % total) + 1;
            double loss = 2.3 * Math.exp(-it / 30.0) + 0.3 + 0.05 * Math.sin(it);
            double[] rates = new double[30];
            for (int t = 0; t < rates.length; t++) {
                rates[t] = 0.02 + 0.0004 * it * (1 + t % 10) / 10.0;
            }
            events.publish(new RunEvent.Iteration(run.id(), new Progress(it, total, (it - 1) / 59, 2, loss, 0.3,
                    0.3 * (total - it), 0.03), rates));
            if (it % 10 == 0) {
                checkpoint(run, it);
                runs.recordProgress(run.id(), it, loss);
                events.publish(new RunEvent.CheckpointSaved(run.id(), it));
            }
            Thread.sleep(300);
        }
    }
}
