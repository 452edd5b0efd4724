-- Files sent with a response. The bytes are kept in HOERING_FILES under their SHA-256; a row
-- says which response carries a file, under what name, whether it was scanned, the text read
-- out of it (for search and the personal-data check) and whether a clerk withheld it. Written
-- in the response's own transaction.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    scan TEXT NOT NULL,
    text_state TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    withheld_reason TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX attachments_response ON attachments (response_id, position);
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- The text read out of a file is searched like a response's own, under its stems, but apart:
-- the public finds a response by a file's words only while the public may see that file.
CREATE TABLE attachment_terms (
    hearing_id INTEGER NOT NULL REFERENCES hearings (id),
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    response_id INTEGER NOT NULL REFERENCES responses (id),
    term TEXT NOT NULL,
    PRIMARY KEY (attachment_id, term)
);
CREATE INDEX attachment_terms_lookup ON attachment_terms (hearing_id, term, attachment_id);
