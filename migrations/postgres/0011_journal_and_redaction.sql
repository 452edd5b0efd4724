-- The journal: every change of state (who, when, what, before and after), append-only. It
-- records what changed, never a citizen's text itself, so redacting a response leaves no copy
-- of what was redacted behind in the journal.
CREATE TABLE journal (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_id BIGINT,
    before TEXT,
    after TEXT
);
CREATE INDEX journal_subject ON journal (subject, subject_id, id);

-- A redacted response keeps the text as sent here, for clerks only; `text` is what everyone
-- else (the public, the API, every export) reads.
ALTER TABLE responses ADD COLUMN original_text TEXT;
ALTER TABLE responses ADD COLUMN withheld_reason TEXT;

CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only';
END;
$$;
CREATE TRIGGER journal_no_change BEFORE UPDATE OR DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
