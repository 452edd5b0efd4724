//! Retention over HTTP and in housekeeping: a hearing's senders' names, e-mail addresses,
//! redacted originals and file names are erased when the clerk's chosen period has run out,
//! the published words and organisations' names stay, the journal keeps the counts, and the
//! clerk's choice is refused once nothing is left to keep.

use crate::both_databases;
use crate::helpers::*;

const PRIVATE: &str = "Sprogskolen bør have aftenhold, så man kan arbejde ved siden af.";
const ASSOCIATION: &str = "Foreningen tilbyder lektiehjælp og vil gerne samarbejde med kommunen.";
const REDACTED: &str = "Jeg bor på Algade 12 og synes, at biblioteket skal holde åbent længere.";

/// A private person's response with a file, an association's, and one the clerk redacted,
/// all published, on the hearing `politik`, which then closes; the clerk's session.
async fn closed_hearing_with_senders(app: &TestApp) -> String {
    app.add_open_hearing_and_clerk("politik").await;
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in response_form(&[("text", PRIVATE)]) {
        form = form.text(name.to_string(), value.to_string());
    }
    form = form.part(
        "files",
        reqwest::multipart::Part::bytes(crate::attachments::pdf(&["Aftenhold"]))
            .file_name("Amina Hassan - høringssvar.pdf"),
    );
    let r = app
        .client
        .post(app.url("/hoeringer/politik/svar"))
        .multipart(form)
        .send()
        .await
        .expect("POST");
    assert_eq!(
        r.status().as_u16(),
        303,
        "the response with a file is taken"
    );
    app.respond_with_ok(
        "politik",
        &[&[("text", ASSOCIATION)][..], &LEKTIECAFE].concat(),
    )
    .await;
    app.respond_with_ok(
        "politik",
        &[
            ("text", REDACTED),
            ("name", "Lars Holm"),
            ("email", "lars@example.dk"),
        ],
    )
    .await;
    let clerk = app.login().await;
    let redacted: i64 = app
        .scalar_with(
            "SELECT id FROM responses WHERE email = $1",
            "lars@example.dk",
        )
        .await;
    let r = app
        .post_as(
            &format!("/admin/svar/{redacted}/skjul"),
            &clerk,
            &[
                ("back", "/admin/hoeringer/politik"),
                ("passage", "Algade 12"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "the address is redacted");
    app.publish_all().await;
    app.move_close("politik", -60).await;
    clerk
}

/// The hearing's personal data as stored: names, e-mails, originals, file names.
async fn stored(app: &TestApp) -> (Vec<String>, Vec<String>, i64, Vec<String>) {
    (
        app.column("SELECT name FROM responses ORDER BY id").await,
        app.column("SELECT email FROM responses ORDER BY id").await,
        app.scalar("SELECT COUNT(*) FROM responses WHERE original_text IS NOT NULL")
            .await,
        app.column("SELECT name FROM attachments ORDER BY id").await,
    )
}

both_databases!(
    the_senders_personal_data_goes_when_the_period_runs_out_and_the_words_stay,
    |app: TestApp| async move {
        let clerk = closed_hearing_with_senders(&app).await;
        let choices = app.config.privacy.retention.clone();

        // The clerk's page says what the rule is and what it will erase.
        let page = strip(
            &app.page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
                .await,
        );
        assert_contains(
            &page,
            &[
                "Personoplysninger",
                "og der er endnu ingen beslutning",
                "slettes 24 måneder efter",
                "navn og e-mailadresse på 3 høringssvar",
                "den oprindelige tekst af 1 redigeret høringssvar",
                "filnavnet på 1 vedhæftet fil",
            ],
        );

        // A period the municipality does not offer is refused next to the field, and kept.
        let refused = app
            .post_as_refused(
                "/admin/hoeringer/politik/opbevaring",
                &clerk,
                &[("retention_months", "7")],
            )
            .await;
        assert!(
            refused.contains("Vælg en af kommunens perioder"),
            "{refused}"
        );
        // The clerk picks 12 months: journaled, and shown.
        app.post_as_ok(
            "/admin/hoeringer/politik/opbevaring",
            &clerk,
            &[("retention_months", "12")],
        )
        .await;
        let page = strip(
            &app.page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
                .await,
        );
        assert!(page.contains("slettes 12 måneder efter"), "{page}");
        let journal: Vec<String> = app
            .column("SELECT action || ':' || COALESCE(before, '') || '>' || COALESCE(after, '') FROM journal WHERE subject = 'hearing' ORDER BY id")
            .await;
        assert!(
            journal.contains(&"retention_changed:>12".to_string()),
            "{journal:?}"
        );

        // Not yet due: housekeeping erases nothing.
        let now = jiff::Timestamp::now().as_second();
        let done = server::retention::erase_due(&app.db.pool, &choices, now, None)
            .await
            .unwrap();
        assert!(done.is_empty());
        let (names, emails, originals, files) = stored(&app).await;
        assert_eq!(names, ["Amina Hassan", "Jonas Berg", "Lars Holm"]);
        assert_eq!(emails.len(), 3);
        assert_eq!(originals, 1);
        assert_eq!(files, ["Amina Hassan - høringssvar.pdf"]);
        let before = app
            .get_json("/api/v1/hearings/politik/responses")
            .await
            .to_string();
        assert!(
            before.contains("Amina Hassan"),
            "published with name: {before}"
        );

        // A year and a month after the hearing closed, the 12 months have run out.
        app.close_days_ago("politik", 396).await;
        server::housekeeping::erase_expired(&app.db.pool, &choices).await;
        let (names, emails, originals, files) = stored(&app).await;
        assert_eq!(names, ["", "", ""]);
        assert_eq!(emails, ["", "", ""]);
        assert_eq!(originals, 0);
        assert_eq!(files, ["bilag-1.pdf"]);
        // The private persons published with name are now published as private persons';
        // the association keeps its name.
        let publications: Vec<String> = app
            .column("SELECT publication FROM responses ORDER BY id")
            .await;
        assert_eq!(publications, ["anonymous", "with_name", "anonymous"]);
        let everything = app
            .get_json("/api/v1/hearings/politik/responses")
            .await
            .to_string();
        assert!(!everything.contains("Amina Hassan"), "{everything}");
        assert!(!everything.contains("Lars Holm"));
        assert!(!everything.contains("@example.dk"));
        assert!(everything.contains("Sprogskolen bør have aftenhold"));
        assert!(everything.contains("Roskilde Lektiecafé"));
        assert!(everything.contains("biblioteket skal holde åbent længere"));
        assert!(
            !everything.contains("Algade 12"),
            "the original is gone, the redaction stays"
        );

        // The journal keeps the counts, never the content.
        let erased: String = app
            .scalar("SELECT after FROM journal WHERE action = 'personal_data_erased'")
            .await;
        let counts: serde_json::Value = serde_json::from_str(&erased).unwrap();
        assert_eq!(
            counts,
            serde_json::json!({"senders": 3, "originals": 1, "file_names": 1})
        );
        // Once: a second round finds nothing to do.
        let again = server::retention::erase_due(&app.db.pool, &choices, now, None)
            .await
            .unwrap();
        assert!(again.is_empty());
        let page = strip(
            &app.page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
                .await,
        );
        assert!(
            page.contains("Afsendernes personoplysninger blev slettet den"),
            "{page}"
        );
        let refused = app
            .post_as_refused(
                "/admin/hoeringer/politik/opbevaring",
                &clerk,
                &[("retention_months", "36")],
            )
            .await;
        assert!(refused.contains("allerede slettet"), "{refused}");
    }
);

both_databases!(
    an_open_hearing_counts_nothing_down_and_only_clerks_choose,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        app.respond_ok("politik", "", PRIVATE).await;
        let choices = app.config.privacy.retention.clone();
        let now = jiff::Timestamp::now().as_second();
        let plans = server::retention::plans(&app.db.pool, &choices, now)
            .await
            .unwrap();
        assert!(
            plans.is_empty(),
            "an open hearing has no retention plan yet"
        );
        let member = app.council_member("medlem@roskilde.example").await;
        app.post_as_forbidden(
            "/admin/hoeringer/politik/opbevaring",
            &member,
            &[("retention_months", "12")],
        )
        .await;
        let months: Option<i64> = app.scalar("SELECT retention_months FROM hearings").await;
        assert_eq!(months, None);
    }
);
