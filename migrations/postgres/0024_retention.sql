-- Each hearing's retention rule for its senders' personal data: the months a clerk picked from
-- the municipality's choices (NULL: the municipality's default), and when housekeeping erased
-- the names, e-mail addresses, redacted originals and file names (NULL: not yet).
ALTER TABLE hearings ADD COLUMN retention_months BIGINT;
ALTER TABLE hearings ADD COLUMN personal_data_erased_at BIGINT;
