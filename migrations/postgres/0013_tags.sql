-- Themes a clerk keeps per hearing, and which responses carry them.
CREATE TABLE tags (
    id BIGSERIAL PRIMARY KEY,
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (hearing_id, name)
);

CREATE TABLE response_tags (
    response_id BIGINT NOT NULL REFERENCES responses (id),
    tag_id BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (response_id, tag_id)
);
CREATE INDEX response_tags_tag ON response_tags (tag_id, response_id);
