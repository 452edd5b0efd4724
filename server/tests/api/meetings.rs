//! Dialogue meetings over HTTP: the clerk's meeting, sign-ups filling it, the waiting list and a
//! cancellation moving its first up (each told by e-mail), attendance counted by group without
//! names, the door list, and input recorded at the tables shown at its block, counted, listed by
//! the API as its own kind, and carried to version 2.

use crate::both_databases;
use crate::helpers::*;

/// Creates a meeting on the open hearing's policy as the clerk; returns its id.
pub(crate) async fn create_meeting(app: &TestApp, cookie: &str, capacity: &str) -> i64 {
    let date = in_days(10);
    let r = app
        .post_as(
            "/admin/politikker/integrationspolitik/moeder",
            cookie,
            &[
                ("meeting_title", "Dialogmøde om integrationspolitikken"),
                ("meeting_date", &date),
                ("meeting_starts", "17.00"),
                ("meeting_ends", "20:00"),
                (
                    "meeting_place",
                    "Roskilde Bibliotek, Dronning Margrethes Vej 14",
                ),
                ("meeting_step_free", "ja"),
                ("meeting_capacity", capacity),
                ("meeting_signup_deadline", ""),
                ("meeting_mode", "aaben"),
                (
                    "meeting_agenda",
                    "1. Velkomst\n2. Drøftelse ved bordene\n\n<script>x</script>",
                ),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    let location = location(&r);
    location
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the meeting's clerk page")
}

/// Signs `email` up as a citizen; returns the status and the sign-up page's path.
pub(crate) async fn sign_up(app: &TestApp, meeting: i64, name: &str, email: &str) -> (u16, String) {
    let r = app
        .post_form(
            &format!("/moeder/{meeting}/tilmelding"),
            &[
                ("name", name),
                ("email", email),
                ("group", "borger"),
                ("interpreter", "on"),
                ("interpreter_language", "arabisk"),
                ("consent", "on"),
            ],
        )
        .await;
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location)
}

async fn outbox_kinds(app: &TestApp) -> Vec<(String, String)> {
    app.rows("SELECT kind, recipient FROM outbox ORDER BY id")
        .await
}

both_databases!(
    a_full_meeting_has_a_waiting_list_and_a_cancellation_gives_the_seat_to_the_first,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "2").await;

        let page = app.page(&format!("/moeder/{id}")).await;
        assert!(page.contains("Dialogmøde om integrationspolitikken"));
        assert!(page.contains("kl. 17.00–20.00"), "{page}");
        assert!(page.contains("2 af 2 pladser er ledige"));
        assert!(page.contains("<li>Velkomst</li>"), "the agenda's Markdown");
        assert!(!page.contains("<script>x"), "the agenda's HTML is text");
        // On the policy page, the home page and in the calendar.
        let policy = app.page("/politikker/integrationspolitik").await;
        assert!(policy.contains(&format!("/moeder/{id}")));
        let home = app.page("/").await;
        assert!(home.contains("Kommende dialogmøder"));
        assert!(home.contains("Dialogmøde om integrationspolitikken"));
        let ics = app
            .page("/politikker/integrationspolitik/kalender.ics")
            .await;
        assert!(ics.contains("SUMMARY:Dialogmøde: Dialogmøde om integrationspolitikken"));
        assert!(ics.contains("LOCATION:Roskilde Bibliotek"));

        let (s1, anna) = sign_up(&app, id, "Anna Jensen", "anna@example.dk").await;
        let (s2, _) = sign_up(&app, id, "Bo Hansen", "bo@example.dk").await;
        let (s3, cem) = sign_up(&app, id, "Cem Yilmaz", "cem@example.dk").await;
        assert_eq!((s1, s2, s3), (303, 303, 303));
        assert!(anna.starts_with("/tilmelding/"));
        let seated = app.page(&anna).await;
        assert!(seated.contains("Du er tilmeldt"));
        assert!(seated.contains("arabisk"), "the need is shown back");
        let waiting = app.page(&cem).await;
        assert!(waiting.contains("Du er på ventelisten"));
        assert!(waiting.contains("nummer 1"));
        let page = app.page(&format!("/moeder/{id}")).await;
        assert!(page.contains("Mødet er fuldt"), "{page}");
        assert!(page.contains("Skriv dig på ventelisten"));

        // The same address twice: refused by the field, nothing stored.
        let (again, _) = sign_up(&app, id, "Anna J.", "ANNA@example.dk").await;
        assert_eq!(again, 409);
        assert_eq!(
            outbox_kinds(&app).await,
            vec![
                ("signup_seated".into(), "anna@example.dk".into()),
                ("signup_seated".into(), "bo@example.dk".into()),
                ("signup_waiting".into(), "cem@example.dk".into()),
            ]
        );

        // Anna cancels: her seat goes to Cem, who is told.
        app.post_form_ok(&format!("{anna}/afmeld"), &[]).await;
        assert!(app.page(&anna).await.contains("Din tilmelding er afmeldt"));
        assert!(app.page(&cem).await.contains("Du er tilmeldt"));
        let kinds = outbox_kinds(&app).await;
        assert_eq!(
            &kinds[3..],
            &[
                (
                    "signup_cancelled".to_string(),
                    "anna@example.dk".to_string()
                ),
                ("seat_offered".to_string(), "cem@example.dk".to_string()),
            ]
        );
        let offered: String = app
            .scalar("SELECT text_body FROM outbox WHERE kind = 'seat_offered'")
            .await;
        assert!(offered.contains("den er din"));
        assert!(offered.contains(&format!("{}{cem}", app.base)), "{offered}");
        // Cancelling twice changes nothing.
        app.post_form(&format!("{anna}/afmeld"), &[]).await;
        assert_eq!(outbox_kinds(&app).await.len(), 5);
        let (seated, waiting): (i64, i64) = app
            .row_with("SELECT seated, waiting FROM meetings WHERE id = $1", id)
            .await;
        assert_eq!((seated, waiting), (2, 0));
    }
);

