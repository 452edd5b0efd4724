-- Every response accounted for in the høringsnotat: the responses the administration set
-- aside without a bemærkning, with the reason a clerk chose, and the clerk's own texts for
-- the notat (the summary of main themes and the recommendation to the politicians).
CREATE TABLE response_set_asides (
    response_id BIGINT PRIMARY KEY REFERENCES responses (id),
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    reason TEXT NOT NULL CHECK (reason IN ('not_relevant', 'no_comments', 'repeats')),
    set_by BIGINT NOT NULL REFERENCES users (id),
    set_at BIGINT NOT NULL
);
CREATE INDEX response_set_asides_hearing ON response_set_asides (hearing_id, response_id);

ALTER TABLE hearings ADD COLUMN notat_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN recommendation TEXT NOT NULL DEFAULT '';
