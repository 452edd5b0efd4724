//! A policy's road over HTTP: the clerk's steps through the whole default template, refusals
//! with their reasons, the public's questions and the 10-working-day promise, and the feeds
//! read back by real parsers (Python's icalendar and feedparser).

use crate::both_databases;
use crate::helpers::*;
use app::i18n::Locale;
use hoering::calendar::{Calendar, today};
use hoering::process::Refusal;

/// A date as the Danish pages write it.
fn danish_long_date(day: jiff::civil::Date) -> String {
    app::dates::long_date(Locale::da, day)
}

/// A refusal as the Danish pages word it.
fn danish(refusal: Refusal) -> String {
    app::policy::refusals::refusal(Locale::da, &refusal)
}
use server::auth::Role;
use server::hearing::HearingFields;

/// A policy stored as a draft only (no hearing yet), committee "Udvalget".
async fn add_draft(app: &TestApp, slug: &str) {
    let fields = HearingFields {
        markdown: POLICY.to_string(),
        slug: slug.to_string(),
        committee: "Udvalget".into(),
        ..Default::default()
    };
    app.store_policy(&fields, false).await;
}

/// The road's revision as the clerk's page prints it.
async fn revision(app: &TestApp, cookie: &str, slug: &str) -> String {
    let body = app
        .text_as(&format!("/admin/politikker/{slug}"), cookie)
        .await;
    let marker = "name=\"revision\" value=\"";
    let start = body.find(marker).expect("a revision field") + marker.len();
    body[start..].split('"').next().unwrap().to_string()
}

/// Posts one step as the clerk with the page's current revision; returns status and body.
async fn step(app: &TestApp, cookie: &str, slug: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let csrf = app.csrf(cookie).await;
    let rev = revision(app, cookie, slug).await;
    let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf), ("revision", &rev)];
    form.extend_from_slice(fields);
    let r = app
        .post_form_with_cookie(&format!("/admin/politikker/{slug}/skridt"), cookie, &form)
        .await;
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// Time passes: every hearing opened twenty days ago and its deadline was yesterday.
async fn close_hearings(app: &TestApp) {
    sqlx::query("UPDATE hearings SET opens_at = $1, closes_at = $2")
        .bind(jiff::Timestamp::now().as_second() - 20 * 24 * 3600)
        .bind(jiff::Timestamp::now().as_second() - 24 * 3600)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

/// Leyla Öz's question on policy `spoerg`, as the public form sends it.
fn question<'a>(name: &'a str, question: &'a str) -> [(&'a str, &'a str); 3] {
    [
        ("name", name),
        ("email", "leyla@example.dk"),
        ("question", question),
    ]
}

const ASK: &str = "/politikker/spoerg/spoergsmaal";

async fn stage_of(app: &TestApp, slug: &str) -> String {
    app.scalar_with(
        "SELECT r.stage FROM roads r JOIN policies p ON p.id = r.policy_id WHERE p.slug = $1",
        slug,
    )
    .await
}

