-- The outer-loop history of runs, so their curves survive the process that ran them: one row per committed chunk of
-- the distill step (written in the chunk's transaction, with its checkpoint). The loss of every iteration, the rates
-- only at the chunk's end: a 400-epoch MNIST run with T = 30 keeps about 0.5 MB here, indexes included.
CREATE TABLE run_history (
    run_id          BIGINT           NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    first_iteration BIGINT           NOT NULL CONSTRAINT run_history_first_iteration_check CHECK (first_iteration >= 1),
    epoch           BIGINT           NOT NULL,
    losses          BYTEA            NOT NULL, -- float64 per iteration, from first_iteration on
    rates           BYTEA            NOT NULL, -- float64 [T]: softplus(rho) after the chunk's last iteration
    seconds         DOUBLE PRECISION NOT NULL, -- wall time of the chunk's iterations
    PRIMARY KEY (run_id, first_iteration)
);

-- Who holds a QUEUED run, and since when: the process (host:pid) whose queue it waits in. A run left QUEUED by a
-- process that is gone is taken over by the next dd serve, in queued_at order.
ALTER TABLE runs
    ADD COLUMN queued_at TIMESTAMPTZ,
    ADD COLUMN queued_by TEXT;
UPDATE runs SET queued_at = created_at;
ALTER TABLE runs ALTER COLUMN queued_at SET NOT NULL;
CREATE INDEX runs_queued_idx ON runs (queued_at, id) WHERE status = 'QUEUED';
