//! Several hoering servers on one database, as behind a load balancer: a user's requests may
//! land on any of them, and each must know what the others did (sessions, moderation, limits).

use crate::helpers::{Engine, TestApp, location};

const SLUG: &str = "integrationspolitik";

/// The hearing's response form, as a citizen sends it.
fn response(text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("text", text.to_string()),
        ("name", "Amina Hassan".into()),
        ("email", "amina@example.dk".into()),
        ("sender_kind", "private".into()),
        ("publication", "with_name".into()),
        ("block", String::new()),
    ]
}

async fn alternate(engine: Engine) {
    // Three responses an hour per client, so the limit is reached within the test.
    let Some(app) = TestApp::spawn_with(engine, |c| c.responses_per_hour = 3).await else {
        return;
    };
    app.add_open_hearing_and_clerk(SLUG).await;
    let second = app.second_server().await;
    let on_second = |path: &str| format!("http://{}{path}", second.addr);
    let post = |url: String, cookie: Option<&str>, form: Vec<(&'static str, String)>| {
        let mut request = app.client.post(url).form(&form);
        if let Some(c) = cookie {
            request = request.header("cookie", c);
        }
        async move { request.send().await.unwrap() }
    };

    // A citizen responds on the second server; the first server's clerk sees it waiting.
    let r = post(
        on_second(&format!("/hoeringer/{SLUG}/svar")),
        None,
        response("Svar sendt til den anden server."),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let id: i64 = app.scalar("SELECT id FROM responses").await;

    // Logged in on the first server, the clerk moderates on the second.
    let cookie = app.login().await;
    let csrf = app.csrf(&cookie).await;
    let queue = app
        .text_as(&format!("/admin/hoeringer/{SLUG}"), &cookie)
        .await;
    assert!(queue.contains("Svar sendt til den anden server."));
    let r = post(
        on_second(&format!("/admin/svar/{id}")),
        Some(&cookie),
        vec![
            ("status", "published".into()),
            ("csrf", csrf.clone()),
            ("back", format!("/admin/hoeringer/{SLUG}")),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        r.headers()["location"],
        format!("/admin/hoeringer/{SLUG}#r-{id}")
    );
    // The public sees it published on the first server.
    let api = app
        .get_json(&format!("/api/v1/hearings/{SLUG}/responses"))
        .await;
    assert!(
        api.to_string().contains("Svar sendt til den anden server."),
        "{api}"
    );

    // Two more responses, one on each server, reach the client's limit of three; the fourth
    // is refused by either server.
    for url in [
        app.url(&format!("/hoeringer/{SLUG}/svar")),
        on_second(&format!("/hoeringer/{SLUG}/svar")),
    ] {
        let r = post(url, None, response("Endnu et svar.")).await;
        assert_eq!(r.status().as_u16(), 303);
    }
    for url in [
        app.url(&format!("/hoeringer/{SLUG}/svar")),
        on_second(&format!("/hoeringer/{SLUG}/svar")),
    ] {
        let r = post(url, None, response("Et svar for meget.")).await;
        assert_eq!(r.status().as_u16(), 429, "refused on every server");
        assert!(r.headers().contains_key("retry-after"));
    }
    assert_eq!(app.stored_responses().await, 3);

    // Failed logins count on every server: three on the second, and the first makes the fourth
    // wait (the delay starts after three failures).
    for _ in 0..3 {
        let r = post(
            on_second("/login"),
            None,
            vec![
                ("email", crate::helpers::CLERK_EMAIL.into()),
                ("password", "forkert".into()),
                ("next", String::new()),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 401);
    }
    let started = std::time::Instant::now();
    let r = app
        .post_login(crate::helpers::CLERK_EMAIL, "forkert", "")
        .await;
    assert_eq!(r.status().as_u16(), 401);
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(250),
        "the first server knew of the second's failures"
    );

    // Logging out on the second server ends the session on the first.
    let r = post(
        on_second("/logout"),
        Some(&cookie),
        vec![("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app.get_with_cookie("/admin", &cookie).await;
    assert_eq!(r.status().as_u16(), 303, "the session is gone everywhere");
    assert!(location(&r).starts_with("/login"));
    second.task.abort();
    if let Some(s) = second.sender {
        s.abort();
    }
}

crate::both_engines!(
    two_servers_on_one_database_serve_every_user_alike,
    alternate
);
