//! Files sent with høringssvar: the virus scanner against a real clamd, and the form with files
//! over HTTP, on SQLite and PostgreSQL.

use crate::both_engines;
use crate::clamd::{EICAR, daemon};
use crate::helpers::*;
use server::attachment::scan::{Clamd, ScanError, Verdict, ping, scan};
use std::io::Write;
use std::time::Duration;

const DOCX: &[u8] = include_bytes!("../../src/import/fixtures/integrationspolitik.docx");
const SLUG: &str = "bilag";

/// A one-page PDF whose lines are set in Helvetica (WinAnsi: Danish letters are one byte), as a
/// word processor's "save as PDF" writes a letter; no lines is a page with no text, as a scan.
pub fn pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 770 Td 16 TL\n");
    for line in lines {
        content.push('(');
        for c in line.chars() {
            match c {
                '(' | ')' | '\\' => {
                    content.push('\\');
                    content.push(c);
                }
                c if c.is_ascii() => content.push(c),
                // Latin-1 as an octal escape: WinAnsi agrees for the Danish letters.
                c => content.push_str(&format!("\\{:03o}", c as u32)),
            }
        }
        content.push_str(") Tj T*\n");
    }
    content.push_str("ET\n");
    if lines.is_empty() {
        content.clear();
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    crate::handmade::pdf_file(&objects)
}

/// The response form with `fields` (over [`response_form`]'s) and `files`, as a browser sends
/// it with files chosen.
async fn send(
    app: &TestApp,
    fields: &[(&str, &str)],
    files: Vec<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in response_form(fields) {
        form = form.text(name.to_string(), value.to_string());
    }
    for (name, bytes) in files {
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    }
    app.client
        .post(app.url(&format!("/hoeringer/{SLUG}/svar")))
        .multipart(form)
        .send()
        .await
        .expect("POST")
}

/// The page a refused form comes back as, with its status.
async fn refused(r: reqwest::Response, status: u16) -> String {
    assert_eq!(r.status().as_u16(), status, "the form's answer");
    strip(&r.text().await.expect("body"))
}