both_databases!(
    sign_up_mistakes_come_back_by_their_fields_with_what_was_typed,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "30").await;
        let body = app
            .post_form_refused(
                &format!("/moeder/{id}/tilmelding"),
                &[
                    ("name", "Dorte Nielsen"),
                    ("email", "ikke-en-adresse"),
                    ("group", "frivillig_forening"),
                    ("organisation", ""),
                    ("interpreter", "on"),
                    ("interpreter_language", ""),
                ],
            )
            .await;
        assert!(
            body.contains("value=\"Dorte Nielsen\""),
            "what was typed is kept"
        );
        assert_contains(
            &body,
            &[
                "Skriv, hvilket sprog du har brug for tolk til.",
                "Sæt kryds for at give samtykke",
                "aria-invalid=\"true\"",
            ],
        );
        assert_eq!(
            outbox_kinds(&app).await.len(),
            0,
            "nothing stored, nothing sent"
        );
        let stored: i64 = app.scalar("SELECT COUNT(*) FROM meeting_signups").await;
        assert_eq!(stored, 0);

        // A meeting's own mistakes: the end before the start, the deadline after the day.
        let body = app
            .post_as_refused(
                "/admin/politikker/integrationspolitik/moeder",
                &clerk,
                &[
                    ("meeting_title", "Aftenmøde"),
                    ("meeting_date", &in_days(5)),
                    ("meeting_starts", "19:00"),
                    ("meeting_ends", "18:00"),
                    ("meeting_place", "Rådhuset"),
                    ("meeting_step_free", "ja"),
                    ("meeting_capacity", "nul"),
                    ("meeting_signup_deadline", &in_days(6)),
                    ("meeting_mode", "aaben"),
                ],
            )
            .await;
        assert_contains(
            &body,
            &[
                "value=\"Aftenmøde\"",
                "Mødet skal slutte efter, at det starter.",
                "Tilmeldingsfristen skal ligge senest på mødets dag.",
                "Skriv antal pladser som et helt tal",
            ],
        );
    }
);

