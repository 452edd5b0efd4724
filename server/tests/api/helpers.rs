//! A real hoering server on a random port with a fresh database (a SQLite file, or a new
//! PostgreSQL database that is dropped afterwards), and one helper per thing a user does.

use server::auth::{Role, db as auth_db, password};
use server::config::{Config, DatabaseUrl};
use server::db::Db;
use server::hearing::{self, HearingFields};
use std::sync::atomic::{AtomicU32, Ordering};

pub const CLERK_EMAIL: &str = "clerk@roskilde.example";
pub const CLERK_PASSWORD: &str = "en-lang-adgangskode";
/// A second clerk, to approve what the first wrote.
pub const SECOND_CLERK: &str = "anden@roskilde.example";
pub const POLICY: &str = include_str!("../../../src/document/fixtures/integrationspolitik.md");
/// The list item the end-to-end tests comment on too.
pub const DANISH_ITEM_START: &str =
    "flere børn med minoritetsbaggrund skal lære dansk før skolestart";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub client: reqwest::Client,
    /// The configuration it was started with (a second server on the same database uses it).
    pub config: Config,
    cleanup: Cleanup,
    task: tokio::task::JoinHandle<Result<(), server::StartError>>,
    sender: Option<tokio::task::JoinHandle<()>>,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

