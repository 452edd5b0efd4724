//! Personal data in responses over HTTP: the core flags it on the clerk's queue, a CPR number
//! is never published without a redaction or an explicit (journaled) confirmation, a redacted
//! passage reaches no public page and no API, the original is read by clerks only and every
//! reading is journaled, and a withheld response's sender is told why.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;

const CPR: &str = "010190-1234";
const TEXT: &str =
    "Min søn har CPR-nummer 010190-1234 og venter på sprogskole. Ring på 23 45 67 89.";

/// The hearing with one pending response holding a CPR number and a phone number, and the
/// clerk logged in: the response's id and the clerk's session cookie.
async fn sent(app: &TestApp) -> (i64, String) {
    app.add_open_hearing_and_clerk("politik").await;
    app.respond_ok("politik", "", TEXT).await;
    (
        app.scalar("SELECT id FROM responses").await,
        app.login().await,
    )
}

async fn moderate(
    app: &TestApp,
    cookie: &str,
    id: i64,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let fields = [&[("back", "/admin/hoeringer/politik")][..], form].concat();
    app.post_as(&format!("/admin/svar/{id}"), cookie, &fields)
        .await
}

async fn redact(app: &TestApp, cookie: &str, id: i64, form: &[(&str, &str)]) -> reqwest::Response {
    let fields = [&[("back", "/admin/hoeringer/politik")][..], form].concat();
    app.post_as(&format!("/admin/svar/{id}/skjul"), cookie, &fields)
        .await
}

async fn journal(app: &TestApp, id: i64) -> Vec<String> {
    app.column_with(
        "SELECT action FROM journal WHERE subject = 'response' AND subject_id = $1 ORDER BY id",
        id,
    )
    .await
}

both_databases!(
    a_redacted_cpr_number_never_reaches_the_public_and_the_original_is_read_on_the_record,
    |app: TestApp| async move {
        let (id, clerk) = sent(&app).await;
        let queue = app.page_as("/admin/hoeringer/politik", &clerk).await;
        assert!(queue.contains("Mulige personoplysninger"), "{queue}");
        assert!(queue.contains(&format!("CPR-nummer: <mark>{CPR}</mark>")));
        assert!(queue.contains("Telefonnummer: <mark>23 45 67 89</mark>"));

        // A plain "publish" is refused while the CPR number stands.
        let r = moderate(&app, &clerk, id, &[("status", "published")]).await;
        assert!(
            refused_page(r)
                .await
                .contains("Svaret indeholder et CPR-nummer")
        );
        let status: String = app.scalar("SELECT status FROM responses").await;
        assert_eq!(status, "pending");

        // One click on the flag redacts it; a flag that no longer stands there redacts nothing.
        let flag = hoering::privacy::detect(TEXT)
            .into_iter()
            .find(|f| f.kind == hoering::privacy::FlagKind::Cpr)
            .unwrap();
        let (start, end) = (flag.start.to_string(), flag.end.to_string());
        let click = [
            ("start", start.as_str()),
            ("end", end.as_str()),
            ("flagged", CPR),
        ];
        assert_eq!(
            redact(&app, &clerk, id, &click).await.status().as_u16(),
            303
        );
        assert_eq!(
            redact(&app, &clerk, id, &click).await.status().as_u16(),
            409
        );
        // A typed passage too; words that are not in the response are refused, kept, explained.
        let r = redact(&app, &clerk, id, &[("passage", "ring på 99 99 99 99")]).await;
        let body = refused_page(r).await;
        assert!(body.contains("Passagen står ikke i svaret"));
        assert!(body.contains("value=\"ring på 99 99 99 99\""));
        assert_eq!(
            redact(&app, &clerk, id, &[("passage", "ring  PÅ 23 45 67 89")])
                .await
                .status()
                .as_u16(),
            303
        );
        let (text, original): (String, Option<String>) =
            app.row("SELECT text, original_text FROM responses").await;
        assert_eq!(
            text,
            "Min søn har CPR-nummer [skjult] og venter på sprogskole. [skjult]."
        );
        assert_eq!(original.as_deref(), Some(TEXT), "the text as sent is kept");

        assert_eq!(
            moderate(&app, &clerk, id, &[("status", "published")])
                .await
                .status()
                .as_u16(),
            303
        );
        // Nowhere public: the hearing page, the API, the feed, the search engines' view.
        for path in [
            "/hoeringer/politik?vis=hele",
            "/api/v1/hearings/politik/responses",
            "/api/v1/hearings/politik",
        ] {
            let (status, body) = app.get_text(path).await;
            assert_eq!(status, 200, "{path}");
            assert!(
                !body.contains(CPR) && !body.contains("23 45 67 89"),
                "{path}: {body}"
            );
        }
        assert!(
            app.page("/hoeringer/politik?vis=hele")
                .await
                .contains("[skjult]")
        );

        // The original: clerks only, and each reading is journaled with who read it.
        let original_page = format!("/admin/svar/{id}/original");
        let r = app.get(&original_page).await;
        assert_eq!(r.status().as_u16(), 303, "no session: to the login page");
        assert!(!r.text().await.unwrap().contains(CPR));
        let member = app.council_member("raad@raadet.example").await;
        let r = app.get_with_cookie(&original_page, &member).await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(!r.text().await.unwrap().contains(CPR));
        let r = app
            .post_form_with_cookie("/_fn/admin_original", &member, &[("id", &id.to_string())])
            .await;
        assert_eq!(r.status().as_u16(), 403);
        assert_eq!(
            journal(&app, id).await,
            ["redacted", "redacted", "status_changed"],
            "refused readings read nothing"
        );
        let r = app.get_with_cookie(&original_page, &clerk).await;
        assert_eq!(r.status().as_u16(), 200);
        let page = strip(&r.text().await.unwrap());
        assert!(page.contains(CPR), "the clerk reads the original");
        assert!(page.contains("Originalen læst"));
        let (actor, before, after): (String, Option<String>, Option<String>) = app
            .row(
                "SELECT u.email, j.before, j.after FROM journal j JOIN users u ON u.id = j.actor_id
             WHERE j.action = 'original_read'",
            )
            .await;
        assert_eq!(actor, CLERK_EMAIL);
        assert_eq!((before, after), (None, None));
        // The journal never keeps what was redacted, and it cannot be changed or emptied.
        let kept: Vec<String> = app
            .column("SELECT COALESCE(before, '') || ' ' || COALESCE(after, '') FROM journal")
            .await;
        assert!(kept.iter().all(|k| !k.contains(CPR)), "{kept:?}");
        assert!(
            sqlx::query("UPDATE journal SET action = 'nothing'")
                .execute(&app.db.pool)
                .await
                .is_err()
        );
        assert!(
            sqlx::query("DELETE FROM journal")
                .execute(&app.db.pool)
                .await
                .is_err()
        );
        assert_eq!(journal(&app, id).await.len(), 4);
    }
);

