# Seeds a hoering SQLite database with N published responses on the hearing "bench"
# (old schema: status only; new schema: visible flag and kept counts too).
import sqlite3, sys, random, time
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
h, v = c.execute("SELECT id, version_id FROM hearings WHERE slug='bench'").fetchone()
blocks = [r[0] for r in c.execute("SELECT block_id FROM blocks WHERE version_id=?", (v,))]
cols = [r[1] for r in c.execute("PRAGMA table_info(responses)")]
new = 'visible' in cols
now = int(time.time())
rows = []
for i in range(n):
    b = blocks[0] if i < n // 5 else random.choice(blocks)
    rows.append((h, v, b, '1.1', f'Svar {i} om afsnittet.', 'Navn', f'x{i}@example.dk', 'private', None, 'with_name', 'published', f'tok{i:060d}', now))
c.executemany("INSERT INTO responses (hearing_id, version_id, block_id, block_number, text, name, email, sender_kind, organisation, publication, status, receipt_token, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
if new:
    c.execute("UPDATE responses SET visible = 1 WHERE status='published' AND publication <> 'not_published'")
    c.execute("DELETE FROM block_counts"); c.execute("DELETE FROM hearing_counts")
    c.execute("INSERT INTO hearing_counts (hearing_id, pending, published, withheld, visible) SELECT hearing_id, SUM(status='pending'), SUM(status='published'), SUM(status='withheld'), SUM(visible) FROM responses GROUP BY hearing_id")
    c.execute("INSERT INTO block_counts (hearing_id, block_key, visible) SELECT hearing_id, COALESCE(block_id,''), COUNT(*) FROM responses WHERE visible=1 GROUP BY hearing_id, COALESCE(block_id,'')")
    c.execute("INSERT INTO placements (version_id, response_id, block_id) SELECT version_id, id, block_id FROM responses")
    c.execute("INSERT INTO placement_counts (version_id, block_key, visible) SELECT p.version_id, COALESCE(p.block_id,''), COUNT(*) FROM placements p JOIN responses r ON r.id=p.response_id WHERE r.visible=1 GROUP BY 1,2")
c.commit()
print("seeded", n, "new schema" if new else "old schema")
