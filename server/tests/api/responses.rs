//! Sending a høringssvar: valid, invalid, closed, oversized; the receipt.

use crate::both_databases;
use crate::helpers::*;

fn valid_form<'a>(block: &'a str, text: &'a str) -> Vec<(&'a str, &'a str)> {
    response_form(&[("text", text), ("organisation", ""), ("block", block)])
}

both_databases!(valid_response_gets_a_receipt, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let number = app.danish_item("integrationspolitik").await;
    let text = "Sprogstimulering i dagtilbud bør starte allerede fra 3 år.\n\nMvh Amina";
    let r = app
        .post_form_ok(
            "/hoeringer/integrationspolitik/svar",
            &valid_form(&number, text),
        )
        .await;
    let location = location(&r);
    assert!(location.starts_with("/kvittering/"), "{location}");
    assert_eq!(app.stored_responses().await, 1, "stored before the receipt");

    let (status, body) = app.get_text(&location).await;
    assert_eq!(status, 200);
    assert!(body.contains("Tak for dit høringssvar"));
    assert!(body.contains("H-20"), "a receipt number");
    assert!(body.contains("Sprogstimulering i dagtilbud bør starte allerede fra 3 år."));
    assert!(
        body.contains("amina@example.dk"),
        "the copy shows the e-mail to its sender"
    );
    assert!(body.contains(&format!("{}, punkt", number.rsplit_once('.').unwrap().0)));

    // Not public before a clerk publishes it.
    let page = app.page("/hoeringer/integrationspolitik").await;
    assert!(!page.contains("Sprogstimulering"));
    let json = app
        .get_json("/api/v1/hearings/integrationspolitik/responses")
        .await;
    assert_eq!(json["total"], 0);
});

both_databases!(
    an_arabic_reader_gets_the_receipt_in_arabic,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let number = app.danish_item("integrationspolitik").await;
        let text = "<b>تعليم اللغة</b> مهم لأطفالنا منذ سن الثالثة.";
        let r = app
            .post_form_with_cookie(
                "/hoeringer/integrationspolitik/svar",
                "i18n_pref_locale=ar",
                &valid_form(&number, text),
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let (to, subject, body, html): (String, String, String, String) = app.row("SELECT recipient, subject, text_body, html_body FROM outbox WHERE kind = 'receipt'").await;
        assert_eq!(to, "amina@example.dk");
        assert!(
            subject.starts_with("إيصال استلام ردّكم") && subject.ends_with("Integrationspolitik"),
            "{subject}"
        );
        for part in [&body, &html] {
            assert!(part.contains("شكرًا على ردّكم"), "{part}");
            assert!(part.contains("رقم الإيصال"), "{part}");
            assert!(part.contains("تصلكم هذه الرسالة لأن"), "{part}");
            assert!(!part.contains("Du får denne e-mail") && !part.contains("You receive"));
        }
        // The last day in Arabic month names, as the catalogue writes dates.
        let closes = hoering::calendar::today()
            .checked_add(jiff::Span::new().days(21))
            .unwrap();
        let last_day = app::dates::long_date(app::i18n::Locale::ar, closes);
        assert!(body.contains(&last_day), "{last_day} in {body}");
        assert!(body.contains(&format!("> {text}")), "the copy as typed");
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(
            !html.contains("<b>تعليم"),
            "what was typed is never live HTML"
        );
        assert!(html.contains("&lt;b&gt;تعليم اللغة&lt;/b&gt;"));
    }
);

