-- The høringsnotat: the hearing's case number and announcement, and the administration's
-- bemærkninger (remarks) to responses, campaign groups and passages, with their outcome.
ALTER TABLE hearings ADD COLUMN case_number TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN announced TEXT NOT NULL DEFAULT '';

CREATE TABLE remarks (
    id BIGSERIAL PRIMARY KEY,
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('response', 'group', 'passage')),
    -- The response answered; for a group, its representative.
    response_id BIGINT NOT NULL REFERENCES responses (id),
    passage_start BIGINT,
    passage_end BIGINT,
    -- The section of the draft the point is about ('' for the draft as a whole).
    section TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL,
    text TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('change', 'no_change', 'noted')),
    change_version BIGINT,
    change_block TEXT,
    author_id BIGINT NOT NULL REFERENCES users (id),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved', 'published')),
    approved_by BIGINT REFERENCES users (id),
    approved_at BIGINT,
    published_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX remarks_hearing ON remarks (hearing_id, id);

-- Every response a remark answers (one, or a whole campaign group).
CREATE TABLE remark_responses (
    remark_id BIGINT NOT NULL REFERENCES remarks (id),
    response_id BIGINT NOT NULL REFERENCES responses (id),
    PRIMARY KEY (remark_id, response_id)
);
CREATE INDEX remark_responses_response ON remark_responses (response_id, remark_id);
