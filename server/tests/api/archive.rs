//! Moving an installation: `hoering export` on SQLite, `hoering import-archive` on PostgreSQL,
//! and every row compared.

use crate::helpers::*;
use std::process::Command;

fn hoering(db: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hoering"))
        .args(args)
        .env("HOERING_DATABASE_URL", db)
        .env("HOERING_LOG", "warn")
        .output()
        .expect("run hoering");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// Each table's rows of an archive file, sorted (the engines may order rows with equal keys
/// differently).
fn rows_of(path: &std::path::Path, file: &str) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(file).unwrap(), &mut text).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

/// The manifest of an archive file.
fn manifest(path: &std::path::Path) -> server::archive::Manifest {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    serde_json::from_reader(zip.by_name("manifest.json").unwrap()).unwrap()
}

async fn moves_without_loss() {
    let Some(target) = TestApp::spawn(Engine::Postgres).await else {
        return;
    };
    let source = TestApp::spawn(Engine::Sqlite).await.unwrap();
    server::demo::load(&source.db).await.unwrap();
    // The demo plus 10,000 responses (a tenth as many again pending).
    let hearing = server::hearing::db::by_slug(&source.db.pool, "integrationspolitik")
        .await
        .unwrap()
        .unwrap();
    let first = server::hearing::db::blocks(&source.db.pool, hearing.version_id)
        .await
        .unwrap()
        .remove(0);
    let clerk: i64 = sqlx::query_scalar("SELECT MIN(id) FROM users")
        .fetch_one(&source.db.pool)
        .await
        .unwrap();
    server::bench::seed(&source.db.pool, &hearing, &first, 0..11_000, 10_000, clerk)
        .await
        .unwrap();

    let dir = std::env::temp_dir().join(format!("hoering-archive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hoering.zip");
    let _ = std::fs::remove_file(&file);
    let file_arg = file.display().to_string();
    let (ok, out) = hoering(source.config.database_url.expose(), &["export", &file_arg]);
    assert!(ok, "{out}");
    assert!(out.contains("exported"), "{out}");
    // An export never overwrites.
    let (ok, out) = hoering(source.config.database_url.expose(), &["export", &file_arg]);
    assert!(!ok && out.contains("exists already"), "{out}");

    let written = manifest(&file);
    let responses = written
        .tables
        .iter()
        .find(|t| t.name == "responses")
        .unwrap();
    assert!(responses.rows >= 11_000, "{}", responses.rows);
    assert_eq!(written.source, "sqlite");

    let (ok, out) = hoering(
        target.config.database_url.expose(),
        &["import-archive", &file_arg],
    );
    assert!(ok, "{out}");
    assert!(out.contains("imported"), "{out}");

    // Every table, row by row: PostgreSQL's own export has the same rows.
    let back = dir.join("back.zip");
    let _ = std::fs::remove_file(&back);
    let again = server::archive::export(&target.db, &back).await.unwrap();
    assert_eq!(again.source, "postgres");
    let mut names: Vec<&str> = written.tables.iter().map(|t| t.name.as_str()).collect();
    names.sort();
    let mut back_names: Vec<&str> = again.tables.iter().map(|t| t.name.as_str()).collect();
    back_names.sort();
    assert_eq!(names, back_names);
    for table in &written.tables {
        let there = again.tables.iter().find(|t| t.name == table.name).unwrap();
        assert_eq!(table.rows, there.rows, "rows of {}", table.name);
        assert!(
            rows_of(&file, &table.file) == rows_of(&back, &there.file),
            "table {} differs after the move",
            table.name
        );
    }

    // The moved installation serves: the demo hearing and its published responses, and a new
    // response gets a new number (the sequences moved on).
    let (status, page) = target.get_text("/hoeringer/integrationspolitik").await;
    assert_eq!(status, 200);
    assert!(page.contains("Muligheder og medborgerskab"));
    let r = target
        .respond("integrationspolitik", "", "Et svar efter flytningen.")
        .await;
    assert_eq!(r.status().as_u16(), 303);

    // A second import is refused: the database is in use.
    let (ok, out) = hoering(
        target.config.database_url.expose(),
        &["import-archive", &file_arg],
    );
    assert!(!ok && out.contains("not empty"), "{out}");

    // A changed archive is refused and leaves the new database empty.
    let tampered = dir.join("tampered.zip");
    {
        let mut reader = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
        let mut writer = zip::ZipWriter::new(std::fs::File::create(&tampered).unwrap());
        for i in 0..reader.len() {
            let mut entry = reader.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            if name == "tables/responses.jsonl" {
                let text = String::from_utf8(bytes).unwrap();
                bytes = text.replacen("Svar 1:", "Svar 9:", 1).into_bytes();
            }
            writer
                .start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, &bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    let fresh = TestApp::spawn(Engine::Sqlite).await.unwrap();
    let (ok, out) = hoering(
        fresh.config.database_url.expose(),
        &["import-archive", &tampered.display().to_string()],
    );
    assert!(!ok && out.contains("checksum"), "{out}");
    assert_eq!(fresh.stored_responses().await, 0, "nothing imported");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_installation_moves_from_sqlite_to_postgres_row_for_row() {
    // Seeding and moving 11,000 responses with their index takes longer than an ordinary test.
    if tokio::time::timeout(std::time::Duration::from_secs(300), moves_without_loss())
        .await
        .is_err()
    {
        panic!("moving the installation did not finish within 300 s");
    }
}
