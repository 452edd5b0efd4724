//! Personal data in responses over HTTP: the core flags it on the clerk's queue, a CPR number
//! is never published without a redaction or an explicit (journaled) confirmation, a redacted
//! passage reaches no public page and no API, the original is read by clerks only and every
//! reading is journaled, and a withheld response's sender is told why.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;

fn strip(body: &str) -> String {
    body.replace("<!-- -->", "").replace("<!>", "")
}

const CPR: &str = "010190-1234";
const TEXT: &str =
    "Min søn har CPR-nummer 010190-1234 og venter på sprogskole. Ring på 23 45 67 89.";

/// The hearing with one pending response holding a CPR number and a phone number; its id.
async fn sent(app: &TestApp) -> i64 {
    app.add_open_hearing("politik").await;
    app.add_clerk().await;
    assert_eq!(
        app.respond("politik", "", TEXT).await.status().as_u16(),
        303
    );
    sqlx::query_scalar("SELECT id FROM responses")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn moderate(
    app: &TestApp,
    cookie: &str,
    id: i64,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = app.csrf(cookie).await;
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("back", "/admin/hoeringer/politik"),
    ];
    fields.extend_from_slice(form);
    app.post_form_with_cookie(&format!("/admin/svar/{id}"), cookie, &fields)
        .await
}

async fn redact(app: &TestApp, cookie: &str, id: i64, form: &[(&str, &str)]) -> reqwest::Response {
    let csrf = app.csrf(cookie).await;
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("back", "/admin/hoeringer/politik"),
    ];
    fields.extend_from_slice(form);
    app.post_form_with_cookie(&format!("/admin/svar/{id}/skjul"), cookie, &fields)
        .await
}

