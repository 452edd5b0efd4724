//! What the public reads: the front page, the hearing page with numbered blocks.

use crate::both_databases;
use crate::helpers::*;
use server::config::Config;

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
        assert_contains(
            &body,
            &[
                "Åbne høringer",
                "Muligheder og medborgerskab – Integrationspolitik",
                "/hoeringer/integrationspolitik",
            ],
        );
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
        let number = app.danish_item("integrationspolitik").await;
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
        app.store_policy(&fields, true).await;
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
        let referer = format!("{}/hoeringer/integrationspolitik", app.base);
        let r = app.get_with("/sprog/en", &[("referer", &referer)]).await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(r.headers()["location"], "/hoeringer/integrationspolitik");
        let cookie = session_cookie(&r);
        let body = app.text_as("/hoeringer/integrationspolitik", &cookie).await;
        assert!(body.contains("<html lang=\"en\""));
        assert!(body.contains("Respond to the whole draft"));
        assert!(body.contains("Dansk"), "the way back");
        // A browser asking for English gets English without choosing.
        let r = app
            .get_with("/", &[("accept-language", "en-GB,en;q=0.9")])
            .await;
        assert!(r.text().await.unwrap().contains("Open consultations"));
        // An unknown language is refused, and an outside referer is not followed.
        assert_eq!(app.status("/sprog/xx").await, 404);
        let r = app
            .get_with("/sprog/da", &[("referer", "https://evil.example/x")])
            .await;
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
        let front = app.page("/").await;
        let front = front.replace("<!>", "").replace("<!-- -->", "");
        assert!(
            front.contains("Høringer · <bdi lang=\"da\">Aarhus Kommune &amp; &lt;Omegn&gt;</bdi>"),
            "escaped in the header"
        );
        assert!(!front.contains("Roskilde"));
        let refused = app.respond("politik", "", "").await;
        assert_eq!(refused.status().as_u16(), 422);
        assert!(refused.text().await.unwrap().contains("Aarhus Kommune"));
        let english = app
            .page_as("/hoeringer/politik", "i18n_pref_locale=en")
            .await;
        assert!(english.contains("Consultations · <bdi lang=\"da\">Aarhus Kommune"));
    })
    .await;
}