/// The files kept in the store (not counting ones being received).
fn kept_files(app: &TestApp) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        let path = e.path();
                        if path.is_dir() {
                            if path.file_name().is_some_and(|n| n == "tmp") {
                                0
                            } else {
                                count(&path)
                            }
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&app.config.files.folder)
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The letter of an association: a CPR number in it (the sender's own, by mistake), and a word
/// found nowhere else ("sprogmakkerordning").
fn letter() -> Vec<u8> {
    pdf(&[
        "Roskilde Lektiecafé",
        "Kære Roskilde Kommune",
        "Vi foreslår en sprogmakkerordning for nye borgere.",
        "Kontakt: Jonas Berg, 010190-1234",
    ])
}

both_engines!(
    a_letter_is_scanned_read_kept_and_shown_as_its_sender_allowed,
    |engine| async move {
        let Some((_clamd, app)) = crate::clamd::app_with_clamd(engine, "letter").await else {
            return;
        };
        let cookie = app.clerk_with_open_hearing(SLUG).await;
        let letter = letter();
        let appendix = pdf(&[]);
        // Sent with a path, as an old browser names a file.
        let r = send(
            &app,
            &LEKTIECAFE,
            vec![
                ("C:\\Breve\\høringssvar.pdf", letter.clone()),
                ("bilag.pdf", appendix.clone()),
                ("politik.docx", DOCX.to_vec()),
            ],
        )
        .await;
        assert_eq!(
            r.status().as_u16(),
            303,
            "the response with three files is taken"
        );
        let receipt = header(&r, "location").to_string();
        assert_eq!(kept_files(&app), 3);

        // The receipt names each file and gives its SHA-256, to compare with one's own copy.
        let page = app.page_ok(&receipt).await;
        assert_contains(
            &page,
            &[
                "Filer modtaget med dit svar",
                "høringssvar.pdf",
                &sha256(&letter),
                "bilag.pdf",
                "politik.docx",
            ],
        );
        // The journal records each file by its hash.
        let journal: Vec<String> = app
            .column("SELECT after FROM journal WHERE action = 'attachment_received' ORDER BY id")
            .await;
        assert_eq!(journal.len(), 3);
        assert!(journal[0].contains(&sha256(&letter)), "{journal:?}");

        // The clerk sees all three: what was read, the scan, and what the check found.
        let queue = app
            .page_as(&format!("/admin/hoeringer/{SLUG}"), &cookie)
            .await;
        assert_contains(
            &queue,
            &[
                "høringssvar.pdf",
                "CPR-nummer: <mark>010190-1234</mark>",
                "Ingen tekst (scannet papir)",
                "politik.docx",
            ],
        );
        assert!(
            !queue.contains("Ikke scannet for virus"),
            "scanned files are not marked unscanned"
        );
        let states: Vec<(String, String, String)> = app
            .rows("SELECT name, scan, text_state FROM attachments ORDER BY position")
            .await;
        assert_eq!(
            states,
            [
                ("høringssvar.pdf".into(), "clean".into(), "read".into()),
                ("bilag.pdf".into(), "clean".into(), "scanned".into()),
                ("politik.docx".into(), "clean".into(), "read".into()),
            ]
        );

        // A CPR number in the letter blocks a plain publish, as one in the text would.
        let id: i64 = app.scalar("SELECT MAX(id) FROM responses").await;
        let page = app
            .post_as_refused(
                &format!("/admin/svar/{id}"),
                &cookie,
                &[("status", "published")],
            )
            .await;
        assert_contains(&page, &["En vedhæftet fil indeholder et CPR-nummer"]);
        // Withholding the letter (with a reason) lets the rest be published.
        let letter_id: i64 = app
            .scalar("SELECT id FROM attachments WHERE name = 'høringssvar.pdf'")
            .await;
        let refused_withhold = app
            .post_as_refused(
                &format!("/admin/filer/{letter_id}"),
                &cookie,
                &[
                    ("reason", ""),
                    ("back", &format!("/admin/hoeringer/{SLUG}")),
                ],
            )
            .await;
        assert_contains(&refused_withhold, &["Skal udfyldes"]);
        app.post_as_ok(
            &format!("/admin/filer/{letter_id}"),
            &cookie,
            &[("reason", "Brevet indeholder afsenderens CPR-nummer.")],
        )
        .await;
        app.publish_response(id, &cookie).await;

        // The public sees the two files the clerk did not withhold, as downloads.
        let public = app
            .text_as(&format!("/hoeringer/{SLUG}?vis=hele"), "")
            .await;
        assert!(
            public.contains("politik.docx") && public.contains("bilag.pdf"),
            "{public}"
        );
        assert!(
            !public.contains("høringssvar.pdf"),
            "the withheld letter is not shown"
        );
        let docx_id: i64 = app
            .scalar("SELECT id FROM attachments WHERE name = 'politik.docx'")
            .await;
        let download = app.get(&format!("/filer/{docx_id}/politik.docx")).await;
        assert_eq!(download.status().as_u16(), 200);
        assert_eq!(
            header(&download, "content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert!(header(&download, "content-disposition").starts_with("attachment;"));
        assert_eq!(header(&download, "x-content-type-options"), "nosniff");
        assert!(header(&download, "content-security-policy").contains("sandbox"));
        assert_eq!(download.bytes().await.unwrap().as_ref(), DOCX);
        // The withheld letter is not there for the public, but is for clerks.
        let hidden = app.get(&format!("/filer/{letter_id}/x.pdf")).await;
        assert_eq!(hidden.status().as_u16(), 404);
        let staff = app
            .download_as(&format!("/admin/filer/{letter_id}/x.pdf"), &cookie)
            .await;
        assert_eq!(staff, letter);
        assert_eq!(
            app.status(&format!("/admin/filer/{letter_id}/x.pdf")).await,
            303
        );

        // The open-data API lists the shown files with their hashes.
        let api = app
            .get_json(&format!("/api/v1/hearings/{SLUG}/responses"))
            .await;
        let files = api["responses"][0]["attachments"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(files.len(), 2, "{api}");
        assert!(files.iter().any(|f| f["sha256"] == sha256(DOCX)));

        // Search finds the response by the words of a shown file, and the public never by the
        // words of the withheld letter; the clerk's search finds both.
        let found = app
            .page(&format!("/hoeringer/{SLUG}/soeg?q=sprogmakkerordning"))
            .await;
        assert!(
            !found.contains("Lektiecafé"),
            "the withheld letter's words find nothing: {found}"
        );
        let clerk_found = app
            .page_as(
                &format!("/admin/hoeringer/{SLUG}/soeg?q=sprogmakkerordning"),
                &cookie,
            )
            .await;
        assert_contains(&clerk_found, &["høringssvar.pdf", "sprogmakkerordning"]);
        let docx_word = app
            .page(&format!("/hoeringer/{SLUG}/soeg?q=medborgerskab"))
            .await;
        assert_contains(&docx_word, &["Roskilde Lektiecafé"]);

        // Shown again, the letter is there for the public.
        app.post_as_ok(
            &format!("/admin/filer/{letter_id}"),
            &cookie,
            &[("action", "release")],
        )
        .await;
        assert_eq!(app.status(&format!("/filer/{letter_id}/x.pdf")).await, 200);
    }
);

both_engines!(
    an_anonymous_sender_s_files_stay_with_the_clerks,
    |engine| async move {
        let Some((_clamd, app)) = crate::clamd::app_with_clamd(engine, "anon").await else {
            return;
        };
        let cookie = app.clerk_with_open_hearing(SLUG).await;
        redirected(
            send(
                &app,
                &[("publication", "anonymous")],
                vec![(
                    "brev.pdf",
                    pdf(&["Med venlig hilsen", "Amina Hassan, Roskilde"]),
                )],
            )
            .await,
        )
        .await;
        let id: i64 = app.scalar("SELECT MAX(id) FROM responses").await;
        app.publish_response(id, &cookie).await;
        let file: i64 = app.scalar("SELECT id FROM attachments").await;
        assert_eq!(app.status(&format!("/filer/{file}/brev.pdf")).await, 404);
        let public = app
            .text_as(&format!("/hoeringer/{SLUG}?vis=hele"), "")
            .await;
        assert!(!public.contains("brev.pdf"), "{public}");
        let found = app.page(&format!("/hoeringer/{SLUG}/soeg?q=hilsen")).await;
        assert!(
            !found.contains("Anonym"),
            "an anonymous sender's letter finds nothing: {found}"
        );
    }
);

both_engines!(
    a_virus_refuses_the_whole_response_and_nothing_is_kept,
    |engine| async move {
        let Some((_clamd, app)) = crate::clamd::app_with_clamd(engine, "virus").await else {
            return;
        };
        app.add_open_hearing(SLUG).await;
        let text = "Mit svar, som jeg har skrevet længe på.";
        // Inside a Word file, as a macro virus would come.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(EICAR.as_bytes()).unwrap();
        let infected = zip.finish().unwrap().into_inner();
        let r = send(
            &app,
            &[("text", text)],
            vec![("brev.pdf", letter()), ("bilag.docx", infected)],
        )
        .await;
        let page = refused(r, 422).await;
        assert_contains(&page, &["indeholder en virus", text, "Vælg dem igen"]);
        assert_eq!(app.stored_responses().await, 0);
        assert_eq!(kept_files(&app), 0, "not even the clean letter is kept");
    }
);

both_engines!(
    a_scanner_that_does_not_answer_means_try_again,
    |engine| async move {
        let gone = Clamd::Unix(std::env::temp_dir().join("hoering-no-clamd-here.sock"));
        let Some(app) = app_on(engine, move |c| c.files.clamd = gone).await else {
            return;
        };
        app.add_open_hearing(SLUG).await;
        let r = send(&app, &[], vec![("brev.pdf", letter())]).await;
        let page = refused(r, 503).await;
        assert_contains(
            &page,
            &["kan ikke virusscannes lige nu", "Prøv igen om lidt"],
        );
        assert_eq!(app.stored_responses().await, 0);
        // Without files nothing needs scanning: the response is taken.
        assert_eq!(send(&app, &[], Vec::new()).await.status().as_u16(), 303);
    }
);

both_engines!(
    with_scanning_off_files_wait_in_quarantine,
    |engine| async move {
        let Some(app) = app_on(engine, |_| {}).await else {
            return;
        };
        let cookie = app.clerk_with_open_hearing(SLUG).await;
        redirected(send(&app, &[], vec![("brev.pdf", letter())]).await).await;
        let queue = app
            .page_as(&format!("/admin/hoeringer/{SLUG}"), &cookie)
            .await;
        assert_contains(&queue, &["Ikke scannet for virus", "brev.pdf"]);
        let id: i64 = app.scalar("SELECT MAX(id) FROM responses").await;
        // Published with a confirmation of the CPR number in it: still never public unscanned.
        app.publish_response(id, &cookie).await;
        let file: i64 = app.scalar("SELECT id FROM attachments").await;
        assert_eq!(app.status(&format!("/filer/{file}/brev.pdf")).await, 404);
    }
);

both_engines!(
    files_that_are_not_taken_are_refused_beside_the_field,
    |engine| async move {
        let Some(app) = app_on(engine, |_| {}).await else {
            return;
        };
        app.add_open_hearing(SLUG).await;
        let text = "Et svar med forkerte filer.";
        type Files<'a> = Vec<(&'a str, Vec<u8>)>;
        let cases: Vec<(Files, &str)> = vec![
            (vec![("x.pdf", letter()); 6], "højst 5 filer"),
            (
                vec![("stor.pdf", vec![b'%'; 26 * 1024 * 1024])],
                "større end 25 MB",
            ),
            (vec![("tom.pdf", Vec::new())], "er tom"),
            (
                vec![("program.pdf", b"MZ\x90\0\x03\0\0\0program".to_vec())],
                "ikke en PDF-",
            ),
            (
                vec![(
                    "side.docx",
                    b"<html><script>alert(1)</script></html>".to_vec(),
                )],
                "ikke en PDF-",
            ),
            (
                vec![(
                    "billede.png",
                    b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
                )],
                "ikke en PDF-",
            ),
        ];
        for (files, message) in cases {
            let r = send(&app, &[("text", text)], files).await;
            let page = refused(r, 422).await;
            assert_contains(&page, &[message, text]);
        }
        assert_eq!(app.stored_responses().await, 0);
        assert_eq!(kept_files(&app), 0);
        // A name that climbs out of the folder is just a name.
        redirected(
            send(
                &app,
                &[],
                vec![("../../etc/\u{202e}passwd\t.pdf", letter())],
            )
            .await,
        )
        .await;
        let name: String = app.scalar("SELECT name FROM attachments").await;
        assert_eq!(name, "passwd.pdf");
    }
);

both_engines!(
    a_hostile_document_costs_its_text_not_the_response,
    |engine| async move {
        let Some(app) = app_on(engine, |_| {}).await else {
            return;
        };
        app.add_open_hearing(SLUG).await;
        // A Word file whose text unpacks to 80 MB (a zip bomb), and a PDF cut off mid-file.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..80 {
            zip.write_all(&spaces).unwrap();
        }
        let bomb = zip.finish().unwrap().into_inner();
        assert!(
            bomb.len() < 1024 * 1024,
            "the bomb is small: {}",
            bomb.len()
        );
        let mut broken = letter();
        broken.truncate(broken.len() / 2);
        let r = send(&app, &[], vec![("bombe.docx", bomb), ("halv.pdf", broken)]).await;
        assert_eq!(r.status().as_u16(), 303, "the response is taken");
        let states: Vec<String> = app
            .column("SELECT text_state FROM attachments ORDER BY position")
            .await;
        assert_eq!(states, ["failed", "failed"]);
        // The server serves on.
        assert_eq!(app.status("/healthz").await, 200);
    }
);

both_engines!(a_form_that_stops_arriving_is_let_go, |engine| async move {
    let Some(app) = app_on(engine, |_| {}).await else {
        return;
    };
    app.add_open_hearing(SLUG).await;
    // The head of a multipart body and the start of a file, then silence.
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /hoeringer/{SLUG}/svar HTTP/1.1\r\nHost: {addr}\r\n\
             Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 100000\r\n\r\n\
             --XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 "
    );
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        server::attachment::receive::IDLE + Duration::from_secs(20),
        stream.read_to_end(&mut answer),
    )
    .await;
    assert!(read.is_ok(), "the server lets the connection go");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert_eq!(app.stored_responses().await, 0);
});

