-- The journal: every change of state (who, when, what, before and after), append-only. It
-- records what changed, never a citizen's text itself, so redacting a response leaves no copy
-- of what was redacted behind in the journal.
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_id INTEGER,
    before TEXT,
    after TEXT
);
CREATE INDEX journal_subject ON journal (subject, subject_id, id);

-- A redacted response keeps the text as sent here, for clerks only; `text` is what everyone
-- else (the public, the API, every export) reads.
ALTER TABLE responses ADD COLUMN original_text TEXT;
ALTER TABLE responses ADD COLUMN withheld_reason TEXT;

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