both_databases!(
    a_cpr_number_is_published_only_when_a_clerk_confirms_it,
    |app: TestApp| async move {
        let (id, clerk) = sent(&app).await;
        let confirmed = [("status", "published"), ("confirm_cpr", "on")];
        redirected(moderate(&app, &clerk, id, &confirmed).await).await;
        assert_eq!(journal(&app, id).await, ["status_changed", "cpr_confirmed"]);
        assert!(app.page("/hoeringer/politik?vis=hele").await.contains(CPR));
    }
);

both_databases!(
    a_withheld_response_needs_a_reason_and_its_sender_is_told,
    |app: TestApp| async move {
        let (id, clerk) = sent(&app).await;
        let without_reason = [("status", "withheld"), ("reason", "  ")];
        let r = moderate(&app, &clerk, id, &without_reason).await;
        assert!(refused_page(r).await.contains("Skriv begrundelsen"));
        const WHY: &str = "Svaret indeholder oplysninger om en navngiven borgers helbred.";
        redirected(moderate(&app, &clerk, id, &[("status", "withheld"), ("reason", WHY)]).await)
            .await;
        let (to, body): (String, String) = app
            .row("SELECT recipient, text_body FROM outbox WHERE kind = 'withheld'")
            .await;
        assert_eq!(to, "amina@example.dk");
        assert!(body.contains(WHY) && body.contains("/kvittering/"));
        let queue = app
            .page_as("/admin/hoeringer/politik?status=withheld", &clerk)
            .await;
        assert!(queue.contains(WHY));
        assert_eq!(journal(&app, id).await, ["status_changed"]);
    }
);

