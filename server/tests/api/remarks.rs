//! Bemærkninger under the four-eyes rule, over HTTP: whatever a point publishes (its summary,
//! section, text and outcome) has been read by a second clerk, and the journal names what
//! changed without repeating the words.

use crate::both_databases;
use crate::helpers::*;

both_databases!(
    changing_an_approved_points_summary_or_section_returns_it_to_draft,
    |app: TestApp| async move {
        app.add_open_hearing_and_two_clerks("politik").await;
        // Amina Hassan's, as the default form has her.
        app.respond_with_ok(
            "politik",
            &[("text", "Flere sprogcaféer på bibliotekerne, tak.")],
        )
        .await;
        app.publish_all().await;
        let response: i64 = app.scalar("SELECT id FROM responses").await;
        let (clerk, second) = app.login_both_clerks().await;
        let point = |remark: Option<i64>, section: &'static str, summary: &'static str| {
            let mut form = vec![
                ("section", section.to_owned()),
                ("summary", summary.to_owned()),
                (
                    "remark_text",
                    "Forvaltningen tager det med i det videre arbejde.".into(),
                ),
                ("outcome", "noted".into()),
            ];
            match remark {
                Some(id) => form.push(("remark", id.to_string())),
                None => form.push(("response", response.to_string())),
            }
            form
        };
        let write = |form: Vec<(&'static str, String)>| {
            let app = &app;
            let clerk = clerk.clone();
            async move {
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.write_remark_ok("politik", &clerk, &form).await;
            }
        };
        write(point(None, "3", "Ønsker flere sprogcaféer.")).await;
        let id: i64 = app.scalar("SELECT id FROM remarks").await;
        let approve = || async { app.approve_remark("politik", id, &second).await };
        let state = || app.scalar::<String>("SELECT state FROM remarks");
        approve().await;
        assert_eq!(state().await, "approved");

        // Saving the same point again keeps the approval and journals nothing.
        let journaled = || {
            app.column::<String>(
                "SELECT COALESCE(after, '') FROM journal WHERE action = 'remark_written' ORDER BY id",
            )
        };
        write(point(Some(id), "3", "Ønsker flere sprogcaféer.")).await;
        assert_eq!(state().await, "approved");
        assert_eq!(journaled().await.len(), 1, "only the first writing");

        // The author rewrites what was said after approval: a second clerk must read it again.
        write(point(Some(id), "3", "Ønsker færre sprogcaféer.")).await;
        assert_eq!(state().await, "draft");
        let page = app
            .page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
            .await;
        assert!(
            strip(&page).contains("Ønsker færre sprogcaféer."),
            "the clerk sees the new summary"
        );
        let r = app.publish_notat("politik", &clerk, &[]).await;
        assert_eq!(r.status().as_u16(), 422, "a draft is not published");
        approve().await;

        // So does a new section.
        write(point(Some(id), "4", "Ønsker færre sprogcaféer.")).await;
        assert_eq!(state().await, "draft");

        // The journal names the fields, never the words.
        let rows = journaled().await;
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[1], "draft: summary");
        assert_eq!(rows[2], "draft: section");
        assert!(rows.iter().all(|r| !r.contains("sprogcaféer")));
    }
);

