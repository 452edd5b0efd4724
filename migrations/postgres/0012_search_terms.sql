-- Full-text search that knows Danish word forms: each response is indexed under the Snowball
-- stems of its words (the core's hoering::language), the same on SQLite and PostgreSQL, so
-- "integration" finds "integrationen" and "integrationens" on either.
CREATE TABLE search_terms (
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    response_id BIGINT NOT NULL REFERENCES responses (id),
    term TEXT NOT NULL,
    PRIMARY KEY (response_id, term)
);
CREATE INDEX search_terms_lookup ON search_terms (hearing_id, term, response_id);
