-- The council's joint response: every saved revision (who, when, the whole text), numbered per
-- round so that two members saving on the same copy cannot both win, and the chair's submission.

CREATE TABLE joint_revisions (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES council_rounds (id),
    number INTEGER NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users (id),
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (round_id, number)
);

ALTER TABLE council_rounds ADD COLUMN submitted_by INTEGER REFERENCES users (id);
ALTER TABLE council_rounds ADD COLUMN submitted_at INTEGER;
ALTER TABLE council_rounds ADD COLUMN submitted_revision INTEGER;
ALTER TABLE council_rounds ADD COLUMN discussion_published_by INTEGER REFERENCES users (id);
