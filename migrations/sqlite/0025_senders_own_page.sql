-- The sender's own page (from the receipt link): a change of text or publication choice while
-- the hearing is open (the earlier text kept for clerks, the response back in moderation), a
-- withdrawal, and after the deadline a request to erase the sender's name, which a clerk decides.
ALTER TABLE responses ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE responses ADD COLUMN erasure TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN erasure_asked_at INTEGER;
CREATE TABLE response_changes (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id),
    at INTEGER NOT NULL,
    text_before TEXT NOT NULL,
    publication_before TEXT NOT NULL
);
CREATE INDEX response_changes_response ON response_changes (response_id, id);
