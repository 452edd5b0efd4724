//! The clerk: logging in, moderating, creating a hearing.

use crate::both_databases;
use crate::helpers::*;

async fn submit(app: &TestApp, block: &str, text: &str, publication: &str) {
    let fields = [
        ("text", text),
        ("publication", publication),
        ("block", block),
    ];
    let r = app
        .respond_with("integrationspolitik", &[&LEKTIECAFE[..], &fields].concat())
        .await;
    assert_eq!(r.status().as_u16(), 303, "submitted");
}

async fn response_ids(app: &TestApp) -> Vec<i64> {
    app.column("SELECT id FROM responses ORDER BY id").await
}

both_databases!(staff_pages_need_login, |app: TestApp| async move {
    let r = app.get("/admin").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(r.headers()["location"], "/login?next=/admin");
    let r = app.post_form("/_fn/admin_hearings", &[]).await;
    assert!(
        !r.status().is_success(),
        "server functions refuse strangers too"
    );
});

both_databases!(
    login_fails_politely_and_succeeds,
    |app: TestApp| async move {
        app.add_clerk().await;
        let r = app.post_login(CLERK_EMAIL, "forkert-kode", "/admin").await;
        assert_eq!(r.status().as_u16(), 401);
        let body = r.text().await.unwrap();
        assert!(body.contains("Forkert e-mail eller adgangskode"));
        assert!(
            body.contains(&format!("value=\"{CLERK_EMAIL}\"")),
            "the e-mail is kept"
        );

        let r = app.post_login(CLERK_EMAIL, CLERK_PASSWORD, "/admin").await;
        assert_eq!(r.status().as_u16(), 303);
        let set_cookie = header(&r, "set-cookie").to_string();
        assert!(set_cookie.contains("HttpOnly"));
        assert!(set_cookie.contains("SameSite=Lax"));
        let cookie = set_cookie.split(';').next().unwrap().to_string();
        let r = app.get_with_cookie("/admin", &cookie).await;
        assert_eq!(r.status().as_u16(), 200);
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Logget ind som clerk@roskilde.example")
        );
    }
);

