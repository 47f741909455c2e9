package org.ddjvm.application.job;

import org.ddjvm.application.runs.StopRequests;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Honours a stop request, made in this process or (through the shared store) in another, at the start of every
 * step: the step ends STOPPED before its first chunk, so a run asked to stop during evaluation does not go on to its
 * baselines. The distill step also looks after every outer iteration. Everything happens on the job's own thread,
 * which alone writes the job's rows.
 */
final class StopAtStepStart implements StepExecutionListener {

    private final StopRequests stops;

    StopAtStepStart(StopRequests stops) {
        this.stops = stops;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (stops.requested(JobKeys.runId(stepExecution.getJobExecution()), stepExecution.getJobExecutionId())) {
            stepExecution.setTerminateOnly();
        }
    }
}