both_databases!(
    the_notat_accounts_for_every_response_before_it_is_published,
    |app: TestApp| async move {
        app.add_open_hearing_and_two_clerks("politik").await;
        #[rustfmt::skip]
        let responses = [
            ("Flere sprogcaféer, tak.", "Amina Hassan", "amina@example.dk", "private", ""),
            ("Vi har ingen bemærkninger til forslaget.", "Bo Hansen", "bo@aeldresagen.dk", "association", "Ældre Sagen Roskilde"),
            ("Parkeringen ved stationen er for dyr.", "Kim Holm", "kim@example.dk", "private", ""),
        ];
        for (text, name, email, kind, org) in responses {
            app.send_named("politik", text, (name, email, kind, org))
                .await;
        }
        app.publish_all().await;
        let hearing: i64 = app
            .scalar("SELECT id FROM hearings WHERE slug = 'politik'")
            .await;
        sqlx::query("INSERT INTO hearing_parties (hearing_id, organisation, email, kind, token, created_at, invited_at) VALUES ($1, 'Ældre Sagen Roskilde', 'post@aeldresagen.dk', 'association', 'token-aeldre', 0, 1)")
            .bind(hearing)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let ids: Vec<i64> = app.column("SELECT id FROM responses ORDER BY id").await;
        let (clerk, second) = app.login_both_clerks().await;
        app.write_remark_ok(
            "politik",
            &clerk,
            &[
                ("response", &ids[0].to_string()),
                ("section", ""),
                ("summary", "Ønsker flere sprogcaféer."),
                (
                    "remark_text",
                    "Forvaltningen tager det med i det videre arbejde.",
                ),
                ("outcome", "noted"),
            ],
        )
        .await;
        let remark: i64 = app.scalar("SELECT id FROM remarks").await;
        app.approve_remark("politik", remark, &second).await;
        // The hearing is over.
        app.move_close("politik", -60).await;

        // Two responses have no bemærkning: publishing is refused, and the page lists them.
        let publish = || app.publish_notat("politik", &clerk, &[]);
        let r = publish().await;
        let body = refused_page(r).await;
        assert!(
            body.contains("Nogle høringssvar har hverken en bemærkning eller er lagt til side"),
            "{body}"
        );
        let page = strip(
            &app.page_as("/admin/hoeringer/politik/hoeringsnotat", &clerk)
                .await,
        );
        let missing = &page[page.find("Mangler en bemærkning").expect("the list")..];
        assert!(
            missing.contains("ingen bemærkninger til forslaget") && missing.contains("Parkeringen")
        );
        assert!(
            !missing[..missing.find("Offentliggør").unwrap_or(missing.len())]
                .contains("sprogcaféer, tak")
        );

        // A reason not on the list is refused; the real ones set the responses aside.
        let aside = |id: i64, reason: &'static str| {
            let clerk = clerk.clone();
            let app = &app;
            async move {
                app.post_as(
                    "/admin/hoeringer/politik/hoeringsnotat/til-side",
                    &clerk,
                    &[("response", &id.to_string()), ("reason", reason)],
                )
                .await
            }
        };
        let r = aside(ids[2], "kedelig").await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Vælg en begrundelse fra listen."));
        for (id, reason) in [
            (ids[1], "no_comments"),
            (ids[2], "repeats"),
            (ids[2], ""),
            (ids[2], "not_relevant"),
        ] {
            assert_eq!(aside(id, reason).await.status().as_u16(), 303);
        }
        let journaled: Vec<String> = app
            .column("SELECT COALESCE(before, '') || '>' || COALESCE(after, '') FROM journal WHERE action = 'response_set_aside' ORDER BY id")
            .await;
        assert_eq!(
            journaled,
            [">no_comments", ">repeats", "repeats>", ">not_relevant"]
        );

        // The clerk's summary and recommendation, then the notat goes out whole.
        app.post_as_ok(
            "/admin/hoeringer/politik/hoeringsnotat/sag",
            &clerk,
            &[
                ("case_number", "24/1234"),
                ("announced", "På roskilde.dk"),
                ("notat_summary", "Svarene handler mest om sprog."),
                (
                    "recommendation",
                    "Administrationen indstiller, at politikken vedtages.",
                ),
            ],
        )
        .await;
        let r = publish().await;
        assert_eq!(
            r.status().as_u16(),
            303,
            "{}",
            r.text().await.unwrap_or_default()
        );
        let (status, notat) = app.get_text("/hoeringer/politik/hoeringsnotat").await;
        assert_eq!(status, 200);
        let notat = strip(&notat);
        for expected in [
            "24/1234",
            "Høringssvar modtaget fra",
            "Amina Hassan",
            "Bo Hansen, Ældre Sagen Roskilde (høringspart)",
            "Kim Holm",
            "Svarene handler mest om sprog.",
            "Høringssvar uden bemærkning",
            "Ingen bemærkninger til forslaget",
            "Ikke relevant for politikken",
            "Administrationens indstilling",
            "Administrationen indstiller, at politikken vedtages.",
        ] {
            assert!(
                notat.contains(expected),
                "the notat lacks {expected:?}: {notat}"
            );
        }
        // Feed readers and calendars hear of it, with a link to the edition.
        let (_, atom) = app.get_text("/feeds/politikker.atom").await;
        assert!(atom.contains("Høringsnotat offentliggjort: "), "{atom}");
        assert!(atom.contains("/hoeringer/politik/hoeringsnotat/udgave/1"));
        let (_, ics) = app.get_text("/kalender.ics").await;
        let ics = ics.replace("\r\n ", "");
        assert!(
            ics.contains("SUMMARY:Høringsnotat offentliggjort: "),
            "{ics}"
        );
        assert!(ics.contains("UID:hoeringsnotat-politik-1@"));
    }
);
