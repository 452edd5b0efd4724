-- Versions of a draft: where each block came from, and the words a response quoted.

-- How a block relates to the previous version: unchanged, edited, moved, split_from,
-- merged_from or new; `origin` holds the previous version's block ids it came from,
-- separated by spaces.
ALTER TABLE blocks ADD COLUMN provenance TEXT NOT NULL DEFAULT 'new';
ALTER TABLE blocks ADD COLUMN origin TEXT NOT NULL DEFAULT '';

-- Blocks of the previous version whose text this version removed.
CREATE TABLE removed_blocks (
    version_id INTEGER NOT NULL REFERENCES versions (id),
    block_id TEXT NOT NULL,
    PRIMARY KEY (version_id, block_id)
);

-- The phrase a response was made on (W3C TextQuoteSelector: exact, with context).
ALTER TABLE responses ADD COLUMN quote_exact TEXT;
ALTER TABLE responses ADD COLUMN quote_prefix TEXT;
ALTER TABLE responses ADD COLUMN quote_suffix TEXT;
