//! Councils over HTTP: an admin creates one and seats members (only users with the council
//! role), names the chair and removes a member; clerks and council members may not.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;

fn strip(body: &str) -> String {
    body.replace("<!-- -->", "").replace("<!>", "")
}

both_databases!(
    an_admin_seats_council_members_and_nobody_else_may,
    |app: TestApp| async move {
        app.add_user("admin@roskilde.example", Role::Admin).await;
        app.add_user("formand@raadet.example", Role::Council).await;
        app.add_clerk().await;
        let admin = app.login_as("admin@roskilde.example").await;
        let csrf = app.csrf(&admin).await;
        let page = strip(
            &app.get_with_cookie("/admin/raad", &admin)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(
            page.contains("Integrationsrådet"),
            "every installation starts with it"
        );

        let r = app
            .post_form_with_cookie(
                "/admin/raad",
                &admin,
                &[("csrf", &csrf), ("name", "Handicaprådet")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let r = app
            .post_form_with_cookie(
                "/admin/raad",
                &admin,
                &[("csrf", &csrf), ("name", "Handicaprådet")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(
            strip(&r.text().await.unwrap()).contains("Der findes allerede et råd med det navn.")
        );

        let add = |email: &'static str, chair: &'static str| {
            let (app, admin, csrf) = (&app, admin.clone(), csrf.clone());
            async move {
                app.post_form_with_cookie(
                    "/admin/raad/integrationsraadet/medlemmer",
                    &admin,
                    &[("csrf", csrf.as_str()), ("email", email), ("chair", chair)],
                )
                .await
            }
        };
        assert_eq!(
            add("formand@raadet.example", "on").await.status().as_u16(),
            303
        );
        let r = add(CLERK_EMAIL, "").await;
        assert_eq!(r.status().as_u16(), 422);
        let body = strip(&r.text().await.unwrap());
        assert!(body.contains("Brugeren har ikke rollen råd"));
        assert!(
            body.contains(&format!("value=\"{CLERK_EMAIL}\"")),
            "what was typed is kept"
        );
        let r = add("ingen@raadet.example", "").await;
        assert!(strip(&r.text().await.unwrap()).contains("Der er ingen bruger med den e-mail"));
        let page = strip(
            &app.get_with_cookie("/admin/raad", &admin)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(
            page.contains("formand@raadet.example <span class=\"badge\">Formand</span>"),
            "{page}"
        );

        // The member lands on their own start page, with their council.
        let r = app
            .post_login("formand@raadet.example", CLERK_PASSWORD, "")
            .await;
        assert_eq!(r.headers()["location"], "/raad");
        let member = app.login_as("formand@raadet.example").await;
        let home = strip(
            &app.get_with_cookie("/raad", &member)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(
            home.contains("<li>Integrationsrådet <span class=\"badge\">Formand</span></li>"),
            "{home}"
        );
        let r = app.get("/raad").await;
        assert_eq!(r.status().as_u16(), 401, "not without a session");

        // A clerk and a council member may neither see nor change the councils.
        let clerk = app.login().await;
        let r = app.get_with_cookie("/admin/raad", &clerk).await;
        assert_eq!(r.status().as_u16(), 403);
        let clerk_csrf = app.csrf(&clerk).await;
        let r = app
            .post_form_with_cookie(
                "/admin/raad",
                &clerk,
                &[("csrf", &clerk_csrf), ("name", "Ældrerådet")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
        let member = app.login_as("formand@raadet.example").await;
        let member_csrf = app.csrf_of(&member).await;
        let r = app
            .post_form_with_cookie(
                "/admin/raad/integrationsraadet/medlemmer/fjern",
                &member,
                &[("csrf", &member_csrf), ("email", "formand@raadet.example")],
            )
            .await;
        assert!(matches!(r.status().as_u16(), 403 | 303));

        // The admin removes the member.
        let r = app
            .post_form_with_cookie(
                "/admin/raad/integrationsraadet/medlemmer/fjern",
                &admin,
                &[("csrf", &csrf), ("email", "formand@raadet.example")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let seated: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM council_members")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(seated, 0);
    }
);

both_databases!(
    a_councils_discussion_is_for_its_members_and_the_clerks_only,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        app.add_clerk().await;
        for (email, role) in [
            ("anna@raadet.example", Role::Council),
            ("cem@raadet.example", Role::Council),
            ("bo@handicap.example", Role::Council),
        ] {
            app.add_user(email, role).await;
        }
        server::council::db::create(&app.db.pool, "handicapraadet", "Handicaprådet")
            .await
            .unwrap();
        for (council, email) in [
            ("integrationsraadet", "anna@raadet.example"),
            ("integrationsraadet", "cem@raadet.example"),
            ("handicapraadet", "bo@handicap.example"),
        ] {
            server::council::add_member(&app.db.pool, council, email, false)
                .await
                .unwrap();
        }
        let clerk = app.login().await;
        let csrf = app.csrf(&clerk).await;
        let in_days = |n: i64| {
            hoering::calendar::today()
                .checked_add(jiff::Span::new().days(n))
                .unwrap()
                .to_string()
        };
        // The round ends by the hearing's last day at the latest.
        let r = app
            .post_form_with_cookie(
                "/admin/hoeringer/integrationspolitik/raadsrunde",
                &clerk,
                &[
                    ("csrf", &csrf),
                    ("round_council", "integrationsraadet"),
                    ("round_opens", &in_days(0)),
                    ("round_closes", &in_days(60)),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("senest på høringens sidste dag"));
        let r = app
            .post_form_with_cookie(
                "/admin/hoeringer/integrationspolitik/raadsrunde",
                &clerk,
                &[
                    ("csrf", &csrf),
                    ("round_council", "integrationsraadet"),
                    ("round_opens", &in_days(0)),
                    ("round_closes", &in_days(5)),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);

        let workspace = "/raad/hoeringer/integrationspolitik/integrationsraadet";
        let anna = app.login_as("anna@raadet.example").await;
        let home = strip(
            &app.get_with_cookie("/raad", &anna)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(
            home.contains(workspace),
            "the round on the member's start page"
        );
        let anna_csrf = app.csrf_of(&anna).await;
        let block = app
            .block_number("integrationspolitik", DANISH_ITEM_START)
            .await;
        const SECRET: &str = "Rådet bør kræve sprogstøtte fra første dag.";
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &anna,
                &[("csrf", &anna_csrf), ("block", &block), ("text", SECRET)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let id: i64 = sqlx::query_scalar("SELECT id FROM council_comments")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        // On quoted words: they must be the paragraph's, and are kept as it has them.
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &anna,
                &[
                    ("csrf", &anna_csrf),
                    ("block", &block),
                    ("quote", "ord der ikke står der"),
                    ("text", "Om ordene."),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        let body = strip(&r.text().await.unwrap());
        assert!(
            body.contains("value=\"ord der ikke står der\""),
            "what was typed is kept"
        );
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &anna,
                &[
                    ("csrf", &anna_csrf),
                    ("block", &block),
                    ("quote", "LÆRE DANSK"),
                    ("text", "Om ordene."),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let quoted: String =
            sqlx::query_scalar("SELECT quote FROM council_comments WHERE text = 'Om ordene.'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(quoted, "lære dansk");
        // Cem replies and agrees; Anna may not agree with herself.
        let cem = app.login_as("cem@raadet.example").await;
        let cem_csrf = app.csrf_of(&cem).await;
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &cem,
                &[
                    ("csrf", &cem_csrf),
                    ("reply_to", &id.to_string()),
                    ("text", "Enig, og tolkning."),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/enig/{id}"),
                &cem,
                &[("csrf", &cem_csrf)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/enig/{id}"),
                &anna,
                &[("csrf", &anna_csrf)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
        let page = strip(
            &app.get_with_cookie(workspace, &anna)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(page.contains(SECRET) && page.contains("Enig, og tolkning."));
        assert!(page.contains("1 enige"));

        // Who sees it: the members and the clerk; not another council, not the public.
        let clerk_page = app.get_with_cookie(workspace, &clerk).await;
        assert_eq!(clerk_page.status().as_u16(), 200);
        assert!(strip(&clerk_page.text().await.unwrap()).contains(SECRET));
        let bo = app.login_as("bo@handicap.example").await;
        let r = app.get_with_cookie(workspace, &bo).await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(!r.text().await.unwrap().contains(SECRET));
        let r = app.get(workspace).await;
        assert_eq!(r.status().as_u16(), 401);
        assert!(!r.text().await.unwrap().contains(SECRET));
        // A citizen with a receipt link is no one to the council's room.
        let sent = app.respond("integrationspolitik", "", "Et svar.").await;
        let receipt = sent.headers()["location"].to_str().unwrap().to_string();
        assert!(!app.get_text(&receipt).await.1.contains(SECRET));
        let r = app.get(workspace).await;
        assert!(!r.text().await.unwrap().contains(SECRET));
        // The server function answers the same, and the public page and API never carry it.
        let fn_form = [
            ("slug", "integrationspolitik"),
            ("council", "integrationsraadet"),
        ];
        let r = app.post_form("/_fn/council_workspace", &fn_form).await;
        assert_eq!(r.status().as_u16(), 401);
        assert!(!r.text().await.unwrap().contains(SECRET));
        let r = app
            .post_form_with_cookie("/_fn/council_workspace", &bo, &fn_form)
            .await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(!r.text().await.unwrap().contains(SECRET));
        let r = app
            .post_form_with_cookie("/_fn/council_workspace", &anna, &fn_form)
            .await;
        assert_eq!(r.status().as_u16(), 200);
        assert!(r.text().await.unwrap().contains(SECRET));
        assert!(
            !app.get_text(&format!("/hoeringer/integrationspolitik?vis={block}"))
                .await
                .1
                .contains(SECRET)
        );
        let api = app
            .get_text("/api/v1/hearings/integrationspolitik/responses")
            .await
            .1;
        assert!(!api.contains(SECRET));

        // Only members comment: not another council's, not a clerk.
        let bo_csrf = app.csrf_of(&bo).await;
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &bo,
                &[("csrf", &bo_csrf), ("text", "Ind ad bagdøren")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
        let clerk_csrf = app.csrf(&clerk).await;
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &clerk,
                &[
                    ("csrf", &clerk_csrf),
                    ("text", "Sagsbehandleren blander sig"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM council_comments")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(stored, 3);
    }
);

/// A hearing with Integrationsrådet's round open today (for five days), Anna chairing and Cem
/// a member, Bo in another council; returns the workspace's path.
async fn open_round(app: &TestApp) -> &'static str {
    app.add_open_hearing("integrationspolitik").await;
    app.add_clerk().await;
    for email in [
        "anna@raadet.example",
        "cem@raadet.example",
        "bo@handicap.example",
    ] {
        app.add_user(email, Role::Council).await;
    }
    let pool = &app.db.pool;
    server::council::db::create(pool, "handicapraadet", "Handicaprådet")
        .await
        .unwrap();
    server::council::add_member(pool, "integrationsraadet", "anna@raadet.example", true)
        .await
        .unwrap();
    server::council::add_member(pool, "integrationsraadet", "cem@raadet.example", false)
        .await
        .unwrap();
    server::council::add_member(pool, "handicapraadet", "bo@handicap.example", true)
        .await
        .unwrap();
    let clerk = app.login().await;
    let csrf = app.csrf(&clerk).await;
    let in_days = |n: i64| {
        hoering::calendar::today()
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
            .to_string()
    };
    let r = app
        .post_form_with_cookie(
            "/admin/hoeringer/integrationspolitik/raadsrunde",
            &clerk,
            &[
                ("csrf", &csrf),
                ("round_council", "integrationsraadet"),
                ("round_opens", &in_days(0)),
                ("round_closes", &in_days(5)),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    "/raad/hoeringer/integrationspolitik/integrationsraadet"
}

/// A member saves the joint response on the copy of revision `based_on`.
async fn save_joint(app: &TestApp, cookie: &str, based_on: &str, text: &str) -> reqwest::Response {
    let csrf = app.csrf_of(cookie).await;
    app.post_form_with_cookie(
        "/raad/hoeringer/integrationspolitik/integrationsraadet/faelles",
        cookie,
        &[
            ("csrf", &csrf),
            ("joint_based_on", based_on),
            ("joint_text", text),
        ],
    )
    .await
}

async fn revision_texts(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT text FROM joint_revisions ORDER BY number")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

both_databases!(
    an_edit_on_a_stale_copy_of_the_joint_response_is_refused_and_nothing_is_lost,
    |app: TestApp| async move {
        let workspace = open_round(&app).await;
        let anna = app.login_as("anna@raadet.example").await;
        let cem = app.login_as("cem@raadet.example").await;

        assert_eq!(
            save_joint(&app, &anna, "0", "Rådet støtter forslaget.")
                .await
                .status()
                .as_u16(),
            303
        );
        // Both now have revision 1 open; Anna saves first.
        assert_eq!(
            save_joint(
                &app,
                &anna,
                "1",
                "Rådet støtter forslaget, men ønsker mere sprogstøtte."
            )
            .await
            .status()
            .as_u16(),
            303
        );
        let r = save_joint(
            &app,
            &cem,
            "1",
            "Rådet støtter forslaget og ønsker tolkning.",
        )
        .await;
        assert_eq!(r.status().as_u16(), 409, "a stale copy is refused");
        let body = strip(&r.text().await.unwrap());
        assert!(body.contains("Nogen har gemt en nyere version, mens du skrev"));
        assert!(
            body.contains("Rådet støtter forslaget, men ønsker mere sprogstøtte."),
            "the newer text is shown"
        );
        assert!(
            body.contains("ønsker tolkning.</textarea>"),
            "what Cem typed is kept in the field"
        );
        assert!(
            body.contains("<ins>") && body.contains("<del>"),
            "with the difference"
        );
        assert!(
            body.contains("name=\"joint_based_on\" value=\"2\""),
            "saving again is based on the newest version Cem has now seen"
        );
        assert_eq!(
            revision_texts(&app).await,
            [
                "Rådet støtter forslaget.",
                "Rådet støtter forslaget, men ønsker mere sprogstøtte."
            ],
            "nothing overwritten"
        );
        // Having merged, Cem saves on the newest version.
        assert_eq!(
            save_joint(
                &app,
                &cem,
                "2",
                "Rådet støtter forslaget, men ønsker mere sprogstøtte og tolkning."
            )
            .await
            .status()
            .as_u16(),
            303
        );
        // The same text again stores nothing new; a made-up revision is refused.
        assert_eq!(
            save_joint(
                &app,
                &cem,
                "3",
                "Rådet støtter forslaget, men ønsker mere sprogstøtte og tolkning.\r\n"
            )
            .await
            .status()
            .as_u16(),
            303
        );
        assert_eq!(
            save_joint(&app, &cem, "9", "Hvad som helst")
                .await
                .status()
                .as_u16(),
            422
        );
        assert_eq!(revision_texts(&app).await.len(), 3);

        // The history names who saved each version; any two are compared word by word.
        let page = strip(
            &app.get_with_cookie(&format!("{workspace}?fra=1&til=3"), &anna)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(page.contains("Version 3 · cem@raadet.example"), "{page}");
        assert!(page.contains("Version 1 · anna@raadet.example"));
        assert!(page.contains("Fra version 1 til version 3"));
        assert!(
            page.contains("</span>, men ønsker mere sprogstøtte og tolkning<span"),
            "the words added between the two, marked: {page}"
        );

        // Only the council's members write it: not a clerk, not another council.
        let clerk = app.login().await;
        assert_eq!(
            save_joint(&app, &clerk, "3", "Ændret")
                .await
                .status()
                .as_u16(),
            403
        );
        let bo = app.login_as("bo@handicap.example").await;
        assert_eq!(
            save_joint(&app, &bo, "3", "Ændret").await.status().as_u16(),
            403
        );
        let r = app
            .post_form(
                "/raad/hoeringer/integrationspolitik/integrationsraadet/faelles",
                &[("joint_based_on", "3"), ("joint_text", "Ændret")],
            )
            .await;
        assert!(
            r.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login"),
            "no session: to the login page"
        );
        assert_eq!(revision_texts(&app).await.len(), 3);
        // The public never sees the draft.
        assert!(
            !app.get_text("/hoeringer/integrationspolitik")
                .await
                .1
                .contains("sprogstøtte og tolkning")
        );
    }
);

both_databases!(
    the_chair_submits_the_joint_response_and_it_arrives_as_the_councils_response,
    |app: TestApp| async move {
        let workspace = open_round(&app).await;
        // Integrationsrådet is also on the høringsliste: its joint response is its answer.
        let hearing_id: i64 =
            sqlx::query_scalar("SELECT id FROM hearings WHERE slug = 'integrationspolitik'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        let list =
            hoering::consultees::import("Integrationsrådet;Anna;anna@raadet.example;råd og nævn")
                .unwrap();
        let parties: Vec<_> = list
            .parties
            .into_iter()
            .map(|p| (p, "party-token-integrationsraadet".to_string()))
            .collect();
        server::consultees::db::add(&app.db.pool, hearing_id, &parties)
            .await
            .unwrap();
        let anna = app.login_as("anna@raadet.example").await;
        let cem = app.login_as("cem@raadet.example").await;
        const TEXT: &str = "Integrationsrådet støtter forslaget og ønsker tolkning ved alle møder.";
        assert_eq!(
            save_joint(&app, &cem, "0", TEXT).await.status().as_u16(),
            303
        );
        let submit = |cookie: String, revision: &'static str, name: &'static str| {
            let app = &app;
            async move {
                let csrf = app.csrf_of(&cookie).await;
                app.post_form_with_cookie(
                    &format!("{workspace}/indsend"),
                    &cookie,
                    &[
                        ("csrf", csrf.as_str()),
                        ("submit_revision", revision),
                        ("submit_name", name),
                    ],
                )
                .await
            }
        };
        // Only the chair submits, what they have read, with their name as contact person.
        assert_eq!(submit(cem.clone(), "1", "Cem").await.status().as_u16(), 403);
        let r = submit(anna.clone(), "0", "Anna Holm").await;
        assert_eq!(r.status().as_u16(), 409);
        assert!(strip(&r.text().await.unwrap()).contains("Svaret er ændret, siden du læste det"));
        let r = submit(anna.clone(), "1", "").await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(
            strip(&r.text().await.unwrap()).contains("Skriv dit navn som rådets kontaktperson.")
        );
        assert_eq!(app.stored_responses().await, 0);

        let r = submit(anna.clone(), "1", "Anna Holm").await;
        assert_eq!(r.status().as_u16(), 303);
        let (text, kind, organisation, status, email, block, party): (
            String,
            String,
            Option<String>,
            String,
            String,
            Option<String>,
            Option<i64>,
        ) = sqlx::query_as(
            "SELECT text, sender_kind, organisation, status, email, block_number, party_id
             FROM responses",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(text, TEXT);
        assert_eq!(kind, "council");
        assert_eq!(organisation.as_deref(), Some("Integrationsrådet"));
        assert_eq!(
            status, "pending",
            "it takes the normal path: moderation first"
        );
        assert_eq!(email, "anna@raadet.example");
        assert_eq!(block, None);
        assert!(
            party.is_some(),
            "matched to the council on the høringsliste"
        );
        let answered: Option<i64> = sqlx::query_scalar("SELECT answered_at FROM hearing_parties")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert!(answered.is_some());
        let receipts: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'receipt' AND recipient = 'anna@raadet.example'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(receipts, 1, "the chair gets the receipt");

        // Sent once; the text is fixed from then on.
        assert_eq!(
            submit(anna.clone(), "1", "Anna Holm")
                .await
                .status()
                .as_u16(),
            409
        );
        assert_eq!(app.stored_responses().await, 1);
        let r = save_joint(&app, &cem, "1", "Noget andet").await;
        assert_eq!(r.status().as_u16(), 409);
        assert_eq!(revision_texts(&app).await, [TEXT]);
        let page = strip(
            &app.get_with_cookie(workspace, &cem)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(
            page.contains("afventer sagsbehandlerens gennemsyn"),
            "{page}"
        );

        // The clerk's queue has it; once published, the public sees the council's answer.
        let clerk = app.login().await;
        let queue = strip(
            &app.get_with_cookie("/admin/hoeringer/integrationspolitik", &clerk)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(queue.contains("ønsker tolkning ved alle møder"));
        app.publish_all().await;
        let public = app
            .get_text("/hoeringer/integrationspolitik?vis=hele")
            .await
            .1;
        assert!(public.contains("ønsker tolkning ved alle møder"));
        assert!(public.contains("Integrationsrådet"));
        let api = app
            .get_text("/api/v1/hearings/integrationspolitik/responses")
            .await
            .1;
        assert!(
            api.contains("\"council\"") && api.contains("Integrationsrådet"),
            "{api}"
        );
    }
);

both_databases!(
    the_chair_publishes_the_discussion_when_the_council_decides,
    |app: TestApp| async move {
        let workspace = open_round(&app).await;
        let anna = app.login_as("anna@raadet.example").await;
        let cem = app.login_as("cem@raadet.example").await;
        let cem_csrf = app.csrf_of(&cem).await;
        const SAID: &str = "Vi bør tale med foreningerne først.";
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/kommentar"),
                &cem,
                &[("csrf", &cem_csrf), ("text", SAID)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let publish = |cookie: String, confirm: &'static str| {
            let app = &app;
            async move {
                let csrf = app.csrf_of(&cookie).await;
                app.post_form_with_cookie(
                    &format!("{workspace}/offentliggoer"),
                    &cookie,
                    &[("csrf", csrf.as_str()), ("publish_confirm", confirm)],
                )
                .await
            }
        };
        // Not while members are still writing.
        let r = publish(anna.clone(), "on").await;
        assert_eq!(r.status().as_u16(), 409);
        assert!(
            strip(&r.text().await.unwrap()).contains("når runden er slut eller svaret er indsendt")
        );
        assert_eq!(
            save_joint(&app, &cem, "0", "Rådet støtter forslaget.")
                .await
                .status()
                .as_u16(),
            303
        );
        let csrf = app.csrf_of(&anna).await;
        let r = app
            .post_form_with_cookie(
                &format!("{workspace}/indsend"),
                &anna,
                &[
                    ("csrf", &csrf),
                    ("submit_revision", "1"),
                    ("submit_name", "Anna Holm"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(
            app.get(workspace).await.status().as_u16(),
            401,
            "still private"
        );
        // Only the chair, and only having confirmed the council's decision.
        assert_eq!(publish(cem.clone(), "on").await.status().as_u16(), 403);
        let r = publish(anna.clone(), "").await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Bekræft, at rådet har besluttet"));
        assert!(
            !app.get_text("/hoeringer/integrationspolitik")
                .await
                .1
                .contains(workspace)
        );
        assert_eq!(publish(anna.clone(), "on").await.status().as_u16(), 303);
        // Now anyone reads it, found from the hearing's page, and nobody can write in it.
        assert!(
            app.get_text("/hoeringer/integrationspolitik")
                .await
                .1
                .contains(workspace)
        );
        let r = app.get(workspace).await;
        assert_eq!(r.status().as_u16(), 200);
        let page = strip(&r.text().await.unwrap());
        assert!(page.contains(SAID) && page.contains("Rådet støtter forslaget."));
        assert!(!page.contains("name=\"csrf\""), "no forms for the public");
        let r = app
            .post_form(
                "/_fn/council_workspace",
                &[
                    ("slug", "integrationspolitik"),
                    ("council", "integrationsraadet"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(publish(anna.clone(), "on").await.status().as_u16(), 409);
    }
);

both_databases!(
    a_staff_form_with_a_field_left_out_comes_back_translated,
    |app: TestApp| async move {
        app.add_user("admin@roskilde.example", Role::Admin).await;
        let admin = app.login_as("admin@roskilde.example").await;
        let csrf = app.csrf(&admin).await;
        // No `name` at all, and a field the form does not have: not axum's plain-text 422,
        // but the page again with the message by the field, in the reader's language.
        let r = app
            .post_form_with_cookie(
                "/admin/raad",
                &admin,
                &[("csrf", &csrf), ("unknown", "ignored")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        let html = r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
        assert!(html, "the form page, not a plain-text rejection");
        let body = strip(&r.text().await.unwrap());
        assert!(body.contains("Skriv dit navn"), "the field's message");
        assert!(!body.contains("ignored"), "an unknown field is not echoed");
    }
);