both_databases!(
    everything_said_about_a_paragraph_is_on_its_page_for_clerks_only,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        let block = app.danish_item("politik").await;
        app.respond_ok("politik", &block, "Privat: mere sprogstøtte i børnehaven.")
            .await;
        let fields = [
            ("text", "Foreningen: tilbyd lektiehjælp."),
            ("block", &block),
        ];
        app.respond_with_ok("politik", &[&LEKTIECAFE[..], &fields].concat())
            .await;
        app.respond_ok("politik", "", "Om hele udkastet.").await;
        // A council member's comment on the same paragraph.
        app.add_user("raad@raadet.example", Role::Council).await;
        server::council::add_member(
            &app.db.pool,
            "integrationsraadet",
            "raad@raadet.example",
            true,
        )
        .await
        .unwrap();
        let (hearing_id, clerk_id): (i64, i64) = app.row_with("SELECT h.id, u.id FROM hearings h, users u WHERE h.slug = 'politik' AND u.email = $1", CLERK_EMAIL).await;
        let today = hoering::calendar::today().to_string();
        let council_id: i64 = app.scalar("SELECT id FROM councils").await;
        server::council::db::open_round(
            &app.db.pool,
            hearing_id,
            council_id,
            &today,
            &today,
            clerk_id,
        )
        .await
        .unwrap();
        let round = server::council::db::round(&app.db.pool, "politik", "integrationsraadet")
            .await
            .unwrap()
            .unwrap();
        let member: i64 = app
            .scalar("SELECT id FROM users WHERE email = 'raad@raadet.example'")
            .await;
        let comment = hoering::council::CommentFields {
            block: block.clone(),
            quote: String::new(),
            text: "Rådet: tolkning til forældremøder.".into(),
            reply_to: String::new(),
        }
        .parse()
        .unwrap();
        server::council::db::add_comment(&app.db.pool, round.id, member, &comment)
            .await
            .unwrap();

        let page = format!("/admin/hoeringer/politik/afsnit/{block}");
        let clerk = app.login().await;
        let get = |path: String| {
            let (app, clerk) = (&app, clerk.clone());
            async move {
                let r = app.get_with_cookie(&path, &clerk).await;
                (r.status().as_u16(), strip(&r.text().await.unwrap()))
            }
        };
        let (status, body) = get(page.clone()).await;
        assert_eq!(status, 200);
        assert_contains(
            &body,
            &[
                "Privat: mere sprogstøtte i børnehaven.",
                "Foreningen: tilbyd lektiehjælp.",
                "Rådet: tolkning til forældremøder.",
            ],
        );
        assert!(
            !body.contains("Om hele udkastet."),
            "only this paragraph's input"
        );
        assert!(
            body.contains("Høringssvar (2)") && body.contains("Råd (1)"),
            "{body}"
        );
        assert!(body.contains("Forening eller organisation (1)"));
        let (_, only_council) = get(format!("{page}?kilde=raad")).await;
        assert!(only_council.contains("Rådet: tolkning til forældremøder."));
        assert!(!only_council.contains("Privat: mere sprogstøtte"));
        let (_, associations) = get(format!("{page}?type=association")).await;
        assert!(associations.contains("Foreningen: tilbyd lektiehjælp."));
        assert!(!associations.contains("Privat: mere sprogstøtte"));
        assert!(!associations.contains("Rådet: tolkning"));
        assert_eq!(
            get("/admin/hoeringer/politik/afsnit/99.9".into()).await.0,
            404
        );
        // The overview counts it, per paragraph and per respondent type, chart and table.
        let (status, overview) = get("/admin/hoeringer/politik/overblik".into()).await;
        assert_eq!(status, 200);
        assert!(overview.contains("<svg") && overview.contains("role=\"img\""));
        let row = format!("/admin/hoeringer/politik/afsnit/{block}\">");
        let at = overview.find(&row).expect("the paragraph's row");
        let cells: String = overview[at..].chars().take(600).collect();
        assert!(
            cells.contains("<td>2</td><td>0</td><td>1</td>"),
            "two responses, no meeting input, one council comment: {cells}"
        );
        assert!(
            overview.contains("<td>Privatperson</td><td>2</td>"),
            "{overview}"
        );
        assert!(overview.contains("<td>Forening eller organisation</td><td>1</td>"));
        // Staff who do not read the queue, and the public, get nothing.
        let member = app.login_as("raad@raadet.example").await;
        let r = app.get_with_cookie(&page, &member).await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(!r.text().await.unwrap().contains("Privat: mere sprogstøtte"));
        let r = app.get(&page).await;
        assert_eq!(r.status().as_u16(), 303);
    }
);