both_databases!(
    minutes_and_attendance_wait_for_the_meeting_and_a_name_in_the_minutes_needs_confirming,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "10").await;
        sign_up(&app, id, "Fatima Ali", "fatima@example.dk").await;
        let signup: i64 = app.scalar("SELECT id FROM meeting_signups").await;
        let attendance = format!("/admin/moeder/{id}/fremmoede");
        let minutes = format!("/admin/moeder/{id}/referat");

        // Before the meeting: neither who came nor minutes; what was entered comes back.
        let body = app
            .post_as_refused(&attendance, &clerk, &[("came", &signup.to_string())])
            .await;
        assert!(
            body.contains("Fremmøde kan først registreres, når mødet er begyndt."),
            "{body}"
        );
        assert!(
            body.contains(&format!(
                "id=\"came-{signup}\" name=\"came\" value=\"{signup}\" checked"
            )),
            "the tick is kept: {body}"
        );
        let attended: i64 = app
            .scalar("SELECT COUNT(*) FROM meeting_signups WHERE attended <> 0")
            .await;
        assert_eq!(attended, 0);
        const EARLY: &str = "Mødet blev holdt i god ro og orden.";
        let body = app
            .post_as_refused(&minutes, &clerk, &[("minutes", EARLY), ("publish", "on")])
            .await;
        assert!(body.contains("Referatet kan først gemmes, når mødet har fundet sted."));
        assert!(body.contains(EARLY), "the text is kept");
        let stored: String = app.scalar("SELECT minutes FROM meetings").await;
        assert_eq!(stored, "");

        app.execute_with(
            "UPDATE meetings SET starts_at = starts_at - 20 * 86400, ends_at = NULL WHERE id = $1",
            id,
        )
        .await;
        app.post_as_ok(&attendance, &clerk, &[("came", &signup.to_string())])
            .await;

        // A participant named in the minutes: shown to the clerk, saved only once confirmed.
        const NAMED: &str = "Ved bord 3 fortalte Fatima om sprogcaféen på biblioteket.";
        let body = app
            .post_as_refused(&minutes, &clerk, &[("minutes", NAMED), ("publish", "on")])
            .await;
        assert!(
            body.contains("Referatet ser ud til at indeholde personoplysninger"),
            "{body}"
        );
        assert!(
            body.contains("Navn på en person: <mark>Fatima</mark>"),
            "{body}"
        );
        assert!(body.contains(NAMED), "the text is kept");
        let published: Option<i64> = app
            .scalar("SELECT minutes_published_at FROM meetings")
            .await;
        assert_eq!(published, None);
        assert!(!app.page(&format!("/moeder/{id}")).await.contains("Fatima"));
        app.post_as_ok(
            &minutes,
            &clerk,
            &[
                ("minutes", NAMED),
                ("publish", "on"),
                ("confirm_personal", "on"),
            ],
        )
        .await;
        let stored: String = app.scalar("SELECT minutes FROM meetings").await;
        assert_eq!(stored, NAMED);
        // Minutes that name nobody need no confirming.
        app.post_as_ok(
            &minutes,
            &clerk,
            &[
                ("minutes", "Bordene talte om sprogcaféer."),
                ("publish", "on"),
            ],
        )
        .await;
    }
);

