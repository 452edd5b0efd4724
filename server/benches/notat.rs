//! A plain program timing the høringsnotat of a hearing with 100,000 responses on a fresh
//! SQLite file: compiling it (reading and laying out), writing it as DOCX and PDF, and the
//! records as XLSX and CSV; with the process's peak memory. `cargo bench -p server --bench notat`
//! (`-- 20000` for another size).

mod support;

use server::backend::DbBackend;
use server::notat::export;
use std::time::Instant;

const FIXTURE: &str = include_str!("../../src/document/fixtures/integrationspolitik.md");

/// The process's peak resident memory in MB since the last `reset_peak`, from Linux's /proc.
fn peak_mb() -> Option<f64> {
    memory_mb("VmHWM:")
}

/// The process's resident memory now, in MB.
fn rss_mb() -> Option<f64> {
    memory_mb("VmRSS:")
}

/// The memory figure `field` of Linux's /proc/self/status (given in kB), in MB.
fn memory_mb(field: &str) -> Option<f64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse::<f64>()
        .ok()
        .map(|kb| kb / 1024.0)
}

/// Starts a new peak: Linux sets the high-water mark back to the current size on "5".
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn shown(mb: Option<f64>) -> String {
    mb.map_or_else(|| "n/a".into(), |mb| format!("{mb:.0} MB"))
}

/// Prints a step's time and its peak memory, and returns both for the targets.
fn timed<T>(label: &str, started: Instant, value: T) -> (T, f64, Option<f64>) {
    let seconds = started.elapsed().as_secs_f64();
    let peak = peak_mb();
    println!(
        "{label:<44} {seconds:>8.2} s   peak RSS in the step {}",
        shown(peak)
    );
    reset_peak();
    (value, seconds, peak)
}

