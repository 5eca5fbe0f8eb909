-- A NOTIFY in a writing transaction takes a database-wide lock from before its commit until after
-- the commit record is flushed, so every transaction that appended an event committed one after
-- the other (no group commit). Writers now wake the sequencer in their own process after commit;
-- a process that does not lead notifies the leader outside its writing transaction.
DROP TRIGGER event_log_notify ON event_log;
DROP FUNCTION event_log_notify();
