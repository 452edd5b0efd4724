-- The name a council member goes by in the council's room and in a published discussion, set
-- by the admin or by the member. The e-mail address stays on staff pages; an account without a
-- name yet is shown as an unnamed member, never by its address.
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';

-- How many of a hearing's visible responses are input from a dialogue meeting, so every page
-- counts høringssvar and meeting input apart from one row (kept in step with `visible` in the
-- transaction that changes a response's state, like the other counts).
ALTER TABLE hearing_counts ADD COLUMN meeting_visible BIGINT NOT NULL DEFAULT 0;
UPDATE hearing_counts SET meeting_visible = (
    SELECT COUNT(*) FROM responses r
    WHERE r.hearing_id = hearing_counts.hearing_id AND r.source = 'meeting' AND r.visible = 1
);
