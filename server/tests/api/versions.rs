//! New versions of a draft: blocks keep their ids, say where they came from, and removed text
//! is recorded; the open-data API shows it all.

use crate::both_databases;
use crate::helpers::*;

const FIRST: &str = "# Politik\n\n## Sprog\n\nAlle børn skal lære dansk før skolestart, så de klarer sig godt i skolen.\n\nForældre skal inddrages i deres børns skoleliv og fritidsliv.\n\n## Arbejde\n\nFlere kvinder skal i arbejde og blive selvforsørgende.\n\nLedigheden skal ned gennem opkvalificering og praktik.\n";
/// The first paragraph edited and moved to the end, the forældre paragraph deleted.
const SECOND: &str = "# Politik\n\n## Sprog\n\nVi vil styrke sproget i dagtilbud.\n\n## Arbejde\n\nFlere kvinder skal i arbejde og blive selvforsørgende.\n\nLedigheden skal ned gennem opkvalificering og praktik.\n\nAlle børn skal lære dansk allerede før skolestart, så de klarer sig rigtig godt i skolen.\n";

async fn blocks(app: &TestApp, n: i64) -> serde_json::Value {
    app.get(&format!("/api/v1/hearings/politik/versions/{n}"))
        .await
        .json()
        .await
        .unwrap()
}

/// Asserts that version 2's page counts a response at block `number` (`why` names the case),
/// and that the block's responses hold `text`; that page, for more checks.
async fn counted_at(app: &TestApp, number: &str, text: &str, why: &str) -> String {
    let page = app.page_ok("/hoeringer/politik/version/2").await;
    assert!(page.contains(&format!("?vis={number}#b-{number}")), "{why}");
    let page = app
        .page(&format!("/hoeringer/politik/version/2?vis={number}"))
        .await;
    assert!(page.contains(text), "{why}: {text:?} is missing");
    page
}

fn find<'a>(v: &'a serde_json::Value, start: &str) -> &'a serde_json::Value {
    v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["text"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no block starting {start:?}"))
}

/// The number of the block in `v` whose text starts with `start`.
fn number_of(v: &serde_json::Value, start: &str) -> String {
    let number = find(v, start)["number"].as_str();
    number.expect("a block number").to_string()
}

both_databases!(
    a_new_version_keeps_ids_and_records_provenance,
    |app: TestApp| async move {
        app.add_policy("politik", FIRST).await;
        let v1 = blocks(&app, 1).await;
        let sentence_id = find(&v1, "Alle børn skal lære dansk")["id"].clone();
        let parents_id = find(&v1, "Forældre skal inddrages")["id"].clone();

        let added = server::version::db::add_version(
            &app.db.pool,
            "politik",
            "Endelig tekst",
            "Sproget flyttet",
            SECOND,
        )
        .await
        .unwrap();
        assert_eq!(added.number, 2);

        let list = app.get_json("/api/v1/hearings/politik/versions").await;
        assert_eq!(list.as_array().unwrap().len(), 2);
        assert_eq!(list[0]["hearing_version"], true);
        assert_eq!(list[1]["label"], "Endelig tekst");

        let v2 = blocks(&app, 2).await;
        let moved = find(&v2, "Alle børn skal lære dansk allerede");
        assert_eq!(
            moved["id"], sentence_id,
            "the edited, moved sentence keeps its id"
        );
        assert_eq!(moved["provenance"]["kind"], "moved");
        assert_eq!(moved["provenance"]["from"][0], sentence_id);
        assert_eq!(
            find(&v2, "Flere kvinder")["provenance"]["kind"],
            "unchanged"
        );
        assert_eq!(find(&v2, "Vi vil styrke")["provenance"]["kind"], "new");
        assert_eq!(
            v2["removed"],
            serde_json::json!([parents_id]),
            "the deleted paragraph is removed"
        );

        // "Hvad er ændret?": from the hearing's text to the newest, inline and side by side.
        let (status, page) = app.get_text("/hoeringer/politik/aendringer").await;
        assert_eq!(status, 200);
        assert!(page.contains("Hvad er ændret?"));
        let from = number_of(&v1, "Alle børn skal lære dansk");
        let to = moved["number"].as_str().unwrap();
        assert!(
            page.contains(&format!("Flyttet fra {from} til {to}")),
            "a move, not delete + insert: {page}"
        );
        assert!(
            page.contains("<ins>") && page.contains("allerede"),
            "the inserted word"
        );
        assert!(page.contains("Fjernet:") && page.contains("Forældre skal inddrages"));
        assert!(page.contains("Nyt:") && page.contains("Vi vil styrke sproget"));
        let side = app
            .page("/hoeringer/politik/aendringer?fra=1&til=2&visning=parallel")
            .await;
        assert!(side.contains("<table") && side.contains("Version 2: Endelig tekst"));
        assert_eq!(
            app.status("/hoeringer/politik/aendringer?fra=1&til=7")
                .await,
            404
        );

        // Version 1 is untouched.
        assert_eq!(blocks(&app, 1).await, v1);
        assert_eq!(app.status("/api/v1/hearings/politik/versions/3").await, 404);
    }
);

