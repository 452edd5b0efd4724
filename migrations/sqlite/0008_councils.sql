-- Advisory councils (Integrationsrådet and its like) and their members: staff users with the
-- council role, each in one or more councils, one of them the chair.

CREATE TABLE councils (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE council_members (
    council_id INTEGER NOT NULL REFERENCES councils (id),
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    chair INTEGER NOT NULL DEFAULT 0,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (council_id, user_id)
);
CREATE INDEX council_members_user ON council_members (user_id);

-- Every installation starts with Integrationsrådet.
INSERT INTO councils (slug, name, created_at) VALUES ('integrationsraadet', 'Integrationsrådet', 0);