#[test]
fn clamd_addresses_are_read_as_the_readme_writes_them() {
    assert_eq!(Clamd::parse("off"), Ok(Clamd::Off));
    assert_eq!(
        Clamd::parse("unix:/run/clamav/clamd.ctl"),
        Ok(Clamd::Unix("/run/clamav/clamd.ctl".into()))
    );
    assert_eq!(
        Clamd::parse("tcp://127.0.0.1:3310"),
        Ok(Clamd::Tcp("127.0.0.1:3310".into()))
    );
    for bad in [
        "",
        "clamd",
        "unix:relative/path",
        "tcp://127.0.0.1",
        "tcp://:3310",
        "http://x:1",
    ] {
        assert!(Clamd::parse(bad).is_err(), "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_clamd_finds_the_test_virus_and_passes_clean_files() {
    tokio::time::timeout(Duration::from_secs(120), async {
        let daemon = daemon("scan").await;
        let clamd = &daemon.clamd;
        assert_eq!(
            scan(clamd, EICAR.as_bytes()).await.unwrap(),
            Some(Verdict::Infected("Hoering.Test.EICAR.UNOFFICIAL".into()))
        );
        // Inside a Word file (a zip) too: clamd unpacks it.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(EICAR.as_bytes()).unwrap();
        let docx = zip.finish().unwrap().into_inner();
        assert!(matches!(
            scan(clamd, &docx[..]).await.unwrap(),
            Some(Verdict::Infected(_))
        ));
        // A clean file of several chunks.
        let letter = "Kære Roskilde Kommune, vi har følgende bemærkninger. ".repeat(20_000);
        assert_eq!(
            scan(clamd, letter.as_bytes()).await.unwrap(),
            Some(Verdict::Clean)
        );
        // Scanning switched off says so instead of calling the file clean.
        assert_eq!(scan(&Clamd::Off, EICAR.as_bytes()).await.unwrap(), None);
    })
    .await
    .expect("the scans finish");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clamd_down_is_an_error_not_a_clean_file() {
    let gone = Clamd::Unix(std::env::temp_dir().join("hoering-no-clamd-here.sock"));
    assert!(matches!(
        scan(&gone, EICAR.as_bytes()).await,
        Err(ScanError::Unreachable(_))
    ));
    let closed = Clamd::Tcp("127.0.0.1:1".into());
    assert!(matches!(
        scan(&closed, &b"x"[..]).await,
        Err(ScanError::Unreachable(_))
    ));
    assert!(!ping(&gone).await);
}

both_engines!(
    the_records_and_the_case_archive_carry_each_file_and_its_hash,
    |engine| async move {
        let Some((_clamd, app)) = crate::clamd::app_with_clamd(engine, "records").await else {
            return;
        };
        let cookie = app.clerk_with_open_hearing(SLUG).await;
        let letter = letter();
        redirected(send(&app, &LEKTIECAFE, vec![("høringssvar.pdf", letter.clone())]).await).await;
        let hash = sha256(&letter);

        // The spreadsheet's last column: each file by name and hash.
        let csv = app
            .text_as(&format!("/admin/hoeringer/{SLUG}/svar.csv"), &cookie)
            .await;
        let header = csv.lines().next().unwrap();
        assert!(header.ends_with(";Bilag (SHA-256)"), "{header}");
        assert!(csv.contains(&format!("høringssvar.pdf ({hash})")), "{csv}");

        // The case system's archive holds the letter itself beside the response, listed with
        // its hash in the document, the CSV manifest and the JSON manifest.
        let bytes = app
            .download_as(&format!("/admin/hoeringer/{SLUG}/journal.zip"), &cookie)
            .await;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let manifest: serde_json::Value = {
            let mut text = String::new();
            std::io::Read::read_to_string(
                &mut archive.by_name("manifest.json").unwrap(),
                &mut text,
            )
            .unwrap();
            serde_json::from_str(&text).unwrap()
        };
        let listed = &manifest["documents"][0]["attachments"][0];
        assert_eq!(listed["name"], "høringssvar.pdf");
        assert_eq!(listed["sha256"], hash);
        let mut stored = Vec::new();
        std::io::Read::read_to_end(
            &mut archive.by_name(listed["file"].as_str().unwrap()).unwrap(),
            &mut stored,
        )
        .unwrap();
        assert_eq!(stored, letter, "the archive holds the file as it was sent");
        let mut document = String::new();
        std::io::Read::read_to_string(
            &mut archive
                .by_name(manifest["documents"][0]["file"].as_str().unwrap())
                .unwrap(),
            &mut document,
        )
        .unwrap();
        assert!(document.contains(&hash), "{document}");
        let mut manifest_csv = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("manifest.csv").unwrap(),
            &mut manifest_csv,
        )
        .unwrap();
        assert!(manifest_csv.contains(&hash), "{manifest_csv}");

        // The høringsnotat names the file beside its sender (who published their name).
        let docx = app
            .download_as(
                &format!("/admin/hoeringer/{SLUG}/hoeringsnotat.docx"),
                &cookie,
            )
            .await;
        let mut docx = zip::ZipArchive::new(std::io::Cursor::new(docx.to_vec())).unwrap();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut docx.by_name("word/document.xml").unwrap(), &mut body)
            .unwrap();
        assert!(
            body.contains("Jonas Berg, Roskilde Lektiecafé – bilag: høringssvar.pdf"),
            "{body}"
        );
    }
);
