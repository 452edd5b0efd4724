//! The høringsnotat over HTTP: clerks write bemærkninger on a response, a campaign group and a
//! change in the new version; the four-eyes rule and "all at once" publication hold; the
//! respondents are told; and the notat read back from the DOCX (its XML), the PDF (pdftotext),
//! the web page and the result page names respondents only as consent allows, keeps the
//! remarks in order, and never shows an e-mail address. The XLSX, CSV and the journal archive
//! carry every response with its journal number.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;
use std::io::Read;

const SECOND_CLERK: &str = "anden@roskilde.example";
const CAMPAIGN: &str = "Vi ønsker flere timer til danskundervisning for voksne, også om aftenen, så man kan passe sit arbejde ved siden af.";

#[allow(clippy::too_many_arguments)]
async fn send(
    app: &TestApp,
    text: &str,
    name: &str,
    email: &str,
    kind: &str,
    org: &str,
    publication: &str,
    block: &str,
) {
    let r = app
        .post_form(
            "/hoeringer/politik/svar",
            &[
                ("text", text),
                ("name", name),
                ("email", email),
                ("sender_kind", kind),
                ("organisation", org),
                ("publication", publication),
                ("block", block),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "response accepted");
}

/// A clerk writes a bemærkning, or changes one.
async fn write_remark(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_as("/admin/hoeringer/politik/bemaerkninger", cookie, form)
        .await
}

async fn id_of(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM responses WHERE email = $1 ORDER BY id")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut file = archive.by_name(name).expect(name);
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8");
    text
}

fn all_parts(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        all.push_str(&text);
    }
    all
}

/// Positions of `needles` in `hay`, asserting each is there and they come in this order.
fn in_order(hay: &str, needles: &[&str], what: &str) {
    let mut from = 0;
    for n in needles {
        let at = hay[from..]
            .find(n)
            .unwrap_or_else(|| panic!("{what}: {n:?} missing after byte {from}"));
        from += at + n.len();
    }
}

fn no_address(text: &str, what: &str) {
    for address in [
        "amina@example.dk",
        "lars@example.dk",
        "kontakt@fjord.dk",
        "@example.dk",
        "dansk@forening.dk",
    ] {
        assert!(
            !text.contains(address),
            "{what} shows an e-mail address {address}"
        );
    }
}

