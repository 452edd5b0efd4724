//! Sending a høringssvar: valid, invalid, closed, oversized; the receipt.

use crate::both_databases;
use crate::helpers::*;

fn valid_form<'a>(block: &'a str, text: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("text", text),
        ("name", "Amina Hassan"),
        ("email", "amina@example.dk"),
        ("sender_kind", "private"),
        ("organisation", ""),
        ("publication", "with_name"),
        ("block", block),
    ]
}

both_databases!(valid_response_gets_a_receipt, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let number = app
        .block_number("integrationspolitik", DANISH_ITEM_START)
        .await;
    let text = "Sprogstimulering i dagtilbud bør starte allerede fra 3 år.\n\nMvh Amina";
    let r = app
        .post_form(
            "/hoeringer/integrationspolitik/svar",
            &valid_form(&number, text),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
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
    let (_, page) = app.get_text("/hoeringer/integrationspolitik").await;
    assert!(!page.contains("Sprogstimulering"));
    let json: serde_json::Value = app
        .get("/api/v1/hearings/integrationspolitik/responses")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["total"], 0);
});

both_databases!(
    invalid_response_comes_back_with_errors_and_input,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let r = app
            .post_form(
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
        assert_eq!(r.status().as_u16(), 422);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("Der er noget, du skal rette"),
            "error summary"
        );
        assert!(body.contains("Skriv dit navn"));
        assert!(body.contains("Skriv en gyldig e-mailadresse"));
        assert!(body.contains("Skriv navnet på den organisation, du svarer for"));
        assert!(body.contains("Vælg, om vi må offentliggøre dit høringssvar"));
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

both_databases!(unknown_block_is_refused, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let r = app
        .post_form(
            "/hoeringer/integrationspolitik/svar",
            &valid_form("9.9.9", "Hej"),
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Det afsnit findes ikke i udkastet"));
    assert!(body.contains(">Hej</textarea>"), "the text is kept");
    assert_eq!(app.stored_responses().await, 0);
});

both_databases!(closed_hearing_stores_nothing, |app: TestApp| async move {
    app.add_hearing("lukket", "2020-01-06", "2020-02-03").await;
    let (_, form_page) = app.get_text("/hoeringer/lukket/svar").await;
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
        let r = app
            .post_form(
                "/hoeringer/integrationspolitik/svar",
                &valid_form("", &long),
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(r.text().await.unwrap().contains("højst være 20.000 tegn"));
        assert_eq!(app.stored_responses().await, 0);
    }
);

both_databases!(cross_site_post_is_refused, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let r = app
        .client
        .post(app.url("/hoeringer/integrationspolitik/svar"))
        .header("origin", "https://evil.example")
        .form(&valid_form("", "Falsk"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(app.stored_responses().await, 0);
});

both_databases!(receipt_needs_its_token, |app: TestApp| async move {
    let (status, _) = app
        .get_text(&format!("/kvittering/{}", "0".repeat(64)))
        .await;
    assert_eq!(status, 404);
});
