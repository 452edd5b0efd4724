//! The sender's own page, from the receipt link, over HTTP: while the hearing is open the
//! sender changes the text and the publication choice (back to moderation, the earlier text
//! kept for clerks) or withdraws the response; after the deadline they ask for their name to be
//! erased and a clerk decides. Every step is refused with its reason when the rule says no, and
//! journaled without the text.

use crate::both_databases;
use crate::helpers::*;

/// The receipt token of the response sent from `email`.
async fn token_of(app: &TestApp, email: &str) -> String {
    app.scalar_with(
        "SELECT receipt_token FROM responses WHERE email = $1",
        email,
    )
    .await
}

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_form(path, form).await
}

/// The page a refused post comes back as: 422 with the reason.
async fn refused(app: &TestApp, path: &str, form: &[(&str, &str)]) -> String {
    let r = post(app, path, form).await;
    assert_eq!(r.status().as_u16(), 422, "POST {path} is refused");
    strip(&r.text().await.expect("body"))
}

async fn taken(app: &TestApp, path: &str, form: &[(&str, &str)]) -> String {
    let r = post(app, path, form).await;
    assert_eq!(r.status().as_u16(), 303, "POST {path} is taken");
    r.headers()["location"].to_str().unwrap().to_string()
}

both_databases!(
    while_open_the_sender_changes_their_response_and_then_withdraws_it,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        app.respond_ok("politik", "", "Et høringssvar om sprogskolen.")
            .await;
        let token = token_of(&app, "amina@example.dk").await;
        let page = format!("/kvittering/{token}");
        let receipt = strip(&app.page_ok(&page).await);
        assert_contains(
            &receipt,
            &[
                "Dit svar nu",
                "Venter på, at en medarbejder læser det.",
                "Ret dit svar",
                "Træk dit svar tilbage",
            ],
        );
        assert!(!receipt.contains("Bed om at få mit navn slettet"));
        app.publish_all().await;
        let published = app
            .get_json("/api/v1/hearings/politik/responses")
            .await
            .to_string();
        assert!(published.contains("Et høringssvar om sprogskolen."));

        // An empty text is refused by the field, the choice typed kept.
        let body = refused(
            &app,
            &format!("{page}/ret"),
            &[("text", " "), ("publication", "anonymous")],
        )
        .await;
        assert!(body.contains("Skriv dit høringssvar"), "{body}");
        // The change: back to moderation, so off the public lists until a clerk reads it again.
        let to = taken(
            &app,
            &format!("{page}/ret"),
            &[
                ("text", "Et rettet svar: sprogskolen skal have aftenhold."),
                ("publication", "anonymous"),
            ],
        )
        .await;
        assert_eq!(to, format!("{page}?rettet=1"));
        let (text, publication, status): (String, String, String) = app
            .row("SELECT text, publication, status FROM responses")
            .await;
        assert_eq!(
            (text.as_str(), publication.as_str(), status.as_str()),
            (
                "Et rettet svar: sprogskolen skal have aftenhold.",
                "anonymous",
                "pending"
            )
        );
        let public = app
            .get_json("/api/v1/hearings/politik/responses")
            .await
            .to_string();
        assert!(!public.contains("sprogskolen"), "{public}");
        let receipt = strip(&app.page_ok(&format!("{page}?rettet=1")).await);
        assert_contains(
            &receipt,
            &[
                "Dit svar er rettet",
                "Et rettet svar: sprogskolen skal have aftenhold.",
            ],
        );
        // The clerk sees that it changed, and the earlier text, on the record.
        let clerk = app.login().await;
        let queue = strip(&app.page_as("/admin/hoeringer/politik", &clerk).await);
        assert!(queue.contains("Afsenderen har rettet svaret"), "{queue}");
        let id: i64 = app.scalar("SELECT id FROM responses").await;
        let original = strip(
            &app.page_as(&format!("/admin/svar/{id}/original"), &clerk)
                .await,
        );
        assert_contains(
            &original,
            &[
                "Afsenderens tidligere udgaver",
                "Et høringssvar om sprogskolen.",
                "Ja, med mit navn",
                "Rettet af afsenderen",
            ],
        );
        let actors: Vec<Option<i64>> = app
            .column("SELECT actor_id FROM journal WHERE action = 'changed_by_sender'")
            .await;
        assert_eq!(actors, [None], "the sender acted, not a clerk");
        let journaled: String = app
            .scalar("SELECT after FROM journal WHERE action = 'changed_by_sender'")
            .await;
        assert!(
            !journaled.contains("sprogskolen"),
            "the journal keeps no text: {journaled}"
        );

        // Withdrawing needs the tick.
        let body = refused(&app, &format!("{page}/traek-tilbage"), &[]).await;
        assert!(body.contains("Sæt flueben"), "{body}");
        taken(
            &app,
            &format!("{page}/traek-tilbage"),
            &[("confirm", "yes")],
        )
        .await;
        let receipt = strip(&app.page_ok(&page).await);
        assert!(
            receipt.contains("Du har trukket svaret tilbage"),
            "{receipt}"
        );
        assert!(!receipt.contains("Ret dit svar") && !receipt.contains("Træk svaret tilbage"));
        let body = refused(
            &app,
            &format!("{page}/ret"),
            &[("text", "Igen."), ("publication", "anonymous")],
        )
        .await;
        assert!(body.contains("Svaret er trukket tilbage"), "{body}");
        let status: String = app.scalar("SELECT status FROM responses").await;
        assert_eq!(status, "withheld");
        // The notat needs no answer to it.
        let notat = strip(
            &app.page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
                .await,
        );
        assert!(!notat.contains("Et rettet svar"), "{notat}");
        assert_eq!(
            app.status(&format!("/kvittering/{}", "0".repeat(64))).await,
            404
        );
    }
);

