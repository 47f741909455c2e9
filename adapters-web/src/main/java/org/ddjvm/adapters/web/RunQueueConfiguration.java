package org.ddjvm.adapters.web;

import java.util.concurrent.atomic.AtomicReference;
import org.ddjvm.application.job.LaunchRun;
import org.ddjvm.application.job.PublishStoppedRun;
import org.ddjvm.application.job.RecoverAbandonedRuns;
import org.ddjvm.application.job.ResumeRun;
import org.ddjvm.application.job.StopRun;
import org.ddjvm.application.queue.BatchJobHistory;
import org.ddjvm.application.queue.DeleteRun;
import org.ddjvm.application.queue.HaltRun;
import org.ddjvm.application.queue.RequeueOrphanedRuns;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.queue.SubmitRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The run queue of the web on the job's use cases: {@code dd.queue.concurrency} runs execute at once (default 1),
 * the others wait in submission order. A run that ends STOPPED (not by the server shutting down) is evaluated on a
 * few nets and published, like the command line does, so it has a result to download. At start-up, runs left
 * RUNNING by a dead process are recovered (marked FAILED, resumable), then runs left QUEUED by a dead process are
 * taken into this queue in the order they were queued.
 */
@Configuration(proxyBeanMethods = false)
public class RunQueueConfiguration {

    private static final System.Logger LOG = System.getLogger(RunQueueConfiguration.class.getName());

    @Bean(destroyMethod = "close")
    RunQueue runQueue(LaunchRun launch, ResumeRun resume, PublishStoppedRun publishStopped, RunRepository runs,
                      RunEvents events, StopRequests stops,
                      @Value("${dd.queue.concurrency:" + RunQueue.DEFAULT_CONCURRENCY + "}") int concurrency) {
        AtomicReference<RunQueue> self = new AtomicReference<>();
        RunQueue queue = new RunQueue(run -> {
            RunStatus status = launch.execute(run);
            if (status == RunStatus.STOPPED && !self.get().closed()) {
                try {
                    publishStopped.publish(run.name());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "run " + run.name() + " stopped; publishing it failed", e);
                }
            }
            return status;
        }, resume::check, runs, events, stops, concurrency);
        self.set(queue);
        return queue;
    }

    @Bean
    SubmitRun submitRun(LaunchRun launch, RunQueue queue) {
        return new SubmitRun(launch::record, queue);
    }

    @Bean
    HaltRun haltRun(RunRepository runs, RunQueue queue, StopRun stop, StopRequests stops, RunEvents events) {
        return new HaltRun(runs, queue, stop::stop, stops, events);
    }

    @Bean
    DeleteRun deleteRun(RunRepository runs, RunQueue queue, JobRepository jobRepository) {
        return new DeleteRun(runs, queue, new BatchJobHistory(jobRepository));
    }

    @Bean
    RequeueOrphanedRuns requeueOrphanedRuns(RunRepository runs, RunQueue queue) {
        return new RequeueOrphanedRuns(runs, queue, ProcessOwner.current());
    }

    /**
     * Once the server is up: recovers runs a dead process left RUNNING, then queues the runs a dead process left
     * waiting ({@code dd.queue.requeue-orphaned}, default true; false leaves them QUEUED for {@code dd resume}).
     */
    @Bean
    @Lazy(false)
    ApplicationListener<ApplicationReadyEvent> recoverAbandonedRunsOnStart(
            ObjectProvider<RecoverAbandonedRuns> recover, ObjectProvider<RequeueOrphanedRuns> requeue,
            @Value("${dd.queue.requeue-orphaned:true}") boolean requeueOrphaned) {
        return event -> {
            try {
                recover.getObject().recover();
            } finally {
                if (requeueOrphaned) {
                    requeue.getObject().requeue();
                }
            }
        };
    }
}
