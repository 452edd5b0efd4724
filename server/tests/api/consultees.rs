//! The høringsliste over HTTP: a clerk pastes parties (what cannot be read comes back to be
//! corrected, what can is stored), sees them with their status, removes one, reuses an earlier
//! list of the committee and sets the reminder; the public sees organisations only.

use crate::both_databases;
use crate::helpers::*;

const PASTE: &str = "Organisation;Kontaktperson;E-mail;Type\n\
    Ældre Sagen Roskilde;Birthe Holm;birthe@aeldresagen.example;forening\n\
    Integrationsrådet;;raadet@roskilde.example;råd og nævn\n\
    Dansk Flygtningehjælp;Ali Noor;ikke-en-adresse;forening\n\
    Arbejdsmarkedsstyrelsen;;post@ams.example;myndighed\n";

async fn paste(app: &TestApp, cookie: &str, slug: &str, text: &str) -> reqwest::Response {
    app.post_as(
        &format!("/admin/hoeringer/{slug}/hoeringsliste"),
        cookie,
        &[("parties", text)],
    )
    .await
}

both_databases!(
    a_pasted_list_is_stored_and_what_cannot_be_read_comes_back,
    |app: TestApp| async move {
        // Not open yet, so nobody is invited while the list is made.
        app.add_hearing("politik", &in_days(5), &in_days(35)).await;
        let clerk = app.clerk().await;
        let r = paste(&app, &clerk, "politik", PASTE).await;
        let body = refused_page(r).await;
        assert!(
            body.contains("3 parter er tilføjet. Linje 4 kunne ikke læses"),
            "{body}"
        );
        assert!(
            body.contains("Dansk Flygtningehjælp;Ali Noor;ikke-en-adresse;forening</textarea>")
        );
        // Two lines not read are "lines", and "them" (on another hearing).
        app.add_hearing("andet", &in_days(5), &in_days(35)).await;
        let two = "Forening C;;c@c.example;forening\nForening D;;ikke-en-adresse;forening\nForening E;;heller-ikke;forening";
        let body = refused_page(paste(&app, &clerk, "andet", two).await).await;
        assert!(
            body.contains("1 part er tilføjet. 2 linjer kunne ikke læses (linje 2, 3) og står herunder, så du kan rette dem."),
            "{body}"
        );
        let page = app.page_as("/admin/hoeringer/politik", &clerk).await;
        assert!(page.contains("Ældre Sagen Roskilde"));
        assert!(page.contains("Birthe Holm, birthe@aeldresagen.example"));
        assert!(
            page.contains("<dt>Ikke inviteret endnu</dt><dd>3</dd>"),
            "{page}"
        );
        // Pasting the same again adds nothing twice.
        let again = "Ældre Sagen Roskilde;;BIRTHE@aeldresagen.example;forening";
        assert_eq!(
            paste(&app, &clerk, "politik", again)
                .await
                .status()
                .as_u16(),
            303
        );
        let stored: i64 = app
            .scalar(
                "SELECT COUNT(*) FROM hearing_parties hp JOIN hearings h ON h.id = hp.hearing_id
                 WHERE h.slug = 'politik'",
            )
            .await;
        assert_eq!(stored, 3);

        // The public list: organisations in Danish order (Æ after Z), no names, no addresses.
        let public = app.page("/hoeringer/politik").await;
        let a = public.find("Arbejdsmarkedsstyrelsen").expect("listed");
        let i = public.find("Integrationsrådet").expect("listed");
        let ae = public.find("Ældre Sagen Roskilde").expect("listed");
        assert!(a < i && i < ae, "Danish order");
        assert!(!public.contains("Birthe Holm") && !public.contains("@aeldresagen.example"));

        // A party not yet invited can be removed.
        let id: i64 = app
            .scalar_with(
                "SELECT id FROM hearing_parties WHERE email = $1",
                "post@ams.example",
            )
            .await;
        app.post_as_ok(
            &format!("/admin/hoeringer/politik/hoeringsliste/{id}/fjern"),
            &clerk,
            &[],
        )
        .await;
        assert!(
            !app.page("/hoeringer/politik")
                .await
                .contains("Arbejdsmarkedsstyrelsen")
        );

        // The reminder: a whole number of working days, or a message by the field.
        let body = app
            .post_as_refused(
                "/admin/hoeringer/politik/hoeringsliste/paamindelse",
                &clerk,
                &[("reminder_days", "mange")],
            )
            .await;
        assert!(body.contains("Skriv et helt antal arbejdsdage"));
        app.post_as_ok(
            "/admin/hoeringer/politik/hoeringsliste/paamindelse",
            &clerk,
            &[("reminder_days", "3")],
        )
        .await;
        let days: i64 = app
            .scalar("SELECT reminder_days FROM hearings WHERE slug = 'politik'")
            .await;
        assert_eq!(days, 3);
    }
);

