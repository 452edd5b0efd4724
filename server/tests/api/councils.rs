//! Councils over HTTP: an admin creates one and seats members (only users with the council
//! role), names the chair and removes a member; clerks and council members may not.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;

/// Integrationsrådet's room on the hearing.
const WORKSPACE: &str = "/raad/hoeringer/integrationspolitik/integrationsraadet";

both_databases!(
    an_admin_seats_council_members_and_nobody_else_may,
    |app: TestApp| async move {
        app.add_user("admin@roskilde.example", Role::Admin).await;
        app.add_user("formand@raadet.example", Role::Council).await;
        app.add_clerk().await;
        let admin = app.login_as("admin@roskilde.example").await;
        let page = app.page_as("/admin/raad", &admin).await;
        assert!(
            page.contains("Integrationsrådet"),
            "every installation starts with it"
        );

        app.post_as_ok("/admin/raad", &admin, &[("name", "Handicaprådet")])
            .await;
        let r = app
            .post_as("/admin/raad", &admin, &[("name", "Handicaprådet")])
            .await;
        assert!(
            refused_page(r)
                .await
                .contains("Der findes allerede et råd med det navn.")
        );

        let add = |email: &'static str, chair: &'static str| {
            let (app, admin) = (&app, admin.clone());
            async move {
                app.post_as(
                    "/admin/raad/integrationsraadet/medlemmer",
                    &admin,
                    &[("email", email), ("chair", chair)],
                )
                .await
            }
        };
        assert_eq!(
            add("formand@raadet.example", "on").await.status().as_u16(),
            303
        );
        let r = add(CLERK_EMAIL, "").await;
        let body = refused_page(r).await;
        assert!(body.contains("Brugeren har ikke rollen råd"));
        assert!(
            body.contains(&format!("value=\"{CLERK_EMAIL}\"")),
            "what was typed is kept"
        );
        let r = add("ingen@raadet.example", "").await;
        assert!(strip(&r.text().await.unwrap()).contains("Der er ingen bruger med den e-mail"));
        let page = app.page_as("/admin/raad", &admin).await;
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
        let home = app.page_as("/raad", &member).await;
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
        app.post_as_forbidden("/admin/raad", &clerk, &[("name", "Ældrerådet")])
            .await;
        let member = app.login_as("formand@raadet.example").await;
        app.post_as_turned_away(
            "/admin/raad/integrationsraadet/medlemmer/fjern",
            &member,
            &[("email", "formand@raadet.example")],
        )
        .await;

        // The admin removes the member.
        app.post_as_ok(
            "/admin/raad/integrationsraadet/medlemmer/fjern",
            &admin,
            &[("email", "formand@raadet.example")],
        )
        .await;
        let seated: i64 = app.scalar("SELECT COUNT(*) FROM council_members").await;
        assert_eq!(seated, 0);
    }
);

