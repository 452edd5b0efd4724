//! Staff sign-in through a real OpenID Connect provider (node-oidc-provider, started here on
//! 127.0.0.1, see `tests/oidc/provider.mjs`): the code flow step by step with the cookies a
//! browser keeps, and each kind of bad answer refused with a clear message.

use crate::both_engines;
use crate::helpers::*;
use server::config::{ProviderSettings, Secret, SignInConfig};
use std::collections::HashMap;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

const ROLES: &str =
    "hoering-admins=admin,hoering-clerks=clerk,ir-members=council:integrationsraadet";
const PROVIDER_NAME: &str = "Kommunens login";

/// The test provider, stopped when dropped.
struct IdentityProvider {
    issuer: String,
    _process: tokio::process::Child,
}

impl IdentityProvider {
    async fn start() -> Self {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oidc");
        assert!(
            std::path::Path::new(dir)
                .join("node_modules/oidc-provider")
                .exists(),
            "the test identity provider's packages are missing: run .ci/setup --test \
             (it runs npm ci in server/tests/oidc)"
        );
        let mut process = tokio::process::Command::new("node")
            .arg("provider.mjs")
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("node starts the test identity provider");
        let stdout = process.stdout.take().expect("its output");
        let mut lines = BufReader::new(stdout).lines();
        let issuer = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
            .await
            .expect("the provider starts within a minute")
            .expect("its output reads")
            .expect("it prints its issuer");
        assert!(issuer.starts_with("http://127.0.0.1:"), "{issuer}");
        // Whatever it prints later is read and dropped: a closed pipe would end the provider
        // at its next line (EPIPE).
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        IdentityProvider {
            issuer,
            _process: process,
        }
    }

    /// hoering's settings for the provider's client `client_id`.
    fn sign_in(&self, client_id: &str, local: bool) -> SignInConfig {
        SignInConfig {
            local,
            provider: Some(ProviderSettings {
                issuer: self.issuer.clone(),
                client_id: client_id.into(),
                client_secret: Secret::new("test-secret"),
                name: PROVIDER_NAME.into(),
                roles: hoering::staff::RoleMap::parse(ROLES).expect("roles"),
                roles_claim: "roles".into(),
            }),
        }
    }

    /// What the municipality's IT department does in the provider: `account`'s roles become
    /// `roles`.
    async fn set_roles(&self, account: &str, roles: &str) {
        let r = reqwest::Client::new()
            .post(format!("{}/__test/roles", self.issuer))
            .form(&[("account", account), ("roles", roles)])
            .send()
            .await
            .expect("the provider answers");
        assert_eq!(r.status().as_u16(), 204);
    }
}

/// A browser's part: one cookie jar for 127.0.0.1 (cookies do not tell ports apart), and no
/// redirect followed without the jar.
struct Browser {
    client: reqwest::Client,
    cookies: HashMap<String, String>,
}

impl Browser {
    fn new() -> Self {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: HashMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, r: &reqwest::Response) {
        for c in r.headers().get_all("set-cookie") {
            let c = c.to_str().expect("cookie text");
            let (pair, attributes) = c.split_once(';').unwrap_or((c, ""));
            let (name, value) = pair.split_once('=').expect("name=value");
            let attributes = attributes.to_ascii_lowercase();
            let gone = value.is_empty()
                || attributes.contains("max-age=0")
                || attributes.contains("expires=thu, 01 jan 1970");
            if gone {
                self.cookies.remove(name.trim());
            } else {
                self.cookies
                    .insert(name.trim().to_string(), value.to_string());
            }
        }
    }

    async fn get(&mut self, url: &str) -> reqwest::Response {
        let r = self
            .client
            .get(url)
            .header("cookie", self.cookie_header())
            .send()
            .await
            .expect("GET");
        self.keep(&r);
        r
    }

    async fn post(&mut self, url: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let r = self
            .client
            .post(url)
            .header("cookie", self.cookie_header())
            .form(form)
            .send()
            .await
            .expect("POST");
        self.keep(&r);
        r
    }

    /// Follows redirects from `r` (at `url`) until a page, or until the next stop starts with
    /// `until`; the last address and its response.
    async fn follow(
        &mut self,
        mut url: String,
        mut r: reqwest::Response,
        until: Option<&str>,
    ) -> (String, reqwest::Response) {
        for _ in 0..12 {
            if !r.status().is_redirection() {
                break;
            }
            let location = r
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .expect("a redirect has a location");
            let next = reqwest::Url::parse(&url)
                .and_then(|u| u.join(location))
                .expect("location")
                .to_string();
            if until.is_some_and(|u| next.starts_with(u)) {
                return (next, r);
            }
            url = next;
            r = self.get(&url).await;
        }
        (url, r)
    }
}

