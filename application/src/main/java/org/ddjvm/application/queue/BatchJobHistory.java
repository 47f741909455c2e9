package org.ddjvm.application.queue;

import org.ddjvm.application.job.JobKeys;
import org.ddjvm.application.runs.DistillationRun;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** {@link JobHistory} in Spring Batch's job repository: one job instance per run, identified by the run id. */
public final class BatchJobHistory implements JobHistory {

    private final JobRepository jobRepository;

    public BatchJobHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void forget(DistillationRun run) {
        JobInstance instance = jobRepository.getJobInstance(JobKeys.JOB, JobKeys.parameters(run));
        if (instance != null) {
            jobRepository.deleteJobInstance(instance);
        }
    }
}
