-- The transactional outbox. Features insert events in the transaction that makes the change;
-- the sequencer gives committed events their public position (contiguous, in commit order).
CREATE TABLE event_log (
    id          bigserial   PRIMARY KEY,
    position    bigint      UNIQUE,
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);

-- Committed events still waiting for a position: the sequencer's only query.
CREATE INDEX event_log_waiting ON event_log (id) WHERE position IS NULL;

-- Wakes the sequencer when a transaction that wrote events commits (NOTIFY is delivered at commit).
CREATE FUNCTION event_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('querfunk_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER event_log_notify AFTER INSERT ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_notify();

-- Each durable consumer's last processed position, updated in the transaction of its effect.
CREATE TABLE event_consumer (
    name       text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);