both_databases!(
    clerk_publishes_and_public_sees_it_as_consent_allows,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("integrationspolitik").await;
        let number = app.danish_item("integrationspolitik").await;
        submit(&app, &number, "Med navn: lektiehjælp virker.", "with_name").await;
        submit(&app, &number, "Anonymt: mere sprogstøtte.", "anonymous").await;
        submit(
            &app,
            &number,
            "Må ikke vises: personlig historie.",
            "not_published",
        )
        .await;
        let ids = response_ids(&app).await;
        let cookie = app.login().await;
        let csrf = app.csrf(&cookie).await;

        let list = app
            .text_as("/admin/hoeringer/integrationspolitik", &cookie)
            .await;
        assert!(
            list.contains("jonas@example.dk"),
            "the clerk sees the e-mail"
        );
        assert!(list.contains("Afventer"));

        // Without the CSRF token nothing changes.
        let r = app
            .post_form_with_cookie(
                &format!("/admin/svar/{}", ids[0]),
                &cookie,
                &[("status", "published"), ("csrf", "forkert")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
        // Without a session nothing changes.
        let r = app
            .post_form_ok(
                &format!("/admin/svar/{}", ids[0]),
                &[("status", "published"), ("csrf", &csrf)],
            )
            .await;
        assert_eq!(r.headers()["location"], "/login?next=/admin");

        for id in &ids {
            let r = app
                .post_form_with_cookie(
                    &format!("/admin/svar/{id}"),
                    &cookie,
                    &[
                        ("status", "published"),
                        ("csrf", &csrf),
                        ("back", "/admin/hoeringer/integrationspolitik"),
                    ],
                )
                .await;
            assert_eq!(r.status().as_u16(), 303);
        }

        let page = app.page("/hoeringer/integrationspolitik").await;
        assert!(
            page.contains("Vis svar (2)"),
            "two may be shown under the item"
        );
        assert!(
            !page.contains("lektiehjælp virker"),
            "responses open on demand"
        );
        let shown = app
            .page(&format!("/hoeringer/integrationspolitik?vis={number}"))
            .await;
        assert_contains(
            &shown,
            &[
                "Med navn: lektiehjælp virker.",
                "Jonas Berg, Roskilde Lektiecafé",
                "Anonymt: mere sprogstøtte.",
                "Anonym",
            ],
        );
        assert!(!shown.contains("Må ikke vises"), "no consent, never shown");
        assert!(!shown.contains("jonas@example.dk"), "never an e-mail");

        // Withholding takes it off the public page again.
        let r = app
            .post_form_with_cookie(
                &format!("/admin/svar/{}", ids[0]),
                &cookie,
                &[
                    ("status", "withheld"),
                    ("reason", "Svaret er uden for høringens emne."),
                    ("csrf", &csrf),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let shown = app
            .page(&format!("/hoeringer/integrationspolitik?vis={number}"))
            .await;
        assert!(!shown.contains("lektiehjælp virker"));
        assert!(shown.contains("Anonymt: mere sprogstøtte."));
    }
);

both_databases!(many_responses_are_paginated, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let number = app.danish_item("integrationspolitik").await;
    for i in 0..45 {
        submit(&app, &number, &format!("Svar nummer {i:02}."), "with_name").await;
    }
    app.publish_all().await;
    let p1 = app
        .page(&format!("/hoeringer/integrationspolitik?vis={number}"))
        .await;
    assert!(p1.contains("Svar nummer 00.") && p1.contains("Svar nummer 19."));
    assert!(!p1.contains("Svar nummer 20."));
    assert!(p1.contains("Side 1 af 3"));
    let p3 = app
        .page(&format!(
            "/hoeringer/integrationspolitik?vis={number}&side=3"
        ))
        .await;
    assert!(p3.contains("Svar nummer 44.") && !p3.contains("Svar nummer 39."));
    assert!(p3.contains("Side 3 af 3"));
});

both_databases!(
    clerk_creates_a_hearing_from_markdown,
    |app: TestApp| async move {
        let cookie = app.clerk().await;
        let csrf = app.csrf(&cookie).await;
        let markdown = "---\ntitle: Ældrepolitik\ncommittee: Social- og Sundhedsudvalget\n---\n\n# Ældrepolitik\n\n## Værdighed\n\nAlle ældre skal mødes med respekt.\n\n- punkt et\n- punkt to\n";
        let form = |action: &'static str, opens: &'static str| {
            reqwest::multipart::Form::new()
                .text("csrf", csrf.clone())
                .text("markdown", markdown)
                .text("title", "")
                .text("slug", "")
                .text("committee", "")
                .text("contact", "Ældreservice")
                .text("opens", opens)
                .text("closes", "2099-03-01")
                .text("action", action)
        };
        let post = |f| app.post_multipart("/admin/hoeringer/ny", &cookie, f);
        let r = post(form("preview", "")).await;
        assert_eq!(r.status().as_u16(), 200);
        let body = r.text().await.unwrap();
        assert!(body.contains("Forhåndsvisning"));
        assert!(body.contains("Alle ældre skal mødes med respekt."));
        assert!(
            body.contains("2.2, punkt 1"),
            "list items numbered in the preview: {body}"
        );

        // Title, committee and contact are single lines of at most 200 characters, as every
        // name field is: a line break or 100,000 characters come back beside the field.
        let long = "æ".repeat(100_000);
        let bad = reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .text("markdown", markdown)
            .text("title", "Ældrepolitik\r\nX-Injected: yes")
            .text("slug", "aeldrepolitik")
            .text("committee", long)
            .text("contact", "Ældre\nservice")
            .text("opens", "2026-01-05")
            .text("closes", "2099-03-01")
            .text("action", "create");
        let r = post(bad).await;
        assert_eq!(r.status().as_u16(), 422);
        let body = r.text().await.unwrap();
        assert_eq!(
            body.matches("Højst 200 tegn på én linje, uden linjeskift")
                .count(),
            2,
            "title and contact: {body}"
        );
        assert!(body.contains("Teksten er for lang"), "committee");
        let (status, _) = app.get_text("/hoeringer/aeldrepolitik").await;
        assert_eq!(status, 404, "nothing stored");

        let r = post(form("create", "")).await;
        assert_eq!(r.status().as_u16(), 422, "the opening date is missing");
        let body = r.text().await.unwrap();
        assert!(body.contains("Vælg en dato"));
        assert!(
            body.contains("Alle ældre skal mødes med respekt."),
            "the draft is kept"
        );

        let r = post(form("create", "2026-01-05")).await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(r.headers()["location"], "/admin/hoeringer/aeldrepolitik");
        let (status, page) = app.get_text("/hoeringer/aeldrepolitik").await;
        assert_eq!(status, 200);
        assert!(page.contains("Social- og Sundhedsudvalget"));

        let r = post(form("create", "2026-01-05")).await;
        assert_eq!(r.status().as_u16(), 409, "the address is taken");
        assert!(r.text().await.unwrap().contains("allerede i brug"));
    }
);

both_databases!(counts_follow_every_moderation, |app: TestApp| async move {
    app.add_open_hearing_and_clerk("integrationspolitik").await;
    let number = app.danish_item("integrationspolitik").await;
    submit(&app, &number, "Synligt svar.", "with_name").await;
    submit(&app, &number, "Må ikke vises.", "not_published").await;
    let ids = response_ids(&app).await;
    let cookie = app.login().await;
    let moderate = |id: i64, status: &'static str| {
        let cookie = cookie.clone();
        let app = &app;
        async move {
            app.post_as_ok(
                &format!("/admin/svar/{id}"),
                &cookie,
                &[("status", status), ("reason", "Uden for emnet.")],
            )
            .await;
        }
    };
    // What the public sees, three ways: the hearing card, the block's count, the API total.
    let public = || async {
        let list = app.get_json("/api/v1/hearings").await;
        let card = list[0]["published_responses"].as_i64().unwrap();
        let api = app
            .get_json("/api/v1/hearings/integrationspolitik/responses")
            .await;
        let page = app.page("/hoeringer/integrationspolitik").await;
        let shown = page.contains("Vis svar (1)");
        (card, api["total"].as_i64().unwrap(), shown)
    };
    assert_eq!(public().await, (0, 0, false));
    moderate(ids[0], "published").await;
    moderate(ids[1], "published").await;
    assert_eq!(
        public().await,
        (1, 1, true),
        "consent decides, not only moderation"
    );
    moderate(ids[0], "withheld").await;
    assert_eq!(public().await, (0, 0, false));
    moderate(ids[0], "withheld").await;
    moderate(ids[0], "published").await;
    assert_eq!(public().await, (1, 1, true));
    let admin = app.text_as("/admin", &cookie).await.replace("<!>", "");
    assert!(
        admin.contains("<td>0</td><td>2</td><td>0</td>"),
        "pending 0, published 2, withheld 0: {admin}"
    );
});
