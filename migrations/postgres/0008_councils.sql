-- Advisory councils (Integrationsrådet and its like) and their members: staff users with the
-- council role, each in one or more councils, one of them the chair.

CREATE TABLE councils (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE council_members (
    council_id BIGINT NOT NULL REFERENCES councils (id),
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    chair BIGINT NOT NULL DEFAULT 0,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (council_id, user_id)
);
CREATE INDEX council_members_user ON council_members (user_id);

-- Every installation starts with Integrationsrådet.
INSERT INTO councils (slug, name, created_at) VALUES ('integrationsraadet', 'Integrationsrådet', 0);
