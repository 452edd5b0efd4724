//! What the public reads: the front page, the hearing page with numbered blocks.

use crate::both_databases;
use crate::helpers::*;

both_databases!(
    front_page_lists_open_hearing_with_deadline,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        app.add_hearing("gammel-politik", "2020-01-06", "2020-02-03")
            .await;
        let (status, body) = app.get_text("/").await;
        assert_eq!(status, 200);
        assert!(
            body.contains("<html lang=\"da\""),
            "the page declares its language"
        );
        assert!(body.contains("Åbne høringer"));
        assert!(body.contains("Muligheder og medborgerskab – Integrationspolitik"));
        assert!(body.contains("/hoeringer/integrationspolitik"));
        assert!(
            body.contains("21 dage tilbage"),
            "days left are shown: {body}"
        );
        assert!(body.contains("Afsluttede høringer"));
        assert!(body.contains("Høringen sluttede 3. februar 2020"));
    }
);

both_databases!(
    hearing_page_shows_numbered_blocks_and_facts,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let number = app
            .block_number("integrationspolitik", DANISH_ITEM_START)
            .await;
        let (status, body) = app.get_text("/hoeringer/integrationspolitik").await;
        assert_eq!(status, 200);
        assert!(
            body.contains("Beskæftigelses- og Socialudvalget"),
            "committee"
        );
        assert!(body.contains("kommunen@roskilde.dk"), "contact");
        assert!(
            body.contains(&format!("id=\"b-{number}\"")),
            "the list item is addressable"
        );
        assert!(
            body.contains(&format!(
                "/hoeringer/integrationspolitik/svar?blok={number}"
            )),
            "the list item can be commented on"
        );
        assert!(body.contains("Giv høringssvar på hele udkastet"));
        // The footnote reference links to the footnote block, which exists.
        assert!(body.contains("href=\"#b-n1\""));
        assert!(body.contains("id=\"b-n1\""));
    }
);

both_databases!(unknown_hearing_is_404, |app: TestApp| async move {
    let (status, body) = app.get_text("/hoeringer/findes-ikke").await;
    assert_eq!(status, 404);
    assert!(body.contains("Siden findes ikke"));
});

both_databases!(
    markdown_html_is_inert_on_the_page,
    |app: TestApp| async move {
        let fields = server::hearing::HearingFields {
        markdown: "# Farlig\n\n<script>alert('x')</script>\n\nEt afsnit med [link](javascript:alert(1)) og <img src=x onerror=alert(1)>.\n".into(),
        slug: "farlig".into(),
        committee: "Udvalget".into(),
        opens: "2020-01-01".into(),
        closes: "2099-01-01".into(),
        ..Default::default()
    };
        let new = server::hearing::prepare(&fields, true).expect("valid");
        server::hearing::db::store(&app.db.pool, &new, &server::policy::db::Actor::system())
            .await
            .expect("store");
        let (status, body) = app.get_text("/hoeringer/farlig").await;
        assert_eq!(status, 200);
        assert!(
            !body.contains("<script>alert"),
            "no live script from the draft"
        );
        assert!(!body.contains("href=\"javascript:"), "no javascript: link");
        assert!(!body.contains("<img src=x"), "no live img from the draft");
        assert!(body.contains("&lt;script&gt;"), "the text is shown escaped");
    }
);

both_databases!(
    language_choice_switches_to_english_and_back,
    |app: TestApp| async move {
        app.add_open_hearing("integrationspolitik").await;
        let r = app
            .client
            .get(app.url("/sprog/en"))
            .header(
                "referer",
                format!("{}/hoeringer/integrationspolitik", app.base),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(r.headers()["location"], "/hoeringer/integrationspolitik");
        let cookie = r.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let body = app
            .get_with_cookie("/hoeringer/integrationspolitik", &cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(body.contains("<html lang=\"en\""));
        assert!(body.contains("Respond to the whole draft"));
        assert!(body.contains("Dansk"), "the way back");
        // A browser asking for English gets English without choosing.
        let r = app
            .client
            .get(app.url("/"))
            .header("accept-language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap();
        assert!(r.text().await.unwrap().contains("Open consultations"));
        // An unknown language is refused, and an outside referer is not followed.
        assert_eq!(app.get("/sprog/xx").await.status().as_u16(), 404);
        let r = app
            .client
            .get(app.url("/sprog/da"))
            .header("referer", "https://evil.example/x")
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["location"], "/");
    }
);

/// One installation, any municipality: the header names the configured one, on every page and
/// on a form sent back with its errors, in both languages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_header_names_the_configured_municipality() {
    within_timeout("municipality", async {
        let app = TestApp::spawn_with(Engine::Sqlite, |c| {
            c.mail.municipality = "Aarhus Kommune & <Omegn>".into();
        })
        .await
        .expect("sqlite app");
        app.add_open_hearing("politik").await;
        let (_, front) = app.get_text("/").await;
        let front = front.replace("<!>", "").replace("<!-- -->", "");
        assert!(
            front.contains("Høringer · Aarhus Kommune &amp; &lt;Omegn&gt;"),
            "escaped in the header"
        );
        assert!(!front.contains("Roskilde"));
        let refused = app.respond("politik", "", "").await;
        assert_eq!(refused.status().as_u16(), 422);
        assert!(refused.text().await.unwrap().contains("Aarhus Kommune"));
        let english = app
            .client
            .get(app.url("/hoeringer/politik"))
            .header("cookie", "i18n_pref_locale=en")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let english = english.replace("<!>", "").replace("<!-- -->", "");
        assert!(english.contains("Consultations · Aarhus Kommune"));
    })
    .await;
}
