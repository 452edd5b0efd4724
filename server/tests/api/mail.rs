//! E-mail through the outbox, over a real SMTP connection to a server the test starts: a
//! receipt arrives with its headers and text, a message waits while the mail server is down and
//! is delivered when it comes back, and two servers on one PostgreSQL send each message once.
//! Without a mail server, the admin reads what would have been sent at /admin/post.

use crate::both_databases;
use crate::helpers::*;
use crate::smtp::{Sink, free_port};
use server::auth::Role;
use server::config::{Config, SmtpUrl};
use std::time::Duration;

fn send_to(url: String) -> impl FnOnce(&mut Config) {
    move |c: &mut Config| {
        c.mail.smtp = Some(SmtpUrl::parse(&url).expect("smtp url"));
        c.mail.from = Some("Roskilde Kommune <hoering@roskilde.example>".into());
        c.mail.municipality = "Roskilde Kommune".into();
        c.mail.retry_seconds = 1;
    }
}

async fn outbox_state(app: &TestApp) -> Vec<(i64, Option<i64>, Option<String>)> {
    app.rows("SELECT attempts, sent_at, last_error FROM outbox ORDER BY id")
        .await
}

/// Runs `body` on SQLite and PostgreSQL, each app configured by `configure(engine)`.
macro_rules! both_with_mail {
    ($name:ident, $configure:expr, $body:expr) => {
        crate::both_engines!($name, |engine| async move {
            let (sink, configure) = ($configure)().await;
            if let Some(app) = app_on(engine, configure).await {
                ($body)(app, sink).await;
            }
        });
    };
}

both_with_mail!(
    a_receipt_arrives_by_smtp_with_the_copy_the_number_and_the_link,
    || async {
        let sink = Sink::start().await;
        let url = sink.url();
        (sink, send_to(url))
    },
    |app: TestApp, sink: Sink| async move {
        app.add_open_hearing("integrationspolitik").await;
        let block = app.danish_item("integrationspolitik").await;
        let r = app
            .respond_ok(
                "integrationspolitik",
                &block,
                "Husk sprogcaféerne på biblioteket.",
            )
            .await;
        let receipt_path = location(&r);
        let got = sink.wait_for(1).await;
        assert_eq!(got.len(), 1);
        let m = &got[0];
        assert_eq!(m.to, vec!["amina@example.dk".to_string()]);
        assert!(m.from.contains("hoering@roskilde.example"));
        assert!(m.header("To").unwrap().contains("amina@example.dk"));
        assert!(m.header("Message-ID").unwrap().starts_with('<'));
        assert!(m.header("Subject").is_some());
        let text = m.decoded();
        assert!(
            text.contains("Husk sprogcaféerne på biblioteket."),
            "{text}"
        );
        assert!(
            text.contains(&format!("{}{receipt_path}", app.base)),
            "{text}"
        );
        assert_contains(
            &text,
            &[
                &format!(
                    "Afsnit: {}",
                    app::components::block_label(app::i18n::Locale::da, &block)
                ),
                // A list item, cited as the public page cites it.
                ", punkt ",
                "Du får denne e-mail, fordi",
                "Roskilde Kommune",
            ],
        );
        let number: String = app.scalar("SELECT text_body FROM outbox").await;
        let receipt_page = app.page(&receipt_path).await;
        let shown = receipt_page
            .split("<strong>")
            .nth(1)
            .and_then(|s| s.split("</strong>").next())
            .unwrap()
            .to_string();
        assert!(
            number.contains(&shown),
            "the mail carries the receipt number {shown}"
        );
        assert!(text.contains(&shown));
        // Sent once, and marked so.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(sink.received().len(), 1);
        let state = outbox_state(&app).await;
        assert_eq!(state.len(), 1);
        assert!(state[0].1.is_some(), "marked sent");
        // 90 days after sending, the copy of the response goes; the record of the mail stays.
        app.execute("UPDATE outbox SET sent_at = sent_at - 91 * 86400")
            .await;
        server::housekeeping::run_once(&app.db.pool).await;
        let (text, subject): (String, String) =
            app.row("SELECT text_body, subject FROM outbox").await;
        assert_eq!(text, "");
        assert!(subject.starts_with("Kvittering"));
    }
);