/// From hoering's login button to the provider's sign-in form and through it as `account`,
/// stopping where the provider sends the browser back to hoering: that callback address.
async fn at_provider(browser: &mut Browser, app: &TestApp, account: &str, next: &str) -> String {
    let login = strip(
        &browser
            .get(&app.url("/login"))
            .await
            .text()
            .await
            .expect("body"),
    );
    assert!(
        login.contains(&format!("Log ind med {PROVIDER_NAME}")),
        "the login page offers the provider: {login}"
    );
    let start = app.url(&format!("/login/oidc?next={next}"));
    let r = browser.get(&start).await;
    assert!(
        browser.cookies.contains_key("hoering_oidc"),
        "the flow is kept in a cookie"
    );
    let (form_url, form) = browser.follow(start, r, None).await;
    assert_eq!(form.status().as_u16(), 200, "the provider's sign-in form");
    let r = browser
        .post(&format!("{form_url}/login"), &[("login", account)])
        .await;
    let callback = app.url("/login/oidc/callback");
    let (url, _) = browser.follow(form_url, r, Some(&callback)).await;
    assert!(url.starts_with(&callback), "back at hoering: {url}");
    url
}

/// Signs `account` in all the way; hoering's answer to the callback and the page after it.
async fn sign_in(
    browser: &mut Browser,
    app: &TestApp,
    account: &str,
    next: &str,
) -> (u16, String, String) {
    let callback = at_provider(browser, app, account, next).await;
    let r = browser.get(&callback).await;
    let status = r.status().as_u16();
    let (url, page) = browser.follow(callback, r, None).await;
    let body = strip(&page.text().await.expect("body"));
    (status, url, body)
}

/// The member of staff a session cookie (`name=value`) belongs to.
async fn user_of(app: &TestApp, cookie: &str) -> server::auth::db::User {
    let token = cookie.split_once('=').expect("name=value").1;
    server::auth::db::find_session(&app.db.pool, token)
        .await
        .expect("the session is read")
        .expect("the session is stored")
        .user
}

/// A fresh provider and hoering signing in through its client `hoering`.
async fn provider_and_app(engine: Engine, local: bool) -> Option<(IdentityProvider, TestApp)> {
    let idp = IdentityProvider::start().await;
    let app = app_on(engine, |c| c.sign_in = idp.sign_in("hoering", local)).await?;
    Some((idp, app))
}

fn session_of(browser: &Browser) -> Option<String> {
    browser
        .cookies
        .get("hoering_session")
        .map(|v| format!("hoering_session={v}"))
}

both_engines!(
    a_clerk_signs_in_through_the_provider_and_a_local_account_is_taken_over,
    |engine| async move {
        let Some((_idp, app)) = provider_and_app(engine, true).await else {
            return;
        };
        // A clerk who had a password before the municipality moved sign-in to its provider.
        let hash = server::auth::password::hash("gammel-adgangskode-123".into())
            .await
            .unwrap();
        let (before, _) = server::auth::db::upsert_user(
            &app.db.pool,
            "sagsbehandler@kommune.example",
            &hash,
            server::auth::Role::Clerk,
        )
        .await
        .unwrap();

        let mut browser = Browser::new();
        let (status, url, page) = sign_in(&mut browser, &app, "clerk", "/admin/hoeringer/ny").await;
        assert_eq!(status, 303, "the callback signs in and sends on");
        assert!(
            url.ends_with("/admin/hoeringer/ny"),
            "to the page asked for: {url}"
        );
        assert!(page.contains("sagsbehandler@kommune.example"), "{page}");
        assert!(
            !browser.cookies.contains_key("hoering_oidc"),
            "the flow's cookie is spent"
        );
        let user = user_of(&app, &session_of(&browser).expect("a session")).await;
        assert_eq!(user.id, before, "the existing account, not a second one");
        assert_eq!(user.role, server::auth::Role::Clerk);
        // The provider decides who gets in now: the old password no longer does.
        let r = app
            .post_login(
                "sagsbehandler@kommune.example",
                "gammel-adgangskode-123",
                "",
            )
            .await;
        assert_eq!(r.status().as_u16(), 401);

        // A second sign-in finds the same account by the provider's subject.
        let mut other = Browser::new();
        let (status, _, _) = sign_in(&mut other, &app, "clerk", "").await;
        assert_eq!(status, 303);
        let again = user_of(&app, &session_of(&other).expect("a session")).await;
        assert_eq!(again.id, before);
    }
);

