-- Stop requests between dd processes sharing this database: a run executing in one process is asked to stop from
-- another by a row here, which its job reads after every outer iteration (at most once a second) and at the start of
-- every step. The row names the job execution it stops, so one left by a process that died never stops the run's
-- next execution; the job deletes it when it ends.
CREATE TABLE run_stop_requests (
    run_id           BIGINT      PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    job_execution_id BIGINT      NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL
);
