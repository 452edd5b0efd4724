//! The holes an outside review found, each closed and kept closed: hostile titles, open
//! redirects, roles, the Content-Security-Policy and cache headers, and limits on guessing and
//! flooding.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;

/// Pages only staff may open.
const STAFF_PAGES: [&str; 4] = [
    "/admin",
    "/admin/hoeringer/ny",
    "/admin/hoeringer/integrationspolitik",
    "/admin/hoeringer/integrationspolitik/version/ny",
];
const HOSTILE_TITLE: &str = "Plan </title><img src=x onerror=alert(1)>";
const COUNCIL_EMAIL: &str = "raad@roskilde.example";

async fn hostile_hearing(app: &TestApp) {
    app.add_policy(
        "plan",
        &format!("# {HOSTILE_TITLE}\n\n## Del\n\nEt afsnit.\n"),
    )
    .await;
}

/// The text of the page's `<title>` element, as the server wrote it.
fn title_of(body: &str) -> &str {
    let start = body.find("<title>").expect("a title") + "<title>".len();
    let end = body[start..].find("</title>").expect("a closed title") + start;
    &body[start..end]
}

both_databases!(hostile_titles_stay_text, |app: TestApp| async move {
    hostile_hearing(&app).await;
    let cookie = app.clerk().await;
    // The response form names the hearing in its text, not its title.
    let form = app.page("/hoeringer/plan/svar").await;
    assert!(!form.contains("<img src=x"), "raw markup on the form");
    for path in [
        "/hoeringer/plan",
        "/hoeringer/plan/version/1",
        "/hoeringer/plan/aendringer",
        "/admin/hoeringer/plan",
    ] {
        let body = app.text_as(path, &cookie).await;
        let title = title_of(&body);
        assert!(!title.contains('<'), "{path}: title not escaped: {title}");
        assert!(
            title.contains("Plan &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"),
            "{path}: {title}"
        );
        assert!(
            !body.contains("<img src=x"),
            "{path}: raw markup in the page"
        );
    }
});

both_databases!(redirects_stay_on_this_site, |app: TestApp| async move {
    app.add_clerk().await;
    for next in [
        "/\t/evil.example/x",
        "//evil.example/x",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let r = app.post_login(CLERK_EMAIL, CLERK_PASSWORD, next).await;
        assert_eq!(r.status().as_u16(), 303, "{next:?}");
        assert_eq!(r.headers()["location"], "/admin", "{next:?}");
    }
    // A newline in `next` is refused quietly, never a 500.
    let r = app.get("/login?next=/%0A").await;
    assert_eq!(r.status().as_u16(), 200);
    let r = app.post_login(CLERK_EMAIL, CLERK_PASSWORD, "/\n").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(r.headers()["location"], "/admin");

    // The language switch goes back only to a page of this site.
    let host = app.base.trim_start_matches("http://").to_string();
    for (referer, back) in [
        (format!("http://{host}//evil.example/x"), "/"),
        (
            format!("http://{host}/hoeringer/x?vis=2.1"),
            "/hoeringer/x?vis=2.1",
        ),
        ("https://evil.example/y".to_string(), "/"),
    ] {
        let r = app.get_with("/sprog/en", &[("referer", &referer)]).await;
        assert_eq!(r.headers()["location"], back, "{referer}");
    }

    // Moderation's `back` too.
    app.add_open_hearing("integrationspolitik").await;
    let cookie = app.login().await;
    let fields = [
        ("text", "Et svar."),
        ("name", "Ida"),
        ("email", "ida@example.dk"),
        ("publication", "anonymous"),
    ];
    app.respond_with_ok("integrationspolitik", &fields).await;
    let id: i64 = app.scalar("SELECT id FROM responses").await;
    let r = app
        .post_as_ok(
            &format!("/admin/svar/{id}"),
            &cookie,
            &[("status", "published"), ("back", "//evil.example")],
        )
        .await;
    assert_eq!(
        r.headers()["location"],
        format!("/admin/hoeringer/integrationspolitik#r-{id}").as_str()
    );
});