both_databases!(
    a_councils_discussion_is_for_its_members_and_the_clerks_only,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        seat_members(&app, false).await;
        // The round ends by the hearing's last day at the latest.
        let r = app
            .open_council_round(&clerk, "integrationspolitik", "integrationsraadet", 0, 60)
            .await;
        assert!(
            refused_page(r)
                .await
                .contains("senest på høringens sidste dag")
        );
        let r = app
            .open_council_round(&clerk, "integrationspolitik", "integrationsraadet", 0, 5)
            .await;
        assert_eq!(r.status().as_u16(), 303);

        let workspace = WORKSPACE;
        let anna = app.login_as("anna@raadet.example").await;
        let home = app.page_as("/raad", &anna).await;
        assert!(
            home.contains(workspace),
            "the round on the member's start page"
        );
        let block = app.danish_item("integrationspolitik").await;
        const SECRET: &str = "Rådet bør kræve sprogstøtte fra første dag.";
        redirected(comment(&app, &anna, &[("block", &block), ("text", SECRET)]).await).await;
        let id: i64 = app.scalar("SELECT id FROM council_comments").await;
        // On quoted words: they must be the paragraph's, and are kept as it has them.
        let r = comment(
            &app,
            &anna,
            &[
                ("block", &block),
                ("quote", "ord der ikke står der"),
                ("text", "Om ordene."),
            ],
        )
        .await;
        let body = refused_page(r).await;
        assert!(
            body.contains("value=\"ord der ikke står der\""),
            "what was typed is kept"
        );
        let r = comment(
            &app,
            &anna,
            &[
                ("block", &block),
                ("quote", "LÆRE DANSK"),
                ("text", "Om ordene."),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        let quoted: String = app
            .scalar("SELECT quote FROM council_comments WHERE text = 'Om ordene.'")
            .await;
        assert_eq!(quoted, "lære dansk");
        // Cem replies and agrees; Anna may not agree with herself.
        let cem = app.login_as("cem@raadet.example").await;
        let r = comment(
            &app,
            &cem,
            &[
                ("reply_to", &id.to_string()),
                ("text", "Enig, og tolkning."),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        app.post_as_ok(&format!("{workspace}/enig/{id}"), &cem, &[])
            .await;
        app.post_as_forbidden(&format!("{workspace}/enig/{id}"), &anna, &[])
            .await;
        let page = app.page_as(workspace, &anna).await;
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
        let receipt = location(&sent);
        assert!(!app.page(&receipt).await.contains(SECRET));
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
            !app.page(&format!("/hoeringer/integrationspolitik?vis={block}"))
                .await
                .contains(SECRET)
        );
        let api = app
            .page("/api/v1/hearings/integrationspolitik/responses")
            .await;
        assert!(!api.contains(SECRET));

        // Only members comment: not another council's, not a clerk.
        let r = comment(&app, &bo, &[("text", "Ind ad bagdøren")]).await;
        assert_eq!(r.status().as_u16(), 403);
        let r = comment(&app, &clerk, &[("text", "Sagsbehandleren blander sig")]).await;
        assert_eq!(r.status().as_u16(), 403);
        let stored: i64 = app.scalar("SELECT COUNT(*) FROM council_comments").await;
        assert_eq!(stored, 3);
    }
);

/// Anna and Cem in Integrationsrådet, Bo in a new Handicaprådet (all with the council role);
/// with `chairs`, Anna and Bo chair their councils.
async fn seat_members(app: &TestApp, chairs: bool) {
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
    for (council, email, chair) in [
        ("integrationsraadet", "anna@raadet.example", chairs),
        ("integrationsraadet", "cem@raadet.example", false),
        ("handicapraadet", "bo@handicap.example", chairs),
    ] {
        server::council::add_member(pool, council, email, chair)
            .await
            .unwrap();
    }
}

/// Anna and Cem go by their names (as the admin or they themselves set them).
async fn name_members(app: &TestApp) {
    for (email, name) in [
        ("anna@raadet.example", "Anna Jensen"),
        ("cem@raadet.example", "Cem Yilmaz"),
    ] {
        let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        let name = hoering::council::MemberName::parse(name).unwrap();
        server::auth::db::set_display_name(&app.db.pool, id, &name)
            .await
            .unwrap();
    }
}

/// A hearing with Integrationsrådet's round open today (for five days), Anna chairing and Cem
/// a member, Bo in another council; returns the workspace's path.
async fn open_round(app: &TestApp) -> &'static str {
    let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
    seat_members(app, true).await;
    let r = app
        .open_council_round(&clerk, "integrationspolitik", "integrationsraadet", 0, 5)
        .await;
    assert_eq!(r.status().as_u16(), 303);
    WORKSPACE
}

/// Someone posts a comment in Integrationsrådet's room on the hearing.
async fn comment(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_as(&format!("{WORKSPACE}/kommentar"), cookie, form)
        .await
}

/// A member saves the joint response on the copy of revision `based_on`.
async fn save_joint(app: &TestApp, cookie: &str, based_on: &str, text: &str) -> reqwest::Response {
    app.post_as(
        &format!("{WORKSPACE}/faelles"),
        cookie,
        &[("joint_based_on", based_on), ("joint_text", text)],
    )
    .await
}

/// Cem (`cem`) writes the joint response, "Rådet støtter forslaget.", and the chair (`anna`)
/// submits it under `name`.
async fn write_and_submit_the_joint_response(app: &TestApp, cem: &str, anna: &str, name: &str) {
    assert_eq!(
        joint_status(app, cem, "0", "Rådet støtter forslaget.").await,
        303
    );
    app.post_as_ok(
        &format!("{WORKSPACE}/indsend"),
        anna,
        &[("submit_revision", "1"), ("submit_name", name)],
    )
    .await;
}

/// The status [`save_joint`] answers with.
async fn joint_status(app: &TestApp, cookie: &str, based_on: &str, text: &str) -> u16 {
    save_joint(app, cookie, based_on, text)
        .await
        .status()
        .as_u16()
}

async fn revision_texts(app: &TestApp) -> Vec<String> {
    app.column("SELECT text FROM joint_revisions ORDER BY number")
        .await
}

both_databases!(
    an_edit_on_a_stale_copy_of_the_joint_response_is_refused_and_nothing_is_lost,
    |app: TestApp| async move {
        let workspace = open_round(&app).await;
        name_members(&app).await;
        let anna = app.login_as("anna@raadet.example").await;
        let cem = app.login_as("cem@raadet.example").await;
        const FIRST: &str = "Rådet støtter forslaget.";
        const ANNAS: &str = "Rådet støtter forslaget, men ønsker mere sprogstøtte.";
        const CEMS: &str = "Rådet støtter forslaget og ønsker tolkning.";
        const MERGED: &str = "Rådet støtter forslaget, men ønsker mere sprogstøtte og tolkning.";

        assert_eq!(joint_status(&app, &anna, "0", FIRST).await, 303);
        // Both now have revision 1 open; Anna saves first.
        assert_eq!(joint_status(&app, &anna, "1", ANNAS).await, 303);
        let r = save_joint(&app, &cem, "1", CEMS).await;
        assert_eq!(r.status().as_u16(), 409, "a stale copy is refused");
        let body = strip(&r.text().await.unwrap());
        assert!(body.contains("Nogen har gemt en nyere version, mens du skrev"));
        assert!(body.contains(ANNAS), "the newer text is shown");
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
            [FIRST, ANNAS],
            "nothing overwritten"
        );
        // Having merged, Cem saves on the newest version.
        assert_eq!(joint_status(&app, &cem, "2", MERGED).await, 303);
        // The same text again stores nothing new; a made-up revision is refused.
        let again = format!("{MERGED}\r\n");
        assert_eq!(joint_status(&app, &cem, "3", &again).await, 303);
        assert_eq!(joint_status(&app, &cem, "9", "Hvad som helst").await, 422);
        assert_eq!(revision_texts(&app).await.len(), 3);

        // The history names who saved each version; any two are compared word by word.
        let page = app
            .page_as(&format!("{workspace}?fra=1&til=3"), &anna)
            .await;
        assert!(page.contains("Version 3 · Cem Yilmaz"), "{page}");
        assert!(page.contains("Version 1 · Anna Jensen"));
        assert!(page.contains("Fra version 1 til version 3"));
        assert!(
            page.contains("</span>, men ønsker mere sprogstøtte og tolkning<span"),
            "the words added between the two, marked: {page}"
        );

        // Only the council's members write it: not a clerk, not another council.
        let clerk = app.login().await;
        assert_eq!(joint_status(&app, &clerk, "3", "Ændret").await, 403);
        let bo = app.login_as("bo@handicap.example").await;
        assert_eq!(joint_status(&app, &bo, "3", "Ændret").await, 403);
        let r = app
            .post_form(
                &format!("{WORKSPACE}/faelles"),
                &[("joint_based_on", "3"), ("joint_text", "Ændret")],
            )
            .await;
        assert!(
            location(&r).starts_with("/login"),
            "no session: to the login page"
        );
        assert_eq!(revision_texts(&app).await.len(), 3);
        // The public never sees the draft.
        assert!(
            !app.page("/hoeringer/integrationspolitik")
                .await
                .contains("sprogstøtte og tolkning")
        );
    }
);

