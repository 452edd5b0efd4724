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
