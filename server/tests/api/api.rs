//! The open-data JSON API.

use crate::both_databases;
use crate::helpers::*;

both_databases!(api_lists_hearings_and_blocks, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let list: serde_json::Value = app.get("/api/v1/hearings").await.json().await.unwrap();
    assert_eq!(list[0]["slug"], "integrationspolitik");
    assert_eq!(list[0]["state"], "open");
    let one: serde_json::Value = app
        .get("/api/v1/hearings/integrationspolitik")
        .await
        .json()
        .await
        .unwrap();
    let blocks = one["blocks"].as_array().unwrap();
    assert!(blocks.len() > 20);
    let item = blocks
        .iter()
        .find(|b| b["text"].as_str().unwrap().starts_with(DANISH_ITEM_START))
        .unwrap();
    assert_eq!(item["kind"], "listitem");
    assert!(item["id"].as_str().unwrap().len() >= 8);
    assert!(blocks.iter().any(|b| b["kind"] == "footnote"));
    let r = app.get("/api/v1/hearings/findes-ikke").await;
    assert_eq!(r.status().as_u16(), 404);
});

both_databases!(api_responses_respect_consent, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    for (text, publication) in [
        ("Offentlig med navn", "with_name"),
        ("Offentlig anonym", "anonymous"),
        ("Hemmelig", "not_published"),
    ] {
        let r = app
            .post_form(
                "/hoeringer/integrationspolitik/svar",
                &[
                    ("text", text),
                    ("name", "Sara Nielsen"),
                    ("email", "sara@example.dk"),
                    ("sender_kind", "private"),
                    ("publication", publication),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
    }
    app.publish_all().await;
    let r = app
        .get("/api/v1/hearings/integrationspolitik/responses")
        .await;
    let text = r.text().await.unwrap();
    assert!(!text.contains("sara@example.dk"), "never an e-mail");
    assert!(!text.contains("Hemmelig"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["total"], 2);
    let responses = json["responses"].as_array().unwrap();
    assert_eq!(responses[0]["author"], "Sara Nielsen");
    assert!(responses[1]["author"].is_null(), "anonymous has no author");
});
