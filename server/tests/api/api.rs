//! The open-data JSON API.

use crate::both_databases;
use crate::helpers::*;

both_databases!(api_lists_hearings_and_blocks, |app: TestApp| async move {
    app.add_open_hearing("integrationspolitik").await;
    let list = app.get_json("/api/v1/hearings").await;
    assert_eq!(list[0]["slug"], "integrationspolitik");
    assert_eq!(list[0]["state"], "open");
    let one = app.get_json("/api/v1/hearings/integrationspolitik").await;
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
        let fields = [
            ("text", text),
            ("name", "Sara Nielsen"),
            ("email", "sara@example.dk"),
            ("publication", publication),
        ];
        app.respond_with_ok("integrationspolitik", &fields).await;
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

#[tokio::test]
async fn the_api_describes_itself_and_refuses_what_it_cannot_read() {
    crate::helpers::within_timeout("openapi", async {
        let app = TestApp::spawn(Engine::Sqlite).await.unwrap();
        app.add_open_hearing("integrationspolitik").await;
        let doc = app.get_json("/api/v1/openapi.json").await;
        assert_eq!(doc["openapi"], "3.1.0");
        let paths: Vec<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for path in [
            "/api/v1/hearings",
            "/api/v1/hearings/{slug}",
            "/api/v1/hearings/{slug}/responses",
            "/api/v1/hearings/{slug}/versions",
            "/api/v1/hearings/{slug}/versions/{number}",
        ] {
            assert!(paths.contains(&path), "{path} is described: {paths:?}");
        }
        // The schema of a response names what a reader gets, and no e-mail.
        let response = &doc["components"]["schemas"]["PublicResponse"]["properties"];
        assert!(response.get("receipt_number").is_some(), "{response}");
        assert!(response.get("email").is_none());

        for bad in ["per_page=0", "per_page=501", "page=0", "page=-1", "page=x"] {
            let r = app
                .get(&format!(
                    "/api/v1/hearings/integrationspolitik/responses?{bad}"
                ))
                .await;
            assert_eq!(r.status().as_u16(), 400, "{bad}");
            let body: serde_json::Value = r.json().await.unwrap();
            assert_eq!(body["error"], "invalid_query");
        }
        let r = app
            .get("/api/v1/hearings/integrationspolitik/versions/99999999999999999999")
            .await;
        assert_eq!(r.status().as_u16(), 400);
        let r = app
            .get("/api/v1/hearings/integrationspolitik/versions/7")
            .await;
        assert_eq!(r.status().as_u16(), 404);
    })
    .await;
}