/// The municipality's look from the configuration: logo, colour, contact line and footer links,
/// each escaped; without them nothing extra is served.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_configured_logo_colour_contact_and_links_are_shown() {
    within_timeout("branding", async {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
        let dir = std::env::temp_dir().join(format!("hoering-logo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let logo_path = dir.join("logo.svg");
        std::fs::write(&logo_path, svg).unwrap();
        let env = |k: &str| match k {
            "HOERING_BRAND_COLOUR" => Some("#c8102e".to_string()),
            "HOERING_LOGO" => Some(logo_path.display().to_string()),
            "HOERING_CONTACT" => Some("Rådhusbuen 1 · <b>4631 3000</b>".to_string()),
            "HOERING_FOOTER_LINKS" => Some(
                "Tilgængelighedserklæring=https://was.digst.dk/roskilde-dk|Privatliv=/privatliv"
                    .to_string(),
            ),
            _ => None,
        };
        let branding = server::config::Config::from_env(env).unwrap().branding;
        let app = TestApp::spawn_with(Engine::Sqlite, |c| c.branding = branding)
            .await
            .expect("sqlite app");
        let (status, front) = app.get_text("/").await;
        assert_eq!(status, 200);
        assert!(
            front.contains(r#"<img src="/logo" alt="" class="site-logo">"#),
            "the logo, as decoration beside the name: {front}"
        );
        assert_contains(&front, &[r#"href="/tema.css""#, "Rådhusbuen 1 · &lt;b&gt;4631 3000&lt;/b&gt;", r#"href="https://was.digst.dk/roskilde-dk""#, ">Tilgængelighedserklæring<"]);
        let css = app.get("/tema.css").await;
        assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
        let css = css.text().await.unwrap();
        assert!(css.contains("--brand: #c8102e;"), "{css}");
        let logo = app.get("/logo").await;
        assert_eq!(logo.headers()["content-type"], "image/svg+xml");
        // An SVG opened on its own runs no script: the guard's policy allows none.
        let policy = header(&logo, "content-security-policy").to_string();
        assert!(policy.contains("default-src 'none'"), "{policy}");
        assert_eq!(logo.text().await.unwrap(), svg);

        let plain = TestApp::spawn(Engine::Sqlite).await.expect("sqlite app");
        let (_, front) = plain.get_text("/").await;
        assert!(!front.contains("site-logo") && !front.contains("tema.css"));
        assert_eq!(plain.get("/logo").await.status().as_u16(), 404);
        assert_eq!(plain.get("/tema.css").await.status().as_u16(), 404);

        // Every page names its icon, and /favicon.ico (which browsers ask for regardless) is
        // there: a default in the site's colour, or in the municipality's.
        assert!(front.contains(r#"<link rel="icon" href="/favicon.ico">"#), "{front}");
        let icon = plain.get("/favicon.ico").await;
        assert_eq!(icon.status().as_u16(), 200);
        assert_eq!(icon.headers()["content-type"], "image/svg+xml");
        let icon = icon.text().await.unwrap();
        assert!(icon.starts_with("<svg") && icon.contains("fill=\"#0b4f8a\""), "{icon}");
        let branded = app.get("/favicon.ico").await.text().await.unwrap();
        assert!(branded.contains("fill=\"#c8102e\"") && !branded.contains("BRAND"), "{branded}");
        // The municipality's own icon, when configured.
        let png = b"\x89PNG\r\n\x1a\nnot really a picture".to_vec();
        let icon_path = dir.join("ikon.png");
        std::fs::write(&icon_path, &png).unwrap();
        let branding = Config::from_env(|k| (k == "HOERING_ICON").then(|| icon_path.display().to_string()))
            .unwrap()
            .branding;
        let own = TestApp::spawn_with(Engine::Sqlite, |c| c.branding = branding)
            .await
            .expect("sqlite app");
        let icon = own.get("/favicon.ico").await;
        assert_eq!(icon.headers()["content-type"], "image/png");
        assert_eq!(icon.bytes().await.unwrap().to_vec(), png);
        let text_file = dir.join("ikon.txt");
        std::fs::write(&text_file, "hej").unwrap();
        let wrong = Config::from_env(|k| (k == "HOERING_ICON").then(|| text_file.display().to_string()))
            .unwrap_err()
            .to_string();
        assert!(wrong.starts_with("HOERING_ICON:"), "{wrong}");

        // A colour white text cannot be read on, or a link that is not one, stops the start.
        let light = Config::from_env(|k| {
            (k == "HOERING_BRAND_COLOUR").then(|| "#ffcc00".to_string())
        })
        .unwrap_err()
        .to_string();
        assert!(light.contains("4.5:1"), "{light}");
        let link = Config::from_env(|k| {
            (k == "HOERING_FOOTER_LINKS").then(|| "Klik=javascript:alert(1)".to_string())
        })
        .unwrap_err()
        .to_string();
        assert!(link.contains("HOERING_FOOTER_LINKS"), "{link}");
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}

/// The privacy notice and the cookie page tell the reader, in their language, who answers for
/// their data (the DPO from the configuration), how long names are kept (the configured
/// period), and which cookies there are; every footer links them and the accessibility
/// statement.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_privacy_notice_and_cookie_page_say_what_the_configuration_says() {
    within_timeout("privacy notice", async {
        let privacy = Config::from_env(|k| match k {
            "HOERING_DPO_CONTACT" => Some("Databeskyttelsesrådgiver <dpo@roskilde.dk>".into()),
            "HOERING_ACCESSIBILITY_URL" => Some("https://www.was.digst.dk/roskilde".into()),
            "HOERING_RETENTION_MONTHS" => Some("36,12".into()),
            _ => None,
        })
        .unwrap()
        .privacy;
        let app = TestApp::spawn_with(Engine::Sqlite, |c| c.privacy = privacy)
            .await
            .expect("sqlite app");
        let (status, page) = app.get_text("/privatliv").await;
        assert_eq!(status, 200);
        assert_contains(
            &page,
            &[
                "<title>Privatlivspolitik – hoering</title>",
                "er dataansvarlig",
                "artikel 6, stk. 1, litra e",
                "Navne og e-mailadresser på høringssvar: 36 måneder efter byrådets beslutning",
                "Tilmeldinger til dialogmøder: 30 dage efter mødet.",
                "Databeskyttelsesrådgiver &lt;dpo@roskilde.dk&gt;",
                r#"href="https://www.datatilsynet.dk""#,
                r#"href="https://www.was.digst.dk/roskilde""#,
                ">Tilgængelighedserklæring<",
            ],
        );
        let (status, cookies) = app.get_text("/cookies").await;
        assert_eq!(status, 200);
        assert_contains(
            &cookies,
            &[
                "i18n_pref_locale",
                "hoering_session",
                "hoering_oidc",
                "cookiebanner",
            ],
        );
        // Every page's footer links both.
        let front = app.page_ok("/").await;
        assert_contains(&front, &[r#"href="/privatliv""#, r#"href="/cookies""#]);
        // In the reader's language.
        let english = app
            .get_with("/privatliv", &[("cookie", "i18n_pref_locale=en")])
            .await
            .text()
            .await
            .unwrap();
        assert!(
            english.contains("36 months after the city council"),
            "{english}"
        );
        let arabic = app
            .get_with("/cookies", &[("cookie", "i18n_pref_locale=ar")])
            .await
            .text()
            .await
            .unwrap();
        assert!(arabic.contains(r#"dir="rtl""#) && arabic.contains("ملفات تعريف الارتباط"));

        // Without a DPO configured, the notice says whom to ask; without a statement, no link.
        let plain = TestApp::spawn(Engine::Sqlite).await.expect("sqlite app");
        let page = plain.page_ok("/privatliv").await;
        assert!(
            page.contains("bed om kommunens databeskyttelsesrådgiver"),
            "{page}"
        );
        assert!(page.contains("24 måneder"));
        assert!(!page.contains("Tilgængelighedserklæring"));
    })
    .await;
}
