//! The command line, as an operator runs it: the real binary against a real database file.

use crate::helpers::*;
use server::config::DatabaseUrl;
use std::io::Write;
use std::process::{Command, Stdio};

fn hoering(db: &str, args: &[&str], stdin: &str) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoering"))
        .args(args)
        .env("HOERING_DATABASE_URL", db)
        .env("HOERING_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hoering");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// The output of a command that must succeed (on failure, the output says why).
fn succeeded((ok, out): (bool, String)) -> String {
    assert!(ok, "{out}");
    out
}

/// A password long enough, as typed on stdin.
const PASSWORD: &str = "en-meget-lang-adgangskode\n";

/// `hoering user add` with `args`, the password typed on stdin.
fn user_add(db: &str, args: &[&str], password: &str) -> (bool, String) {
    hoering(db, &[&["user", "add"], args].concat(), password)
}

/// A fresh folder for an operator's work: the folder, the URL of a SQLite database `name` in
/// it, and the integration policy written there as `politik.md`.
fn workspace(name: &str) -> (std::path::PathBuf, String, String) {
    let dir = std::env::temp_dir().join(format!("hoering-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite://{}/{name}.db", dir.display());
    let file = dir.join("politik.md");
    std::fs::write(&file, POLICY).unwrap();
    (dir, db, file.display().to_string())
}

#[tokio::test]
async fn import_and_user_add_work_on_a_database_the_server_then_serves() {
    let (dir, db, file) = workspace("cli");
    let import_hearing = || {
        hoering(
            &db,
            &[
                "import",
                &file,
                "--slug",
                "integration",
                "--opens",
                "2026-01-05",
                "--closes",
                "2099-02-01",
            ],
            "",
        )
    };

    let out = succeeded(import_hearing());
    assert!(
        out.contains("as a hearing at /hoeringer/integration"),
        "{out}"
    );

    let out = succeeded(hoering(
        &db,
        &["import", &file, "--slug", "kun-politik"],
        "",
    ));
    assert!(out.contains("no hearing"), "{out}");

    let (ok, out) = import_hearing();
    assert!(!ok, "the same address twice is refused: {out}");

    // A second version of the policy, with one list item edited.
    let edited = POLICY.replace(
        "skal lære dansk før skolestart",
        "skal lære dansk allerede før skolestart",
    );
    let v2 = dir.join("politik-v2.md").display().to_string();
    std::fs::write(&v2, edited).unwrap();
    let out = succeeded(hoering(
        &db,
        &[
            "import",
            &v2,
            "--policy",
            "integration",
            "--label",
            "Endelig tekst",
        ],
        "",
    ));
    assert!(out.contains("Added version 2 of integration"), "{out}");
    assert!(out.contains(" 1 edited"), "{out}");
    let (ok, out) = hoering(&db, &["import", &file, "--policy", "findes-ikke"], "");
    assert!(!ok && out.contains("no policy"), "{out}");

    let (ok, out) = user_add(
        &db,
        &["--role", "clerk", "--email", "anna@kommune.dk"],
        "kort\n",
    );
    assert!(
        !ok && out.contains("at least"),
        "short passwords are refused: {out}"
    );
    succeeded(user_add(
        &db,
        &["--role", "clerk", "--email", "anna@kommune.dk"],
        PASSWORD,
    ));

    // A council member, seated in Integrationsrådet by its name, as its chair.
    let (ok, out) = user_add(
        &db,
        &[
            "--role",
            "council",
            "--email",
            "formand@raadet.dk",
            "--council",
            "Integrationsrådet",
            "--chair",
        ],
        PASSWORD,
    );
    assert!(
        ok && out.contains("member of integrationsraadet (chair)"),
        "{out}"
    );
    let (ok, out) = user_add(
        &db,
        &[
            "--role",
            "clerk",
            "--email",
            "sag@kommune.dk",
            "--council",
            "integrationsraadet",
        ],
        PASSWORD,
    );
    assert!(
        !ok && out.contains("council role"),
        "only council members: {out}"
    );
    let (ok, out) = user_add(
        &db,
        &[
            "--role",
            "council",
            "--email",
            "medlem@raadet.dk",
            "--council",
            "Findes ikke",
        ],
        PASSWORD,
    );
    assert!(!ok && out.contains("no council"), "{out}");

    // The server on the same file shows the hearing and accepts the new clerk.
    let mut config = server::config::Config::from_env(|_| None).unwrap();
    config.database_url = server::config::DatabaseUrl::parse(&db).unwrap();
    config.addr = "127.0.0.1:0".parse().unwrap();
    let running = server::start(&config, std::future::pending())
        .await
        .unwrap();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = format!("http://{}", running.addr);
    let page = client
        .get(format!("{base}/hoeringer/integration"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let login = client
        .post(format!("{base}/login"))
        .form(&[
            ("email", "anna@kommune.dk"),
            ("password", "en-meget-lang-adgangskode"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 303);
    let cookie = session_cookie(&login);
    let admin = |cookie: String| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            client
                .get(format!("{base}/admin"))
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(admin(cookie.clone()).await, 200, "signed in");

    // A new password (or role) for an existing account ends the sessions signed in with the
    // old one: whoever knew it is out at once.
    let out = succeeded(user_add(
        &db,
        &["--role", "admin", "--email", "anna@kommune.dk"],
        "en-helt-anden-adgangskode\n",
    ));
    assert!(out.contains("1 session ended"), "{out}");
    assert_eq!(
        admin(cookie).await,
        303,
        "the old session is gone: back to the login"
    );
    running.task.abort();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn an_operator_moves_a_policy_and_records_decisions() {
    let (dir, db, file) = workspace("road");
    let run = |args: &[&str]| hoering(&db, args, "");
    let today = hoering::calendar::today().to_string();
    // `hoering decision add` on `vej` at today's meeting, titled `title`, with `more`.
    let add_decision = |title: &str, more: &[&str]| {
        let args = [
            "decision",
            "add",
            "vej",
            "--meeting-date",
            &today,
            "--title",
            title,
        ];
        run(&[&args[..], more].concat())
    };

    let (ok, out) = run(&["import", &file, "--slug", "vej"]);
    assert!(ok, "{out}");
    let (ok, out) = run(&[
        "import",
        &file,
        "--slug",
        "paaske",
        "--opens",
        "2027-03-24",
        "--working-days",
        "10",
    ]);
    assert!(
        ok && out.contains("as a hearing at /hoeringer/paaske"),
        "{out}"
    );
    let (ok, out) = run(&["policy", "list"]);
    assert!(
        ok && out.contains("vej\tdrafting\tin_progress\t-\t"),
        "{out}"
    );

    // The operator may name stages in Danish.
    let (ok, out) = run(&["policy", "advance", "vej", "--to", "Dialogmøde"]);
    assert!(ok && out.contains("vej: Dialogmøde"), "{out}");
    let (ok, out) = run(&["policy", "advance", "vej", "--to", "hearing"]);
    assert!(!ok, "the committee comes before the hearing: {out}");
    assert!(out.contains("refused"), "{out}");
    let (ok, out) = run(&["policy", "freeze", "vej", "--version", "1"]);
    assert!(ok, "{out}");
    let (ok, out) = run(&["policy", "advance", "vej", "--to", "committee_for_hearing"]);
    assert!(ok, "{out}");
    let (ok, out) = add_decision(
        "Udkast til høring",
        &["--version", "1", "--agenda-number", "7"],
    );
    assert!(ok && out.contains("decision recorded"), "{out}");
    let (ok, out) = run(&[
        "policy",
        "advance",
        "vej",
        "--to",
        "høring",
        "--working-days",
        "15",
    ]);
    assert!(
        ok && out.contains("hearing opened at /hoeringer/vej"),
        "{out}"
    );
    let (ok, out) = add_decision("x", &["--version", "1"]);
    assert!(!ok && out.contains("no body decides"), "{out}");
    let (ok, out) = run(&["policy", "list"]);
    assert!(ok && out.contains("vej\thearing\tin_progress"), "{out}");
    assert!(out.contains("paaske\thearing\tin_progress"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_backup_is_taken_while_the_server_serves_and_never_overwrites() {
    within_timeout("backup", async {
        let app = TestApp::spawn(Engine::Sqlite).await.expect("sqlite app");
        app.add_open_hearing_with_response("politik", "Et svar før sikkerhedskopien.")
            .await;
        let dir = std::env::temp_dir().join(format!("hoering-backup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("kopi.db");
        let _ = std::fs::remove_file(&file);
        let path = file.display().to_string();
        let url = app.config.database_url.expose().to_string();
        let out = succeeded(hoering(&url, &["backup", &path], ""));
        assert!(out.contains("backup written"), "{out}");
        // The server goes on serving while and after the copy is taken.
        let (status, _) = app.get_text("/hoeringer/politik").await;
        assert_eq!(status, 200);

        let copy = server::db::connect(&DatabaseUrl::parse(&format!("sqlite://{path}")).unwrap())
            .await
            .unwrap();
        let stored: Vec<String> = sqlx::query_scalar("SELECT text FROM responses")
            .fetch_all(&copy.pool)
            .await
            .unwrap();
        assert_eq!(stored, ["Et svar før sikkerhedskopien."]);
        copy.pool.close().await;

        let (ok, out) = hoering(&url, &["backup", &path], "");
        assert!(!ok, "a second backup to the same file is refused");
        assert!(out.contains("exists already"), "{out}");
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}

#[tokio::test]
async fn the_operator_lists_what_retention_would_erase_and_then_erases_it() {
    within_timeout("retention", async {
        // A response sent to a running server, then a copy of its database for the operator, so
        // the server's own housekeeping never sees the hearing closed.
        let app = TestApp::spawn(Engine::Sqlite).await.expect("sqlite app");
        app.add_open_hearing_with_response("politik", "Et svar, hvis afsender skal glemmes.")
            .await;
        let dir = std::env::temp_dir().join(format!("hoering-retention-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("kopi.db");
        let _ = std::fs::remove_file(&file);
        let served = app.config.database_url.expose().to_string();
        succeeded(hoering(
            &served,
            &["backup", &file.display().to_string()],
            "",
        ));
        let url = format!("sqlite://{}", file.display());
        let copy = server::db::connect(&DatabaseUrl::parse(&url).unwrap())
            .await
            .unwrap();
        let scalar = |sql: &'static str| {
            let pool = copy.pool.clone();
            async move {
                sqlx::query_scalar::<_, String>(sql)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        let run = |args: &[&str]| succeeded(hoering(&url, args, ""));
        // The listing's rows (the log's warnings come on standard error, after them).
        let rows = |out: &str| -> Vec<String> {
            out.lines()
                .filter(|l| l.starts_with("politik\t"))
                .map(str::to_string)
                .collect()
        };
        // While the hearing is open it has no rule to list.
        let out = run(&["retention", "--dry-run"]);
        assert!(out.contains("hearing\terasure_day\t"), "{out}");
        assert!(rows(&out).is_empty(), "{out}");

        // Closed 25 months ago, with the default 24 months: due now. The dry run erases nothing.
        let closes = jiff::Timestamp::now().as_second() - 761 * 86_400;
        sqlx::query("UPDATE hearings SET opens_at = $1, closes_at = $2")
            .bind(closes - 28 * 86_400)
            .bind(closes)
            .execute(&copy.pool)
            .await
            .unwrap();
        let out = run(&["retention", "--dry-run"]);
        let listed = rows(&out);
        assert_eq!(listed.len(), 1, "{out}");
        let fields: Vec<&str> = listed[0].split('\t').collect();
        assert_eq!(
            &fields[2..],
            ["24 (default)", "due now", "1", "0", "0"],
            "{out}"
        );
        assert_eq!(
            scalar("SELECT name FROM responses").await,
            "Amina Hassan",
            "a dry run changes nothing"
        );

        let out = run(&["retention"]);
        assert!(out.contains("politik: erased 1 senders"), "{out}");
        assert_eq!(scalar("SELECT name FROM responses").await, "");
        assert_eq!(
            scalar("SELECT action FROM journal ORDER BY id DESC").await,
            "personal_data_erased"
        );
        let out = run(&["retention", "--dry-run"]);
        assert!(rows(&out)[0].contains("\terased "), "{out}");
        assert!(run(&["retention"]).contains("0 hearings erased"));
        copy.pool.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}

/// A real installation must say where readers reach it: otherwise links in e-mails and feeds
/// would follow whatever `Host` a client sends.
#[test]
fn serve_refuses_to_start_without_its_public_address_outside_the_demo() {
    let dir = std::env::temp_dir().join(format!("hoering-no-url-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite://{}/h.db", dir.display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoering"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("HOERING_DATABASE_URL", &db)
        .env("HOERING_LOG", "warn")
        .env_remove("HOERING_PUBLIC_URL")
        .env_remove("HOERING_DEMO")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hoering");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().ok();
            panic!("hoering serve started without HOERING_PUBLIC_URL");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("HOERING_PUBLIC_URL is required"), "{text}");
}

/// A clerk's Word file given to `hoering import` becomes the policy, as its Markdown would;
/// a file that is not a draft is refused with the reason.
#[test]
fn import_reads_word_files() {
    let (dir, db, _) = workspace("cli-docx");
    let docx = dir.join("politik.docx");
    std::fs::write(
        &docx,
        include_bytes!("../../src/import/fixtures/integrationspolitik.docx"),
    )
    .unwrap();
    let out = succeeded(hoering(
        &db,
        &[
            "import",
            &docx.display().to_string(),
            "--slug",
            "fra-word",
            "--committee",
            "Beskæftigelses- og Socialudvalget",
        ],
        "",
    ));
    assert!(out.contains("no hearing"), "{out}");
    let program = dir.join("program.docx");
    std::fs::write(&program, b"MZ\x90\x00 a program").unwrap();
    let (ok, out) = hoering(&db, &["import", &program.display().to_string()], "");
    assert!(!ok && out.contains("a program, not a document"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