both_databases!(
    invalid_response_comes_back_with_errors_and_input,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let body = app
            .post_form_refused(
                "/hoeringer/integrationspolitik/svar",
                &[
                    ("text", "Mit svar om <b>skolen</b>"),
                    ("name", ""),
                    ("email", "ikke-en-email"),
                    ("sender_kind", "association"),
                    ("organisation", ""),
                    ("publication", ""),
                    ("block", ""),
                ],
            )
            .await;
        assert!(
            body.contains("Der er noget, du skal rette"),
            "error summary"
        );
        assert_contains(
            &body,
            &[
                "Skriv dit navn",
                "Skriv en gyldig e-mailadresse",
                "Skriv navnet på den organisation, du svarer for",
                "Vælg, om vi må offentliggøre dit høringssvar",
            ],
        );
        assert!(
            body.contains("id=\"email-error\""),
            "error next to the field"
        );
        assert!(body.contains("aria-invalid=\"true\""));
        // What was typed is kept, escaped.
        assert!(
            body.contains("Mit svar om &lt;b&gt;skolen&lt;/b&gt;"),
            "text kept"
        );
        assert!(body.contains("value=\"ikke-en-email\""), "e-mail kept");
        assert!(
            !body.contains("<b>skolen</b>"),
            "user input is never live HTML"
        );
        assert_eq!(app.stored_responses().await, 0);

        // Text that tries to close the textarea stays inside it.
        let r = app
            .post_form(
                "/hoeringer/integrationspolitik/svar",
                &[
                    ("text", "a</textarea><script>alert(1)</script>"),
                    ("email", "x\" onfocus=\"alert(1)"),
                ],
            )
            .await;
        let body = r.text().await.unwrap();
        assert!(
            !body.contains("<script>alert(1)"),
            "no script escapes the textarea"
        );
        assert!(body.contains("a&lt;/textarea&gt;&lt;script&gt;"));
        assert!(
            !body.contains("onfocus=\"alert"),
            "attribute values are escaped"
        );
    }
);

// The form says, by the choice to be published without a name and before anything is sent,
// that a name and an e-mail address are still needed (and why): without JavaScript too, as
// the server renders it.
both_databases!(
    an_anonymous_response_is_told_beforehand_it_needs_a_name_and_an_address,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        for (cookie, says) in [
            (
                "",
                "Også når du svarer uden navn, skal du skrive dit navn og din e-mail ovenfor, så kommunen kan kontakte dig",
            ),
            (
                "i18n_pref_locale=en",
                "Even if you respond without your name, give your name and e-mail above, so the municipality can contact you",
            ),
        ] {
            let r = app
                .get_with_cookie("/hoeringer/integrationspolitik/svar", cookie)
                .await;
            assert_eq!(r.status().as_u16(), 200);
            let page = strip(&r.text().await.unwrap());
            let fieldset = page
                .find("id=\"publication-fieldset\"")
                .expect("the choice");
            let hint = page
                .find(says)
                .unwrap_or_else(|| panic!("{says} in {page}"));
            let anonymous = page
                .find("value=\"anonymous\"")
                .expect("the anonymous choice");
            assert!(
                fieldset < hint && hint < anonymous,
                "inside the choice, before it"
            );
            assert!(page.contains("aria-describedby=\"publication-hint publication-contact\""));
        }
    }
);

both_databases!(unknown_block_is_refused, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let body = app
        .post_form_refused(
            "/hoeringer/integrationspolitik/svar",
            &valid_form("9.9.9", "Hej"),
        )
        .await;
    assert!(body.contains("Det afsnit findes ikke i udkastet"));
    assert!(body.contains(">Hej</textarea>"), "the text is kept");
    assert_eq!(app.stored_responses().await, 0);
});

both_databases!(closed_hearing_stores_nothing, |app: TestApp| async move {
    app.add_hearing("lukket", "2020-01-06", "2020-02-03").await;
    let form_page = app.page("/hoeringer/lukket/svar").await;
    assert!(form_page.contains("Høringen er lukket"));
    assert!(
        !form_page.contains("name=\"text\""),
        "no form on a closed hearing"
    );
    let r = app
        .post_form("/hoeringer/lukket/svar", &valid_form("", "For sent"))
        .await;
    assert_eq!(r.status().as_u16(), 403);
    let body = r.text().await.unwrap();
    assert!(body.contains("Høringen er lukket"));
    assert_eq!(app.stored_responses().await, 0);

    app.add_hearing("kommende", "2098-01-06", "2098-02-03")
        .await;
    let r = app
        .post_form("/hoeringer/kommende/svar", &valid_form("", "For tidligt"))
        .await;
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(app.stored_responses().await, 0);
});

both_databases!(
    oversized_body_is_413_and_stores_nothing,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        // 800 KB announced: refused from the headers, before a byte of the body is read. (Like curl,
        // the client waits for `100 Continue`, so it reads the answer instead of a reset socket.)
        let status = app
            .post_announcing_size("/hoeringer/integrationspolitik/svar", 800 * 1024)
            .await;
        assert_eq!(status, 413);
        // A browser just sends; whatever it gets back, nothing is stored.
        let huge = "ø".repeat(400_000);
        let _ = app
            .client
            .post(app.url("/hoeringer/integrationspolitik/svar"))
            .form(&valid_form("", &huge))
            .send()
            .await;
        assert_eq!(app.stored_responses().await, 0);

        // Just over the text limit but under the body limit: a field error, not a 413.
        let long = "a".repeat(20_001);
        assert!(
            app.post_form_refused(
                "/hoeringer/integrationspolitik/svar",
                &valid_form("", &long),
            )
            .await
            .contains("højst være 20.000 tegn")
        );
        assert_eq!(app.stored_responses().await, 0);
    }
);

