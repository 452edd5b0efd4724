-- A file that belongs to something other than a response: for now the minutes of a dialogue
-- meeting as the municipality wrote them (a PDF or Word file). Kept in HOERING_FILES under its
-- SHA-256 and scanned and read as responses' files are; one per owner.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    scan TEXT NOT NULL,
    text_state TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (owner, owner_id)
);