both_engines!(
    a_council_member_is_seated_by_the_provider_and_loses_it_there,
    |engine| async move {
        let Some((idp, app)) = provider_and_app(engine, true).await else {
            return;
        };
        let mut browser = Browser::new();
        let (status, url, page) = sign_in(&mut browser, &app, "member", "").await;
        assert_eq!(status, 303);
        assert!(
            url.ends_with(app::routes::COUNCIL_HOME),
            "a member starts in the council room: {url}"
        );
        assert!(page.contains("Integrationsrådet"), "{page}");
        let member = session_of(&browser).expect("a session");
        let user = user_of(&app, &member).await;
        assert_eq!(user.role, server::auth::Role::Council);
        let seats = server::council::db::of_user(&app.db.pool, user.id)
            .await
            .unwrap();
        assert_eq!(seats.len(), 1);
        assert_eq!(seats[0].0.slug, "integrationsraadet");

        // Made a clerk too at the provider: the next sign-in gives the clerk's role, keeps the
        // seat, and ends the session that had the old role.
        idp.set_roles("member", "ir-members,hoering-clerks").await;
        let mut second = Browser::new();
        let (status, url, _) = sign_in(&mut second, &app, "member", "").await;
        assert_eq!(status, 303);
        assert!(url.ends_with("/admin"), "{url}");
        let old = app
            .get_with_cookie(app::routes::COUNCIL_HOME, &member)
            .await;
        assert_eq!(
            old.status().as_u16(),
            401,
            "the session with the old role has ended"
        );
        assert!(
            strip(&old.text().await.unwrap()).contains("Du skal logge ind for at se denne side")
        );
        let clerk = session_of(&second).expect("a session");

        // Every role taken away: refused with a reason, and the live session ends too.
        idp.set_roles("member", "all-staff").await;
        let mut third = Browser::new();
        let (status, _, page) = sign_in(&mut third, &app, "member", "").await;
        assert_eq!(status, 403);
        assert!(page.contains("ingen rolle i høringssystemet"), "{page}");
        assert!(session_of(&third).is_none());
        assert_eq!(
            app.get_with_cookie("/admin", &clerk)
                .await
                .status()
                .as_u16(),
            303,
            "the last session has ended"
        );
        assert!(
            server::council::db::of_user(&app.db.pool, user.id)
                .await
                .unwrap()
                .is_empty(),
            "and the seat is gone"
        );
    }
);

both_engines!(
    forged_expired_and_misaddressed_id_tokens_are_refused,
    |engine| async move {
        let idp = IdentityProvider::start().await;
        for client in ["hoering-forged", "hoering-expired", "hoering-audience"] {
            let Some(app) = app_on(engine, |c| c.sign_in = idp.sign_in(client, true)).await else {
                return;
            };
            let mut browser = Browser::new();
            let (status, _, page) = sign_in(&mut browser, &app, "clerk", "").await;
            assert_eq!(status, 401, "{client}");
            assert!(
                page.contains("Svaret fra kommunens login kunne ikke godkendes"),
                "{client}: {page}"
            );
            assert!(session_of(&browser).is_none(), "{client}: no session");
            assert!(
                !server::auth::db::user_exists(&app.db.pool, "sagsbehandler@kommune.example")
                    .await
                    .unwrap(),
                "{client}: no account was made"
            );
        }
    }
);