both_databases!(
    a_clerk_takes_a_policy_through_the_whole_default_road,
    |app: TestApp| async move {
        let cookie = app.clerk().await;
        add_draft(&app, "ny-politik").await;
        assert_eq!(stage_of(&app, "ny-politik").await, "drafting");
        let day = today().to_string();
        let d = day.as_str();
        let decision = |body: &'static str| -> Vec<(&'static str, String)> {
            vec![
                ("action", "decision".into()),
                ("body", body.into()),
                ("meeting_date", day.clone()),
                ("on", day.clone()),
                ("agenda_item_number", "4".into()),
                ("agenda_item_title", "Ny politik".into()),
                ("minutes_url", "https://dagsorden.example.dk/punkt-4".into()),
                ("version", "1".into()),
                ("outcome", "adopted".into()),
                ("votes_in_favour", "25".into()),
                ("votes_against", "4".into()),
                ("votes_abstaining", "2".into()),
                ("text", "Godkendt.".into()),
            ]
        };
        let advance = |to: &str| -> Vec<(&'static str, String)> {
            vec![
                ("action", "advance".into()),
                ("to", to.into()),
                ("on", day.clone()),
            ]
        };
        let owned = |v: &Vec<(&'static str, String)>| -> Vec<(&'static str, String)> { v.clone() };
        let steps: Vec<(Vec<(&'static str, String)>, &str)> = vec![
            (advance("dialogue_meeting"), "dialogue_meeting"),
            (
                vec![
                    ("action", "freeze".into()),
                    ("version", "1".into()),
                    ("on", d.into()),
                ],
                "dialogue_meeting",
            ),
            (advance("committee_for_hearing"), "committee_for_hearing"),
            (owned(&decision("committee")), "committee_for_hearing"),
            (
                vec![
                    ("action", "advance".into()),
                    ("to", "hearing".into()),
                    ("on", d.into()),
                    ("opens", d.into()),
                    ("working_days", "10".into()),
                ],
                "hearing",
            ),
            (advance("hearing_summary"), "hearing_summary"),
            (
                vec![("action", "summary".into()), ("on", d.into())],
                "hearing_summary",
            ),
            (
                advance("committee_recommendation"),
                "committee_recommendation",
            ),
            (owned(&decision("committee")), "committee_recommendation"),
            (advance("finance_committee"), "finance_committee"),
            (owned(&decision("finance_committee")), "finance_committee"),
            (advance("city_council"), "city_council"),
            (owned(&decision("city_council")), "city_council"),
            (
                vec![("action", "publish".into()), ("on", d.into())],
                "published",
            ),
        ];
        let deadline = Calendar::national().deadline_after_working_days(today(), 10);
        for (fields, expected) in &steps {
            let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if *expected == "hearing_summary" && stage_of(&app, "ny-politik").await == "hearing" {
                // The hearing opened for 10 working days, its page shows the deadline and
                // links to the policy, and the policy stays in Høring until the deadline.
                let hearing = app.page_ok("/hoeringer/ny-politik").await;
                assert!(
                    hearing.contains(&danish_long_date(deadline)),
                    "the deadline shows"
                );
                assert!(
                    hearing.contains("href=\"/politikker/ny-politik\""),
                    "the hearing links to its policy"
                );
                let (status, body) = step(&app, &cookie, "ny-politik", &form).await;
                assert_eq!(status, 409);
                let still_open = danish(Refusal::HearingStillOpen { last_day: deadline });
                assert!(strip(&body).contains(&hoering::document::escape_html(&still_open)));
                close_hearings(&app).await;
            }
            let (status, body) = step(&app, &cookie, "ny-politik", &form).await;
            assert_eq!(status, 303, "{fields:?}: {}", strip(&body));
            assert_eq!(&stage_of(&app, "ny-politik").await, expected, "{fields:?}");
        }

        // The public page: adopted, with every stage and the decisions.
        let page = app.page_ok("/politikker/ny-politik").await;
        assert!(
            page.contains(&format!(
                "Vedtaget i Byrådet den {}",
                danish_long_date(today())
            )),
            "{page}"
        );
        for stage in hoering::process::Stage::ALL {
            assert!(
                page.contains(app::names::stage(Locale::da, stage)),
                "{} on the timeline",
                app::names::stage(Locale::da, stage)
            );
        }
        assert!(page.contains("25 for, 4 imod, 2 undlod at stemme"));
        assert!(page.contains("href=\"https://dagsorden.example.dk/punkt-4\""));
        assert!(
            page.contains("Vedtaget tekst"),
            "the adopted version is marked"
        );

        // The list shows it among the adopted, and search finds it by committee.
        let list = app.page("/politikker?q=udvalget").await;
        let adopted = list.find("Vedtaget").expect("an adopted group");
        assert!(list[adopted..].contains("/politikker/ny-politik"));
        let none = app.page("/politikker?q=findes-ikke").await;
        assert!(!none.contains("/politikker/ny-politik"));

        // A document in the Byråd stage's record; a link that is not a web address is refused.
        let document = |url| {
            [
                ("action", "document"),
                ("stage", "city_council"),
                ("title", "Sagsfremstilling til Byrådet"),
                ("url", url),
            ]
        };
        let (status, body) = step(
            &app,
            &cookie,
            "ny-politik",
            &document("javascript:alert(1)"),
        )
        .await;
        assert_eq!(status, 422);
        let body = strip(&body);
        assert!(body.contains("Skriv et link, der begynder med https://"));
        assert!(
            body.contains("value=\"Sagsfremstilling til Byrådet\""),
            "the title is kept"
        );
        let sag = "https://dagsorden.example.dk/sag-17.pdf";
        let (status, _) = step(&app, &cookie, "ny-politik", &document(sag)).await;
        assert_eq!(status, 303);
        let page = app.page("/politikker/ny-politik").await;
        assert!(strip(&page).contains(
            "<a href=\"https://dagsorden.example.dk/sag-17.pdf\" rel=\"external noopener\">Sagsfremstilling til Byrådet</a>"
        ));

        // The clerk's journal says each step in words.
        let admin = app.page_as("/admin/politikker/ny-politik", &cookie).await;
        for said in [
            "Låste version 1",
            "Gik videre til Byrådet",
            "Offentliggjorde politikken",
        ] {
            assert!(admin.contains(said), "{said} in the journal");
        }

        // Nothing more can be done after publication.
        let (status, body) = step(
            &app,
            &cookie,
            "ny-politik",
            &[("action", "publish"), ("on", d)],
        )
        .await;
        assert_eq!(status, 409);
        assert!(
            strip(&body).contains(&hoering::document::escape_html(&danish(
                Refusal::AlreadyPublished
            )))
        );
        let journal: i64 = app.scalar("SELECT COUNT(*) FROM road_journal j JOIN policies p ON p.id = j.policy_id WHERE p.slug = 'ny-politik'").await;
        assert_eq!(
            journal,
            1 + steps.len() as i64,
            "every accepted step is journaled, the refused one not"
        );
    }
);