both_databases!(
    council_members_cannot_do_clerks_work,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let cookie = app.council_member(COUNCIL_EMAIL).await;
        let csrf = app.csrf_of(&cookie).await;
        for page in STAFF_PAGES {
            let r = app.get_with_cookie(page, &cookie).await;
            assert_eq!(r.status().as_u16(), 403, "{page}");
            assert!(
                r.text()
                    .await
                    .unwrap()
                    .contains("Din rolle giver ikke adgang")
            );
        }
        for function in [
            "/_fn/admin_hearings",
            "/_fn/admin_hearing",
            "/_fn/latest_text",
        ] {
            let r = app
                .post_form_with_cookie(
                    function,
                    &cookie,
                    &[("slug", "integrationspolitik"), ("page", "1")],
                )
                .await;
            assert_eq!(r.status().as_u16(), 403, "{function}");
        }
        let before: i64 = app.scalar("SELECT COUNT(*) FROM versions").await;
        for (path, what) in [
            (
                "/admin/hoeringer/integrationspolitik/version/ny",
                "adding a version",
            ),
            ("/admin/hoeringer/ny", "creating a hearing"),
        ] {
            let form = reqwest::multipart::Form::new()
                .text("csrf", csrf.clone())
                .text("markdown", POLICY.to_string())
                .text("label", "Ny")
                .text("slug", "ny-politik")
                .text("committee", "Udvalget")
                .text("opens", "2026-01-05")
                .text("closes", "2099-01-05");
            let r = app.post_multipart(path, &cookie, form).await;
            assert_eq!(r.status().as_u16(), 403, "{what}");
        }
        let r = app
            .post_as("/admin/svar/1", &cookie, &[("status", "published")])
            .await;
        assert_eq!(r.status().as_u16(), 403, "moderating");
        let after: i64 = app.scalar("SELECT COUNT(*) FROM versions").await;
        assert_eq!(before, after, "nothing was stored");
        // The council member may still log out.
        app.post_as_ok("/logout", &cookie, &[]).await;
    }
);

both_databases!(
    server_functions_check_the_caller_before_reading_arguments,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        // A stranger learns nothing from a malformed call: 401 before the arguments are read.
        let r = app
            .post_form("/_fn/admin_search", &[("slug", "integrationspolitik")])
            .await;
        assert_eq!(r.status().as_u16(), 401);
        let r = app.post_form("/_fn/council_home", &[]).await;
        assert_eq!(r.status().as_u16(), 401);
        // A workspace may be public (a published discussion): it reads its arguments, and a
        // call without them is the caller's mistake.
        let r = app.post_form("/_fn/council_workspace", &[]).await;
        assert_eq!(r.status().as_u16(), 400);
        // A clerk's malformed call is the caller's mistake, not the server's: 400.
        let cookie = app.clerk().await;
        let r = app
            .post_form_with_cookie(
                "/_fn/admin_search",
                &cookie,
                &[("slug", "integrationspolitik")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 400, "the filters are missing");
        let r = app
            .post_form_with_cookie("/_fn/version", &cookie, &[("slug", "x"), ("number", "z")])
            .await;
        assert_eq!(r.status().as_u16(), 400, "a number that is not one");
        // Public functions called rightly still answer.
        let r = app
            .post_form("/_fn/hearing", &[("slug", "integrationspolitik")])
            .await;
        assert_eq!(r.status().as_u16(), 200);
    }
);

