-- The documents a stage's record points to (the committee's case, a presentation from the
-- dialogue meeting, the hearing letter), by title and link.
CREATE TABLE stage_documents (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies (id),
    stage TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id)
);
CREATE INDEX stage_documents_policy ON stage_documents (policy_id, stage, id);