both_databases!(
    an_earlier_list_of_the_committee_is_reused_and_only_staff_may_change_a_list,
    |app: TestApp| async move {
        app.add_policy("foerste", POLICY).await;
        app.add_policy("anden", POLICY).await;
        let clerk = app.clerk().await;
        paste(
            &app,
            &clerk,
            "foerste",
            "Forening A;;a@a.example;forening\nForening B;;b@b.example;forening",
        )
        .await;
        paste(&app, &clerk, "anden", "Forening B;;B@b.example;forening").await;
        // Each earlier list says its size in words that agree with it: "1 part", not
        // "1 parter".
        app.add_policy("tredje", POLICY).await;
        let third = app.page_as("/admin/hoeringer/tredje", &clerk).await;
        assert!(third.contains("(1 part)</option>"), "{third}");
        assert!(third.contains("(2 parter)</option>"), "{third}");
        let page = app.page_as("/admin/hoeringer/anden", &clerk).await;
        assert!(page.contains("Genbrug listen fra en tidligere høring"));
        assert!(page.contains("<option value=\"foerste\">"));
        app.post_as_ok(
            "/admin/hoeringer/anden/hoeringsliste/genbrug",
            &clerk,
            &[("from", "foerste")],
        )
        .await;
        let on_second: Vec<String> = app
            .column(
                "SELECT hp.email FROM hearing_parties hp JOIN hearings h ON h.id = hp.hearing_id
             WHERE h.slug = 'anden' ORDER BY hp.email",
            )
            .await;
        assert_eq!(on_second, vec!["a@a.example", "b@b.example"], "B once");

        // Nobody else may change a list.
        let r = app
            .post_form(
                "/admin/hoeringer/anden/hoeringsliste",
                &[("parties", "X;;x@x.example;forening")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "anonymous: to the login");
        let member = app.council_member("raad@roskilde.example").await;
        app.post_as_turned_away(
            "/admin/hoeringer/anden/hoeringsliste",
            &member,
            &[("parties", "X;;x@x.example;forening")],
        )
        .await;
        let stored: i64 = app
            .scalar("SELECT COUNT(*) FROM hearing_parties WHERE email = 'x@x.example'")
            .await;
        assert_eq!(stored, 0);
    }
);

/// The invitations in the outbox: recipient and the party page's path in the text.
async fn invitations(app: &TestApp, kind: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT recipient, text_body FROM outbox WHERE kind = $1 ORDER BY id")
        .bind(kind)
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

fn party_path(text: &str) -> String {
    let start = text.find("/hoeringsliste/").expect("the party's link");
    text[start..].split_whitespace().next().unwrap().to_string()
}

both_databases!(
    parties_are_invited_answer_through_their_link_decline_and_only_the_silent_are_reminded,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let r = paste(
            &app,
            &clerk,
            "integrationspolitik",
            "Forening A;Anna;a@a.example;forening\nForening B;;b@b.example;forening\nRåd C;;c@c.example;råd og nævn",
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        // The hearing is open: the invitations went at once, each with its own link.
        let sent = invitations(&app, "invitation").await;
        assert_eq!(sent.len(), 3);
        assert_eq!(sent[0].0, "a@a.example");
        assert!(sent[0].1.contains("Kære Anna"));
        let links: Vec<String> = sent.iter().map(|(_, t)| party_path(t)).collect();
        assert_ne!(links[0], links[1]);
        // Another round sends nothing twice.
        let (invited, _) = server::consultees::send_due(
            &app.db.pool,
            &server::outbox(&app.config, "127.0.0.1:1".parse().unwrap()),
            &hoering::calendar::Calendar::national(),
            server::db::now(),
        )
        .await
        .unwrap();
        assert_eq!(invited, 0);

        // A answers through its link: the response is matched to it.
        let page = app.page(&links[0]).await;
        assert!(page.contains("Forening A er inviteret til at give høringssvar"));
        let token = links[0].rsplit('/').next().unwrap();
        let form = app
            .page(&format!("/hoeringer/integrationspolitik/svar?part={token}"))
            .await;
        assert!(form.contains(&format!("name=\"party\" value=\"{token}\"")));
        let fields = [
            ("text", "Foreningen støtter udkastet."),
            ("name", "Anna"),
            ("email", "a@a.example"),
            ("sender_kind", "association"),
            ("organisation", "Forening A"),
            ("party", token),
        ];
        app.respond_with_ok("integrationspolitik", &fields).await;
        assert!(
            app.page(&links[0])
                .await
                .contains("Tak for jeres høringssvar")
        );
        // B has no comments, which counts as an answer.
        app.post_form_ok(&format!("{}/ingen-bemaerkninger", links[1]), &[])
            .await;
        assert!(app.page(&links[1]).await.contains("ingen bemærkninger har"));
        let page = app
            .page_as("/admin/hoeringer/integrationspolitik", &clerk)
            .await;
        assert!(page.contains("<dt>Inviteret</dt><dd>3</dd>"), "{page}");
        assert_contains(
            &page,
            &[
                "<dt>Svaret</dt><dd>1</dd>",
                "<dt>Ingen bemærkninger</dt><dd>1</dd>",
                "<dt>Intet svar</dt><dd>1</dd>",
            ],
        );

        // The reminder day: the deadline is near (reminder 30 working days before, so due now).
        app.execute("UPDATE hearings SET reminder_days = 30 WHERE slug = 'integrationspolitik'")
            .await;
        let outbox = server::outbox(&app.config, "127.0.0.1:1".parse().unwrap());
        let calendar = hoering::calendar::Calendar::national();
        let (_, reminded) =
            server::consultees::send_due(&app.db.pool, &outbox, &calendar, server::db::now())
                .await
                .unwrap();
        assert_eq!(reminded, 1, "only C, who has not answered");
        let reminders = invitations(&app, "reminder").await;
        assert_eq!(reminders.len(), 1);
        assert_eq!(reminders[0].0, "c@c.example");
        let (_, again) =
            server::consultees::send_due(&app.db.pool, &outbox, &calendar, server::db::now())
                .await
                .unwrap();
        assert_eq!(again, 0, "reminded once");
        // An invited party stays on the list.
        let id: i64 = app
            .scalar("SELECT id FROM hearing_parties WHERE email = 'c@c.example'")
            .await;
        let r = app
            .post_as(
                &format!("/admin/hoeringer/integrationspolitik/hoeringsliste/{id}/fjern"),
                &clerk,
                &[],
            )
            .await;
        assert_eq!(r.status().as_u16(), 409);
    }
);

both_databases!(
    parties_of_a_hearing_not_yet_open_are_invited_when_it_opens,
    |app: TestApp| async move {
        app.add_hearing("snart", &in_days(5), &in_days(35)).await;
        let clerk = app.clerk().await;
        assert_eq!(
            paste(&app, &clerk, "snart", "Forening A;;a@a.example;forening")
                .await
                .status()
                .as_u16(),
            303
        );
        assert!(
            invitations(&app, "invitation").await.is_empty(),
            "not before it opens"
        );
        app.execute("UPDATE hearings SET opens_at = opens_at - 6 * 86400 WHERE slug = 'snart'")
            .await;
        let outbox = server::outbox(&app.config, "127.0.0.1:1".parse().unwrap());
        let (invited, _) = server::consultees::send_due(
            &app.db.pool,
            &outbox,
            &hoering::calendar::Calendar::national(),
            server::db::now(),
        )
        .await
        .unwrap();
        assert_eq!(invited, 1);
    }
);

// A party on the list that answers through the public form, not its personal link: the clerk
// is offered the response as the party's answer, confirms it, and the list shows it answered.
both_databases!(
    a_response_from_the_public_form_is_matched_to_its_party,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("politik").await;
        app.add_open_hearing("anden").await;
        let r = paste(
            &app,
            &clerk,
            "politik",
            "Integrationsrådet;;raadet@roskilde.example;råd og nævn\nÆldre Sagen Roskilde;;post@aeldresagen.example;forening",
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
        app.post_form_ok(
            "/hoeringer/politik/svar",
            &[
                ("text", "Integrationsrådet bakker op om politikken."),
                ("name", "Fatima Ali"),
                ("email", "formand@gmail.com"),
                ("sender_kind", "council"),
                ("organisation", "Integrationsrådet"),
                ("publication", "with_name"),
            ],
        )
        .await;
        let response: i64 = app.scalar("SELECT id FROM responses").await;
        let party: i64 = app
            .scalar("SELECT id FROM hearing_parties WHERE organisation = 'Integrationsrådet'")
            .await;

        let page = strip(&app.page_as("/admin/hoeringer/politik", &clerk).await);
        assert!(
            page.contains("fra Integrationsrådet, Fatima Ali som partens svar"),
            "suggested by the organisation's name: {page}"
        );
        // Only a clerk, and only within the hearing.
        let path = format!("/admin/hoeringer/politik/hoeringsliste/{party}/svar");
        let r = app
            .post_form(&path, &[("response", &response.to_string())])
            .await;
        assert!(
            !location(&r).contains("hoeringsliste"),
            "no session: sent to log in, not back to the list"
        );
        let r = app
            .post_as(
                &format!("/admin/hoeringer/anden/hoeringsliste/{party}/svar"),
                &clerk,
                &[("response", &response.to_string())],
            )
            .await;
        assert_eq!(r.status().as_u16(), 404, "another hearing's party");
        let answered: Option<i64> = app
            .scalar(
                "SELECT answered_at FROM hearing_parties WHERE organisation = 'Integrationsrådet'",
            )
            .await;
        assert_eq!(answered, None);

        app.post_as_ok(&path, &clerk, &[("response", &response.to_string())])
            .await;
        let (answered, tied): (Option<i64>, Option<i64>) = app
            .row("SELECT hp.answered_at, r.party_id FROM hearing_parties hp JOIN responses r ON r.id = (SELECT MIN(id) FROM responses) WHERE hp.organisation = 'Integrationsrådet'")
            .await;
        assert!(answered.is_some());
        assert_eq!(tied, Some(party));
        let page = strip(&app.page_as("/admin/hoeringer/politik", &clerk).await);
        assert!(
            !page.contains("som partens svar"),
            "nothing left to suggest"
        );
        let journaled: i64 = app
            .scalar("SELECT COUNT(*) FROM journal WHERE action = 'party_matched'")
            .await;
        assert_eq!(journaled, 1);
    }
);