both_databases!(
    a_refused_step_says_why_and_changes_nothing,
    |app: TestApp| async move {
        let cookie = app.clerk().await;
        app.add_policy("direkte", POLICY).await;
        // A hearing made in one go enters the road at Høring.
        assert_eq!(stage_of(&app, "direkte").await, "hearing");
        let page = app.page("/politikker/direkte").await;
        assert!(strip(&page).contains("oprettet direkte som høring"));
        // The reason is hoering's own, so a reader in another language reads it in theirs.
        for (locale, words) in [
            ("en", "created directly as a hearing"),
            ("ar", "أُنشئت مباشرةً كاستشارة عامة"),
        ] {
            let page = app
                .text_as("/politikker/direkte", &format!("i18n_pref_locale={locale}"))
                .await;
            let page = strip(&page);
            assert!(page.contains(words), "{locale}: {page}");
            assert!(!page.contains("oprettet direkte"), "{locale}: {page}");
        }
        let d = today().to_string();
        // The hearing runs to 2099: the policy may not leave Høring before that.
        let to_summary = [("action", "advance"), ("to", "hearing_summary"), ("on", &d)];
        let (status, body) = step(&app, &cookie, "direkte", &to_summary).await;
        assert_eq!(status, 409);
        assert!(strip(&body).contains("Høringen er åben til og med 5. januar 2099"));
        let admin = app.page_as("/admin/politikker/direkte", &cookie).await;
        assert!(
            admin.contains("Høringen er åben til og med 5. januar 2099"),
            "said before trying"
        );
        close_hearings(&app).await;
        let (status, _) = step(&app, &cookie, "direkte", &to_summary).await;
        assert_eq!(status, 303);
        // No committee recommendation (and so no Byråd) before the høringsnotat exists.
        let (status, body) = step(
            &app,
            &cookie,
            "direkte",
            &[
                ("action", "advance"),
                ("to", "committee_recommendation"),
                ("on", &d),
            ],
        )
        .await;
        assert_eq!(status, 409);
        let body = strip(&body);
        assert!(body.contains("Skridtet blev ikke taget."), "{body}");
        assert!(
            body.contains(&hoering::document::escape_html(&danish(
                Refusal::NoHearingSummary
            ))),
            "{body}"
        );
        assert_eq!(stage_of(&app, "direkte").await, "hearing_summary");
        // The clerk's page lists the refused step with the same reason before any attempt.
        let admin = app.page_as("/admin/politikker/direkte", &cookie).await;
        assert!(admin.contains("ikke muligt nu."), "{admin}");

        // A date in the future, or a missing reason, is a field error, with the typed text kept.
        let (status, body) = step(
            &app,
            &cookie,
            "direkte",
            &[("action", "summary"), ("on", "2999-01-01")],
        )
        .await;
        assert_eq!(status, 422);
        assert!(strip(&body).contains("Datoen må ikke ligge i fremtiden"));

        // A step on an old copy of the page is refused rather than applied twice.
        let r = app
            .post_as(
                "/admin/politikker/direkte/skridt",
                &cookie,
                &[("revision", "0"), ("action", "summary"), ("on", d.as_str())],
            )
            .await;
        assert_eq!(r.status().as_u16(), 409);
        assert!(strip(&r.text().await.unwrap()).contains("En anden har ændret forløbet imens"));

        // A council member may not take steps; nobody may without a session.
        let council = app.council_member("raad@example.dk").await;
        app.post_as_forbidden(
            "/admin/politikker/direkte/skridt",
            &council,
            &[("action", "summary"), ("on", d.as_str())],
        )
        .await;
        let r = app
            .post_form(
                "/admin/politikker/direkte/skridt",
                &[("action", "summary"), ("on", &d)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "to the login page");
        assert_eq!(stage_of(&app, "direkte").await, "hearing_summary");
        let r = app
            .post_form("/_fn/admin_policy", &[("slug", "direkte")])
            .await;
        assert!(!r.status().is_success(), "the clerk's data is not public");
    }
);

both_databases!(
    questions_are_due_in_ten_working_days_and_the_share_on_time_is_shown,
    |app: TestApp| async move {
        let cookie = app.clerk().await;
        add_draft(&app, "spoerg").await;
        // A question without text comes back with what was typed.
        let body = app.post_form_refused(ASK, &question("Leyla Öz", "")).await;
        assert!(body.contains("value=\"Leyla Öz\""));
        assert!(body.contains("Skal udfyldes"));

        // A name is one line: a line break (a header smuggled into the answer's e-mail) is
        // refused beside the field, with the question kept, and nothing is stored.
        let smuggled = "Leyla Öz\r\nBcc: victim@example.org";
        let body = app
            .post_form_refused(ASK, &question(smuggled, "Hvornår starter sprogkurserne?"))
            .await;
        assert!(body.contains("Navnet er for langt eller indeholder ugyldige tegn"));
        assert!(body.contains("Hvornår starter sprogkurserne?"));
        let stored: i64 = app.scalar("SELECT COUNT(*) FROM inquiries").await;
        assert_eq!(stored, 0);

        let due = Calendar::national().add_working_days(today(), 10);
        for q in [
            "Hvornår starter sprogkurserne?",
            "Gælder politikken også for flygtninge?",
        ] {
            let r = app.post_form_ok(ASK, &question("Leyla Öz", q)).await;
            assert_eq!(
                r.headers()["location"],
                format!("/politikker/spoerg?spurgt={due}#spoergsmaal").as_str()
            );
        }
        let page = app.page(&format!("/politikker/spoerg?spurgt={due}")).await;
        assert!(strip(&page).contains(&format!("Du får svar senest {}", danish_long_date(due))));

        // The first question was received long ago: its promise is already broken.
        let ids: Vec<i64> = app.column("SELECT id FROM inquiries ORDER BY id").await;
        app.execute_with(
            "UPDATE inquiries SET received = '2026-01-05', due = '2026-01-19' WHERE id = $1",
            ids[0],
        )
        .await;
        let admin = app.page_as("/admin", &cookie).await;
        assert!(
            admin.contains("Over fristen"),
            "the dashboard shows the overdue question"
        );
        assert!(admin.contains("Gælder politikken også for flygtninge?"));

        // An empty answer comes back with the error by its field; nothing is recorded.
        let body = app
            .post_as_refused(
                &format!("/admin/spoergsmaal/{}", ids[1]),
                &cookie,
                &[("answer", " "), ("back", "/admin/politikker/spoerg")],
            )
            .await;
        assert!(body.contains("Skal udfyldes"));
        for id in &ids {
            app.post_as_ok(
                &format!("/admin/spoergsmaal/{id}"),
                &cookie,
                &[
                    ("answer", "Tak for spørgsmålet …"),
                    ("back", "/admin/politikker/spoerg"),
                ],
            )
            .await;
        }
        // Answering twice is refused; the first answer stays.
        let r = app
            .post_as(
                &format!("/admin/spoergsmaal/{}", ids[0]),
                &cookie,
                &[("answer", "Nyt svar"), ("back", "/admin")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 404);
        let page = app.page("/politikker/spoerg").await;
        assert!(
            page.contains("2 spørgsmål modtaget, 2 besvaret. 50 % er besvaret til tiden."),
            "{page}"
        );
        assert!(
            !page.contains("leyla@example.dk"),
            "the public page never shows who asked"
        );
    }
);

/// Runs the validator script (Python's icalendar or feedparser) on `body`; its JSON summary.
fn validate(kind: &str, body: &str) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("hoering-feeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{}.{kind}", rand_suffix()));
    std::fs::write(&file, body).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/validate_feeds.py");
    let out = std::process::Command::new("python3")
        .args([script, kind, &file.display().to_string()])
        .output()
        .expect("python3 runs (.ci/setup --test installs icalendar and feedparser)");
    assert!(
        out.status.success(),
        "{kind} does not parse: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rand_suffix() -> String {
    format!("{:?}", std::time::SystemTime::now()).replace(|c: char| !c.is_ascii_alphanumeric(), "")
}

both_databases!(
    the_calendar_and_the_feed_parse_and_keep_hostile_titles_as_text,
    |app: TestApp| async move {
        let title = "Plan; for, alle </title><script>alert(1)</script> & co";
        let fields = HearingFields {
            title: title.into(),
            ..policy_fields("fjendtlig", POLICY)
        };
        app.store_policy(&fields, true).await;

        let r = app.get("/kalender.ics").await;
        assert_eq!(r.status().as_u16(), 200);
        assert!(content_type(&r).starts_with("text/calendar"));
        let ics = validate("ics", &r.text().await.unwrap());
        let events = ics["events"].as_array().unwrap();
        let deadline = events
            .iter()
            .find(|e| e["summary"] == format!("Høringsfrist: {title}").as_str())
            .unwrap_or_else(|| panic!("the deadline event: {ics}"));
        assert_eq!(deadline["start"], "2099-01-05");
        assert!(
            deadline["url"]
                .as_str()
                .unwrap()
                .ends_with("/hoeringer/fjendtlig")
        );
        let (status, one) = app.get_text("/politikker/fjendtlig/kalender.ics").await;
        assert_eq!(status, 200);
        assert_eq!(validate("ics", &one)["events"].as_array().unwrap().len(), 1);

        let r = app.get("/feeds/politikker.atom").await;
        assert_eq!(r.status().as_u16(), 200);
        let atom = validate("atom", &r.text().await.unwrap());
        let entries = atom["entries"].as_array().unwrap();
        assert!(
            entries
                .iter()
                .all(|e| e["id"].as_str().unwrap().starts_with("tag:127.0.0.1,2026:")),
            "tag URIs name the host without its port: {atom}"
        );
        assert!(
            entries
                .iter()
                .any(|e| e["title"] == format!("Ny høring: {title}").as_str()),
            "{atom}"
        );
        assert!(
            entries
                .iter()
                .any(|e| e["title"].as_str().unwrap().starts_with(title)),
            "the version"
        );
        let (status, _) = app.get_text("/politikker/findes-ikke/kalender.ics").await;
        assert_eq!(status, 404);

        // A client naming another host gets our links still: a feed is copied and trusted.
        for path in ["/feeds/politikker.atom", "/kalender.ics"] {
            let body = app
                .client
                .get(app.url(path))
                .header("host", "evil.example")
                .send()
                .await
                .expect("GET")
                .text()
                .await
                .unwrap()
                // iCalendar folds long lines.
                .replace("\r\n ", "");
            assert!(
                !body.contains("evil.example"),
                "{path} follows Host: {body}"
            );
            assert!(body.contains(&app.base), "{path} links to the site itself");
        }
    }
);

both_databases!(
    an_admin_edits_a_template_and_only_new_policies_follow_it,
    |app: TestApp| async move {
        add_draft(&app, "foer").await;
        app.add_user("admin@example.dk", Role::Admin).await;
        let admin = app.login_as("admin@example.dk").await;
        let csrf = app.csrf_of(&admin).await;
        let page = app.page("/admin/forloeb").await;
        assert!(!page.contains("Udvalget (version"), "staff only");
        let page = app.page_as("/admin/forloeb", &admin).await;
        assert!(page.contains("Udvalget (version 1)"), "{page}");

        // Every stage but Økonomiudvalget, Dialogmøde still skippable.
        let mut form: Vec<(String, String)> = vec![
            ("csrf".into(), csrf.clone()),
            ("version".into(), "1".into()),
            ("skip_dialogue_meeting".into(), "1".into()),
        ];
        for stage in hoering::process::Stage::ALL {
            if stage != hoering::process::Stage::FinanceCommittee {
                form.push((format!("with_{}", stage.as_str()), "1".into()));
            }
        }
        let as_refs = |f: &[(String, String)]| -> Vec<(String, String)> { f.to_vec() };
        let post = |f: Vec<(String, String)>, cookie: String| {
            let app = &app;
            async move {
                let refs: Vec<(&str, &str)> =
                    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                app.post_form_with_cookie("/admin/forloeb/Udvalget", &cookie, &refs)
                    .await
            }
        };
        // A required stage may not be made skippable: refused with the core's reason.
        let mut bad = as_refs(&form);
        bad.push(("skip_hearing".into(), "1".into()));
        let r = post(bad, admin.clone()).await;
        let status = r.status().as_u16();
        let body = strip(&r.text().await.unwrap());
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("Høring"));
        // A clerk may read but not edit.
        let clerk = app.clerk().await;
        let r = post(
            vec![
                ("csrf".into(), app.csrf(&clerk).await),
                ("version".into(), "1".into()),
            ],
            clerk.clone(),
        )
        .await;
        assert_eq!(r.status().as_u16(), 403);

        redirected(post(as_refs(&form), admin.clone()).await).await;
        // The same edit again is based on version 1, which is no longer the newest.
        let r = post(as_refs(&form), admin.clone()).await;
        assert_eq!(r.status().as_u16(), 409);

        add_draft(&app, "efter").await;
        let before = app.page("/politikker/foer").await;
        let after = app.page("/politikker/efter").await;
        assert!(
            strip(&before).contains("Økonomiudvalget"),
            "the older policy keeps its road"
        );
        assert!(
            !strip(&after).contains("Økonomiudvalget"),
            "the new policy follows version 2"
        );
    }
);

