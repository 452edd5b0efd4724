-- The council's joint response: every saved revision (who, when, the whole text), numbered per
-- round so that two members saving on the same copy cannot both win, and the chair's submission.

CREATE TABLE joint_revisions (
    id BIGSERIAL PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES council_rounds (id),
    number BIGINT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id),
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (round_id, number)
);

ALTER TABLE council_rounds ADD COLUMN submitted_by BIGINT REFERENCES users (id);
ALTER TABLE council_rounds ADD COLUMN submitted_at BIGINT;
ALTER TABLE council_rounds ADD COLUMN submitted_revision BIGINT;
ALTER TABLE council_rounds ADD COLUMN discussion_published_by BIGINT REFERENCES users (id);