both_with_mail!(
    a_message_waits_while_the_mail_server_is_down_and_goes_when_it_is_back,
    || async {
        let addr = free_port().await;
        (addr, send_to(format!("smtp://{addr}")))
    },
    |app: TestApp, addr: std::net::SocketAddr| async move {
        app.add_open_hearing("integrationspolitik").await;
        let r = app
            .respond("integrationspolitik", "", "Et svar mens posten er nede.")
            .await;
        assert_eq!(
            r.status().as_u16(),
            303,
            "the response is taken, mail or not"
        );
        // The first attempt fails: nothing listens.
        let mut failed = false;
        for _ in 0..100 {
            let state = outbox_state(&app).await;
            if state[0].0 >= 1 && state[0].2.is_some() {
                assert!(state[0].1.is_none(), "not sent");
                failed = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(failed, "an attempt was made and failed");
        let sink = Sink::start_on(addr).await;
        let got = sink.wait_for(1).await;
        assert!(got[0].decoded().contains("Et svar mens posten er nede."));
        for _ in 0..50 {
            if outbox_state(&app).await[0].1.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let state = outbox_state(&app).await;
        assert!(state[0].1.is_some(), "sent after the retry");
        assert!(state[0].0 >= 2, "more than one attempt: {}", state[0].0);
        assert_eq!(sink.received().len(), 1);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgres_send_each_message_once() {
    within_timeout(
        "two_servers_on_one_postgres_send_each_message_once",
        async {
            let sink = Sink::start().await;
            let Some(app) = TestApp::spawn_with(Engine::Postgres, send_to(sink.url())).await else {
                return;
            };
            let second = app.second_server().await;
            let outbox = server::outbox(&app.config, second.addr);
            const N: usize = 60;
            // Written in one transaction, so both senders find all of them due at once.
            let mut tx = app.db.pool.begin().await.unwrap();
            for i in 0..N {
                let mail = hoering::mail::Mail {
                    kind: hoering::mail::MailKind::Receipt,
                    to: format!("borger{i}@example.dk"),
                    subject: format!("Besked {i}"),
                    text: format!("Tekst {i}"),
                    html: format!("<p>Tekst {i}</p>"),
                };
                outbox.put(&mut tx, &mail).await.unwrap();
            }
            tx.commit().await.unwrap();
            let got = sink.wait_for(N).await;
            // Time for a duplicate to arrive, were there one.
            tokio::time::sleep(Duration::from_secs(3)).await;
            let got = if sink.received().len() > got.len() {
                sink.received()
            } else {
                got
            };
            let mut ids: Vec<String> = got
                .iter()
                .map(|m| m.header("Message-ID").unwrap())
                .collect();
            ids.sort();
            ids.dedup();
            assert_eq!(got.len(), N, "each message once");
            assert_eq!(ids.len(), N, "no message twice");
            let sent: i64 = app
                .scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL")
                .await;
            assert_eq!(sent, N as i64);
            second.task.abort();
            if let Some(s) = second.sender {
                s.abort();
            }
        },
    )
    .await;
}

both_databases!(
    without_a_mail_server_the_admin_reads_what_would_have_been_sent,
    |app: TestApp| async move {
        app.add_open_hearing_with_response("integrationspolitik", "Et svar <b>med</b> tegn.")
            .await;
        let state = outbox_state(&app).await;
        assert_eq!(state.len(), 1);
        assert_eq!(state[0].0, 0, "no attempt without a mail server");

        // Anonymous: to the login page. A clerk: refused, the outbox holds citizens' copies.
        let r = app.get("/admin/post").await;
        assert_eq!(r.status().as_u16(), 303);
        let clerk = app.clerk().await;
        let r = app.get_with_cookie("/admin/post", &clerk).await;
        assert_eq!(r.status().as_u16(), 403);
        let body = r.text().await.unwrap();
        assert!(body.contains("Kun en administrator"));
        assert!(!body.contains("amina@example.dk"));

        app.add_user("admin@roskilde.example", Role::Admin).await;
        let admin = app.login_as("admin@roskilde.example").await;
        let body = app.text_as("/admin/post", &admin).await.replace("<!>", "");
        assert_contains(
            &body,
            &[
                "Der er ingen mailserver sat op",
                "amina@example.dk",
                "Kvittering for dit høringssvar",
            ],
        );
        let id: i64 = app.scalar("SELECT id FROM outbox").await;
        let body = app.text_as(&format!("/admin/post/{id}"), &admin).await;
        assert!(
            body.contains("Et svar &lt;b&gt;med&lt;/b&gt; tegn."),
            "escaped"
        );
        assert!(body.contains("/kvittering/"));
        // Filtered by recipient.
        let body = app
            .text_as("/admin/post?til=nogen%40example.dk", &admin)
            .await;
        assert!(!body.contains("amina@example.dk"));
    }
);
