-- Who may follow an event live (space:<id>, conversation:<id>, person:<id>); the realtime socket
-- replays a reconnecting client's streams from here.
ALTER TABLE event_log ADD COLUMN stream_key text;
CREATE INDEX event_log_stream ON event_log (stream_key, position) WHERE position IS NOT NULL AND stream_key IS NOT NULL;
CREATE INDEX event_log_occurred ON event_log (occurred_at) WHERE position IS NOT NULL;