both_engines!(
    answers_that_are_not_this_browsers_own_are_refused,
    |engine| async move {
        let Some((_idp, app)) = provider_and_app(engine, true).await else {
            return;
        };
        let explained = "Login-forsøget kunne ikke genkendes";

        // The answer arrives in another browser (a link sent to a victim: login CSRF).
        let mut attacker = Browser::new();
        let callback = at_provider(&mut attacker, &app, "clerk", "").await;
        let mut victim = Browser::new();
        let r = victim.get(&callback).await;
        assert_eq!(r.status().as_u16(), 400);
        assert!(strip(&r.text().await.unwrap()).contains(explained));
        assert!(session_of(&victim).is_none());

        // The right browser, but the state changed on the way.
        let flow = attacker.cookies.get("hoering_oidc").cloned().expect("flow");
        let tampered = callback.replace("state=", "state=x");
        let r = attacker.get(&tampered).await;
        assert_eq!(r.status().as_u16(), 400);
        assert!(session_of(&attacker).is_none());

        // Replayed: the flow is spent once used, and the provider takes a code only once.
        attacker.cookies.insert("hoering_oidc".into(), flow.clone());
        let r = attacker.get(&callback).await;
        assert_eq!(r.status().as_u16(), 303, "the genuine answer signs in");
        attacker.cookies.remove("hoering_session");
        let r = attacker.get(&callback).await;
        assert_eq!(r.status().as_u16(), 400, "the flow was spent");
        attacker.cookies.insert("hoering_oidc".into(), flow);
        let r = attacker.get(&callback).await;
        assert_eq!(r.status().as_u16(), 401, "the provider refuses a used code");
        assert!(
            strip(&r.text().await.unwrap()).contains("kunne ikke godkendes"),
            "explained"
        );
        assert!(session_of(&attacker).is_none());

        // The provider said no (an unknown user at its form).
        let mut stranger = Browser::new();
        let start = app.url("/login/oidc");
        let r = stranger.get(&start).await;
        let (form_url, _) = stranger.follow(start, r, None).await;
        let r = stranger
            .post(&format!("{form_url}/login"), &[("login", "nobody-here")])
            .await;
        let (_, page) = stranger.follow(form_url, r, None).await;
        assert_eq!(page.status().as_u16(), 401);
        assert!(
            strip(&page.text().await.unwrap())
                .contains("Du blev ikke logget ind hos kommunens login")
        );
    }
);

both_engines!(
    passwords_turned_off_leave_only_the_provider,
    |engine| async move {
        let Some((idp, app)) = provider_and_app(engine, false).await else {
            return;
        };
        let login = app.page_ok("/login").await;
        assert!(login.contains(&format!("Log ind med {PROVIDER_NAME}")));
        assert!(!login.contains("type=\"password\""), "no password field");
        let r = app.post_login(CLERK_EMAIL, CLERK_PASSWORD, "").await;
        assert_eq!(
            r.status().as_u16(),
            403,
            "a password is refused even when right"
        );
        assert!(strip(&r.text().await.unwrap()).contains("ikke med en adgangskode"));

        // Signing out of hoering offers signing out at the provider too.
        let mut browser = Browser::new();
        let (status, _, _) = sign_in(&mut browser, &app, "admin", "").await;
        assert_eq!(status, 303);
        let cookie = session_of(&browser).expect("a session");
        let r = app.post_as("/logout", &cookie, &[]).await;
        assert_eq!(r.status().as_u16(), 303);
        let to = r.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(to, "/login?ud=1");
        let out = app.page_ok(&to).await;
        assert!(out.contains("Du er logget ud af høringssystemet."));
        assert!(out.contains(&format!("Log også ud hos {PROVIDER_NAME}")));
        let r = app.get("/login/oidc/logout").await;
        assert_eq!(r.status().as_u16(), 303);
        let end = r.headers()["location"].to_str().unwrap();
        assert!(
            end.starts_with(&format!("{}/session/end?", idp.issuer))
                && end.contains("client_id=hoering"),
            "{end}"
        );
    }
);

both_engines!(
    a_provider_that_does_not_answer_is_explained,
    |engine| async move {
        // A port nothing listens on.
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let Some(app) = app_on(engine, |c| {
            c.sign_in = SignInConfig {
                local: true,
                provider: Some(ProviderSettings {
                    issuer: format!("http://127.0.0.1:{closed}"),
                    client_id: "hoering".into(),
                    client_secret: Secret::new("test-secret"),
                    name: PROVIDER_NAME.into(),
                    roles: hoering::staff::RoleMap::parse(ROLES).expect("roles"),
                    roles_claim: "roles".into(),
                }),
            }
        })
        .await
        else {
            return;
        };
        let r = app.get("/login/oidc?next=/admin").await;
        assert_eq!(r.status().as_u16(), 503);
        let page = strip(&r.text().await.unwrap());
        assert!(
            page.contains("Kommunens login svarer ikke lige nu"),
            "{page}"
        );
        // The password form is still there for a small installation's own accounts.
        assert!(page.contains("Med e-mail og adgangskode"));
    }
);