both_databases!(
    a_campaign_of_edited_copies_is_one_group_with_its_differences,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        const LETTER: &str = "Vi er en gruppe forældre i Roskilde, som ønsker, at kommunen \
            tilbyder gratis danskundervisning til alle nyankomne familier fra første dag. \
            Sproget er nøglen til skole, arbejde og fællesskab, og ventetiden i dag er alt for \
            lang. Vi foreslår desuden, at undervisningen kan foregå om aftenen, så forældre \
            med arbejde også kan deltage.";
        let copies = [
            LETTER.to_string(),
            LETTER.replace("gratis", "gratis og fleksibel"),
            LETTER.replace("alt for lang", "meget lang"),
            format!("{LETTER} Med venlig hilsen Sara."),
            LETTER.replace("Vi er en gruppe forældre", "Jeg er en forælder"),
        ];
        for text in &copies {
            app.respond_ok("politik", "", text).await;
        }
        for text in [
            "Kommunen bør prioritere flere pladser i fritidsklubberne for unge i Musicon.",
            "Jeg savner en plan for boliger til flygtninge i de mindre landsbyer.",
            "Tak for en god politik. Sprogundervisning er vigtig, og kommunen gør det godt.",
        ] {
            app.respond_ok("politik", "", text).await;
        }
        let clerk = app.login().await;
        let r = app
            .get_with_cookie("/admin/hoeringer/politik/grupper", &clerk)
            .await;
        assert_eq!(r.status().as_u16(), 200);
        let page = strip(&r.text().await.unwrap());
        assert!(
            page.contains("5 af 8 høringssvar er ens eller næsten ens"),
            "{page}"
        );
        assert!(page.contains("Gruppe 1 · 5 svar"));
        assert!(
            !page.contains("Gruppe 2"),
            "the unrelated responses are in no group"
        );
        assert!(!page.contains("fritidsklubberne"));
        // What differs is marked, word by word.
        assert!(page.contains("og fleksibel"), "{page}");
        assert!(page.contains("<ins>") && page.contains("<del>"));
        // The clerk's search narrows to one group's copies.
        let first: i64 = app.scalar("SELECT MIN(id) FROM responses").await;
        let all = app
            .page_as("/admin/hoeringer/politik/soeg?q=kommunen", &clerk)
            .await;
        assert!(all.contains("fritidsklubberne"));
        let group = app
            .page_as(
                &format!("/admin/hoeringer/politik/soeg?q=kommunen&gruppe={first}"),
                &clerk,
            )
            .await;
        assert!(group.contains("5 svar og"), "{group}");
        assert!(!group.contains("fritidsklubberne"));
        // Only staff who read the queue.
        let member = app.council_member("raad@raadet.example").await;
        let r = app
            .get_with_cookie("/admin/hoeringer/politik/grupper", &member)
            .await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(!r.text().await.unwrap().contains("danskundervisning"));
    }
);

both_databases!(
    search_finds_danish_word_forms_and_never_what_is_hidden,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        for text in [
            "Integrationen skal styrkes i skolerne.",
            "Vi ønsker flere cykelstier.",
            TEXT,
        ] {
            app.respond_ok("politik", "", text).await;
        }
        app.publish_all().await;
        app.respond_ok("politik", "", "Integrationens mål er uklare.")
            .await;
        // The public finds the published inflected form, marked, and the draft's paragraphs.
        let page = app.page_ok("/hoeringer/politik/soeg?q=integration").await;
        assert!(
            page.contains("<mark>Integrationen</mark><span> skal styrkes"),
            "{page}"
        );
        assert!(!page.contains("Integrationens mål"), "not published yet");
        assert!(!page.contains("cykelstier"));
        assert!(page.contains("I udkastet"));
        // The clerk finds everything, and filters.
        let clerk = app.login().await;
        let get = |path: &'static str| {
            let (app, clerk) = (&app, clerk.clone());
            async move { app.page_as(path, &clerk).await }
        };
        let all = get("/admin/hoeringer/politik/soeg?q=integrationernes").await;
        assert!(
            all.contains("<mark>Integrationens</mark><span> mål")
                && all.contains("<mark>Integrationen</mark><span> skal"),
            "{all}"
        );
        let pending = get("/admin/hoeringer/politik/soeg?q=integration&status=pending").await;
        assert!(
            pending.contains("<mark>Integrationens</mark><span> mål")
                && !pending.contains("skal styrkes"),
            "{pending}"
        );
        let small = get("/admin/hoeringer/politik/soeg?q=og+i").await;
        assert!(small.contains("kun småord"));
        // A redacted number is gone from the index too.
        let id: i64 = app
            .scalar("SELECT id FROM responses WHERE text LIKE 'Min søn%'")
            .await;
        assert!(
            get("/admin/hoeringer/politik/soeg?q=sprogskole")
                .await
                .contains("<mark>sprogskole</mark>")
        );
        app.post_as_ok(
            &format!("/admin/svar/{id}/skjul"),
            &clerk,
            &[("passage", "venter på sprogskole")],
        )
        .await;
        assert!(
            !get("/admin/hoeringer/politik/soeg?q=sprogskole")
                .await
                .contains("Min søn")
        );
        assert!(
            !app.page("/hoeringer/politik/soeg?q=sprogskole")
                .await
                .contains("Min søn")
        );
    }
);