both_databases!(
    a_link_from_another_site_cannot_write_the_journal,
    |app: TestApp| async move {
        let cookie = app.clerk_with_open_hearing("integrationspolitik").await;
        let journal_rows = || async { app.scalar::<i64>("SELECT COUNT(*) FROM journal").await };
        let before = journal_rows().await;
        for path in [
            "/admin/svar/1/original",
            "/admin/hoeringer/integrationspolitik/journal.zip",
        ] {
            let from_a_link = [
                ("cookie", cookie.as_str()),
                ("sec-fetch-site", "cross-site"),
                ("sec-fetch-mode", "navigate"),
            ];
            let r = app.get_with(path, &from_a_link).await;
            assert_eq!(r.status().as_u16(), 403, "{path}");
        }
        assert_eq!(journal_rows().await, before, "no row in the clerk's name");
        // The same export from our own page works and is journaled.
        let from_our_page = [
            ("cookie", cookie.as_str()),
            ("sec-fetch-site", "same-origin"),
        ];
        let r = app
            .get_with(
                "/admin/hoeringer/integrationspolitik/journal.zip",
                &from_our_page,
            )
            .await;
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(journal_rows().await, before + 1);
        // Other staff pages may still be opened from a link in an e-mail.
        let from_a_mail = [
            ("cookie", cookie.as_str()),
            ("sec-fetch-site", "cross-site"),
        ];
        let r = app
            .get_with("/admin/hoeringer/integrationspolitik", &from_a_mail)
            .await;
        assert_eq!(r.status().as_u16(), 200);
    }
);

both_databases!(
    every_form_in_a_session_s_name_needs_its_token,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        app.add_user("admin@roskilde.example", Role::Admin).await;
        let cookie = app.login_as("admin@roskilde.example").await;
        // Every form a signed-in person sends, without its token (left out or wrong): refused
        // before its handler runs, whatever the handler itself checks.
        let paths = [
            "/admin/spoergsmaal/1",
            "/admin/politikker/integrationspolitik/skridt",
            "/admin/forloeb/standard",
            "/admin/svar/1",
            "/admin/svar/1/skjul",
            "/admin/hoeringer/integrationspolitik/maerker",
            "/admin/hoeringer/integrationspolitik/bemaerkninger",
            "/admin/hoeringer/integrationspolitik/hoeringsnotat/offentliggoer",
            "/admin/hoeringer/integrationspolitik/raadsrunde",
            "/admin/raad/integrationsraadet/medlemmer",
            "/admin/moeder/1/input",
            "/admin/post/1/igen",
            "/raad/hoeringer/integrationspolitik/integrationsraadet/kommentar",
            "/logout",
        ];
        for csrf in [None, Some("forkert")] {
            for path in paths {
                let mut form = vec![("answer", "Svar"), ("action", "advance")];
                if let Some(token) = csrf {
                    form.push(("csrf", token));
                }
                let r = app.post_form_with_cookie(path, &cookie, &form).await;
                assert_eq!(r.status().as_u16(), 403, "{path} with {csrf:?}");
                assert!(
                    r.text().await.unwrap().contains("Formularen er udløbet"),
                    "{path}"
                );
            }
        }
        // A multipart form (a draft) is checked the same way.
        let form = reqwest::multipart::Form::new()
            .text("markdown", POLICY.to_string())
            .text("slug", "uden-token")
            .text("committee", "Udvalget")
            .text("action", "create");
        let r = app
            .post_multipart("/admin/hoeringer/ny", &cookie, form)
            .await;
        assert_eq!(r.status().as_u16(), 403);
        let (status, _) = app.get_text("/hoeringer/uden-token").await;
        assert_eq!(status, 404, "nothing stored");
        // The session is still there: the refused logout did not end it.
        let r = app.get_with_cookie("/admin", &cookie).await;
        assert_eq!(r.status().as_u16(), 200);
    }
);

both_databases!(
    anonymous_staff_posts_are_refused_unread,
    |app: TestApp| async move {
        // The server answers from the headers: it never asks for the 2 MB body.
        let status = app
            .post_announcing_size("/admin/hoeringer/ny", 2_000_000)
            .await;
        assert_eq!(status, 303);
        let r = app
            .post_form_ok("/admin/svar/1", &[("status", "published")])
            .await;
        assert!(location(&r).starts_with("/login"));
    }
);

