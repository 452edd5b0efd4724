//! The høringsnotat over HTTP: clerks write bemærkninger on a response, a campaign group and a
//! change in the new version; the four-eyes rule and "all at once" publication hold; the
//! respondents are told; and the notat read back from the DOCX (its XML), the PDF (pdftotext),
//! the web page and the result page names respondents only as consent allows, keeps the
//! remarks in order, and never shows an e-mail address. The XLSX, CSV and the journal archive
//! carry every response with its journal number.

use crate::both_databases;
use crate::helpers::*;
use std::io::Read;

const CAMPAIGN: &str = "Vi ønsker flere timer til danskundervisning for voksne, også om aftenen, så man kan passe sit arbejde ved siden af.";

async fn id_of(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM responses WHERE email = $1 ORDER BY id")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
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

/// The clerk signed in as `cookie` sets response `id` aside as not relevant to the draft, so
/// the notat accounts for it without a bemærkning.
async fn set_aside_as_not_relevant(app: &TestApp, cookie: &str, id: i64) {
    app.post_as_ok(
        "/admin/hoeringer/politik/hoeringsnotat/til-side",
        cookie,
        &[("response", &id.to_string()), ("reason", "not_relevant")],
    )
    .await;
}

/// What the published notat shows, in this order, on its web page and in its PDF: the hearing,
/// the høringsliste alphabetically, and the remarks in order.
const IN_ORDER: [&str; 6] = [
    "Høringen",
    "Høringsliste",
    "Dansk Flygtningehjælp",
    "Ældresagen Roskilde",
    "Aftenundervisning hører under sprogcentrets budget",
    "Forvaltningen er enig",
];

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

/// Ends the hearing's window a minute ago (its responses were sent while it was open).
async fn close_hearing(app: &TestApp) {
    app.move_close("politik", -60).await;
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
        app.add_open_hearing_and_two_clerks("politik").await;
        let block = app.danish_item("politik").await;
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
            app.send_from(
                "politik",
                text,
                (name, email, kind, org),
                publication,
                block,
            )
            .await;
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
        let (clerk, second) = app.login_both_clerks().await;

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
        let r = app
            .write_remark(
                "politik",
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
        let body = refused_page(r).await;
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
        app.write_remark_ok(
            "politik",
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
        app.write_remark_ok(
            "politik",
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
            app.status("/hoeringer/politik/hoeringsnotat.docx").await,
            404
        );

        // The hearing is over: the notat may be published (see
        // publishing_waits_for_the_close_and_every_edition_is_frozen).
        close_hearing(&app).await;

        // Four eyes: the author cannot approve, and nothing is published while a draft remains.
        let ids: Vec<i64> = app.column("SELECT id FROM remarks ORDER BY id").await;
        assert!(
            app.post_as_refused(
                &format!("/admin/hoeringer/politik/bemaerkninger/{}/godkend", ids[0]),
                &clerk,
                &[("remark_id", &ids[0].to_string())],
            )
            .await
            .contains("Du har selv skrevet bemærkningen")
        );
        assert!(
            refused_page(app.publish_notat("politik", &clerk, &[]).await)
                .await
                .contains("Alle bemærkninger skal være godkendt")
        );
        for &id in &ids {
            app.approve_remark("politik", id, &second).await;
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
            .download_as("/admin/hoeringer/politik/hoeringsnotat.docx", &clerk)
            .await;
        assert!(unzip(&draft, "word/document.xml").contains("sprogcentrets budget"));

        // Kim Fjord's response gets no bemærkning: it is set aside with a reason, so the notat
        // accounts for it.
        let fjord = id_of(&app, "kontakt@fjord.dk").await;
        set_aside_as_not_relevant(&app, &clerk, fjord).await;
        redirected(app.publish_notat("politik", &clerk, &[]).await).await;
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
        let r = app
            .write_remark(
                "politik",
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
        in_order(&page, &IN_ORDER, "web notat");
        assert!(page.contains("Amina Hassan"), "named with consent");
        for hidden in ["Lars Holm", "Mette Berg", "Kim Fjord"] {
            assert!(!page.contains(hidden), "{hidden} asked not to be named");
        }
        no_address(&page, "web notat");

        // The DOCX: real headings in order, the list alphabetical, the remarks in order.
        let docx = app.get("/hoeringer/politik/hoeringsnotat.docx").await;
        assert_eq!(docx.status().as_u16(), 200);
        assert!(content_type(&docx).contains("wordprocessingml"));
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

        // The published edition is one document, in Danish, whoever reads it: a reader of the
        // Ukrainian pages downloads the same bytes.
        for file in ["hoeringsnotat.docx", "hoeringsnotat.pdf"] {
            let path = format!("/hoeringer/politik/{file}");
            let danish = app.get(&path).await.bytes().await.unwrap();
            let ukrainian = app.download_as(&path, "i18n_pref_locale=uk").await;
            assert_eq!(danish, ukrainian, "{file}: one edition for every reader");
        }
        // A clerk reading the Ukrainian pages gets the working draft with Ukrainian headings
        // and labels around the same text, in the DOCX and the PDF alike.
        let clerk_uk = format!("{clerk}; i18n_pref_locale=uk");
        let bytes = app
            .download_as("/admin/hoeringer/politik/hoeringsnotat.docx", &clerk_uk)
            .await;
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
            .download_as("/admin/hoeringer/politik/hoeringsnotat.pdf", &clerk_uk)
            .await;
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
                in_order(&text, &IN_ORDER, "pdf");
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
        app.write_remark_ok(
            "politik",
            &clerk,
            &[
                ("response", &fjord.to_string()),
                ("summary", "Et sent udkast om praktikpladser."),
                ("remark_text", "Endnu ikke godkendt."),
                ("outcome", "noted"),
            ],
        )
        .await;
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
        let bytes = app
            .download_as("/admin/hoeringer/politik/svar.xlsx", &clerk)
            .await;
        // Written in constant-memory mode: the cells' strings are inline in the sheet.
        let sheet = unzip(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("Journalnummer") && sheet.contains("24/1234-0005"));
        no_address(&all_parts(&bytes), "xlsx");
        // A clerk reading the English pages gets the records in English, same rows.
        let csv = app
            .text_as(
                "/admin/hoeringer/politik/svar.csv",
                &format!("{clerk}; i18n_pref_locale=en"),
            )
            .await;
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
        let bytes = app
            .download_as("/admin/hoeringer/politik/journal.zip", &clerk)
            .await;
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

/// SHA-256 of `bytes` as 64 lowercase hex digits, as the pages show it.
fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The three files of an edition (`None`: the latest) as downloaded: DOCX, PDF, the web body.
async fn edition_files(app: &TestApp, number: Option<i64>) -> [Vec<u8>; 3] {
    let base = match number {
        Some(n) => format!("/hoeringer/politik/hoeringsnotat/udgave/{n}"),
        None => "/hoeringer/politik".to_string(),
    };
    let mut files: [Vec<u8>; 3] = Default::default();
    for (i, ext) in ["docx", "pdf", "html"].iter().enumerate() {
        let r = app.get(&format!("{base}/hoeringsnotat.{ext}")).await;
        assert_eq!(r.status().as_u16(), 200, "{base} {ext}");
        files[i] = r.bytes().await.unwrap().to_vec();
    }
    files
}

/// Status and page exactly as served (Leptos's markers left in: the stored body has them).
async fn raw_page(app: &TestApp, path: &str) -> (u16, String) {
    let r = app.get(path).await;
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A clerk writes a bemærkning on response `id` and the second clerk approves it.
async fn answer(app: &TestApp, clerk: &str, second: &str, id: i64, remark: &str) {
    app.write_remark_ok(
        "politik",
        clerk,
        &[
            ("response", &id.to_string()),
            ("summary", "Et punkt fra høringen."),
            ("remark_text", remark),
            ("outcome", "noted"),
        ],
    )
    .await;
    let remark: i64 = app.scalar("SELECT MAX(id) FROM remarks").await;
    app.approve_remark("politik", remark, second).await;
}

both_databases!(
    two_clerks_publishing_at_once_make_one_edition_and_the_other_is_told,
    |app: TestApp| async move {
        app.add_open_hearing_and_two_clerks("politik").await;
        app.send_from(
            "politik",
            "Sprogundervisningen skal starte i vuggestuen.",
            ("Amina Hassan", "amina@example.dk", "private", ""),
            "with_name",
            "",
        )
        .await;
        app.publish_all().await;
        let clerk = app.login().await;
        let second = app.login_as(SECOND_CLERK).await;
        let amina = id_of(&app, "amina@example.dk").await;
        answer(&app, &clerk, &second, amina, "Forvaltningen er enig.").await;
        close_hearing(&app).await;

        // Both press "Offentliggør" at the same moment; each renders the notat before writing.
        let (a, b) = tokio::join!(
            app.publish_notat("politik", &clerk, &[("edition_reason", "")]),
            app.publish_notat("politik", &second, &[("edition_reason", "")])
        );
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        let texts = [
            strip(&a.text().await.unwrap()),
            strip(&b.text().await.unwrap()),
        ];
        statuses.sort_unstable();
        // Whichever came second is refused in words, never with a 500: the one that planned
        // edition 1 alongside is told another clerk just published; one that arrived after
        // the commit planned edition 2, which needs a reason.
        assert_eq!(statuses, [303, 422], "{texts:?}");
        assert!(
            texts.iter().any(|t| t
                .contains("En anden sagsbehandler har netop offentliggjort en udgave")
                || t.contains("Skriv, hvad der er ændret")),
            "the refused clerk is told why: {texts:?}"
        );
        let editions: i64 = app.scalar("SELECT COUNT(*) FROM notat_editions").await;
        assert_eq!(editions, 1);
        let told: i64 = app
            .scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'remarks_published'")
            .await;
        assert_eq!(told, 1, "the respondent is told once");
    }
);

both_databases!(
    publishing_waits_for_the_close_and_every_edition_is_frozen,
    |app: TestApp| async move {
        app.add_open_hearing_and_two_clerks("politik").await;
        #[rustfmt::skip]
        let responses = [
            ("Sprogundervisningen skal starte i vuggestuen.", ("Amina Hassan", "amina@example.dk", "private", "")),
            ("Flere praktikpladser, tak.", ("Kim Fjord", "kontakt@fjord.dk", "company", "Fjord ApS")),
        ];
        for (text, sender) in responses {
            app.send_named("politik", text, sender).await;
        }
        app.publish_all().await;
        let (clerk, second) = app.login_both_clerks().await;
        let amina = id_of(&app, "amina@example.dk").await;
        answer(&app, &clerk, &second, amina, "Forvaltningen er enig.").await;
        // Kim Fjord's response is set aside: every response is accounted for.
        let fjord = id_of(&app, "kontakt@fjord.dk").await;
        set_aside_as_not_relevant(&app, &clerk, fjord).await;

        // While the hearing is open the page says why there is no button, and the post itself
        // is refused in words (for a browser without JavaScript too).
        let page = app
            .page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
            .await;
        assert!(
            page.contains("Høringsnotatet kan offentliggøres, når høringen er slut."),
            "the reason is shown"
        );
        assert!(
            !page.contains("Offentliggør høringsnotatet</button>"),
            "no button"
        );
        let r = app
            .publish_notat("politik", &clerk, &[("edition_reason", "")])
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(
            strip(&r.text().await.unwrap())
                .contains("Høringsnotatet kan først offentliggøres, når høringen er slut.")
        );
        let editions: i64 = app.scalar("SELECT COUNT(*) FROM notat_editions").await;
        assert_eq!(editions, 0);
        let told: i64 = app
            .scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'remarks_published'")
            .await;
        assert_eq!(
            told, 0,
            "nobody is told the hearing is over while it is not"
        );
        let states: Vec<String> = app.column("SELECT state FROM remarks").await;
        assert_eq!(states, ["approved"]);
        assert_eq!(
            app.status("/hoeringer/politik/hoeringsnotat.pdf").await,
            404
        );

        // After the deadline: edition 1.
        close_hearing(&app).await;
        let page = app
            .page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
            .await;
        assert!(page.contains("Offentliggør høringsnotatet</button>"));
        redirected(
            app.publish_notat("politik", &clerk, &[("edition_reason", "")])
                .await,
        )
        .await;
        let mail: String = app
            .scalar("SELECT text_body FROM outbox WHERE kind = 'remarks_published'")
            .await;
        assert!(mail.contains("Høringen er slut"), "true now: {mail}");

        let first = edition_files(&app, None).await;
        let first_hashes: Vec<String> = first.iter().map(|f| sha256(f)).collect();
        assert!(first[0].starts_with(b"PK") && first[1].starts_with(b"%PDF-"));
        let xml = unzip(&first[0], "word/document.xml");
        assert!(
            xml.contains("Udgave 1 · Offentliggjort"),
            "the edition's byline"
        );
        assert!(
            !xml.contains("Udkast –") && !xml.contains("ikke offentliggjort"),
            "an edition is no draft"
        );
        // The page serves the stored body byte for byte, and shows each file's hash.
        let (status, raw) = raw_page(&app, "/hoeringer/politik/hoeringsnotat").await;
        assert_eq!(status, 200);
        let body = String::from_utf8(first[2].clone()).unwrap();
        assert!(body.contains("Forvaltningen er enig."));
        assert!(raw.contains(&body), "the web page is the stored body");
        for hash in &first_hashes {
            assert!(raw.contains(hash.as_str()), "hash {hash} shown");
        }
        assert!(strip(&raw).contains("Udgave 1"));
        let stored: (String, String, String) = app
            .row("SELECT docx_sha256, pdf_sha256, html_sha256 FROM notat_editions WHERE number = 1")
            .await;
        assert_eq!(
            [stored.0, stored.1, stored.2].to_vec(),
            first_hashes,
            "the stored hashes are the downloads'"
        );
        // The clerk's download, unchanged since, is the edition itself, not a draft.
        let clerks = app
            .download_as("/admin/hoeringer/politik/hoeringsnotat.docx", &clerk)
            .await;
        assert_eq!(sha256(&clerks), first_hashes[0]);
        let clerks_pdf = app
            .download_as("/admin/hoeringer/politik/hoeringsnotat.pdf", &clerk)
            .await;
        assert_eq!(
            sha256(&clerks_pdf),
            first_hashes[1],
            "the clerk's PDF is the edition"
        );

        // A response arriving later (the deadline moved for it) changes no published byte.
        app.move_close("politik", 86_400).await;
        app.send_named(
            "politik",
            "Et sent svar om lektiecaféer.",
            ("Mette Berg", "mette@example.dk", "private", ""),
        )
        .await;
        app.publish_all().await;
        close_hearing(&app).await;
        let again = edition_files(&app, None).await;
        for (i, file) in again.iter().enumerate() {
            assert_eq!(sha256(file), first_hashes[i], "file {i} unchanged");
        }
        let (_, raw) = raw_page(&app, "/hoeringer/politik/hoeringsnotat").await;
        assert!(raw.contains(&body) && !raw.contains("lektiecaféer"));
        let result = app.page_ok("/hoeringer/politik/resultat").await;
        assert!(result.contains("Forvaltningen er enig."));
        // The clerk's working draft now differs, and says it is the draft of edition 2.
        let draft = app
            .download_as("/admin/hoeringer/politik/hoeringsnotat.docx", &clerk)
            .await;
        assert!(unzip(&draft, "word/document.xml").contains("Udkast til udgave 2"));

        // Edition 2 must say what changed and why.
        let mette = id_of(&app, "mette@example.dk").await;
        answer(
            &app,
            &clerk,
            &second,
            mette,
            "Lektiecaféer indgår i handleplanen.",
        )
        .await;
        let r = app
            .publish_notat("politik", &clerk, &[("edition_reason", "  ")])
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Skriv, hvad der er ændret"));
        const REASON: &str = "Et høringssvar modtaget efter fristforlængelsen er taget med.";
        redirected(
            app.publish_notat("politik", &clerk, &[("edition_reason", REASON)])
                .await,
        )
        .await;
        let revised: String = app
            .scalar("SELECT text_body FROM outbox WHERE kind = 'notat_revised'")
            .await;
        assert!(
            revised.contains("revideret udgave af høringsnotatet, udgave 2")
                && revised.contains(REASON)
                && !revised.contains("Høringen er slut"),
            "{revised}"
        );
        let told: Vec<String> = app
            .column("SELECT recipient FROM outbox WHERE kind = 'notat_revised'")
            .await;
        assert_eq!(told, ["mette@example.dk"], "the newly answered respondent");

        let second_files = edition_files(&app, None).await;
        let second_hashes: Vec<String> = second_files.iter().map(|f| sha256(f)).collect();
        assert_ne!(second_hashes, first_hashes);
        let page = app.page_ok("/hoeringer/politik/hoeringsnotat").await;
        assert!(page.contains("Revideret høringsnotat, udgave 2"));
        assert!(page.contains(REASON));
        assert!(page.contains("Lektiecaféer indgår i handleplanen."));
        for hash in &second_hashes {
            assert!(page.contains(hash.as_str()));
        }
        assert!(
            page.contains("/hoeringer/politik/hoeringsnotat/udgave/1\""),
            "edition 1 listed"
        );
        assert!(
            page.contains("/hoeringer/politik/hoeringsnotat/udgave/2\""),
            "edition 2 listed"
        );
        let xml = unzip(&second_files[0], "word/document.xml");
        assert!(xml.contains("Udgave 2 · Offentliggjort") && !xml.contains("ikke offentliggjort"));

        // Edition 1 stays readable at its own address, byte for byte.
        let old = edition_files(&app, Some(1)).await;
        for (i, file) in old.iter().enumerate() {
            assert_eq!(sha256(file), first_hashes[i], "edition 1 file {i}");
        }
        let (status, raw) = raw_page(&app, "/hoeringer/politik/hoeringsnotat/udgave/1").await;
        assert_eq!(status, 200);
        assert!(raw.contains(&body));
        assert!(strip(&raw).contains("Dette er udgave 1, som senere er erstattet af udgave 2."));
        for hash in &first_hashes {
            assert!(raw.contains(hash.as_str()));
        }
        assert_eq!(
            app.status("/hoeringer/politik/hoeringsnotat/udgave/3")
                .await,
            404
        );
        assert_eq!(
            app.status("/hoeringer/politik/hoeringsnotat/udgave/3/hoeringsnotat.pdf")
                .await,
            404
        );

        // Journaled, with the hashes and the reason; and an edition cannot be changed.
        let journal: Vec<(Option<String>, Option<String>)> = app
            .rows("SELECT before, after FROM journal WHERE action = 'notat_edition_published' ORDER BY id")
            .await;
        assert_eq!(journal.len(), 2);
        let after: serde_json::Value =
            serde_json::from_str(journal[1].1.as_deref().unwrap()).unwrap();
        assert_eq!(after["edition"], 2);
        assert_eq!(after["reason"], REASON);
        assert_eq!(after["docx_sha256"], second_hashes[0].as_str());
        assert_eq!(after["pdf_sha256"], second_hashes[1].as_str());
        assert_eq!(after["html_sha256"], second_hashes[2].as_str());
        assert_eq!(journal[1].0.as_deref(), Some("1"));
        assert!(
            sqlx::query("UPDATE notat_editions SET reason = 'x'")
                .execute(&app.db.pool)
                .await
                .is_err(),
            "an edition never changes"
        );
        assert!(
            sqlx::query("DELETE FROM notat_editions")
                .execute(&app.db.pool)
                .await
                .is_err()
        );
    }
);