/// SECOND without the moved paragraph.
const THIRD: &str = "# Politik\n\n## Sprog\n\nVi vil styrke sproget i dagtilbud.\n\n## Arbejde\n\nFlere kvinder skal i arbejde og blive selvforsørgende.\n\nLedigheden skal ned gennem opkvalificering og praktik.\n";

both_databases!(
    comments_follow_their_words_to_later_versions,
    |app: TestApp| async move {
        app.add_policy("politik", FIRST).await;
        let v1 = blocks(&app, 1).await;
        let number = number_of(&v1, "Alle børn skal lære dansk");

        let post = |quote: &'static str| {
            let number = number.clone();
            let app = &app;
            async move {
                let text = "Sprogstøtten skal starte tidligere.";
                app.respond_with(
                    "politik",
                    &[("text", text), ("block", &number), ("quote", quote)],
                )
                .await
            }
        };
        // Words that are not in the block are refused, with the rest kept.
        let r = post("noget helt andet").await;
        assert_eq!(r.status().as_u16(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Vi kan ikke finde de ord i afsnittet"));
        assert!(body.contains("value=\"noget helt andet\""));
        assert_eq!(app.stored_responses().await, 0);

        redirected(post("lære  dansk før skolestart").await).await;
        app.publish_all().await;
        let shown = app.page(&format!("/hoeringer/politik?vis={number}")).await;
        assert!(
            shown.contains("<q lang=\"da\" dir=\"ltr\">lære dansk før skolestart</q>"),
            "the quote is shown"
        );

        server::version::db::add_version(&app.db.pool, "politik", "Efter høringen", "", SECOND)
            .await
            .unwrap();
        let v2 = blocks(&app, 2).await;
        let moved_to = number_of(&v2, "Alle børn skal lære dansk allerede");
        let page = counted_at(
            &app,
            &moved_to,
            "Sprogstøtten skal starte tidligere.",
            "the block it moved to counts it and offers to show it",
        )
        .await;
        let at = page
            .find(&format!("id=\"b-{moved_to}\""))
            .expect("the moved block");
        let tail = &page[at..];
        let end = tail[1..]
            .find("id=\"b-")
            .map(|i| i + 1)
            .unwrap_or(tail.len());
        let block_html = &tail[..end];
        assert!(
            block_html.contains("Givet til version 1"),
            "shown at the block it moved to: {block_html}"
        );
        assert!(block_html.contains("Sprogstøtten skal starte tidligere."));
        assert!(
            block_html.contains("<q lang=\"da\" dir=\"ltr\">lære dansk før skolestart</q>"),
            "the words it was made on"
        );
        assert!(
            block_html.contains("<ins>"),
            "the inserted word is shown: {block_html}"
        );
        assert!(!page.contains("Tekst fjernet"));

        server::version::db::add_version(&app.db.pool, "politik", "Endelig tekst", "", THIRD)
            .await
            .unwrap();
        let page = app.page("/hoeringer/politik/version/3").await;
        assert!(page.contains("Tekst fjernet"));
        let page = app.page("/hoeringer/politik/version/3?vis=fjernet").await;
        let removed = page.find("Tekst fjernet").expect("a removed section");
        let tail = &page[removed..];
        assert!(tail.contains("tekst fjernet i version 3"));
        assert!(tail.contains("Sprogstøtten skal starte tidligere."));
        assert!(
            tail.contains("lære dansk før skolestart"),
            "with its original words"
        );
        // The hearing page links to every version.
        let hearing = app.page("/hoeringer/politik").await;
        assert!(hearing.contains("/hoeringer/politik/version/3"));
        assert_eq!(app.status("/hoeringer/politik/version/9").await, 404);
    }
);

both_databases!(
    clerk_publishes_a_new_version_in_the_app,
    |app: TestApp| async move {
        let cookie = app.clerk_with_open_hearing("integrationspolitik").await;
        let csrf = app.csrf(&cookie).await;
        let page = app
            .text_as("/admin/hoeringer/integrationspolitik/version/ny", &cookie)
            .await;
        assert!(page.contains("Den nyeste tekst er version 1"));
        assert!(
            page.contains("flere børn med minoritetsbaggrund"),
            "the newest text to edit"
        );
        let edited = POLICY.replace(
            "skal lære dansk før skolestart",
            "skal lære dansk allerede før skolestart",
        );
        let post = |label: &'static str, csrf: String, markdown: String| {
            let form = reqwest::multipart::Form::new()
                .text("csrf", csrf)
                .text("label", label)
                .text("note", "Sprogindsatsen skærpet")
                .text("markdown", markdown);
            app.post_multipart(
                "/admin/hoeringer/integrationspolitik/version/ny",
                &cookie,
                form,
            )
        };
        let r = post("Endelig tekst", "forkert".into(), edited.clone()).await;
        assert_eq!(r.status().as_u16(), 403);
        let r = post("", csrf.clone(), edited.clone()).await;
        assert_eq!(r.status().as_u16(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Giv versionen et navn"));
        assert!(
            body.contains("allerede før skolestart"),
            "the edited text is kept"
        );
        let r = post("Endelig tekst", csrf.clone(), edited).await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(
            r.headers()["location"],
            "/hoeringer/integrationspolitik/aendringer?til=2"
        );
        let changes = app
            .page("/hoeringer/integrationspolitik/aendringer?til=2")
            .await;
        assert!(changes.contains("Ændret: 3.4, punkt 1"), "{changes}");
        let list = app
            .get_json("/api/v1/hearings/integrationspolitik/versions")
            .await;
        assert_eq!(list[1]["note"], "Sprogindsatsen skærpet");
    }
);

/// Version 1 with a published response on "Flere kvinder", then version 2.
async fn published_response_then_second_version(app: &TestApp) {
    app.add_policy("politik", FIRST).await;
    let number = number_of(&blocks(app, 1).await, "Flere kvinder");
    app.respond_ok("politik", &number, "Husk de ældre kvinder.")
        .await;
    app.publish_all().await;
    server::version::db::add_version(&app.db.pool, "politik", "Efter høringen", "", SECOND)
        .await
        .unwrap();
}

both_databases!(
    version_pages_read_the_stored_placements,
    |app: TestApp| async move {
        published_response_then_second_version(&app).await;
        let v2 = blocks(&app, 2).await;
        let kept = find(&v2, "Flere kvinder");
        let other = find(&v2, "Ledigheden skal ned");
        let stored: Option<String> = app.scalar("SELECT p.block_id FROM placements p JOIN versions v ON v.id = p.version_id WHERE v.number = 2").await;
        assert_eq!(
            stored.as_deref(),
            kept["id"].as_str(),
            "placed once, when v2 was added"
        );
        let matching: Option<String> = app
            .scalar("SELECT matching FROM versions WHERE number = 2")
            .await;
        assert!(
            matching.is_some_and(|m| m.contains("unchanged")),
            "the matching is stored"
        );

        // Whatever a later matcher would decide, the page shows what was stored: move the
        // stored placement by hand and the page follows it, without rematching.
        sqlx::query(
            "UPDATE placements SET block_id = $1 WHERE version_id = (SELECT id FROM versions WHERE number = 2)",
        )
        .bind(other["id"].as_str().unwrap())
        .execute(&app.db.pool)
        .await
        .unwrap();
        // The kept count moves with it, as moderation would have kept it.
        sqlx::query(
            "UPDATE placement_counts SET block_key = $1
             WHERE version_id = (SELECT id FROM versions WHERE number = 2) AND block_key = $2",
        )
        .bind(other["id"].as_str().unwrap())
        .bind(kept["id"].as_str().unwrap())
        .execute(&app.db.pool)
        .await
        .unwrap();
        let other_number = other["number"].as_str().unwrap();
        let page = app
            .page(&format!("/hoeringer/politik/version/2?vis={other_number}"))
            .await;
        assert!(page.contains("Husk de ældre kvinder."), "{page}");
    }
);

both_databases!(
    an_installation_from_before_is_placed_at_start,
    |app: TestApp| async move {
        published_response_then_second_version(&app).await;
        let v2_number = number_of(&blocks(&app, 2).await, "Flere kvinder");
        // As a version added before matchings and placements were stored would be.
        for sql in [
            "UPDATE versions SET matching = NULL WHERE number = 2",
            "DELETE FROM placements WHERE version_id = (SELECT id FROM versions WHERE number = 2)",
            "DELETE FROM placement_counts",
        ] {
            sqlx::query(sql).execute(&app.db.pool).await.unwrap();
        }
        assert_eq!(
            server::version::db::backfill(&app.db.pool).await.unwrap(),
            1
        );
        assert_eq!(
            server::version::db::backfill(&app.db.pool).await.unwrap(),
            0,
            "once"
        );
        counted_at(
            &app,
            &v2_number,
            "Husk de ældre kvinder.",
            "counted at its block again",
        )
        .await;
    }
);

both_databases!(
    a_response_to_an_older_text_is_placed_in_the_newer_ones,
    |app: TestApp| async move {
        app.add_policy("politik", FIRST).await;
        let number = number_of(&blocks(&app, 1).await, "Alle børn skal lære dansk");
        // The hearing still runs on version 1 when the clerk adds version 2.
        server::version::db::add_version(&app.db.pool, "politik", "Efter høringen", "", SECOND)
            .await
            .unwrap();
        let fields = [
            ("text", "Start sprogarbejdet tidligere."),
            ("block", &number),
            ("quote", "før skolestart"),
        ];
        app.respond_with_ok("politik", &fields).await;
        app.publish_all().await;
        let moved_to = number_of(&blocks(&app, 2).await, "Alle børn skal lære dansk allerede");
        let page = counted_at(
            &app,
            &moved_to,
            "Start sprogarbejdet tidligere.",
            "counted at the block its words moved to",
        )
        .await;
        assert!(page.contains("Givet til version 1"));
    }
);
