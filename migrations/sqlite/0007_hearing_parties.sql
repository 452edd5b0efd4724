-- The høringsliste: the parties invited to a hearing, each with a personal link (its token),
-- and when it was invited, reminded, declined ("ingen bemærkninger") or answered.

CREATE TABLE hearing_parties (
    id INTEGER PRIMARY KEY,
    hearing_id INTEGER NOT NULL REFERENCES hearings (id),
    organisation TEXT NOT NULL,
    contact TEXT,
    -- Lowercased, so one address is on a hearing's list once.
    email TEXT NOT NULL,
    kind TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    invited_at INTEGER,
    reminded_at INTEGER,
    declined_at INTEGER,
    answered_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (hearing_id, email)
);

-- A response sent through a party's personal link is that party's answer.
ALTER TABLE responses ADD COLUMN party_id INTEGER REFERENCES hearing_parties (id);

-- Working days before the deadline that parties without an answer are reminded.
ALTER TABLE hearings ADD COLUMN reminder_days INTEGER NOT NULL DEFAULT 5;