both_databases!(
    a_clerk_tags_several_responses_at_once_and_filters_by_the_tag,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        for text in [
            "Sprogundervisning for voksne skal starte tidligere.",
            "Mere sprogundervisning om aftenen, tak.",
            "Sprogundervisning bør være gratis for alle.",
            "Flere fritidsjob til unge i Roskilde.",
        ] {
            app.respond_ok("politik", "", text).await;
        }
        let ids: Vec<i64> = app.column("SELECT id FROM responses ORDER BY id").await;
        let clerk = app.login().await;
        // The core suggests the theme from the responses' words.
        let queue = app.page_as("/admin/hoeringer/politik", &clerk).await;
        assert!(queue.contains("+ sprogundervisning"), "{queue}");
        // No tick boxes while there is no tag to put on the ticked responses.
        assert!(!queue.contains("id=\"vaelg-"), "{queue}");
        let create = |name: &'static str| {
            let (app, clerk) = (&app, clerk.clone());
            async move {
                app.post_as(
                    "/admin/hoeringer/politik/maerker",
                    &clerk,
                    &[("tag_name", name)],
                )
                .await
            }
        };
        assert_eq!(create("Sprog").await.status().as_u16(), 303);
        // Tags are trimmed and case-insensitive: "sprog" and " SPROG " are "Sprog".
        for same in ["  Sprog ", "sprog", " SPROG\t"] {
            let r = create(same).await;
            assert!(
                refused_page(r)
                    .await
                    .contains("allerede et mærke med det navn"),
                "{same:?}"
            );
        }
        let names: Vec<String> = app.column("SELECT name FROM tags").await;
        assert_eq!(names, ["Sprog"]);
        let queue = app.page_as("/admin/hoeringer/politik", &clerk).await;
        assert!(
            queue.contains("id=\"vaelg-"),
            "a tag: the tick boxes are there"
        );
        let tag: i64 = app.scalar("SELECT id FROM tags").await;
        let (tag_s, a, b, c) = (
            tag.to_string(),
            ids[0].to_string(),
            ids[1].to_string(),
            ids[2].to_string(),
        );
        // Three at once.
        app.post_as_ok(
            "/admin/hoeringer/politik/maerk",
            &clerk,
            &[
                ("tag", &tag_s),
                ("response", &a),
                ("response", &b),
                ("response", &c),
            ],
        )
        .await;
        let r = app
            .post_as("/admin/hoeringer/politik/maerk", &clerk, &[("tag", &tag_s)])
            .await;
        assert_eq!(r.status().as_u16(), 422, "nothing ticked");
        let filtered = app
            .page_as(&format!("/admin/hoeringer/politik?maerke={tag}"), &clerk)
            .await;
        assert!(filtered.contains("Sprog (3)"));
        assert!(filtered.contains("om aftenen") && !filtered.contains("fritidsjob til unge"));
        assert!(filtered.contains("<span class=\"badge badge-tag\">Sprog</span>"));
        let tagged: Vec<String> = app
            .column("SELECT action FROM journal WHERE action = 'tagged' ORDER BY id")
            .await;
        assert_eq!(tagged.len(), 3, "each tagging is journaled");
        // And off one again.
        app.post_as_ok(
            "/admin/hoeringer/politik/maerk",
            &clerk,
            &[("tag", &tag_s), ("response", &a), ("remove", "1")],
        )
        .await;
        let left: i64 = app.scalar("SELECT COUNT(*) FROM response_tags").await;
        assert_eq!(left, 2);
        // The clerk's search narrows to the tag too.
        let found = app
            .page_as(
                &format!("/admin/hoeringer/politik/soeg?q=sprogundervisning&maerke={tag}"),
                &clerk,
            )
            .await;
        assert!(found.contains("om aftenen") && found.contains("gratis for alle"));
        assert!(
            !found.contains("starte tidligere"),
            "no longer tagged: {found}"
        );
        // Only staff who moderate.
        let member = app.council_member("raad@raadet.example").await;
        app.post_as_forbidden(
            "/admin/hoeringer/politik/maerker",
            &member,
            &[("tag_name", "Ind ad bagdøren")],
        )
        .await;
    }
);

