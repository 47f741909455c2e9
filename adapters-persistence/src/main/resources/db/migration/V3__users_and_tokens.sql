-- Users of the web application and their API tokens. Passwords are stored as the hasher's output (BCrypt through
-- Spring Security's delegating encoder: "{bcrypt}$2a$..."); tokens only as their SHA-256 in hex.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT        NOT NULL CONSTRAINT users_username_key UNIQUE,
    password_hash TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL
        CONSTRAINT users_roles_check CHECK (roles <@ ARRAY['VIEWER', 'OPERATOR', 'ATTACKER', 'ADMIN']::TEXT[]),
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label      TEXT        NOT NULL DEFAULT '',
    sha256     TEXT        NOT NULL CONSTRAINT api_tokens_sha256_key UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