both_databases!(
    attendance_is_shown_by_group_never_by_name_and_the_door_list_is_the_clerks,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "10").await;
        sign_up(&app, id, "Anna Jensen", "anna@example.dk").await;
        sign_up(&app, id, "Bo Hansen", "bo@example.dk").await;
        let ids: Vec<i64> = app
            .column("SELECT id FROM meeting_signups ORDER BY id")
            .await;

        // The door list: the clerk's, as CSV Excel opens; nobody else's.
        let r = app.get(&format!("/admin/moeder/{id}/deltagere.csv")).await;
        assert_eq!(r.status().as_u16(), 303, "anonymous: to the login");
        let r = app
            .get_with_cookie(&format!("/admin/moeder/{id}/deltagere.csv"), &clerk)
            .await;
        assert_eq!(r.status().as_u16(), 200);
        assert!(content_type(&r).starts_with("text/csv"));
        let csv = r.text().await.unwrap();
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("Navn;E-mail;Gruppe"));
        assert!(csv.contains("Anna Jensen;anna@example.dk;Borger;;Tilmeldt;arabisk"));
        // A clerk who reads the English pages gets the list in English.
        let csv = app
            .text_as(
                &format!("/admin/moeder/{id}/deltagere.csv"),
                &format!("{clerk}; i18n_pref_locale=en"),
            )
            .await;
        assert!(
            csv.contains("Name;E-mail;Group;Organisation;Status;Interpreter"),
            "{csv}"
        );
        assert!(csv.contains(";Signed up;arabisk"), "{csv}");
        assert!(!csv.contains("Tilmeldt"), "{csv}");

        // The meeting has been held (moved into the past). Anna came, Bo did not.
        app.execute_with(
            "UPDATE meetings SET starts_at = starts_at - 20 * 86400, ends_at = NULL WHERE id = $1",
            id,
        )
        .await;
        let came = ids[0].to_string();
        app.post_as_ok(
            &format!("/admin/moeder/{id}/fremmoede"),
            &clerk,
            &[("came", &came)],
        )
        .await;
        let page = app.page(&format!("/moeder/{id}")).await;
        assert!(page.contains("Hvem deltog"));
        assert!(
            page.contains(
                "<th scope=\"row\">Borgere</th><td class=\"num\">2</td><td class=\"num\">1</td>"
            ),
            "{page}"
        );
        assert!(!page.contains("Anna") && !page.contains("anna@example.dk"));
        assert!(
            !page.contains("Tilmeld mig"),
            "no sign-up after the meeting"
        );
        let (status, _) = sign_up(&app, id, "Sen", "sen@example.dk").await;
        assert_eq!(status, 403);

        // The minutes: published as Markdown, never raw HTML.
        app.post_as_ok(&format!("/admin/moeder/{id}/referat"), &clerk, &[("minutes", "## Bordene\n\nMange ønskede **flere sprogcaféer**. <img src=x onerror=alert(1)>"),
                    ("publish", "on"),
                ],
            ).await;
        let page = app.page(&format!("/moeder/{id}")).await;
        assert!(page.contains("<h4>Bordene</h4>"));
        assert!(page.contains("<strong>flere sprogcaféer</strong>"));
        assert!(!page.contains("<img"));

        // 30 days after the meeting the names go; the counts by group stay.
        app.execute_with(
            "UPDATE meetings SET starts_at = starts_at - 31 * 86400 WHERE id = $1",
            id,
        )
        .await;
        let cleared = server::meeting::db::anonymise_signups(
            &app.db.pool,
            server::db::now() - server::meeting::db::KEEP_SIGNUPS_DAYS * 86_400,
        )
        .await
        .unwrap();
        assert_eq!(cleared, 2);
        let csv = app
            .text_as(&format!("/admin/moeder/{id}/deltagere.csv"), &clerk)
            .await;
        assert!(
            !csv.contains("Anna") && !csv.contains("anna@example.dk") && !csv.contains("arabisk")
        );
        let page = app.page(&format!("/moeder/{id}")).await;
        assert!(page.contains(
            "<th scope=\"row\">Borgere</th><td class=\"num\">2</td><td class=\"num\">1</td>"
        ));

        // A council member may not record or read the meeting's list.
        let member = app.council_member("raad@roskilde.example").await;
        app.post_as_turned_away(
            &format!("/admin/moeder/{id}/input"),
            &member,
            &[("group", "borger"), ("text", "x")],
        )
        .await;
        let r = app
            .get_with_cookie(&format!("/admin/moeder/{id}/deltagere.csv"), &member)
            .await;
        assert!(matches!(r.status().as_u16(), 403 | 303));
    }
);