// The migration that made tags case-insensitive merges the tags that differed only in case
// into the oldest of each hearing, and each response keeps its themes (once). Run here on a
// database made as it was before: the unique index dropped and the tags written as clerks
// could write them, then the migration's statements after the column was added.
both_databases!(
    tags_differing_in_case_are_merged_by_the_migration,
    |app: TestApp| async move {
        const MIGRATION: &str =
            include_str!("../../../migrations/sqlite/0019_tags_case_insensitive.sql");
        assert_eq!(
            MIGRATION,
            include_str!("../../../migrations/postgres/0019_tags_case_insensitive.sql"),
            "one text for both engines"
        );
        app.add_open_hearing("politik").await;
        app.add_open_hearing("anden").await;
        for text in ["Sprog og skole.", "Mere sprog.", "Ældre og sprog."] {
            app.respond_ok("politik", "", text).await;
        }
        app.execute("DROP INDEX tags_hearing_folded").await;
        for (slug, name) in [
            ("politik", "Sprog"),
            ("politik", "sprog"),
            ("politik", "SPROG"),
            ("politik", "Ældre"),
            ("politik", "ældre"),
            ("anden", "sprog"),
        ] {
            sqlx::query(
                "INSERT INTO tags (hearing_id, name, created_at)
                 SELECT id, $1, 1 FROM hearings WHERE slug = $2",
            )
            .bind(name)
            .bind(slug)
            .execute(&app.db.pool)
            .await
            .unwrap();
        }
        let responses: Vec<i64> = app.column("SELECT id FROM responses ORDER BY id").await;
        let tags: Vec<i64> = app.column("SELECT id FROM tags ORDER BY id").await;
        // The first response carries "Sprog" and "sprog"; the others one spelling each.
        for (r, t) in [(0, 0), (0, 1), (1, 1), (2, 2), (2, 4)] {
            sqlx::query("INSERT INTO response_tags (response_id, tag_id) VALUES ($1, $2)")
                .bind(responses[r])
                .bind(tags[t])
                .execute(&app.db.pool)
                .await
                .unwrap();
        }
        for statement in MIGRATION.split(';').skip(1) {
            if statement
                .lines()
                .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with("--"))
            {
                app.execute(statement).await;
            }
        }
        let kept: Vec<(String, String, String)> = app
            .rows(
                "SELECT h.slug, t.name, t.folded FROM tags t JOIN hearings h ON h.id = t.hearing_id
                 ORDER BY t.id",
            )
            .await;
        let kept: Vec<(&str, &str, &str)> = kept
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("politik", "Sprog", "sprog"),
                ("politik", "Ældre", "ældre"),
                ("anden", "sprog", "sprog")
            ]
        );
        let carried: Vec<(i64, i64)> = app
            .rows("SELECT response_id, tag_id FROM response_tags ORDER BY response_id, tag_id")
            .await;
        assert_eq!(
            carried,
            [
                (responses[0], tags[0]),
                (responses[1], tags[0]),
                (responses[2], tags[0]),
                (responses[2], tags[3]),
            ]
        );
        // And the index is back: the form refuses another spelling.
        app.add_clerk().await;
        let clerk = app.login().await;
        let body = app
            .post_as_refused(
                "/admin/hoeringer/politik/maerker",
                &clerk,
                &[("tag_name", "ÆLDRE")],
            )
            .await;
        assert!(body.contains("allerede et mærke med det navn"), "{body}");
    }
);