both_databases!(
    pages_carry_a_nonce_policy_and_private_pages_no_store,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let r = app.get("/hoeringer/integrationspolitik").await;
        let csp = header(&r, "content-security-policy").to_string();
        assert!(
            r.headers()
                .get("cache-control")
                .is_none_or(|v| v != "no-store")
        );
        let body = r.text().await.unwrap();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy");
        assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"));
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(
            body.contains(&format!("nonce=\"{nonce}\"")),
            "the page's scripts carry it"
        );
        let again = app.get("/hoeringer/integrationspolitik").await;
        let csp2 = header(&again, "content-security-policy");
        assert_ne!(csp, csp2, "a fresh nonce per response");

        // Receipts and staff pages are never cached; the guard's own answers carry the headers too.
        let r = app.get("/admin").await;
        assert_eq!(r.headers()["cache-control"], "no-store");
        assert!(r.headers().contains_key("content-security-policy"));
        assert_eq!(r.headers()["x-frame-options"], "DENY");
        let r = app.get(&format!("/kvittering/{}", "0".repeat(64))).await;
        assert_eq!(r.headers()["cache-control"], "no-store");
        let r = app
            .post_with(
                "/hoeringer/integrationspolitik/svar",
                &[("sec-fetch-site", "cross-site")],
                &[("text", "x")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(r.headers().contains_key("content-security-policy"));
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
        // No HSTS or Secure cookie when not served over HTTPS.
        assert!(r.headers().get("strict-transport-security").is_none());
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_sites_get_hsts_and_secure_cookies() {
    within_timeout("https_sites_get_hsts_and_secure_cookies", async {
        let app = TestApp::spawn_with(Engine::Sqlite, |c| {
            c.public_url = Some("https://hoering.roskilde.dk".into())
        })
        .await
        .expect("sqlite app");
        app.add_clerk().await;
        let r = app.get("/").await;
        assert_eq!(r.headers()["strict-transport-security"], "max-age=31536000");
        let r = app.post_login(CLERK_EMAIL, CLERK_PASSWORD, "/admin").await;
        let cookie = header(&r, "set-cookie");
        assert!(cookie.contains("; Secure"), "{cookie}");
    })
    .await;
}

both_databases!(
    guessing_passwords_is_slowed_then_refused,
    |app: TestApp| async move {
        app.add_clerk().await;
        let mut last = 0;
        for _ in 0..12 {
            let r = app.post_login(CLERK_EMAIL, "forkert", "/admin").await;
            last = r.status().as_u16();
            if last == 429 {
                let body = r.text().await.unwrap();
                assert!(body.contains("For mange mislykkede forsøg"), "{body}");
                break;
            }
            assert_eq!(last, 401);
        }
        assert_eq!(last, 429, "refused after ten failures");
        // Even the right password waits until the window ends.
        let r = app.post_login(CLERK_EMAIL, CLERK_PASSWORD, "/admin").await;
        assert_eq!(r.status().as_u16(), 429);
        assert!(r.headers().contains_key("retry-after"));
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guesser_cannot_lock_the_owner_out() {
    within_timeout("a_guesser_cannot_lock_the_owner_out", async {
        // Behind the municipality's proxy, so each request can come from its own address.
        let app = TestApp::spawn_with(Engine::Sqlite, |c| {
            c.trusted_proxy = Some("127.0.0.1".parse().unwrap())
        })
        .await
        .expect("sqlite app");
        app.add_clerk().await;
        let login = |from: &'static str, password: &'static str| {
            let app = &app;
            async move {
                app.client
                    .post(app.url("/login"))
                    .header("x-forwarded-for", from)
                    .form(&[
                        ("email", CLERK_EMAIL),
                        ("password", password),
                        ("next", "/admin"),
                    ])
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        };
        let guesser = "203.0.113.7";
        let mut statuses = Vec::new();
        for _ in 0..11 {
            statuses.push(login(guesser, "forkert").await);
        }
        assert_eq!(statuses[..10], [401; 10], "{statuses:?}");
        assert_eq!(statuses[10], 429, "the guesser's address is refused");
        assert_eq!(
            login(guesser, CLERK_PASSWORD).await,
            429,
            "even with the right password, from that address"
        );
        // The owner, from the town hall, is slowed down but gets in.
        assert_eq!(login("198.51.100.2", CLERK_PASSWORD).await, 303);
        // A second address that now guesses wrong while the account is under attack is
        // refused after its first failure.
        assert_eq!(login("192.0.2.55", "forkert").await, 401);
        assert_eq!(login("192.0.2.55", "forkert").await, 429);
    })
    .await;
}

both_databases!(
    a_flood_of_responses_is_refused_with_a_reason,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let mut refused = None;
        for n in 1..=70 {
            let text = format!("Svar nummer {n}.");
            let fields = [
                ("text", text.as_str()),
                ("name", "Bibliotekets gæst"),
                ("email", "gaest@example.dk"),
                ("publication", "anonymous"),
            ];
            let r = app.respond_with("integrationspolitik", &fields).await;
            if r.status().as_u16() == 429 {
                let body = r.text().await.unwrap();
                assert!(body.contains("Vent"), "{body}");
                refused = Some(n);
                break;
            }
            assert_eq!(r.status().as_u16(), 303, "response {n}");
        }
        assert_eq!(
            refused,
            Some(61),
            "sixty an hour from one address are accepted"
        );
        assert_eq!(app.stored_responses().await, 60);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_reader_counts_alone() {
    within_timeout("behind_a_trusted_proxy_each_reader_counts_alone", async {
        let app = TestApp::spawn_with(Engine::Sqlite, |c| {
            c.responses_per_hour = 2;
            c.trusted_proxy = Some("127.0.0.1".parse().unwrap());
        })
        .await
        .expect("sqlite app");
        app.add_open_hearing("integrationspolitik").await;
        let send = |forwarded: &'static str| {
            app.client
                .post(app.url("/hoeringer/integrationspolitik/svar"))
                .header("x-forwarded-for", forwarded)
                .form(&[
                    ("text", "Et svar."),
                    ("name", "Ida"),
                    ("email", "ida@example.dk"),
                    ("sender_kind", "private"),
                    ("publication", "anonymous"),
                ])
                .send()
        };
        // The proxy appends the real address last; what the client sent before it is ignored.
        for _ in 0..2 {
            assert_eq!(
                send("6.6.6.6, 10.1.1.1").await.unwrap().status().as_u16(),
                303
            );
        }
        assert_eq!(
            send("7.7.7.7, 10.1.1.1").await.unwrap().status().as_u16(),
            429
        );
        assert_eq!(send("10.1.1.2").await.unwrap().status().as_u16(), 303);
    })
    .await;
}

both_databases!(
    clerks_and_admins_do_the_clerks_work,
    |app: TestApp| async move {
        app.add_open_hearing_with_response("integrationspolitik", "Et svar til hele udkastet.")
            .await;
        let id: i64 = app.scalar("SELECT id FROM responses").await;
        for (email, role) in [
            ("sagsbehandler@roskilde.example", Role::Clerk),
            ("admin@roskilde.example", Role::Admin),
        ] {
            app.add_user(email, role).await;
            let cookie = app.login_as(email).await;
            for page in STAFF_PAGES {
                let r = app.get_with_cookie(page, &cookie).await;
                assert_eq!(r.status().as_u16(), 200, "{email} {page}");
            }
            let r = app
                .post_as(
                    &format!("/admin/svar/{id}"),
                    &cookie,
                    &[("status", "published")],
                )
                .await;
            assert_eq!(r.status().as_u16(), 303, "{email} moderates");
        }
    }
);
