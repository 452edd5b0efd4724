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
            .post_form(
                "/login",
                &[
                    ("email", "formand@raadet.example"),
                    ("password", CLERK_PASSWORD),
                    ("next", ""),
                ],
            )
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
            jiff::Zoned::now()
                .date()
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