both_databases!(
    a_hearing_window_can_be_given_in_working_days,
    |app: TestApp| async move {
        let cookie = app.clerk().await;
        let csrf = app.csrf(&cookie).await;
        let form = |days: &str| {
            reqwest::multipart::Form::new()
                .text("csrf", csrf.clone())
                .text("markdown", POLICY)
                .text("slug", "hverdage")
                .text("committee", "Udvalget")
                .text("opens", "2027-03-24")
                .text("closes", "")
                .text("working_days", days.to_string())
                .text("action", "create")
        };
        let post = |f| app.post_multipart("/admin/hoeringer/ny", &cookie, f);
        let r = post(form("mange")).await;
        assert!(refused_page(r).await.contains("value=\"mange\""));
        // 24 March 2027 + 10 working days, over Easter (25 March to 29 March are holidays).
        redirected(post(form("10")).await).await;
        let expected =
            Calendar::national().deadline_after_working_days(jiff::civil::date(2027, 3, 24), 10);
        assert_eq!(expected, jiff::civil::date(2027, 4, 12));
        let page = app.page("/hoeringer/hverdage").await;
        assert!(
            strip(&page).contains("12. april 2027"),
            "the deadline shows"
        );
    }
);

both_databases!(
    an_answer_reaches_the_asker_in_the_language_they_asked_in,
    |app: TestApp| async move {
        app.add_clerk().await;
        add_draft(&app, "spoerg").await;
        let r = app
            .post_form_with_cookie(
                "/politikker/spoerg/spoergsmaal",
                "i18n_pref_locale=uk",
                &[
                    ("name", "Olena Kovalenko"),
                    ("email", "olena@example.dk"),
                    ("question", "Коли починаються курси датської мови?"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let id: i64 = app.scalar("SELECT id FROM inquiries").await;
        // The clerk answers from the Danish pages, in Danish.
        let cookie = app.login().await;
        let csrf = app.csrf(&cookie).await;
        let r = app
            .post_form_with_cookie(
                &format!("/admin/spoergsmaal/{id}"),
                &cookie,
                &[
                    ("csrf", csrf.as_str()),
                    ("answer", "Kurserne starter i januar."),
                    ("back", "/admin/politikker/spoerg"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (to, subject, body): (String, String, String) = app
            .row("SELECT recipient, subject, text_body FROM outbox")
            .await;
        assert_eq!(to, "olena@example.dk");
        assert!(
            subject.starts_with("Відповідь на Ваше запитання"),
            "{subject}"
        );
        assert!(body.contains("Наша відповідь:"), "{body}");
        assert!(body.contains("Kurserne starter i januar."));
        assert!(!body.contains("Vores svar:"), "{body}");
    }
);