both_databases!(cross_site_post_is_refused, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let r = app
        .post_with(
            "/hoeringer/integrationspolitik/svar",
            &[("origin", "https://evil.example")],
            &valid_form("", "Falsk"),
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(app.stored_responses().await, 0);
});

both_databases!(receipt_needs_its_token, |app: TestApp| async move {
    let (status, _) = app
        .get_text(&format!("/kvittering/{}", "0".repeat(64)))
        .await;
    assert_eq!(status, 404);
});

/// Many citizens at once, as the writer stores them together: every acknowledged response is
/// stored once with its receipt, its count, its place and its search terms, and the limit per
/// client still counts one response after the other within one batch.
async fn many_at_once(engine: Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.responses_per_hour = 5;
        c.trusted_proxy = Some("127.0.0.1".parse().unwrap());
    })
    .await
    else {
        return;
    };
    app.add_open_hearing("integrationspolitik").await;
    let number = app.danish_item("integrationspolitik").await;
    let mut senders = tokio::task::JoinSet::new();
    for n in 0..120u32 {
        let client = app.client.clone();
        let url = app.url("/hoeringer/integrationspolitik/svar");
        let block = if n % 2 == 0 {
            number.clone()
        } else {
            String::new()
        };
        senders.spawn(async move {
            // A hundred readers on their own addresses, and twenty responses from one.
            let address = if n < 100 {
                format!("10.0.0.{}", n + 1)
            } else {
                "9.9.9.9".to_string()
            };
            let text = format!("Svar nummer {n} om sprogstimulering.");
            let r = client
                .post(url)
                .header("x-forwarded-for", address)
                .form(&[
                    ("text", text.as_str()),
                    ("name", "Amina Hassan"),
                    ("email", "amina@example.dk"),
                    ("sender_kind", "private"),
                    ("publication", "with_name"),
                    ("block", block.as_str()),
                ])
                .send()
                .await
                .unwrap();
            let location = r
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_string());
            (n, r.status().as_u16(), location)
        });
    }
    let mut answers = senders.join_all().await;
    answers.sort_by_key(|(n, _, _)| *n);
    for (n, status, _) in &answers[..100] {
        assert_eq!(*status, 303, "reader {n} on an address of their own");
    }
    let shared: Vec<u16> = answers[100..].iter().map(|(_, s, _)| *s).collect();
    assert_eq!(
        shared.iter().filter(|s| **s == 303).count(),
        5,
        "five an hour from the shared address: {shared:?}"
    );
    assert_eq!(shared.iter().filter(|s| **s == 429).count(), 15);

    assert_eq!(app.stored_responses().await, 105);
    let accepted: Vec<_> = answers.iter().filter(|(_, s, _)| *s == 303).collect();
    for (n, _, location) in &accepted {
        let location = location.as_deref().expect("a receipt address");
        let (status, body) = app.get_text(location).await;
        assert_eq!(status, 200, "{location}");
        assert!(
            body.contains(&format!("Svar nummer {n} om sprogstimulering.")),
            "the receipt of response {n} shows its own text"
        );
    }
    let pool = &app.db.pool;
    let receipts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'receipt'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(receipts, 105, "one receipt each");
    let pending: i64 = sqlx::query_scalar("SELECT pending FROM hearing_counts")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(pending, 105, "the clerk's count of responses waiting");
    let on_block = accepted.iter().filter(|(n, _, _)| n % 2 == 0).count();
    let placed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM placements")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(usize::try_from(placed).unwrap(), on_block);
    let searchable: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT response_id) FROM search_terms")
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(searchable, 105, "every response can be searched");
}

crate::both_engines!(many_at_once, many_at_once);

