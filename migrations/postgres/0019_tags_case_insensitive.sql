-- Tags are case-insensitive and trimmed: "Uddannelse" and "uddannelse" are one tag. Each tag
-- keeps its name as first written and its folded form (lower-cased by the server, which
-- knows all of Unicode), unique per hearing.
ALTER TABLE tags ADD COLUMN folded TEXT NOT NULL DEFAULT '';

-- The existing names (already trimmed, whitespace collapsed, by the form) folded here. lower()
-- folds only ASCII in SQLite (and in PostgreSQL under the C collation), so the letters a
-- Danish theme uses beyond ASCII are folded by hand first.
UPDATE tags SET folded = lower(
    replace(replace(replace(replace(replace(replace(replace(replace(trim(name),
        'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å'), 'Ä', 'ä'), 'Ö', 'ö'), 'Ü', 'ü'), 'É', 'é'), 'È', 'è')
);

-- Duplicates merged into the oldest tag of each folded name: its responses get the oldest's
-- tag (a response that had both keeps one), then the younger tags go.
INSERT INTO response_tags (response_id, tag_id)
SELECT rt.response_id, keep.id
FROM response_tags rt
JOIN tags t ON t.id = rt.tag_id
JOIN tags keep ON keep.hearing_id = t.hearing_id AND keep.folded = t.folded
WHERE keep.id = (SELECT MIN(o.id) FROM tags o WHERE o.hearing_id = t.hearing_id AND o.folded = t.folded)
  AND keep.id <> t.id
ON CONFLICT DO NOTHING;

DELETE FROM response_tags WHERE tag_id IN (
    SELECT t.id FROM tags t
    WHERE t.id > (SELECT MIN(o.id) FROM tags o WHERE o.hearing_id = t.hearing_id AND o.folded = t.folded)
);

DELETE FROM tags WHERE id > (
    SELECT MIN(o.id) FROM tags o WHERE o.hearing_id = tags.hearing_id AND o.folded = tags.folded
);

CREATE UNIQUE INDEX tags_hearing_folded ON tags (hearing_id, folded);