both_databases!(
    the_notat_is_written_approved_published_and_read_back_from_every_format,
    |app: TestApp| async move {
        app.add_open_hearing("politik").await;
        app.add_clerk().await;
        app.add_user(SECOND_CLERK, Role::Clerk).await;
        let block = app
            .block_number(
                "politik",
                "flere børn med minoritetsbaggrund skal lære dansk",
            )
            .await;
        const AMINA: &str = "Sprogundervisningen skal starte allerede i vuggestuen.";
        const FJORD: &str = "Virksomhederne vil gerne tage flere praktikanter.";
        #[rustfmt::skip]
        let responses = [
            (AMINA, "Amina Hassan", "amina@example.dk", "private", "", "with_name", block.as_str()),
            (CAMPAIGN, "Lars Holm", "lars@example.dk", "private", "", "anonymous", ""),
            (CAMPAIGN, "Mette Berg", "mette@example.dk", "private", "", "anonymous", ""),
            (CAMPAIGN, "Jonas Lund", "jonas@example.dk", "private", "", "anonymous", ""),
            (FJORD, "Kim Fjord", "kontakt@fjord.dk", "company", "Fjord ApS", "not_published", ""),
        ];
        for (text, name, email, kind, org, publication, block) in responses {
            send(&app, text, name, email, kind, org, publication, block).await;
        }
        app.publish_all().await;
        let hearing: i64 = app
            .scalar("SELECT id FROM hearings WHERE slug = 'politik'")
            .await;
        for (org, email, answered) in [
            ("Ældresagen Roskilde", "post@aeldre.dk", true),
            ("Dansk Flygtningehjælp", "dansk@forening.dk", false),
        ] {
            sqlx::query("INSERT INTO hearing_parties (hearing_id, organisation, email, kind, token, created_at, invited_at, answered_at) VALUES ($1, $2, $3, 'association', $4, 0, 1, $5)")
                .bind(hearing).bind(org).bind(email).bind(format!("token-{email}")).bind(answered.then_some(2_i64))
                .execute(&app.db.pool).await.unwrap();
        }
        // The draft changes after the hearing: the paragraph Amina answered.
        let edited = POLICY.replace(
            "skal lære dansk før skolestart",
            "skal lære dansk allerede fra vuggestuen",
        );
        assert_ne!(edited, POLICY, "the fixture has the sentence to change");
        server::version::db::add_version(&app.db.pool, "politik", "Efter høringen", "", &edited)
            .await
            .unwrap();

        let amina = id_of(&app, "amina@example.dk").await;
        let lars = id_of(&app, "lars@example.dk").await;
        // Lars wrote from the Ukrainian pages (the intake keeps the page's language; see
        // a_withheld_response_is_told_in_the_senders_language_not_the_clerks).
        sqlx::query("UPDATE responses SET lang = 'uk' WHERE id = $1")
            .bind(lars)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let clerk = app.login().await;
        let second = app.login_as(SECOND_CLERK).await;

        // The editor offers the changed block of version 2.
        let editor = app
            .page_as(
                &format!("/admin/hoeringer/politik/bemaerkning?svar={amina}"),
                &clerk,
            )
            .await;
        let marker = "option value=\"2|";
        let at = editor.find(marker).expect("a change to pick") + "option value=\"".len();
        let change = editor[at..].split('"').next().unwrap().to_string();

        // A mistake keeps what was typed and says what is missing.
        let r = write_remark(
            &app,
            &clerk,
            &[
                ("response", &amina.to_string()),
                ("summary", ""),
                ("remark_text", "Kommunen er enig."),
                ("outcome", "change"),
                ("change", ""),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 422);
        let body = strip(&r.text().await.unwrap());
        assert!(
            body.contains("Skriv kort, hvad der blev sagt"),
            "summary error shown"
        );
        assert!(
            body.contains("Vælg det afsnit i den nye version"),
            "change error shown"
        );
        assert!(
            body.contains("Kommunen er enig."),
            "the typed remark is kept"
        );

        let section = block.split('.').next().unwrap().to_string();
        let r = write_remark(
            &app,
            &clerk,
            &[
                ("response", &amina.to_string()),
                ("section", &section),
                ("summary", "Ønsker sprogindsats allerede i vuggestuen."),
                (
                    "remark_text",
                    "Forvaltningen er enig, og målsætningen er skærpet.",
                ),
                ("outcome", "change"),
                ("change", &change),
            ],
        )
        .await;
        assert_eq!(
            r.status().as_u16(),
            303,
            "{}",
            r.text().await.unwrap_or_default()
        );
        let r = write_remark(
            &app,
            &clerk,
            &[
                ("response", &lars.to_string()),
                ("group", "1"),
                ("section", ""),
                (
                    "summary",
                    "Ønsker flere timer til danskundervisning om aftenen.",
                ),
                (
                    "remark_text",
                    "Aftenundervisning hører under sprogcentrets budget og behandles der.",
                ),
                ("outcome", "no_change"),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        let members: i64 = app.scalar("SELECT COUNT(*) FROM remark_responses").await;
        assert_eq!(members, 4, "one for Amina, three for the campaign");

        // Nothing is public yet.
        let (status, page) = app.get_text("/hoeringer/politik/hoeringsnotat").await;
        assert_eq!(status, 200);
        assert!(strip(&page).contains("ikke offentliggjort endnu"));
        assert!(
            !page.contains("sprogcentrets budget"),
            "drafts stay private"
        );
        assert_eq!(
            app.get("/hoeringer/politik/hoeringsnotat.docx")
                .await
                .status()
                .as_u16(),
            404
        );

        // Four eyes: the author cannot approve, and nothing is published while a draft remains.
        let ids: Vec<i64> = app.column("SELECT id FROM remarks ORDER BY id").await;
        let r = app
            .post_as(
                &format!("/admin/hoeringer/politik/bemaerkninger/{}/godkend", ids[0]),
                &clerk,
                &[("remark_id", &ids[0].to_string())],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Du har selv skrevet bemærkningen"));
        let r = app
            .post_as(
                "/admin/hoeringer/politik/hoeringsnotat/offentliggoer",
                &clerk,
                &[],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Alle bemærkninger skal være godkendt"));
        for id in &ids {
            app.post_as_ok(
                &format!("/admin/hoeringer/politik/bemaerkninger/{id}/godkend"),
                &second,
                &[],
            )
            .await;
        }
        app.post_as_ok(
            "/admin/hoeringer/politik/hoeringsnotat/sag",
            &clerk,
            &[
                ("case_number", "24/1234"),
                ("announced", "På roskilde.dk og i Roskilde Avis 3. marts"),
            ],
        )
        .await;

        // The clerks' draft download works before publication.
        let draft = app
            .get_with_cookie("/admin/hoeringer/politik/hoeringsnotat.docx", &clerk)
            .await;
        assert_eq!(draft.status().as_u16(), 200);
        assert!(
            unzip(&draft.bytes().await.unwrap(), "word/document.xml")
                .contains("sprogcentrets budget")
        );

        app.post_as_ok(
            "/admin/hoeringer/politik/hoeringsnotat/offentliggoer",
            &clerk,
            &[],
        )
        .await;
        let told: Vec<String> = app
            .column(
                "SELECT recipient FROM outbox WHERE kind = 'remarks_published' ORDER BY recipient",
            )
            .await;
        assert_eq!(
            told,
            [
                "amina@example.dk",
                "jonas@example.dk",
                "lars@example.dk",
                "mette@example.dk"
            ],
            "each answered sender once; not the unanswered company"
        );
        let mail: String = app.scalar("SELECT text_body FROM outbox WHERE kind = 'remarks_published' AND recipient = 'amina@example.dk'").await;
        assert!(mail.contains("/hoeringer/politik/resultat"));
        assert!(
            mail.contains("Se hvad vi gjorde"),
            "Amina wrote in Danish: {mail}"
        );
        let mail: String = sqlx::query_scalar("SELECT text_body FROM outbox WHERE kind = 'remarks_published' AND recipient = 'lars@example.dk'")
            .fetch_one(&app.db.pool).await.unwrap();
        assert!(
            mail.contains("Подивитися, що ми зробили") && !mail.contains("Se hvad vi gjorde"),
            "Lars wrote in Ukrainian, the clerk reads Danish: {mail}"
        );
        let states: Vec<String> = app.column("SELECT state FROM remarks").await;
        assert!(states.iter().all(|s| s == "published"));
        // Published is final.
        let r = write_remark(
            &app,
            &clerk,
            &[
                ("remark", &ids[0].to_string()),
                ("summary", "x"),
                ("remark_text", "Ny tekst"),
                ("outcome", "noted"),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 422);

        // The web page.
        let page = app.page_ok("/hoeringer/politik/hoeringsnotat").await;
        in_order(
            &page,
            &[
                "Høringen",
                "Høringsliste",
                "Dansk Flygtningehjælp",
                "Ældresagen Roskilde",
                "Aftenundervisning hører under sprogcentrets budget",
                "Forvaltningen er enig",
            ],
            "web notat",
        );
        assert!(page.contains("Amina Hassan"), "named with consent");
        for hidden in ["Lars Holm", "Mette Berg", "Kim Fjord"] {
            assert!(!page.contains(hidden), "{hidden} asked not to be named");
        }
        no_address(&page, "web notat");

        // The DOCX: real headings in order, the list alphabetical, the remarks in order.
        let docx = app.get("/hoeringer/politik/hoeringsnotat.docx").await;
        assert_eq!(docx.status().as_u16(), 200);
        assert!(
            docx.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains("wordprocessingml")
        );
        let bytes = docx.bytes().await.unwrap();
        let xml = unzip(&bytes, "word/document.xml");
        assert!(xml.contains("w:val=\"Heading1\""), "real heading styles");
        assert!(unzip(&bytes, "word/styles.xml").contains("w:styleId=\"Heading1\""));
        in_order(
            &xml,
            &[
                "Høringen",
                "Høringsliste",
                "Dansk Flygtningehjælp",
                "Ældresagen Roskilde",
                "Sammenfatning",
                "Aftenundervisning hører under sprogcentrets budget",
                "Forvaltningen er enig",
                "Ændringer",
            ],
            "docx",
        );
        assert!(xml.contains("Amina Hassan"));
        assert!(!xml.contains("Lars Holm") && !xml.contains("Kim Fjord"));
        no_address(&all_parts(&bytes), "docx");

        // A reader of the Ukrainian pages gets the DOCX and the PDF with Ukrainian headings
        // and labels around the same text.
        let docx = app
            .get_with_cookie(
                "/hoeringer/politik/hoeringsnotat.docx",
                "i18n_pref_locale=uk",
            )
            .await;
        assert_eq!(docx.status().as_u16(), 200);
        let bytes = docx.bytes().await.unwrap();
        let xml = unzip(&bytes, "word/document.xml");
        in_order(
            &xml,
            &[
                "Звіт про обговорення",
                "Зміст",
                "Список запрошених сторін",
                "Dansk Flygtningehjælp",
                "Підсумок",
                "Відгуки та коментарі",
                "Що було сказано",
                "Aftenundervisning hører under sprogcentrets budget",
                "Зміни до проєкту",
            ],
            "Ukrainian docx",
        );
        for danish in ["Høringsliste", "Sammenfatning", "Hvad blev sagt", "Indhold"] {
            assert!(!xml.contains(danish), "{danish} in the Ukrainian docx");
        }
        assert!(unzip(&bytes, "docProps/core.xml").contains("<dc:language>uk-UA</dc:language>"));
        assert!(unzip(&bytes, "word/footer1.xml").contains("Сторінка "));
        let pdf = app
            .get_with_cookie(
                "/hoeringer/politik/hoeringsnotat.pdf",
                "i18n_pref_locale=uk",
            )
            .await;
        assert_eq!(pdf.status().as_u16(), 200);
        let pdf = pdf.bytes().await.unwrap();
        assert!(String::from_utf8_lossy(&pdf).contains("/Lang(uk-UA)"));

        // The PDF, read back as text.
        let pdf = app.get("/hoeringer/politik/hoeringsnotat.pdf").await;
        assert_eq!(pdf.status().as_u16(), 200);
        let bytes = pdf.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let path = std::env::temp_dir().join(format!("notat-{}.pdf", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        match std::process::Command::new("pdftotext")
            .arg("-layout")
            .arg(&path)
            .arg("-")
            .output()
        {
            Ok(out) if out.status.success() => {
                let text = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                in_order(
                    &text,
                    &[
                        "Høringen",
                        "Høringsliste",
                        "Dansk Flygtningehjælp",
                        "Ældresagen Roskilde",
                        "Aftenundervisning hører under sprogcentrets budget",
                        "Forvaltningen er enig",
                    ],
                    "pdf",
                );
                assert!(text.contains("Amina Hassan"));
                assert!(
                    !text.contains("Lars Holm") && !text.contains('@'),
                    "pdf: {text}"
                );
            }
            _ => panic!(
                "pdftotext (Debian's poppler-utils) is needed to read the PDF back; .ci/setup installs it"
            ),
        }
        let _ = std::fs::remove_file(&path);

        // "I sagde – vi gjorde".
        let result = app.page_ok("/hoeringer/politik/resultat").await;
        assert!(result.contains("I sagde – vi gjorde"));
        assert!(result.contains("3 ens svar"), "the campaign is shown");
        assert!(
            result.contains("Forvaltningen er enig"),
            "the published answer"
        );
        assert!(
            result.contains("allerede fra vuggestuen"),
            "the change in the draft"
        );
        no_address(&result, "result page");

        // A draft written after publication stays private, summary and all.
        let fjord = id_of(&app, "kontakt@fjord.dk").await;
        let r = write_remark(
            &app,
            &clerk,
            &[
                ("response", &fjord.to_string()),
                ("summary", "Et sent udkast om praktikpladser."),
                ("remark_text", "Endnu ikke godkendt."),
                ("outcome", "noted"),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        let (_, page) = app.get_text("/hoeringer/politik/hoeringsnotat").await;
        assert!(!page.contains("Et sent udkast") && !page.contains("Endnu ikke godkendt"));
        let (_, result) = app.get_text("/hoeringer/politik/resultat").await;
        assert!(!result.contains("Et sent udkast"));

        // The records: CSV and XLSX, with journal numbers from the case number, no addresses.
        let anonymous = app.get("/admin/hoeringer/politik/svar.csv").await;
        assert_eq!(anonymous.status().as_u16(), 303, "staff only");
        let csv = app
            .get_with_cookie("/admin/hoeringer/politik/svar.csv", &clerk)
            .await;
        assert_eq!(csv.status().as_u16(), 200);
        let csv = csv.text().await.unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert!(
            lines[0]
                .trim_start_matches('\u{feff}')
                .starts_with("Journalnummer;Kvitteringsnummer;Modtaget")
        );
        assert_eq!(lines.len(), 6, "a header and five responses");
        assert!(lines[1].starts_with("24/1234-0001;"));
        assert!(csv.contains("Giver anledning til ændring (version 2"));
        assert!(csv.contains("Fjord ApS"));
        no_address(&csv, "csv");
        let xlsx = app
            .get_with_cookie("/admin/hoeringer/politik/svar.xlsx", &clerk)
            .await;
        assert_eq!(xlsx.status().as_u16(), 200);
        let bytes = xlsx.bytes().await.unwrap();
        let strings = unzip(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("Journalnummer") && strings.contains("24/1234-0005"));
        no_address(&all_parts(&bytes), "xlsx");
        // A clerk reading the English pages gets the records in English, same rows.
        let csv = app
            .get_with_cookie(
                "/admin/hoeringer/politik/svar.csv",
                &format!("{clerk}; i18n_pref_locale=en"),
            )
            .await
            .text()
            .await
            .unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert!(
            lines[0]
                .trim_start_matches('\u{feff}')
                .starts_with("Journal number;Receipt number;Received;Status"),
            "{}",
            lines[0]
        );
        assert_eq!(lines.len(), 6);
        assert!(lines[1].starts_with("24/1234-0001;"));
        assert!(!csv.contains("Offentliggjort") && !csv.contains("Med navn"));

        // The archive for the case system: a file per response and a manifest, journaled.
        let zip = app
            .get_with_cookie("/admin/hoeringer/politik/journal.zip", &clerk)
            .await;
        assert_eq!(zip.status().as_u16(), 200);
        let bytes = zip.bytes().await.unwrap();
        let manifest: serde_json::Value =
            serde_json::from_str(&unzip(&bytes, "manifest.json")).unwrap();
        let docs = manifest["documents"].as_array().unwrap();
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0]["journal_number"], "24/1234-0001");
        let first = unzip(&bytes, docs[0]["file"].as_str().unwrap());
        assert!(first.contains("Journalnummer: 24/1234-0001") && first.contains("vuggestuen"));
        let exported: i64 = app
            .scalar("SELECT COUNT(*) FROM journal WHERE action = 'archive_exported'")
            .await;
        assert_eq!(exported, 1);
    }
);
