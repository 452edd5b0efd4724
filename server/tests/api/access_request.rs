//! An access request over HTTP: a clerk enters one e-mail address and gets a ZIP of every
//! response (with its earlier and original texts and its files' names), meeting sign-up and
//! question held under it, in any letter case, and nothing of anyone else's; the request is
//! journaled with counts and the address's hash, never the address; only staff may ask.

use crate::both_databases;
use crate::helpers::*;
use crate::meetings::{create_meeting, sign_up};

const SLUG: &str = "integrationspolitik";

both_databases!(
    a_clerk_hands_over_everything_held_under_one_address,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing(SLUG).await;
        // Two responses from Amina (one changed by her from the receipt link), one from Jonas.
        app.respond_with_ok(
            SLUG,
            &[
                ("text", "Sprogskolen bør have aftenhold."),
                ("email", "Amina@Example.dk"),
            ],
        )
        .await;
        app.respond_with_ok(SLUG, &[("text", "Og lektiecafé på biblioteket.")])
            .await;
        app.respond_with_ok(
            SLUG,
            &[&[("text", "Foreningen hjælper gerne.")][..], &LEKTIECAFE].concat(),
        )
        .await;
        let token: String = app
            .scalar(
                "SELECT receipt_token FROM responses WHERE text = 'Og lektiecafé på biblioteket.'",
            )
            .await;
        let r = app
            .post_form(
                &format!("/kvittering/{token}/ret"),
                &[
                    ("text", "Og lektiecafé på biblioteket hver dag."),
                    ("publication", "anonymous"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let meeting = create_meeting(&app, &clerk, "30").await;
        assert_eq!(
            sign_up(&app, meeting, "Amina Hassan", "amina@example.dk")
                .await
                .0,
            303
        );
        let r = app
            .post_form(
                &format!("/politikker/{SLUG}/spoergsmaal"),
                &[
                    ("name", "Amina Hassan"),
                    ("email", "amina@example.dk"),
                    ("question", "Hvornår starter aftenholdene?"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);

        // A wrong address is refused by the field, and kept.
        let refused = app
            .post_as_refused("/admin/indsigt", &clerk, &[("email", "amina at example")])
            .await;
        assert!(refused.contains(r#"value="amina at example""#), "{refused}");
        let r = app
            .post_as("/admin/indsigt", &clerk, &[("email", " AMINA@example.dk ")])
            .await;
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(r.headers()["content-type"], "application/zip");
        assert!(header(&r, "content-disposition").starts_with("attachment; filename=\"indsigt-"));
        let zip = r.bytes().await.unwrap().to_vec();
        let overview: serde_json::Value =
            serde_json::from_str(&unzip(&zip, "indsigt.json")).unwrap();
        assert_eq!(overview["email"], "amina@example.dk");
        let responses = overview["responses"].as_array().unwrap();
        assert_eq!(
            responses.len(),
            2,
            "both of hers, in any letter case, and not Jonas's"
        );
        let second = &responses[1];
        let file = second["text"].as_str().unwrap();
        assert_eq!(unzip(&zip, file), "Og lektiecafé på biblioteket hver dag.");
        let earlier = second["earlier_texts"][0]["file"].as_str().unwrap();
        assert_eq!(unzip(&zip, earlier), "Og lektiecafé på biblioteket.");
        assert_eq!(overview["meeting_signups"].as_array().unwrap().len(), 1);
        assert_eq!(overview["meeting_signups"][0]["name"], "Amina Hassan");
        let question = overview["questions"][0]["text"].as_str().unwrap();
        assert_eq!(unzip(&zip, question), "Hvornår starter aftenholdene?");
        let everything = String::from_utf8_lossy(&zip).to_string() + &overview.to_string();
        assert!(!everything.contains("Jonas") && !everything.contains("Foreningen hjælper"));

        // The journal has the counts and the address's hash, never the address.
        let after: String = app
            .scalar("SELECT after FROM journal WHERE action = 'access_request_answered'")
            .await;
        assert!(!after.contains("amina"), "{after}");
        let recorded: serde_json::Value = serde_json::from_str(&after).unwrap();
        assert_eq!(
            recorded["held"],
            serde_json::json!({"responses": 2, "signups": 1, "questions": 1, "parties": 0})
        );
        assert_eq!(
            recorded["email_sha256"],
            server::access_request::address_hash("amina@example.dk")
        );

        // The page is the clerk's; a council member may not ask.
        let page = app.page_as("/admin/indsigt", &clerk).await;
        assert!(page.contains("Indsigt i personoplysninger"), "{page}");
        let member = app.council_member("medlem@roskilde.example").await;
        app.post_as_forbidden("/admin/indsigt", &member, &[("email", "amina@example.dk")])
            .await;
    }
);