both_databases!(
    meeting_input_stands_at_its_block_is_counted_listed_and_carried_to_version_2,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "40").await;
        let block = app.danish_item("integrationspolitik").await;
        let r = app
            .post_as_ok(
                &format!("/admin/moeder/{id}/input"),
                &clerk,
                &[
                    ("block", &format!("§ {block}")),
                    ("group", "frivillig_forening"),
                    ("table", "Bord 3"),
                    ("text", "Sprogstøtte skal også nå forældrene."),
                ],
            )
            .await;
        let next = location(&r);
        assert!(
            next.contains("gruppe=frivillig_forening") && next.contains("bord=Bord%203"),
            "{next}"
        );
        // The next entry keeps the group and the table.
        let form = app.page_as(&next, &clerk).await;
        assert!(form.contains("value=\"Bord 3\""));
        assert!(form.contains("<option value=\"frivillig_forening\" selected"));
        assert!(
            form.contains("Sprogstøtte skal også nå forældrene."),
            "listed as recorded"
        );

        // A script gets JSON back; a block that is not in the draft is refused by its field.
        let r = app
            .post_json_as(
                &format!("/admin/moeder/{id}/input"),
                &clerk,
                &[("block", "99.9"), ("group", "borger"), ("text", "x")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        let v: serde_json::Value = r.json().await.unwrap();
        assert_eq!(v["errors"]["block"], "invalid");
        let r = app
            .post_json_as(
                &format!("/admin/moeder/{id}/input"),
                &clerk,
                &[
                    ("block", ""),
                    ("group", "udvalgsmedlem"),
                    ("table", ""),
                    ("text", "Hele udkastet er godt."),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 201);
        let v: serde_json::Value = r.json().await.unwrap();
        assert_eq!(v["group"], "udvalgsmedlem");
        assert!(v["block_number"].is_null());

        // At its block on the public page, labelled, counted; never a name.
        let day = app::dates::long_date(app::i18n::Locale::da, in_days(10).parse().unwrap());
        let label = format!("Fra dialogmødet {day} · Frivillige foreninger");
        let body = app
            .page(&format!("/hoeringer/integrationspolitik?vis={block}"))
            .await;
        assert!(body.contains(&label), "{label}");
        assert!(body.contains("Sprogstøtte skal også nå forældrene."));
        let api = app
            .get_json("/api/v1/hearings/integrationspolitik/responses")
            .await;
        let listed = api["responses"].as_array().unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(|r| r["kind"] == "meeting_input"));
        assert_eq!(listed[0]["meeting"]["group"], "frivillig_forening");
        assert_eq!(listed[0]["meeting"]["table"], "Bord 3");
        assert!(listed[0]["author"].is_null());
        // The clerk's list labels it by its meeting, not by an empty sender.
        let clerk_list = app
            .page_as("/admin/hoeringer/integrationspolitik", &clerk)
            .await;
        assert!(
            clerk_list.contains(&format!("{label} · Bord 3")),
            "{clerk_list}"
        );
        assert!(!clerk_list.contains("&lt;&gt;"), "no empty address");
        let hearing = app.get_json("/api/v1/hearings/integrationspolitik").await;
        let block_id = hearing["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["number"] == block.as_str())
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let counted: i64 = app
            .scalar_with(
                "SELECT visible FROM block_counts WHERE block_key = $1",
                &block_id,
            )
            .await;
        assert_eq!(counted, 1, "it counts at its block");

        // Version 2 moves the block; the input follows it there.
        let new_text = POLICY.replace("# ", "# Ny indledning\n\nEt nyt første afsnit.\n\n# ");
        server::version::db::add_version(
            &app.db.pool,
            "integrationspolitik",
            "Efter dialogmødet",
            "",
            &new_text,
        )
        .await
        .unwrap();
        let v2 = app
            .get_json("/api/v1/hearings/integrationspolitik/versions/2")
            .await;
        let moved = v2["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| {
                b["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with(DANISH_ITEM_START))
            })
            .unwrap();
        let moved_number = moved["number"].as_str().unwrap().to_string();
        let page = app
            .page(&format!(
                "/hoeringer/integrationspolitik/version/2?vis={moved_number}"
            ))
            .await;
        assert!(
            page.contains(&label),
            "carried to version 2 at {moved_number}"
        );
        assert!(page.contains("Sprogstøtte skal også nå forældrene."));
    }
);

both_databases!(
    every_page_counts_responses_and_meeting_input_alike_and_apart,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "40").await;
        for text in ["Sprogstøtte til forældre.", "Flere sprogcaféer."] {
            app.post_as_ok(
                &format!("/admin/moeder/{id}/input"),
                &clerk,
                &[("block", ""), ("group", "borger"), ("text", text)],
            )
            .await;
        }
        const SAID: &str = "2 input fra dialogmøder";
        // Meeting input only: no page says "none", and none counts it as høringssvar.
        let pages = [
            "/",
            "/politikker/integrationspolitik",
            "/hoeringer/integrationspolitik",
            "/hoeringer/integrationspolitik/resultat",
        ];
        for path in pages {
            let page = app.page(path).await;
            assert!(
                page.contains(&format!("0 offentliggjorte høringssvar · {SAID}")),
                "{path}: {page}"
            );
        }
        app.respond("integrationspolitik", "", "Et svar om det hele.")
            .await;
        app.publish_all().await;
        for path in pages {
            let page = app.page(path).await;
            assert!(
                page.contains(&format!("1 offentliggjort høringssvar · {SAID}")),
                "{path}: {page}"
            );
        }
        let list = app.get_json("/api/v1/hearings").await;
        assert_eq!(list[0]["published_responses"], 3);
        assert_eq!(list[0]["published_meeting_input"], 2);
    }
);