fn postgres_admin_url() -> String {
    std::env::var("HOERING_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// Whether PostgreSQL tests must run (CI): then an unreachable server fails them.
fn postgres_required() -> bool {
    std::env::var("HOERING_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// The server's log in the test's captured output (shown when a test fails): warnings and errors
/// by default, `HOERING_TEST_LOG` to change the filter.
fn init_test_log() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let filter = std::env::var("HOERING_TEST_LOG").unwrap_or_else(|_| "warn".into());
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    });
}

impl TestApp {
    /// Spawns the app; `None` only for PostgreSQL when no server answers and it is not required.
    pub async fn spawn(engine: Engine) -> Option<TestApp> {
        Self::spawn_with(engine, |_| {}).await
    }

    /// Spawns the app with its configuration changed by `configure` first.
    pub async fn spawn_with(
        engine: Engine,
        configure: impl FnOnce(&mut Config),
    ) -> Option<TestApp> {
        init_test_log();
        let (url, cleanup) = match engine {
            Engine::Sqlite => {
                let path = std::env::temp_dir().join(format!("hoering-test-{}.db", unique()));
                (format!("sqlite://{}", path.display()), Cleanup::File(path))
            }
            Engine::Postgres => {
                sqlx::any::install_default_drivers();
                let admin_url = postgres_admin_url();
                let name = format!("hoering_test_{}", unique());
                match <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url).await {
                    Ok(mut conn) => {
                        use sqlx::Executor;
                        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                            .await
                            .expect("create the test database");
                    }
                    Err(e) if !postgres_required() => {
                        eprintln!(
                            "\n!!!! PostgreSQL at {admin_url} does not answer ({e}); the PostgreSQL half of this test is SKIPPED.\n!!!! Set HOERING_REQUIRE_POSTGRES=1 to make this an error (.ci/run does).\n"
                        );
                        return None;
                    }
                    Err(e) => {
                        panic!("PostgreSQL is required but does not answer at {admin_url}: {e}")
                    }
                }
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .unwrap_or(&admin_url);
                (
                    format!("{base}/{name}"),
                    Cleanup::Postgres { admin_url, name },
                )
            }
        };
        let mut config = Config {
            database_url: DatabaseUrl::parse(&url).expect("test database URL"),
            addr: "127.0.0.1:0".parse().expect("address"),
            site_root: "target/site".into(),
            demo: false,
            log: "warn".into(),
            public_url: None,
            responses_per_hour: server::web::limits::RESPONSES_PER_CLIENT_HOUR,
            trusted_proxy: None,
            closing_days: Vec::new(),
            mail: server::config::MailConfig::default(),
            journal_pattern: hoering::notat::JournalPattern::parse("{case}-{n:04}")
                .expect("pattern"),
            branding: Default::default(),
            files: server::attachment::Settings {
                clamd: server::attachment::scan::Clamd::Off,
                folder: std::env::temp_dir().join(format!("hoering-test-files-{}", unique())),
                // The real binary reads files' text, as it does when it serves.
                reader: env!("CARGO_BIN_EXE_hoering").into(),
            },
            sign_in: Default::default(),
            privacy: Default::default(),
        };
        configure(&mut config);
        // Never shut down by a signal: the test process must die on SIGTERM like any other.
        let running = server::start(&config, std::future::pending())
            .await
            .expect("the server starts");
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        Some(TestApp {
            base: format!("http://{}", running.addr),
            db: running.db,
            client,
            config,
            cleanup,
            task: running.task,
            sender: running.sender,
        })
    }

    /// A second server on the same database (as two hoering servers behind one proxy).
    pub async fn second_server(&self) -> server::Running {
        let mut config = self.config.clone();
        config.addr = "127.0.0.1:0".parse().expect("address");
        server::start(&config, std::future::pending())
            .await
            .expect("the second server starts")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// The status `path` answers anyone with.
    pub async fn status(&self, path: &str) -> u16 {
        self.get(path).await.status().as_u16()
    }

    /// The file at `path` as the session `cookie` downloads it (an export, a notat), asserting
    /// it answers 200.
    pub async fn download_as(&self, path: &str, cookie: &str) -> Vec<u8> {
        let r = self.get_with_cookie(path, cookie).await;
        assert_eq!(r.status().as_u16(), 200, "GET {path}");
        r.bytes().await.expect("body").to_vec()
    }

    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.get_with(path, &[("cookie", cookie)]).await
    }

    /// GETs `path` with these request headers, as a browser sends them (its cookie, language,
    /// referer, `Sec-Fetch-*`).
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(self.url(path));
        for &(name, value) in headers {
            request = request.header(name, value);
        }
        request.send().await.expect("GET")
    }

    /// POSTs `form` to `path` with these request headers.
    pub async fn post_with(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self.client.post(self.url(path));
        for &(name, value) in headers {
            request = request.header(name, value);
        }
        request.form(form).send().await.expect("POST")
    }

    /// POSTs a multipart `form` (the draft editors send their file that way) in the session
    /// `cookie`.
    pub async fn post_multipart(
        &self,
        path: &str,
        cookie: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("cookie", cookie)
            .multipart(form)
            .send()
            .await
            .expect("POST")
    }

    /// A JSON answer from the public API.
    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        self.get(path).await.json().await.expect("a JSON body")
    }

    /// Status and body, without the `<!>` markers Leptos leaves for hydration after dynamic text.
    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.text().await.expect("body").replace("<!>", ""))
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.post_with(path, &[], form).await
    }

    /// [`Self::post_form`] for a form that must go through: it answers with a redirect (303).
    pub async fn post_form_ok(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        redirected(self.post_form(path, form).await).await
    }

    /// [`Self::post_form`] for a form that comes back with its errors (422): the page, without
    /// Leptos's markers.
    pub async fn post_form_refused(&self, path: &str, form: &[(&str, &str)]) -> String {
        refused_page(self.post_form(path, form).await).await
    }

    pub async fn post_form_with_cookie(
        &self,
        path: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.post_with(path, &[("cookie", cookie)], form).await
    }

    /// Posts a form body of `size` bytes the way curl does for large bodies: headers first with
    /// `Expect: 100-continue`, the body only if the server asks for it. Returns the final status.
    pub async fn post_announcing_size(&self, path: &str, size: usize) -> u16 {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let host = self.base.trim_start_matches("http://").to_string();
        let mut stream = tokio::net::TcpStream::connect(&host)
            .await
            .expect("connect");
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {size}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.expect("write");
        let mut buf = vec![0u8; 1024];
        let n = stream.read(&mut buf).await.expect("read");
        let text = String::from_utf8_lossy(&buf[..n]).to_string();
        if text.starts_with("HTTP/1.1 100") {
            // The server wants the body: it did not refuse from the headers.
            return 100;
        }
        text.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status line")
    }

    /// Stores the integration policy as a hearing from `opens` to `closes` (YYYY-MM-DD).
    pub async fn add_hearing(&self, slug: &str, opens: &str, closes: &str) {
        let fields = HearingFields {
            markdown: POLICY.to_string(),
            slug: slug.to_string(),
            opens: opens.to_string(),
            closes: closes.to_string(),
            ..Default::default()
        };
        self.store_policy(&fields, true).await;
    }

    /// Stores the policy the clerk's form `fields` describe, and with `as_hearing` its hearing.
    pub async fn store_policy(&self, fields: &HearingFields, as_hearing: bool) {
        let new = hearing::prepare(fields, as_hearing).expect("valid fields");
        server::policy::db::store_draft(&self.db.pool, &new, &server::policy::db::Actor::system())
            .await
            .expect("store the policy");
    }

    /// Stores `markdown` as the policy and open hearing `slug` (committee "Udvalget").
    pub async fn add_policy(&self, slug: &str, markdown: &str) {
        self.store_policy(&policy_fields(slug, markdown), true)
            .await;
    }

    /// Sends a valid anonymous-with-name response on block `block` (`""`: the whole draft).
    pub async fn respond(&self, slug: &str, block: &str, text: &str) -> reqwest::Response {
        self.respond_with(slug, &[("text", text), ("block", block)])
            .await
    }

    /// [`Self::respond`] for a response that must be taken: it redirects to the receipt (303).
    pub async fn respond_ok(&self, slug: &str, block: &str, text: &str) -> reqwest::Response {
        redirected(self.respond(slug, block, text).await).await
    }

    /// [`Self::respond_with`] for a response that must be taken (303).
    pub async fn respond_with_ok(&self, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        redirected(self.respond_with(slug, fields).await).await
    }

    /// Open hearing `slug` with the clerk and [`SECOND_CLERK`]: two, as the four-eyes rule on
    /// bemærkninger needs.
    pub async fn add_open_hearing_and_two_clerks(&self, slug: &str) {
        self.add_open_hearing_and_clerk(slug).await;
        self.add_user(SECOND_CLERK, Role::Clerk).await;
    }

    /// Open hearing `slug` and the clerk, not yet logged in.
    pub async fn add_open_hearing_and_clerk(&self, slug: &str) {
        self.add_open_hearing(slug).await;
        self.add_clerk().await;
    }

    /// The clerk signed in as `cookie` approves bemærkning `id` on hearing `slug` (the
    /// four-eyes rule: not its author).
    pub async fn approve_remark(&self, slug: &str, id: i64, cookie: &str) {
        self.post_as_ok(
            &format!("/admin/hoeringer/{slug}/bemaerkninger/{id}/godkend"),
            cookie,
            &[],
        )
        .await;
    }

    /// The clerk signed in as `cookie` writes a bemærkning on hearing `slug`, or changes one
    /// (`form` names which).
    pub async fn write_remark(
        &self,
        slug: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let path = format!("/admin/hoeringer/{slug}/bemaerkninger");
        self.post_as(&path, cookie, form).await
    }

    /// [`Self::write_remark`] for a bemærkning that is taken (303).
    pub async fn write_remark_ok(&self, slug: &str, cookie: &str, form: &[(&str, &str)]) {
        redirected(self.write_remark(slug, cookie, form).await).await;
    }

    /// The clerk signed in as `cookie` publishes hearing `slug`'s høringsnotat (`form`: the
    /// reason for a new edition, if any); the answer, whatever it is.
    pub async fn publish_notat(
        &self,
        slug: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let path = format!("/admin/hoeringer/{slug}/hoeringsnotat/offentliggoer");
        self.post_as(&path, cookie, form).await
    }

    /// Moves hearing `slug`'s close to `seconds` from now: a minute ago (-60) ends it, so its
    /// høringsnotat may be published.
    pub async fn move_close(&self, slug: &str, seconds: i64) {
        let closes = jiff::Timestamp::now().as_second() + seconds;
        sqlx::query("UPDATE hearings SET closes_at = $1 WHERE slug = $2")
            .bind(closes)
            .bind(slug)
            .execute(&self.db.pool)
            .await
            .expect("move the close");
    }

    /// Moves hearing `slug`'s whole window into the past: it closed `days` days ago, after four
    /// weeks open (its responses were sent while it was open).
    pub async fn close_days_ago(&self, slug: &str, days: i64) {
        let closes = jiff::Timestamp::now().as_second() - days * 86_400;
        sqlx::query("UPDATE hearings SET opens_at = $1, closes_at = $2 WHERE slug = $3")
            .bind(closes - 28 * 86_400)
            .bind(closes)
            .bind(slug)
            .execute(&self.db.pool)
            .await
            .expect("move the window");
    }

    /// Sends `text` to hearing `slug` from `sender` (name, e-mail, sender kind, and
    /// organisation or ""), with `publication` consent, on `block` ("": the whole draft); it
    /// must be taken (303).
    pub async fn send_from(
        &self,
        slug: &str,
        text: &str,
        (name, email, kind, organisation): (&str, &str, &str, &str),
        publication: &str,
        block: &str,
    ) {
        let fields = [
            ("text", text),
            ("name", name),
            ("email", email),
            ("sender_kind", kind),
            ("organisation", organisation),
            ("publication", publication),
            ("block", block),
        ];
        self.respond_with_ok(slug, &fields).await;
    }

    /// [`Self::send_from`] with consent to be named, on the whole draft.
    pub async fn send_named(&self, slug: &str, text: &str, sender: (&str, &str, &str, &str)) {
        self.send_from(slug, text, sender, "with_name", "").await;
    }

    /// Sends [`response_form`] with `fields` to hearing `slug`.
    pub async fn respond_with(&self, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.post_form(&format!("/hoeringer/{slug}/svar"), &response_form(fields))
            .await
    }

    /// [`Self::add_open_hearing`] with one response, `text`, on the whole draft (taken, not
    /// published).
    pub async fn add_open_hearing_with_response(&self, slug: &str, text: &str) {
        self.add_open_hearing(slug).await;
        self.respond_ok(slug, "", text).await;
    }

    /// An open hearing of the integration policy (from a week ago to three weeks ahead).
    pub async fn add_open_hearing(&self, slug: &str) {
        self.add_hearing(slug, &in_days(-7), &in_days(21)).await;
    }

    pub async fn add_clerk(&self) {
        self.add_user(CLERK_EMAIL, Role::Clerk).await;
    }

    /// A user with the council role, added and logged in; the session cookie.
    pub async fn council_member(&self, email: &str) -> String {
        self.add_user(email, Role::Council).await;
        self.login_as(email).await
    }

    /// A member of staff with `role` and the clerk's password.
    pub async fn add_user(&self, email: &str, role: Role) {
        let hash = password::hash(CLERK_PASSWORD.to_string())
            .await
            .expect("hash");
        auth_db::upsert_user(&self.db.pool, email, &hash, role)
            .await
            .expect("add user");
    }

    /// Posts the login form as it is typed in; the response, whatever it is.
    pub async fn post_login(&self, email: &str, password: &str, next: &str) -> reqwest::Response {
        self.post_form(
            "/login",
            &[("email", email), ("password", password), ("next", next)],
        )
        .await
    }

    /// Logs `email` in (with the clerk's password); returns the session cookie (`name=value`).
    pub async fn login_as(&self, email: &str) -> String {
        self.login_to(email, "").await
    }

    /// Logs `email` in and asks to go on to `next`; returns the session cookie (`name=value`).
    async fn login_to(&self, email: &str, next: &str) -> String {
        let r = self.post_login(email, CLERK_PASSWORD, next).await;
        assert_eq!(r.status().as_u16(), 303, "login redirects");
        session_cookie(&r)
    }

    /// The CSRF token of a session, read from the database (for roles without staff pages).
    pub async fn csrf_of(&self, cookie: &str) -> String {
        let token = cookie.split_once('=').expect("cookie pair").1;
        server::auth::db::find_session(&self.db.pool, token)
            .await
            .expect("session lookup")
            .expect("a session")
            .csrf
    }

    /// The clerk and [`SECOND_CLERK`] logged in, the author and the approver of a bemærkning;
    /// their session cookies.
    pub async fn login_both_clerks(&self) -> (String, String) {
        (self.login().await, self.login_as(SECOND_CLERK).await)
    }

    /// Logs the clerk in; returns the session cookie (`name=value`).
    pub async fn login(&self) -> String {
        self.login_to(CLERK_EMAIL, "/admin").await
    }

    /// The page at `path` as anyone reads it (whatever its status), without Leptos's markers.
    pub async fn page(&self, path: &str) -> String {
        strip(&self.get_text(path).await.1)
    }

    /// The body at `path` as the session `cookie` reads it, as it comes.
    pub async fn text_as(&self, path: &str, cookie: &str) -> String {
        self.get_with_cookie(path, cookie)
            .await
            .text()
            .await
            .expect("body")
    }

    /// The page at `path` as anyone reads it, without Leptos's markers, asserting it answers 200.
    pub async fn page_ok(&self, path: &str) -> String {
        let (status, body) = self.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        strip(&body)
    }

    /// The page at `path` as the session `cookie` reads it, without Leptos's markers.
    pub async fn page_as(&self, path: &str, cookie: &str) -> String {
        strip(&self.text_as(path, cookie).await)
    }

    /// Sends `form` in the session `cookie` with that session's CSRF token, as the form on its
    /// page does.
    pub async fn post_as(
        &self,
        path: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.send_as(path, cookie, form, "*/*").await
    }

    /// [`Self::post_as`] for a form that must go through: it answers with a redirect (303).
    pub async fn post_as_ok(
        &self,
        path: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        redirected(self.post_as(path, cookie, form).await).await
    }

    /// [`Self::post_as`] for a form that comes back with its errors (422): the page, without
    /// Leptos's markers.
    pub async fn post_as_refused(&self, path: &str, cookie: &str, form: &[(&str, &str)]) -> String {
        refused_page(self.post_as(path, cookie, form).await).await
    }

    /// [`Self::post_as`] for a form the session may not send: it answers 403.
    pub async fn post_as_forbidden(&self, path: &str, cookie: &str, form: &[(&str, &str)]) {
        let r = self.post_as(path, cookie, form).await;
        assert_eq!(r.status().as_u16(), 403, "POST {path}");
    }

    /// [`Self::post_as`] for a form the session may not send: refused (403) or sent to log in
    /// (303).
    pub async fn post_as_turned_away(&self, path: &str, cookie: &str, form: &[(&str, &str)]) {
        let status = self.post_as(path, cookie, form).await.status().as_u16();
        assert!(matches!(status, 403 | 303), "POST {path}: {status}");
    }

    /// [`Self::post_as`] from a script: the answer is asked for as JSON.
    pub async fn post_json_as(
        &self,
        path: &str,
        cookie: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.send_as(path, cookie, form, "application/json").await
    }

    async fn send_as(
        &self,
        path: &str,
        cookie: &str,
        form: &[(&str, &str)],
        accept: &str,
    ) -> reqwest::Response {
        let csrf = self.csrf_of(cookie).await;
        let fields = [&[("csrf", csrf.as_str())][..], form].concat();
        self.client
            .post(self.url(path))
            .header("cookie", cookie)
            .header("accept", accept)
            .form(&fields)
            .send()
            .await
            .expect("POST")
    }

    /// An open hearing `slug` and the clerk logged in; the clerk's session cookie.
    pub async fn clerk_with_open_hearing(&self, slug: &str) -> String {
        self.add_open_hearing(slug).await;
        self.clerk().await
    }

    /// The clerk, added and logged in; the session cookie.
    pub async fn clerk(&self) -> String {
        self.add_clerk().await;
        self.login().await
    }

    /// The clerk opens `council`'s round on hearing `slug`, from `opens` to `closes` days from
    /// today.
    pub async fn open_council_round(
        &self,
        clerk: &str,
        slug: &str,
        council: &str,
        opens: i64,
        closes: i64,
    ) -> reqwest::Response {
        self.post_as(
            &format!("/admin/hoeringer/{slug}/raadsrunde"),
            clerk,
            &[
                ("round_council", council),
                ("round_opens", &in_days(opens)),
                ("round_closes", &in_days(closes)),
            ],
        )
        .await
    }

    /// The CSRF token printed in a staff page's forms.
    pub async fn csrf(&self, cookie: &str) -> String {
        let body = self
            .get_with_cookie("/admin", cookie)
            .await
            .text()
            .await
            .expect("body");
        let marker = "name=\"csrf\" value=\"";
        let start = body.find(marker).expect("a csrf field on /admin") + marker.len();
        body[start..start + 64].to_string()
    }

    /// Publishes every pending response through the moderation path (as a clerk would), so the
    /// kept counts and placements follow.
    pub async fn publish_all(&self) {
        self.add_user("moderator@roskilde.example", Role::Clerk)
            .await;
        let clerk: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind("moderator@roskilde.example")
            .fetch_one(&self.db.pool)
            .await
            .expect("the moderator");
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM responses WHERE status = 'pending'")
            .fetch_all(&self.db.pool)
            .await
            .expect("pending responses");
        for id in ids {
            server::response::db::set_status(
                &self.db.pool,
                id,
                server::response::Status::Published,
                clerk,
            )
            .await
            .expect("publish");
        }
    }

    /// The clerk signed in as `cookie` publishes response `id` from the moderation queue.
    pub async fn publish_response(&self, id: i64, cookie: &str) {
        let path = format!("/admin/svar/{id}");
        self.post_as_ok(&path, cookie, &[("status", "published")])
            .await;
    }

    /// Runs a statement without parameters (an UPDATE that moves time, say); the rows it
    /// changed.
    pub async fn execute(&self, sql: &'static str) -> u64 {
        sqlx::query(sql)
            .execute(&self.db.pool)
            .await
            .expect(sql)
            .rows_affected()
    }

    /// The one value a query returns (a count, an id, a column of its only row).
    pub async fn scalar<T>(&self, sql: &'static str) -> T
    where
        (T,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        self.row::<(T,)>(sql).await.0
    }

    /// The first column of every row a query returns.
    pub async fn column<T>(&self, sql: &'static str) -> Vec<T>
    where
        (T,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        let rows = self.rows::<(T,)>(sql).await;
        rows.into_iter().map(|(value,)| value).collect()
    }

    /// The only row a query returns, as a tuple.
    pub async fn row<T>(&self, sql: &'static str) -> T
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        sqlx::query_as(sql)
            .fetch_one(&self.db.pool)
            .await
            .expect(sql)
    }

    /// Every row a query returns, as tuples.
    pub async fn rows<T>(&self, sql: &'static str) -> Vec<T>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        sqlx::query_as(sql)
            .fetch_all(&self.db.pool)
            .await
            .expect(sql)
    }

    /// [`Self::scalar`] for a query with one parameter, `$1`.
    pub async fn scalar_with<'p, T, P>(&self, sql: &'static str, param: P) -> T
    where
        (T,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
        P: sqlx::Encode<'p, sqlx::Any> + sqlx::Type<sqlx::Any> + 'p,
    {
        self.row_with::<(T,), P>(sql, param).await.0
    }

    /// [`Self::column`] for a query with one parameter, `$1`.
    pub async fn column_with<'p, T, P>(&self, sql: &'static str, param: P) -> Vec<T>
    where
        (T,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
        P: sqlx::Encode<'p, sqlx::Any> + sqlx::Type<sqlx::Any> + 'p,
    {
        let rows: Vec<(T,)> = sqlx::query_as(sql)
            .bind(param)
            .fetch_all(&self.db.pool)
            .await
            .expect(sql);
        rows.into_iter().map(|(value,)| value).collect()
    }

    /// [`Self::row`] for a query with one parameter, `$1`.
    pub async fn row_with<'p, T, P>(&self, sql: &'static str, param: P) -> T
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
        P: sqlx::Encode<'p, sqlx::Any> + sqlx::Type<sqlx::Any> + 'p,
    {
        sqlx::query_as(sql)
            .bind(param)
            .fetch_one(&self.db.pool)
            .await
            .expect(sql)
    }

    /// [`Self::execute`] for a statement with one parameter, `$1`.
    pub async fn execute_with<'p, P>(&self, sql: &'static str, param: P) -> u64
    where
        P: sqlx::Encode<'p, sqlx::Any> + sqlx::Type<sqlx::Any> + 'p,
    {
        sqlx::query(sql)
            .bind(param)
            .execute(&self.db.pool)
            .await
            .expect(sql)
            .rows_affected()
    }

    /// The number of responses stored for any hearing.
    pub async fn stored_responses(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM responses")
            .fetch_one(&self.db.pool)
            .await
            .expect("count")
    }

    /// The block number of the list item the end-to-end tests comment on too
    /// ([`DANISH_ITEM_START`]).
    pub async fn danish_item(&self, slug: &str) -> String {
        self.block_number(slug, DANISH_ITEM_START).await
    }

    /// The block number of the first block whose text starts with `start`.
    pub async fn block_number(&self, slug: &str, start: &str) -> String {
        let json: serde_json::Value = self
            .get(&format!("/api/v1/hearings/{slug}"))
            .await
            .json()
            .await
            .expect("json");
        json["blocks"]
            .as_array()
            .expect("blocks")
            .iter()
            .find(|b| b["text"].as_str().is_some_and(|t| t.starts_with(start)))
            .and_then(|b| b["number"].as_str())
            .expect("the block")
            .to_string()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.task.abort();
        if let Some(sender) = &self.sender {
            sender.abort();
        }
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop cannot be async; a short-lived runtime on its own thread drops the database.
                let _ = std::thread::spawn(move || {
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    rt.block_on(async move {
                        use sqlx::{Connection, Executor};
                        if let Ok(mut conn) = sqlx::AnyConnection::connect(&admin_url).await {
                            let _ = conn
                                .execute(sqlx::AssertSqlSafe(format!(
                                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                )))
                                .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

/// A page's HTML without the markers Leptos leaves around dynamic text (`<!-- -->`, `<!>`).
pub fn strip(body: &str) -> String {
    body.replace("<!-- -->", "").replace("<!>", "")
}

/// The day `n` days from today (Copenhagen), as a form takes it: `YYYY-MM-DD`.
pub fn in_days(n: i64) -> String {
    hoering::calendar::today()
        .checked_add(jiff::Span::new().days(n))
        .expect("date")
        .to_string()
}

/// The fields of [`TestApp::add_policy`]'s hearing: committee "Udvalget", open from 5 January
/// 2026 to 5 January 2099.
pub fn policy_fields(slug: &str, markdown: &str) -> HearingFields {
    HearingFields {
        markdown: markdown.to_string(),
        slug: slug.to_string(),
        committee: "Udvalget".into(),
        opens: "2026-01-05".into(),
        closes: "2099-01-05".into(),
        ..Default::default()
    }
}

/// A valid response form: Amina Hassan, a private person who may be named, on the whole draft;
/// `fields` take the place of these, or add to them (`text` is always wanted).
pub fn response_form<'a>(fields: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("text", "Et høringssvar."),
        ("name", "Amina Hassan"),
        ("email", "amina@example.dk"),
        ("sender_kind", "private"),
        ("publication", "with_name"),
        ("block", ""),
    ];
    for &(key, value) in fields {
        match form.iter_mut().find(|(k, _)| *k == key) {
            Some(field) => field.1 = value,
            None => form.push((key, value)),
        }
    }
    form
}

/// Jonas Berg for the association Roskilde Lektiecafé: fields for [`response_form`].
pub const LEKTIECAFE: [(&str, &str); 4] = [
    ("name", "Jonas Berg"),
    ("email", "jonas@example.dk"),
    ("sender_kind", "association"),
    ("organisation", "Roskilde Lektiecafé"),
];

/// `r`, a form's answer, asserting it is a redirect (303); otherwise the failure shows the page
/// it came back with, which names the refusal.
pub async fn redirected(r: reqwest::Response) -> reqwest::Response {
    let status = r.status().as_u16();
    if status != 303 {
        let url = r.url().clone();
        let body = r.text().await.unwrap_or_default();
        panic!("POST {url} answered {status}, not 303:\n{body}");
    }
    r
}

/// The page a refused form comes back on (422, with the errors by their fields), without
/// Leptos's markers.
pub async fn refused_page(r: reqwest::Response) -> String {
    let url = r.url().clone();
    assert_eq!(r.status().as_u16(), 422, "POST {url}");
    strip(&r.text().await.expect("body"))
}

/// The text of part `name` of a zip file (a DOCX's `word/document.xml`, an XLSX's sheet).
pub fn unzip(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut file = archive.by_name(name).expect(name);
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8");
    text
}

/// Asserts that `page` contains each of `parts`, naming the one that is missing.
pub fn assert_contains(page: &str, parts: &[&str]) {
    for part in parts {
        assert!(page.contains(part), "{part:?} is missing from:\n{page}");
    }
}

/// The `Content-Type` an answer declares.
pub fn content_type(r: &reqwest::Response) -> &str {
    header(r, "content-type")
}

/// The value of the header `name` an answer declares (the test fails if it has none).
pub fn header<'r>(r: &'r reqwest::Response, name: &str) -> &'r str {
    let value = r.headers().get(name);
    let value = value.unwrap_or_else(|| panic!("no {name} header"));
    value.to_str().expect("a readable header")
}

/// Where a redirect sends the reader.
pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("a location")
        .to_string()
}

/// The session cookie a response sets, as `name=value`.
pub fn session_cookie(r: &reqwest::Response) -> String {
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a session cookie");
    cookie.split(';').next().expect("cookie pair").to_string()
}

/// How long one test may take on a loaded 2-core machine before it fails as hung.
pub const TEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(90);

/// Runs `body` with [`TEST_TIMEOUT`], failing with a clear message instead of hanging.
pub async fn within_timeout(name: &str, body: impl std::future::Future<Output = ()>) {
    if tokio::time::timeout(TEST_TIMEOUT, body).await.is_err() {
        panic!(
            "{name} did not finish within {} s: a hang (see the log for the request in flight)",
            TEST_TIMEOUT.as_secs()
        );
    }
}

/// The app on `engine`, configured by `configure`; `None` only when PostgreSQL is not there and
/// not required (SQLite always is).
pub async fn app_on(engine: Engine, configure: impl FnOnce(&mut Config)) -> Option<TestApp> {
    let app = TestApp::spawn_with(engine, configure).await;
    assert!(
        app.is_some() || engine == Engine::Postgres,
        "a {engine:?} app"
    );
    app
}

/// Runs a test body against SQLite and against PostgreSQL, each with a timeout.
#[macro_export]
macro_rules! both_databases {
    ($name:ident, $body:expr) => {
        $crate::both_engines!($name, |engine| async move {
            if let Some(app) = $crate::helpers::app_on(engine, |_| {}).await {
                ($body)(app).await;
            }
        });
    };
}

/// Runs `$test(Engine)`, a test that starts its own app or apps, once on SQLite and once on
/// PostgreSQL, each with a timeout.
#[macro_export]
macro_rules! both_engines {
    ($name:ident, $test:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let name = concat!(stringify!($name), "::sqlite");
                $crate::helpers::within_timeout(name, ($test)(Engine::Sqlite)).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let name = concat!(stringify!($name), "::postgres");
                $crate::helpers::within_timeout(name, ($test)(Engine::Postgres)).await;
            }
        }
    };
}
