-- A council's own round on a hearing: its window, the members' comments (threaded, with
-- agreement), and later the joint response. Private to the council and clerks until published.

CREATE TABLE council_rounds (
    id BIGSERIAL PRIMARY KEY,
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    council_id BIGINT NOT NULL REFERENCES councils (id),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    discussion_published_at BIGINT,
    response_id BIGINT REFERENCES responses (id),
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    UNIQUE (hearing_id, council_id)
);

CREATE TABLE council_comments (
    id BIGSERIAL PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES council_rounds (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    block_number TEXT,
    quote TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    reply_to BIGINT REFERENCES council_comments (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX council_comments_round ON council_comments (round_id, id);

CREATE TABLE council_agreements (
    comment_id BIGINT NOT NULL REFERENCES council_comments (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (comment_id, user_id)
);
