-- dd's own tables. Arrays are BYTEA holding little-endian values with no header (float64 in checkpoints and model
-- sets, bit for bit; float32 and int32 in artifacts); the element count is the length divided by the item size.

CREATE TABLE runs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             TEXT             NOT NULL CONSTRAINT runs_name_key UNIQUE,
    spec             JSONB            NOT NULL,
    dataset          TEXT             GENERATED ALWAYS AS (spec #>> '{config,dataset}') STORED,
    backend          TEXT             NOT NULL,
    status           TEXT             NOT NULL
        CONSTRAINT runs_status_check CHECK (status IN ('QUEUED', 'RUNNING', 'STOPPED', 'COMPLETED', 'FAILED')),
    created_at       TIMESTAMPTZ      NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    failure_reason   TEXT,
    iteration        BIGINT           NOT NULL DEFAULT 0,
    total_iterations BIGINT           NOT NULL CONSTRAINT runs_total_iterations_check CHECK (total_iterations >= 1),
    last_loss        DOUBLE PRECISION
);
CREATE INDEX runs_newest_idx ON runs (created_at DESC, id DESC);
CREATE INDEX runs_status_idx ON runs (status);
CREATE INDEX runs_dataset_idx ON runs (dataset);

CREATE TABLE checkpoints (
    run_id     BIGINT      NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    iteration  BIGINT      NOT NULL,
    epoch      BIGINT      NOT NULL,
    images     BYTEA       NOT NULL,
    raw_rates  BYTEA       NOT NULL,
    images_m   BYTEA       NOT NULL,
    images_v   BYTEA       NOT NULL,
    rates_m    BYTEA       NOT NULL,
    rates_v    BYTEA       NOT NULL,
    theta0     BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, iteration)
);
-- random doubles do not compress: skip TOAST's compression attempt
ALTER TABLE checkpoints
    ALTER COLUMN images SET STORAGE EXTERNAL,
    ALTER COLUMN images_m SET STORAGE EXTERNAL,
    ALTER COLUMN images_v SET STORAGE EXTERNAL,
    ALTER COLUMN theta0 SET STORAGE EXTERNAL;

CREATE TABLE artifacts (
    run_id     BIGINT      PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    dataset    TEXT        NOT NULL,
    arch       TEXT        NOT NULL,
    ipc        INTEGER     NOT NULL,
    steps      INTEGER     NOT NULL,
    epochs     INTEGER     NOT NULL,
    classes    INTEGER     NOT NULL,
    channels   INTEGER     NOT NULL,
    height     INTEGER     NOT NULL,
    width      INTEGER     NOT NULL,
    images     BYTEA       NOT NULL, -- float32 [S, n, C, H, W], C order
    labels     BYTEA       NOT NULL, -- int32 [S, n]
    lrs        BYTEA       NOT NULL, -- float32 [S*E]
    summary    JSONB       NOT NULL, -- summary.json
    steps_png  BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- the fixed theta0 of an artifact, one row per named parameter in network order
CREATE TABLE artifact_parameters (
    run_id   BIGINT    NOT NULL REFERENCES artifacts (run_id) ON DELETE CASCADE,
    position INTEGER   NOT NULL,
    name     TEXT      NOT NULL,
    shape    INTEGER[] NOT NULL,
    value    BYTEA     NOT NULL, -- float32, C order
    PRIMARY KEY (run_id, position),
    CONSTRAINT artifact_parameters_name_key UNIQUE (run_id, name)
);

CREATE TABLE evaluations (
    run_id            BIGINT             NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    kind              TEXT               NOT NULL,
    nets              INTEGER            NOT NULL,
    before_mean       DOUBLE PRECISION   NOT NULL,
    before_std        DOUBLE PRECISION   NOT NULL,
    after_mean        DOUBLE PRECISION   NOT NULL,
    after_std         DOUBLE PRECISION   NOT NULL,
    before_accuracies DOUBLE PRECISION[] NOT NULL, -- per net, in evaluation order
    after_accuracies  DOUBLE PRECISION[] NOT NULL,
    created_at        TIMESTAMPTZ        NOT NULL,
    PRIMARY KEY (run_id, kind)
);

CREATE TABLE pretrained_model_sets (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT        NOT NULL CONSTRAINT pretrained_model_sets_name_key UNIQUE,
    dataset      TEXT        NOT NULL,
    architecture TEXT        NOT NULL,
    model_count  INTEGER     NOT NULL CHECK (model_count >= 1),
    created_at   TIMESTAMPTZ NOT NULL
);

-- one row per model of a set: float64 weights, every parameter in network order
CREATE TABLE pretrained_models (
    set_id   BIGINT  NOT NULL REFERENCES pretrained_model_sets (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    weights  BYTEA   NOT NULL,
    PRIMARY KEY (set_id, position)
);
ALTER TABLE pretrained_models ALTER COLUMN weights SET STORAGE EXTERNAL;

CREATE TABLE attack_configs (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT        NOT NULL CONSTRAINT attack_configs_name_key UNIQUE,
    dataset        TEXT        NOT NULL,
    attacked_class INTEGER     NOT NULL,
    target_class   INTEGER     NOT NULL,
    model_set      TEXT,
    notes          TEXT        NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL,
    CONSTRAINT attack_configs_classes_check CHECK (attacked_class <> target_class)
);
