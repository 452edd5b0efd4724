-- The language of the page a response or a public question was sent from (`da`, `en`, `ar`,
-- `uk`), so the mails that follow later (withheld, the høringsnotat published, the clerk's
-- answer) reach the sender in the language they wrote in, not the clerk's. Rows stored before
-- this column read as Danish.
ALTER TABLE responses ADD COLUMN lang TEXT NOT NULL DEFAULT 'da';
ALTER TABLE inquiries ADD COLUMN lang TEXT NOT NULL DEFAULT 'da';