both_databases!(
    a_meeting_by_invitation_takes_sign_ups_only_through_its_link,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let r = app
            .post_as_ok(
                "/admin/politikker/integrationspolitik/moeder",
                &clerk,
                &[
                    ("meeting_title", "Møde for foreningerne"),
                    ("meeting_date", &in_days(7)),
                    ("meeting_starts", "10:00"),
                    ("meeting_place", "Rådhuset"),
                    ("meeting_step_free", "nej"),
                    ("meeting_capacity", "12"),
                    ("meeting_mode", "invitation"),
                ],
            )
            .await;
        let admin_page = location(&r);
        let id: i64 = admin_page.rsplit('/').next().unwrap().parse().unwrap();
        let page = app.page(&format!("/moeder/{id}")).await;
        assert!(page.contains("Deltagelse efter invitation."));
        assert!(!page.contains("Tilmeld mig"), "no form without the link");
        let form = [
            ("name", "Forening A"),
            ("email", "a@forening.dk"),
            ("group", "social_forening"),
            ("organisation", "Forening A"),
            ("consent", "on"),
        ];
        let r = app
            .post_form(&format!("/moeder/{id}/tilmelding"), &form)
            .await;
        assert_eq!(r.status().as_u16(), 403, "no sign-up without the link");
        let wrong = [form.as_slice(), &[("invitation", "gaet")]].concat();
        let r = app
            .post_form(&format!("/moeder/{id}/tilmelding"), &wrong)
            .await;
        assert_eq!(r.status().as_u16(), 403, "nor with a guessed one");

        // The clerk's page gives the link; through it the form is there and works.
        let clerk_page = app.page_as(&admin_page, &clerk).await;
        let start = clerk_page
            .find(&format!("/moeder/{id}?invitation="))
            .expect("the link");
        let link = clerk_page[start..].split('"').next().unwrap().to_string();
        let token = link.split('=').nth(1).unwrap().to_string();
        let page = app.page(&link).await;
        assert!(page.contains("Tilmeld mig"));
        assert!(page.contains(&format!("name=\"invitation\" value=\"{token}\"")));
        let invited = [form.as_slice(), &[("invitation", token.as_str())]].concat();
        app.post_form_ok(&format!("/moeder/{id}/tilmelding"), &invited)
            .await;
    }
);