/// Prints one of the targets beside what was measured.
fn target(what: &str, measured: f64, limit: f64, unit: &str) -> bool {
    let met = measured < limit;
    println!(
        "target: {what:<36} {measured:>8.2} {unit} (limit {limit} {unit}) {}",
        if met { "met" } else { "MISSED" }
    );
    met
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n = support::size_from_args(100_000);
    let dir = std::env::temp_dir().join(format!("hoering-notat-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let url = format!("sqlite://{}/bench.db", dir.display());
    let db = server::db::connect(&server::config::DatabaseUrl::parse(&url).expect("url"))
        .await
        .expect("the database");
    let pool = &db.pool;

    let fields = hoering::hearing::HearingFields {
        markdown: FIXTURE.to_string(),
        slug: "bench".into(),
        opens: "2026-01-05".into(),
        closes: "2026-03-01".into(),
        ..Default::default()
    };
    let new = hoering::hearing::prepare(&fields, true).expect("the fixture");
    server::policy::db::store_draft(pool, &new, &server::policy::db::Actor::system())
        .await
        .expect("store");
    let hearing = server::hearing::db::by_slug(pool, "bench")
        .await
        .expect("hearing")
        .expect("hearing");
    let blocks = server::hearing::db::blocks(pool, hearing.version_id)
        .await
        .expect("blocks");
    let (clerk, _) =
        server::auth::db::upsert_user(pool, "a@bench.dk", "x", server::auth::Role::Clerk)
            .await
            .expect("clerk");
    let (second, _) =
        server::auth::db::upsert_user(pool, "b@bench.dk", "x", server::auth::Role::Clerk)
            .await
            .expect("clerk");

    // 100,000 responses: one in five a copy of one of 50 campaign texts, the rest each their
    // own; one in three on a paragraph.
    let started = Instant::now();
    let words = [
        "sprog",
        "skole",
        "bolig",
        "arbejde",
        "fritid",
        "forening",
        "dansk",
        "børn",
        "unge",
        "ældre",
        "praktik",
        "uddannelse",
        "sundhed",
        "tryghed",
        "fællesskab",
        "bydel",
    ];
    let mut tx = server::db::begin_write(pool).await.expect("tx");
    for i in 0..n {
        let text = if i % 5 == 0 {
            format!(
                "Kampagne {}: Vi ønsker mere {} og {} i Roskilde, og at kommunen lytter til borgerne i alle bydele.",
                i / 5 % 50,
                words[i / 5 % 50 % words.len()],
                words[(i / 5 % 50 + 3) % words.len()]
            )
        } else {
            format!(
                "Svar {i}: Jeg mener, at {} og {} skal prioriteres, fordi {} betyder meget for {} i min hverdag.",
                words[i % 16],
                words[(i / 16) % 16],
                words[(i / 256) % 16],
                words[(i / 7) % 16]
            )
        };
        let block = (i % 3 == 0).then(|| &blocks[i % blocks.len()]);
        sqlx::query(
            "INSERT INTO responses (hearing_id, version_id, block_id, block_number, text, name,
                email, sender_kind, organisation, publication, status, receipt_token, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'published', $11, $12)",
        )
        .bind(hearing.id)
        .bind(hearing.version_id)
        .bind(block.map(|b| b.block_id.clone()))
        .bind(block.map(|b| b.number.clone()))
        .bind(text)
        .bind(format!("Borger {i}"))
        .bind(format!("borger{i}@example.dk"))
        .bind(if i % 10 == 0 {
            "association"
        } else {
            "private"
        })
        .bind((i % 10 == 0).then(|| format!("Forening {}", i % 97)))
        .bind(["with_name", "anonymous", "not_published"][i % 3])
        .bind(format!("bench-{i}"))
        .bind(1_767_600_000 + i as i64)
        .execute(&mut *tx)
        .await
        .expect("insert");
    }
    tx.commit().await.expect("commit");
    timed(&format!("seeding {n} responses"), started, ());
    reset_peak();

    // 2,000 bemærkninger, approved and published: 50 answer a campaign each.
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM responses ORDER BY id")
        .fetch_all(pool)
        .await
        .expect("ids");
    let started = Instant::now();
    for k in 0..2_000usize {
        let target = if k < 50 {
            hoering::notat::RemarkTarget::Group(
                ids.iter()
                    .enumerate()
                    .filter(|(i, _)| i % 5 == 0 && i / 5 % 50 == k)
                    .map(|(_, id)| *id)
                    .collect(),
            )
        } else {
            hoering::notat::RemarkTarget::Response(ids[(k * 37) % ids.len()])
        };
        let content = hoering::notat::RemarkFields {
            text: format!("Bemærkning {k}: Forvaltningen har noteret synspunktet og vurderer det i det videre arbejde."),
            outcome: ["no_change", "noted"][k % 2].into(),
            ..Default::default()
        }
        .parse()
        .expect("a remark");
        let remark = hoering::notat::Remark::draft(target, content, clerk);
        let facts = server::notat::db::PointFacts {
            section: ["", "2", "3", "4"][k % 4],
            summary: &format!("Punkt {k}: ønsker mere sprogundervisning og bedre information."),
        };
        let id = server::notat::db::insert(pool, hearing.id, &remark, &facts)
            .await
            .expect("remark");
        server::notat::db::approve(pool, id, second, 1_767_700_000)
            .await
            .expect("approve");
    }
    sqlx::query("UPDATE remarks SET state = 'published', published_at = 1767800000")
        .execute(pool)
        .await
        .expect("publish");
    timed("writing 2,000 remarks (50 on campaigns)", started, ());

    let pattern = hoering::notat::JournalPattern::parse("{case}-{n:04}").expect("pattern");
    let backend = DbBackend {
        db: db.clone(),
        calendar: hoering::calendar::Calendar::default(),
        sends_mail: false,
        journal_pattern: pattern.clone(),
        retention: Default::default(),
    };
    // The records first: their peak is then theirs and the rows', not the heap the PDF
    // leaves behind (freed, but not always given back to the system).
    println!("resident before the records: {}", shown(rss_mb()));
    let started = Instant::now();
    let rows = export::record_rows(pool, &pattern, &hearing, app::i18n::Locale::da)
        .await
        .expect("rows");
    timed(
        &format!("reading {} rows (tags, groups, remarks)", rows.len()),
        started,
        (),
    );
    let started = Instant::now();
    let xlsx = export::xlsx(app::i18n::Locale::da, &rows).expect("xlsx");
    let (_, _, xlsx_mb) = timed(&format!("XLSX ({} KB)", xlsx.len() / 1024), started, ());
    let started = Instant::now();
    let csv = export::csv(
        &app::notat::words::RecordWords::of(app::i18n::Locale::da).header,
        &rows,
    );
    timed(&format!("CSV ({} KB)", csv.len() / 1024), started, ());
    drop((rows, xlsx, csv));
    reset_peak();

    let started = Instant::now();
    let view = backend
        .compile_notat("bench", app::i18n::Locale::da, false)
        .await
        .expect("notat")
        .expect("the hearing");
    let points = view
        .notat
        .sections
        .iter()
        .map(|s| s.items.len())
        .sum::<usize>();
    let (_, compile_s, _) = timed(
        &format!("compiling the notat ({points} items)"),
        started,
        (),
    );
    // Each format of the notat, timed: the seconds it took.
    let words = app::notat::words::DocumentWords::of(app::i18n::Locale::da);
    let render = |format: export::Format, name: &str| {
        let started = Instant::now();
        let (bytes, _, _) =
            export::render_notat(&view.notat, format, &words, "Kommunen", "hoeringsnotat")
                .expect(name);
        let label = format!("{name} ({} KB)", bytes.len() / 1024);
        timed(&label, started, ()).1
    };
    render(export::Format::Docx, "DOCX");
    let pdf_s = render(export::Format::Pdf, "PDF");

    println!();
    let mut met = target("compiling the notat", compile_s, 5.0, "s");
    met &= target(
        &format!("PDF of the notat ({points} items)"),
        pdf_s,
        2.0,
        "s",
    );
    if let Some(mb) = xlsx_mb {
        met &= target("XLSX peak resident memory", mb, 200.0, "MB");
    }
    let _ = std::fs::remove_dir_all(&dir);
    if !met {
        println!("a target was missed");
        std::process::exit(1);
    }
}
