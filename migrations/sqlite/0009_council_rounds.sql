-- A council's own round on a hearing: its window, the members' comments (threaded, with
-- agreement), and later the joint response. Private to the council and clerks until published.

CREATE TABLE council_rounds (
    id INTEGER PRIMARY KEY,
    hearing_id INTEGER NOT NULL REFERENCES hearings (id),
    council_id INTEGER NOT NULL REFERENCES councils (id),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    discussion_published_at INTEGER,
    response_id INTEGER REFERENCES responses (id),
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    UNIQUE (hearing_id, council_id)
);

CREATE TABLE council_comments (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES council_rounds (id),
    author_id INTEGER NOT NULL REFERENCES users (id),
    block_number TEXT,
    quote TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    reply_to INTEGER REFERENCES council_comments (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX council_comments_round ON council_comments (round_id, id);

CREATE TABLE council_agreements (
    comment_id INTEGER NOT NULL REFERENCES council_comments (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (comment_id, user_id)
);
