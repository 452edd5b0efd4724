-- Counts kept where reading them costs nothing, and where each response stands in later
-- versions, decided once when that version was added: pages read, they never recount or rematch.

-- 1 when the public sees the response (published, and its sender allowed publication).
ALTER TABLE responses ADD COLUMN visible INTEGER NOT NULL DEFAULT 0;
UPDATE responses SET visible = 1 WHERE status = 'published' AND publication <> 'not_published';
CREATE INDEX responses_visible ON responses (hearing_id, visible, block_id, id);

-- Responses per moderation state of each hearing, updated in the transaction that changes them.
CREATE TABLE hearing_counts (
    hearing_id INTEGER PRIMARY KEY REFERENCES hearings (id),
    pending INTEGER NOT NULL DEFAULT 0,
    published INTEGER NOT NULL DEFAULT 0,
    withheld INTEGER NOT NULL DEFAULT 0,
    visible INTEGER NOT NULL DEFAULT 0
);
INSERT INTO hearing_counts (hearing_id, pending, published, withheld, visible)
SELECT h.id,
    (SELECT COUNT(*) FROM responses r WHERE r.hearing_id = h.id AND r.status = 'pending'),
    (SELECT COUNT(*) FROM responses r WHERE r.hearing_id = h.id AND r.status = 'published'),
    (SELECT COUNT(*) FROM responses r WHERE r.hearing_id = h.id AND r.status = 'withheld'),
    (SELECT COUNT(*) FROM responses r WHERE r.hearing_id = h.id AND r.visible = 1)
FROM hearings h;

-- Visible responses per block of a hearing's text ('' = on the draft as a whole).
CREATE TABLE block_counts (
    hearing_id INTEGER NOT NULL REFERENCES hearings (id),
    block_key TEXT NOT NULL,
    visible INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hearing_id, block_key)
);
INSERT INTO block_counts (hearing_id, block_key, visible)
SELECT hearing_id, COALESCE(block_id, ''), COUNT(*) FROM responses WHERE visible = 1
GROUP BY hearing_id, COALESCE(block_id, '');

-- The matching of each version to the one before (JSON of the core's VersionMatch), stored
-- once; a later change of the matcher never moves what was decided.
ALTER TABLE versions ADD COLUMN matching TEXT;

-- Where a response on a block stands in every version after the one it was given to. A null
-- block_id means its words were removed in version removed_in. The quote is as it reads there.
CREATE TABLE placements (
    version_id INTEGER NOT NULL REFERENCES versions (id),
    response_id INTEGER NOT NULL REFERENCES responses (id),
    block_id TEXT,
    quote_exact TEXT,
    quote_prefix TEXT,
    quote_suffix TEXT,
    removed_in INTEGER,
    PRIMARY KEY (version_id, response_id)
);
CREATE INDEX placements_block ON placements (version_id, block_id, response_id);
CREATE INDEX placements_response ON placements (response_id);
-- Each response on a block stands where it was given, in its own version; later versions are
-- placed by the server at start (it runs the matcher once per version and stores the result).
INSERT INTO placements (version_id, response_id, block_id, quote_exact, quote_prefix, quote_suffix)
SELECT version_id, id, block_id, quote_exact, quote_prefix, quote_suffix FROM responses
WHERE block_id IS NOT NULL;

-- Visible responses placed on each block of a version ('' = their words were removed).
CREATE TABLE placement_counts (
    version_id INTEGER NOT NULL REFERENCES versions (id),
    block_key TEXT NOT NULL,
    visible INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (version_id, block_key)
);
INSERT INTO placement_counts (version_id, block_key, visible)
SELECT p.version_id, p.block_id, COUNT(*) FROM placements p
JOIN responses r ON r.id = p.response_id WHERE r.visible = 1
GROUP BY p.version_id, p.block_id;
