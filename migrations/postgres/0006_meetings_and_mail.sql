-- Dialogue meetings (dialogmøder) with their sign-ups, the input recorded at them (stored as
-- responses of their own source, so it is placed, carried and counted as responses are), and
-- the outbox every e-mail goes through.

CREATE TABLE meetings (
    id BIGSERIAL PRIMARY KEY,
    policy_id BIGINT NOT NULL REFERENCES policies (id),
    -- The hearing (and so the version) the meeting's input is recorded against.
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    title TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT,
    place TEXT NOT NULL,
    step_free BIGINT NOT NULL,
    agenda TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    signup_deadline TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('aaben', 'invitation')),
    -- The secret of the invitation link (by-invitation meetings sign up only through it).
    invite_token TEXT NOT NULL,
    minutes TEXT NOT NULL DEFAULT '',
    minutes_published_at BIGINT,
    -- Kept counts, changed in the transactions that change sign-ups.
    seated BIGINT NOT NULL DEFAULT 0,
    waiting BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX meetings_policy ON meetings (policy_id, starts_at);
CREATE INDEX meetings_starts ON meetings (starts_at);

CREATE TABLE meeting_signups (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    -- The secret in the sign-up's own link (see or cancel).
    token TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    participant_group TEXT NOT NULL,
    organisation TEXT,
    interpreter TEXT,
    step_free BIGINT NOT NULL DEFAULT 0,
    other_needs TEXT,
    lang TEXT NOT NULL DEFAULT 'da',
    status TEXT NOT NULL CHECK (status IN ('seated', 'waiting', 'cancelled')),
    attended BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    seated_at BIGINT,
    cancelled_at BIGINT
);
CREATE INDEX meeting_signups_meeting ON meeting_signups (meeting_id, status, id);

ALTER TABLE responses ADD COLUMN source TEXT NOT NULL DEFAULT 'response';
ALTER TABLE responses ADD COLUMN meeting_id BIGINT REFERENCES meetings (id);
ALTER TABLE responses ADD COLUMN meeting_group TEXT;
ALTER TABLE responses ADD COLUMN meeting_table TEXT;
-- The meeting's day (YYYY-MM-DD, Copenhagen), for the label "Fra dialogmødet 12. september 2019".
ALTER TABLE responses ADD COLUMN meeting_day TEXT;
CREATE INDEX responses_meeting ON responses (meeting_id, id);

-- Every outgoing e-mail, written in the transaction that caused it. A sender claims due rows
-- for a while (`claimed_until`), sends, and marks them sent, or schedules the next attempt.
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