both_databases!(
    the_chair_submits_the_joint_response_and_it_arrives_as_the_councils_response,
    |app: TestApp| async move {
        let workspace = open_round(&app).await;
        // Integrationsrådet is also on the høringsliste: its joint response is its answer.
        let hearing_id: i64 = app
            .scalar("SELECT id FROM hearings WHERE slug = 'integrationspolitik'")
            .await;
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
        assert_eq!(joint_status(&app, &cem, "0", TEXT).await, 303);
        let submit = |cookie: String, revision: &'static str, name: &'static str| {
            let app = &app;
            async move {
                app.post_as(
                    &format!("{workspace}/indsend"),
                    &cookie,
                    &[("submit_revision", revision), ("submit_name", name)],
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
        assert!(
            refused_page(r)
                .await
                .contains("Skriv dit navn som rådets kontaktperson.")
        );
        assert_eq!(app.stored_responses().await, 0);

        redirected(submit(anna.clone(), "1", "Anna Holm").await).await;
        let (text, kind, organisation, status, email, block, party): (
            String,
            String,
            Option<String>,
            String,
            String,
            Option<String>,
            Option<i64>,
        ) = app
            .row(
                "SELECT text, sender_kind, organisation, status, email, block_number, party_id
             FROM responses",
            )
            .await;
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
        let answered: Option<i64> = app.scalar("SELECT answered_at FROM hearing_parties").await;
        assert!(answered.is_some());
        let receipts: i64 = app.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'receipt' AND recipient = 'anna@raadet.example'").await;
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
        let page = app.page_as(workspace, &cem).await;
        assert!(
            page.contains("afventer sagsbehandlerens gennemsyn"),
            "{page}"
        );

        // The clerk's queue has it; once published, the public sees the council's answer.
        let clerk = app.login().await;
        let queue = app
            .page_as("/admin/hoeringer/integrationspolitik", &clerk)
            .await;
        assert!(queue.contains("ønsker tolkning ved alle møder"));
        app.publish_all().await;
        let public = app.page("/hoeringer/integrationspolitik?vis=hele").await;
        assert!(public.contains("ønsker tolkning ved alle møder"));
        assert!(public.contains("Integrationsrådet"));
        let api = app
            .page("/api/v1/hearings/integrationspolitik/responses")
            .await;
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
        const SAID: &str = "Vi bør tale med foreningerne først.";
        redirected(comment(&app, &cem, &[("text", SAID)]).await).await;
        let publish = |cookie: String, confirm: &'static str| {
            let app = &app;
            async move {
                app.post_as(
                    &format!("{workspace}/offentliggoer"),
                    &cookie,
                    &[("publish_confirm", confirm)],
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
        write_and_submit_the_joint_response(&app, &cem, &anna, "Anna Holm").await;
        assert_eq!(
            app.get(workspace).await.status().as_u16(),
            401,
            "still private"
        );
        // Only the chair, and only having confirmed the council's decision.
        assert_eq!(publish(cem.clone(), "on").await.status().as_u16(), 403);
        let r = publish(anna.clone(), "").await;
        assert!(
            refused_page(r)
                .await
                .contains("Bekræft, at rådet har besluttet")
        );
        assert!(
            !app.page("/hoeringer/integrationspolitik")
                .await
                .contains(workspace)
        );
        assert_eq!(publish(anna.clone(), "on").await.status().as_u16(), 303);
        // Now anyone reads it, found from the hearing's page, and nobody can write in it.
        assert!(
            app.page("/hoeringer/integrationspolitik")
                .await
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
    a_published_discussion_names_the_members_and_never_shows_their_e_mails,
    |app: TestApp| async move {
        let workspace = open_round(&app).await;
        // The admin names Anna when seating her; Cem names himself at his first sign-in.
        app.add_user("admin@roskilde.example", Role::Admin).await;
        let admin = app.login_as("admin@roskilde.example").await;
        let r = app
            .post_as(
                "/admin/raad/integrationsraadet/medlemmer",
                &admin,
                &[
                    ("email", "anna@raadet.example"),
                    ("display_name", "anna@raadet.example"),
                    ("chair", "on"),
                ],
            )
            .await;
        assert!(
            refused_page(r).await.contains("ikke en e-mailadresse"),
            "an e-mail address is no name"
        );
        app.post_as_ok(
            "/admin/raad/integrationsraadet/medlemmer",
            &admin,
            &[
                ("email", "anna@raadet.example"),
                ("display_name", "Anna Jensen"),
                ("chair", "on"),
            ],
        )
        .await;
        let listed = app.page_as("/admin/raad", &admin).await;
        assert!(
            listed.contains("Anna Jensen") && listed.contains("anna@raadet.example"),
            "the admin sees both"
        );
        let cem = app.login_as("cem@raadet.example").await;
        let home = app.page_as("/raad", &cem).await;
        assert!(
            home.contains("Skriv først det navn, du vil stå med"),
            "asked first: {home}"
        );
        let r = app
            .post_as(
                "/raad/navn",
                &cem,
                &[("display_name", "cem@raadet.example")],
            )
            .await;
        let body = refused_page(r).await;
        assert!(body.contains("ikke en e-mailadresse"));
        assert!(body.contains("value=\"cem@raadet.example\""), "input kept");
        app.post_as_ok("/raad/navn", &cem, &[("display_name", "Cem Yilmaz")])
            .await;
        let home = app.page_as("/raad", &cem).await;
        assert!(home.contains("value=\"Cem Yilmaz\""), "editable later");
        assert!(!home.contains("Skriv først det navn"));

        let anna = app.login_as("anna@raadet.example").await;
        assert_eq!(
            comment(&app, &cem, &[("text", "Tolkning ved alle møder.")])
                .await
                .status()
                .as_u16(),
            303
        );
        write_and_submit_the_joint_response(&app, &cem, &anna, "Anna Jensen").await;
        // In the room, too, members go by their names.
        let room = app.page_as(workspace, &anna).await;
        assert!(room.contains("Cem Yilmaz"), "{room}");
        assert!(!room.contains("cem@raadet.example"), "{room}");
        app.post_as_ok(
            &format!("{workspace}/offentliggoer"),
            &anna,
            &[("publish_confirm", "on")],
        )
        .await;

        let public = app.page(workspace).await;
        assert!(public.contains("Tolkning ved alle møder."), "{public}");
        assert!(public.contains("Cem Yilmaz"), "the comment's author");
        assert!(public.contains("Anna Jensen"), "who submitted it");
        for email in ["anna@raadet.example", "cem@raadet.example", "@raadet"] {
            assert!(!public.contains(email), "{email} on the public page");
        }
        let data = app
            .post_form(
                "/_fn/council_workspace",
                &[
                    ("slug", "integrationspolitik"),
                    ("council", "integrationsraadet"),
                ],
            )
            .await
            .text()
            .await
            .unwrap();
        assert!(
            data.contains("Cem Yilmaz") && !data.contains("@raadet"),
            "{data}"
        );
    }
);

both_databases!(
    the_rooms_paragraphs_are_cited_as_the_public_page_cites_them_and_shown_in_full,
    |app: TestApp| async move {
        open_round(&app).await;
        let block = app.danish_item("integrationspolitik").await;
        let (head, item) = block.rsplit_once('.').unwrap();
        let cited = format!("{head}, punkt {item}");
        let anna = app.login_as("anna@raadet.example").await;
        // A comment without words comes back with the paragraph still chosen.
        let body =
            refused_page(comment(&app, &anna, &[("block", &block), ("text", "")]).await).await;
        assert!(body.contains(&format!(">{cited} · ")), "{body}");
        assert!(
            !body.contains(&format!(">{block} · ")),
            "never the raw number"
        );
        let shown = body
            .split_once("id=\"kommentar-block-text\"")
            .map(|(_, rest)| rest)
            .expect("the chosen paragraph beside the field");
        assert!(shown.contains(&format!("({cited})")), "{shown}");
        assert!(shown.contains(DANISH_ITEM_START), "{shown}");
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