both_databases!(
    after_the_deadline_the_sender_asks_for_erasure_and_a_clerk_decides,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        app.respond_ok("politik", "", "Et svar, der står tilbage.")
            .await;
        app.publish_all().await;
        app.move_close("politik", -60).await;
        let token = token_of(&app, "amina@example.dk").await;
        let page = format!("/kvittering/{token}");
        let receipt = strip(&app.page_ok(&page).await);
        assert!(
            receipt.contains("Bed om at få mit navn slettet"),
            "{receipt}"
        );
        assert!(!receipt.contains("Ret dit svar"));
        let body = refused(
            &app,
            &format!("{page}/ret"),
            &[("text", "Nyt."), ("publication", "anonymous")],
        )
        .await;
        assert!(body.contains("Høringen er slut"), "{body}");

        taken(&app, &format!("{page}/slet-navn"), &[]).await;
        let receipt = strip(&app.page_ok(&page).await);
        assert!(
            receipt.contains("Du har bedt om at få dit navn"),
            "{receipt}"
        );
        let body = refused(&app, &format!("{page}/slet-navn"), &[]).await;
        assert!(body.contains("Du har allerede bedt om det"), "{body}");

        // Only clerks decide.
        let id: i64 = app.scalar("SELECT id FROM responses").await;
        let decide = format!("/admin/svar/{id}/sletning");
        let member = app.council_member("medlem@roskilde.example").await;
        app.post_as_forbidden(&decide, &member, &[("decision", "erase")])
            .await;
        let clerk = app.login().await;
        let queue = strip(
            &app.page_as("/admin/hoeringer/politik?status=published", &clerk)
                .await,
        );
        assert!(
            queue.contains("Afsenderen beder om at få sit navn"),
            "{queue}"
        );
        let back = "/admin/hoeringer/politik?status=published";
        let id_text = id.to_string();
        app.post_as_ok(
            &decide,
            &clerk,
            &[
                ("back", back),
                ("response", &id_text),
                ("decision", "erase"),
            ],
        )
        .await;
        let (name, email, publication): (String, String, String) = app
            .row("SELECT name, email, publication FROM responses")
            .await;
        assert_eq!((name.as_str(), email.as_str()), ("", ""));
        assert_eq!(
            publication, "anonymous",
            "published as a private person's now"
        );
        let public = app
            .get_json("/api/v1/hearings/politik/responses")
            .await
            .to_string();
        assert!(
            public.contains("Et svar, der står tilbage.") && !public.contains("Amina"),
            "{public}"
        );
        let receipt = strip(&app.page_ok(&page).await);
        assert!(
            receipt.contains("Dit navn og din e-mailadresse er slettet"),
            "{receipt}"
        );
        let decided: Vec<String> = app
            .column("SELECT after FROM journal WHERE action = 'erasure_decided' AND actor_id IS NOT NULL")
            .await;
        assert_eq!(decided, ["erased"]);
        let again = app
            .post_as_refused(
                &decide,
                &clerk,
                &[("back", back), ("response", &id_text), ("decision", "keep")],
            )
            .await;
        assert!(again.contains("ingen ubesvaret anmodning"), "{again}");
    }
);
