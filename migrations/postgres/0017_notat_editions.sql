-- A published høringsnotat is a numbered edition that never changes: the outline as it was
-- (JSON), the web rendering of its body (HTML), the DOCX and the PDF, each file with its
-- SHA-256. Every public view and download serves these bytes; only the clerks' working draft
-- is compiled again. A later change is a new edition with `reason` (what changed and why);
-- the first edition's reason is empty.
--
-- In the database rather than on disk: `hoering export` / `backup` carry every table, so an
-- archive holds the editions the public read, and an edition is stored in the transaction that
-- publishes its bemærkninger and writes the respondents' e-mails, never half of it. The files
-- are base64 text (the archive's values are integers and text), `lang` the language the
-- edition is written in.
CREATE TABLE notat_editions (
    id BIGSERIAL PRIMARY KEY,
    hearing_id BIGINT NOT NULL REFERENCES hearings (id),
    number BIGINT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by BIGINT REFERENCES users (id),
    reason TEXT NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    outline TEXT NOT NULL,
    html TEXT NOT NULL,
    docx TEXT NOT NULL,
    pdf TEXT NOT NULL,
    html_sha256 TEXT NOT NULL,
    docx_sha256 TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    UNIQUE (hearing_id, number)
);

CREATE FUNCTION notat_editions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published edition never changes';
END;
$$;
CREATE TRIGGER notat_editions_no_change BEFORE UPDATE OR DELETE ON notat_editions
    FOR EACH ROW EXECUTE FUNCTION notat_editions_frozen();