async fn journal(app: &TestApp, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT action FROM journal WHERE subject = 'response' AND subject_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

both_databases!(
    a_redacted_cpr_number_never_reaches_the_public_and_the_original_is_read_on_the_record,
    |app: TestApp| async move {
        let id = sent(&app).await;
        let clerk = app.login().await;
        let queue = strip(
            &app.get_with_cookie("/admin/hoeringer/politik", &clerk)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(queue.contains("Mulige personoplysninger"), "{queue}");
        assert!(queue.contains(&format!("CPR-nummer: <mark>{CPR}</mark>")));
        assert!(queue.contains("Telefonnummer: <mark>23 45 67 89</mark>"));

        // A plain "publish" is refused while the CPR number stands.
        let r = moderate(&app, &clerk, id, &[("status", "published")]).await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Svaret indeholder et CPR-nummer"));
        let status: String = sqlx::query_scalar("SELECT status FROM responses")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(status, "pending");

        // One click on the flag redacts it; a flag that no longer stands there redacts nothing.
        let flag = hoering::privacy::detect(TEXT)
            .into_iter()
            .find(|f| f.kind == hoering::privacy::FlagKind::Cpr)
            .unwrap();
        let (start, end) = (flag.start.to_string(), flag.end.to_string());
        let click = [
            ("start", start.as_str()),
            ("end", end.as_str()),
            ("flagged", CPR),
        ];
        assert_eq!(
            redact(&app, &clerk, id, &click).await.status().as_u16(),
            303
        );
        assert_eq!(
            redact(&app, &clerk, id, &click).await.status().as_u16(),
            409
        );
        // A typed passage too; words that are not in the response are refused, kept, explained.
        let r = redact(&app, &clerk, id, &[("passage", "ring på 99 99 99 99")]).await;
        assert_eq!(r.status().as_u16(), 422);
        let body = strip(&r.text().await.unwrap());
        assert!(body.contains("Passagen står ikke i svaret"));
        assert!(body.contains("value=\"ring på 99 99 99 99\""));
        assert_eq!(
            redact(&app, &clerk, id, &[("passage", "ring  PÅ 23 45 67 89")])
                .await
                .status()
                .as_u16(),
            303
        );
        let (text, original): (String, Option<String>) =
            sqlx::query_as("SELECT text, original_text FROM responses")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(
            text,
            "Min søn har CPR-nummer [skjult] og venter på sprogskole. [skjult]."
        );
        assert_eq!(original.as_deref(), Some(TEXT), "the text as sent is kept");

        assert_eq!(
            moderate(&app, &clerk, id, &[("status", "published")])
                .await
                .status()
                .as_u16(),
            303
        );
        // Nowhere public: the hearing page, the API, the feed, the search engines' view.
        for path in [
            "/hoeringer/politik?vis=hele",
            "/api/v1/hearings/politik/responses",
            "/api/v1/hearings/politik",
        ] {
            let (status, body) = app.get_text(path).await;
            assert_eq!(status, 200, "{path}");
            assert!(
                !body.contains(CPR) && !body.contains("23 45 67 89"),
                "{path}: {body}"
            );
        }
        assert!(
            app.get_text("/hoeringer/politik?vis=hele")
                .await
                .1
                .contains("[skjult]")
        );

        // The original: clerks only, and each reading is journaled with who read it.
        let original_page = format!("/admin/svar/{id}/original");
        let r = app.get(&original_page).await;
        assert_eq!(r.status().as_u16(), 303, "no session: to the login page");
        assert!(!r.text().await.unwrap().contains(CPR));
        app.add_user("raad@raadet.example", Role::Council).await;
        let member = app.login_as("raad@raadet.example").await;
        let r = app.get_with_cookie(&original_page, &member).await;
        assert_eq!(r.status().as_u16(), 403);
        assert!(!r.text().await.unwrap().contains(CPR));
        let r = app
            .post_form_with_cookie("/_fn/admin_original", &member, &[("id", &id.to_string())])
            .await;
        assert_eq!(r.status().as_u16(), 403);
        assert_eq!(
            journal(&app, id).await,
            ["redacted", "redacted", "status_changed"],
            "refused readings read nothing"
        );
        let r = app.get_with_cookie(&original_page, &clerk).await;
        assert_eq!(r.status().as_u16(), 200);
        let page = strip(&r.text().await.unwrap());
        assert!(page.contains(CPR), "the clerk reads the original");
        assert!(page.contains("Originalen læst"));
        let (actor, before, after): (String, Option<String>, Option<String>) = sqlx::query_as(
            "SELECT u.email, j.before, j.after FROM journal j JOIN users u ON u.id = j.actor_id
             WHERE j.action = 'original_read'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(actor, CLERK_EMAIL);
        assert_eq!((before, after), (None, None));
        // The journal never keeps what was redacted, and it cannot be changed or emptied.
        let kept: Vec<String> = sqlx::query_scalar(
            "SELECT COALESCE(before, '') || ' ' || COALESCE(after, '') FROM journal",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        assert!(kept.iter().all(|k| !k.contains(CPR)), "{kept:?}");
        assert!(
            sqlx::query("UPDATE journal SET action = 'nothing'")
                .execute(&app.db.pool)
                .await
                .is_err()
        );
        assert!(
            sqlx::query("DELETE FROM journal")
                .execute(&app.db.pool)
                .await
                .is_err()
        );
        assert_eq!(journal(&app, id).await.len(), 4);
    }
);

both_databases!(
    a_cpr_number_is_published_only_when_a_clerk_confirms_it,
    |app: TestApp| async move {
        let id = sent(&app).await;
        let clerk = app.login().await;
        let r = moderate(
            &app,
            &clerk,
            id,
            &[("status", "published"), ("confirm_cpr", "on")],
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(journal(&app, id).await, ["status_changed", "cpr_confirmed"]);
        assert!(
            app.get_text("/hoeringer/politik?vis=hele")
                .await
                .1
                .contains(CPR)
        );
    }
);

both_databases!(
    a_withheld_response_needs_a_reason_and_its_sender_is_told,
    |app: TestApp| async move {
        let id = sent(&app).await;
        let clerk = app.login().await;
        let r = moderate(
            &app,
            &clerk,
            id,
            &[("status", "withheld"), ("reason", "  ")],
        )
        .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Skriv begrundelsen"));
        const WHY: &str = "Svaret indeholder oplysninger om en navngiven borgers helbred.";
        let r = moderate(&app, &clerk, id, &[("status", "withheld"), ("reason", WHY)]).await;
        assert_eq!(r.status().as_u16(), 303);
        let (to, body): (String, String) =
            sqlx::query_as("SELECT recipient, text_body FROM outbox WHERE kind = 'withheld'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(to, "amina@example.dk");
        assert!(body.contains(WHY) && body.contains("/kvittering/"));
        let queue = strip(
            &app.get_with_cookie("/admin/hoeringer/politik?status=withheld", &clerk)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(queue.contains(WHY));
        assert_eq!(journal(&app, id).await, ["status_changed"]);
    }
);
