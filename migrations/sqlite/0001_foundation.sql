-- Foundation: staff and sessions, policies with versions and their blocks, hearings, responses.
-- Times are Unix seconds (UTC); the app shows them in Europe/Copenhagen.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'council', 'admin')),
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE policies (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    committee TEXT NOT NULL,
    contact TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies (id),
    number INTEGER NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    markdown TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (policy_id, number)
);

CREATE TABLE sections (
    version_id INTEGER NOT NULL REFERENCES versions (id),
    number INTEGER NOT NULL,
    level INTEGER NOT NULL,
    heading TEXT NOT NULL,
    PRIMARY KEY (version_id, number)
);

CREATE TABLE blocks (
    version_id INTEGER NOT NULL REFERENCES versions (id),
    block_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    section_number INTEGER,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    html TEXT NOT NULL,
    PRIMARY KEY (version_id, block_id),
    UNIQUE (version_id, number)
);

CREATE TABLE hearings (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies (id),
    version_id INTEGER NOT NULL REFERENCES versions (id),
    slug TEXT NOT NULL UNIQUE,
    opens_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    CHECK (opens_at < closes_at)
);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    hearing_id INTEGER NOT NULL REFERENCES hearings (id),
    version_id INTEGER NOT NULL REFERENCES versions (id),
    block_id TEXT,
    block_number TEXT,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    sender_kind TEXT NOT NULL,
    organisation TEXT,
    publication TEXT NOT NULL CHECK (publication IN ('with_name', 'anonymous', 'not_published')),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'withheld')),
    receipt_token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    moderated_at INTEGER,
    moderated_by INTEGER REFERENCES users (id)
);
-- Serves both the per-block counts and the pages of one block's published responses.
CREATE INDEX responses_public ON responses (hearing_id, status, block_id, id);