crate::both_engines!(
    the_minutes_as_a_file_are_scanned_checked_for_names_and_shown_once_published,
    |engine| async move {
        let Some((_clamd, app)) = crate::clamd::app_with_clamd(engine, "minutes").await else {
            return;
        };
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let id = create_meeting(&app, &clerk, "10").await;
        sign_up(&app, id, "Fatima Ali", "fatima@example.dk").await;
        app.execute_with(
            "UPDATE meetings SET starts_at = starts_at - 20 * 86400, ends_at = NULL WHERE id = $1",
            id,
        )
        .await;
        let csrf = app.csrf(&clerk).await;
        let named =
            crate::attachments::pdf(&["Referat", "Ved bord 3 fortalte Fatima Ali om sprogcafeen."]);
        let plain = crate::attachments::pdf(&["Referat", "Ved bord 3 talte vi om sprogcafeen."]);
        let form = |file: &[u8], extra: &[(&str, &str)]| {
            let mut form = reqwest::multipart::Form::new()
                .text("csrf", csrf.clone())
                .text("minutes", "")
                .text("publish", "on");
            for (k, v) in extra {
                form = form.text(k.to_string(), v.to_string());
            }
            form.part(
                "minutes_file",
                reqwest::multipart::Part::bytes(file.to_vec()).file_name("referat.pdf"),
            )
        };
        let minutes = format!("/admin/moeder/{id}/referat");
        let documents = || app.scalar::<i64>("SELECT COUNT(*) FROM documents");

        // A participant named in the file: held back, and the clerk sees the name.
        let r = app
            .post_multipart(&minutes, &clerk, form(&named, &[]))
            .await;
        let body = refused_page(r).await;
        assert_contains(
            &body,
            &[
                "Filen ser ud til at indeholde personoplysninger",
                "<mark>Fatima Ali</mark>",
            ],
        );
        assert_eq!(documents().await, 0);
        // Confirmed, it is saved, and the published minutes show it as a download.
        let r = app
            .post_multipart(
                &minutes,
                &clerk,
                form(&named, &[("confirm_personal", "on")]),
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(documents().await, 1);
        // Replaced by a file without names, no confirmation needed.
        let r = app
            .post_multipart(&minutes, &clerk, form(&plain, &[]))
            .await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(documents().await, 1);
        let public = app.page_ok(&format!("/moeder/{id}")).await;
        assert_contains(&public, &["Referatet som fil", "referat.pdf"]);
        let download = app.get(&format!("/moeder/{id}/referat/referat.pdf")).await;
        assert_eq!(download.status().as_u16(), 200);
        assert!(header(&download, "content-disposition").starts_with("attachment;"));
        assert_eq!(download.bytes().await.unwrap().as_ref(), plain.as_slice());

        // Taken down with the minutes, the file is gone from the public too.
        app.post_as_ok(&minutes, &clerk, &[("minutes", "")]).await;
        assert_eq!(
            app.status(&format!("/moeder/{id}/referat/referat.pdf"))
                .await,
            404
        );
        // The clerk removes the file.
        app.post_as_ok(&minutes, &clerk, &[("minutes", ""), ("remove_file", "on")])
            .await;
        assert_eq!(documents().await, 0);
    }
);
