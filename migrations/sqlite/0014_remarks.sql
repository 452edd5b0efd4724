-- The høringsnotat: the hearing's case number and announcement, and the administration's
-- bemærkninger (remarks) to responses, campaign groups and passages, with their outcome.
ALTER TABLE hearings ADD COLUMN case_number TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN announced TEXT NOT NULL DEFAULT '';

CREATE TABLE remarks (
    id INTEGER PRIMARY KEY,
    hearing_id INTEGER NOT NULL REFERENCES hearings (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('response', 'group', 'passage')),
    -- The response answered; for a group, its representative.
    response_id INTEGER NOT NULL REFERENCES responses (id),
    passage_start INTEGER,
    passage_end INTEGER,
    -- The section of the draft the point is about ('' for the draft as a whole).
    section TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL,
    text TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('change', 'no_change', 'noted')),
    change_version INTEGER,
    change_block TEXT,
    author_id INTEGER NOT NULL REFERENCES users (id),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved', 'published')),
    approved_by INTEGER REFERENCES users (id),
    approved_at INTEGER,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX remarks_hearing ON remarks (hearing_id, id);

-- Every response a remark answers (one, or a whole campaign group).
CREATE TABLE remark_responses (
    remark_id INTEGER NOT NULL REFERENCES remarks (id),
    response_id INTEGER NOT NULL REFERENCES responses (id),
    PRIMARY KEY (remark_id, response_id)
);
CREATE INDEX remark_responses_response ON remark_responses (response_id, remark_id);