/// A response the database refuses (here: a receipt token already taken) fails alone: the
/// others queued with it are stored all the same, each with its receipt.
async fn one_bad_response_costs_only_its_sender(engine: Engine) {
    use server::response::db::{Arrival, Target};
    use server::response::intake::{Intake, Outcome, Submitted};
    let Some(app) = TestApp::spawn(engine).await else {
        return;
    };
    app.add_open_hearing_with_response("integrationspolitik", "Det første svar.")
        .await;
    let taken: String = app.scalar("SELECT receipt_token FROM responses").await;
    let hearing = server::hearing::db::by_slug(&app.db.pool, "integrationspolitik")
        .await
        .unwrap()
        .unwrap();
    let outbox = server::outbox(&app.config, "127.0.0.1:1".parse().unwrap());
    let limits = std::sync::Arc::new(server::web::limits::Limits::new(app.db.pool.clone(), 0));
    let intake = Intake::start(app.db.pool.clone(), limits, outbox.clone());
    let submitted = |n: usize, token: String| {
        let form = hoering::response::ResponseForm {
            text: format!("Svar nummer {n}."),
            name: "Amina Hassan".into(),
            email: "amina@example.dk".into(),
            sender_kind: "private".into(),
            organisation: String::new(),
            publication: "with_name".into(),
            block: String::new(),
        };
        let sender = outbox.sender.clone();
        Submitted {
            arrival: Arrival {
                target: Target {
                    hearing_id: hearing.id,
                    version_id: hearing.version_id,
                    block: None,
                    quote: None,
                },
                submission: hoering::response::ResponseSubmission::parse(&form).unwrap(),
                receipt_token: token,
                party: None,
                lang: "da",
                files: Vec::new(),
            },
            limit_key: None,
            receipt: Box::new(move |id, at| {
                app::mail::texts::receipt(
                    app::i18n::Locale::da,
                    &sender,
                    &hoering::mail::ReceiptMail {
                        to: "amina@example.dk",
                        name: "Amina Hassan",
                        hearing_title: "Integrationspolitik",
                        receipt_number: &server::response::receipt_number(id, at),
                        block: None,
                        quote: None,
                        text: "Et svar.",
                        receipt_path: "/kvittering/x",
                        last_day: "i morgen",
                        publication: hoering::response::Publication::WithName,
                        files: &[],
                    },
                )
            }),
        }
    };
    let outcomes = futures_util::future::join_all((0..20).map(|n| {
        let token = if n == 7 {
            taken.clone()
        } else {
            format!("token-{n}")
        };
        intake.submit(submitted(n, token))
    }))
    .await;
    for (n, outcome) in outcomes.iter().enumerate() {
        if n == 7 {
            assert!(outcome.is_err(), "the taken token is refused: {outcome:?}");
        } else {
            assert!(
                matches!(outcome, Ok(Outcome::Stored { .. })),
                "response {n}: {outcome:?}"
            );
        }
    }
    assert_eq!(
        app.stored_responses().await,
        20,
        "the first and nineteen more"
    );
    let receipts: i64 = app
        .scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'receipt'")
        .await;
    assert_eq!(receipts, 20);
}

crate::both_engines!(
    one_bad_response_costs_only_its_sender,
    one_bad_response_costs_only_its_sender
);

both_databases!(
    a_withheld_response_is_told_in_the_senders_language_not_the_clerks,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let number = app.danish_item("integrationspolitik").await;
        let r = app
            .post_form_with_cookie(
                "/hoeringer/integrationspolitik/svar",
                "i18n_pref_locale=ar",
                &valid_form(&number, "رسالة خارج موضوع الاستشارة."),
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let id: i64 = app.scalar("SELECT id FROM responses").await;
        // The clerk reads the Danish pages.
        let cookie = app.clerk().await;
        let withheld = [
            ("status", "withheld"),
            ("reason", "Svaret er uden for høringens emne."),
        ];
        app.post_as_ok(&format!("/admin/svar/{id}"), &cookie, &withheld)
            .await;
        let (subject, body): (String, String) = app
            .row("SELECT subject, text_body FROM outbox WHERE kind = 'withheld'")
            .await;
        assert!(subject.starts_with("لن يُنشر ردّكم"), "{subject}");
        assert!(body.contains("اطّلعوا على ردّكم"), "{body}");
        assert!(
            body.contains("Svaret er uden for høringens emne."),
            "the clerk's reason as written"
        );
        assert!(!body.contains("Se dit høringssvar"), "{body}");
    }
);
