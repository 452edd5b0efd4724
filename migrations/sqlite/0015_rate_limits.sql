-- Counts of what one client or one account did in the current window (failed logins, responses
-- sent), shared by every server on the database. Windows that have ended are deleted by the
-- housekeeping round, so client addresses and typed e-mails are kept no longer than an hour.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    hits INTEGER NOT NULL
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);
