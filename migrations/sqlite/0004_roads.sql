-- The road of each policy to the Byråd vote, the process templates it follows, and the
-- questions the public asks on a policy page. Dates of the road are calendar days (YYYY-MM-DD).

-- A committee's process; every edit is a new version, and a road keeps a snapshot of the one
-- it follows, so an edit never rewrites a policy's history.
CREATE TABLE process_templates (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    committee TEXT NOT NULL,
    -- JSON of the core's Vec<TemplateStage>.
    stages TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id),
    PRIMARY KEY (name, version)
);

-- A policy's road: the core's Road as JSON (its history only grows), with what lists sort and
-- filter by copied out. `revision` grows with every change, so two clerks acting at once
-- cannot overwrite each other's step.
CREATE TABLE roads (
    policy_id INTEGER PRIMARY KEY REFERENCES policies (id),
    template_name TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    road TEXT NOT NULL,
    stage TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'rejected', 'published')),
    adopted_on TEXT,
    adopted_version INTEGER,
    revision INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);

-- Every change asked of a road that it accepted: who, when, and what (the core's Action as
-- JSON, or a plan), dated `on`. Append-only.
CREATE TABLE road_journal (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies (id),
    action TEXT NOT NULL,
    on_date TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    actor TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX road_journal_policy ON road_journal (policy_id, id);

-- A question from the public on a policy, promised an answer within 10 working days.
CREATE TABLE inquiries (
    id INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    question TEXT NOT NULL,
    received TEXT NOT NULL,
    due TEXT NOT NULL,
    answered TEXT,
    answer TEXT,
    answered_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX inquiries_policy ON inquiries (policy_id, id);
CREATE INDEX inquiries_open ON inquiries (answered, due);
