-- People, their browser sessions, personal access tokens and invitations.
CREATE TABLE person (
    id             uuid        PRIMARY KEY,
    username       text        NOT NULL,
    display_name   text        NOT NULL,
    email          text        NOT NULL,
    language       text        NOT NULL CHECK (language IN ('de', 'en')),
    time_zone      text        NOT NULL,
    password_hash  text        NOT NULL,
    administrator  boolean     NOT NULL DEFAULT false,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
-- Usernames are unique regardless of case: "Anna" and "anna" are one person.
CREATE UNIQUE INDEX person_username_key ON person (lower(username));

-- Secrets are stored only as SHA-256 hashes; the clear value exists only in the client.
CREATE TABLE person_session (
    id            uuid        PRIMARY KEY,
    person_id     uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    token_hash    bytea       NOT NULL UNIQUE,
    csrf_token    text        NOT NULL,
    user_agent    text,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX person_session_person ON person_session (person_id);

CREATE TABLE access_token (
    id            uuid        PRIMARY KEY,
    person_id     uuid        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    token_hash    bytea       NOT NULL UNIQUE,
    scope         text        NOT NULL CHECK (scope IN ('read', 'write')),
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    expires_at    timestamptz
);
CREATE INDEX access_token_person ON access_token (person_id);

CREATE TABLE invitation (
    id          uuid        PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    email       text,
    created_by  uuid        NOT NULL REFERENCES person (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    used_by     uuid        REFERENCES person (id)
);
