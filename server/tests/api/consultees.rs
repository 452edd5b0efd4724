//! The høringsliste over HTTP: a clerk pastes parties (what cannot be read comes back to be
//! corrected, what can is stored), sees them with their status, removes one, reuses an earlier
//! list of the committee and sets the reminder; the public sees organisations only.

use crate::both_databases;
use crate::helpers::*;
use server::auth::Role;

fn strip(body: &str) -> String {
    body.replace("<!-- -->", "").replace("<!>", "")
}

const PASTE: &str = "Organisation;Kontaktperson;E-mail;Type\n\
    Ældre Sagen Roskilde;Birthe Holm;birthe@aeldresagen.example;forening\n\
    Integrationsrådet;;raadet@roskilde.example;råd og nævn\n\
    Dansk Flygtningehjælp;Ali Noor;ikke-en-adresse;forening\n\
    Arbejdsmarkedsstyrelsen;;post@ams.example;myndighed\n";

async fn paste(app: &TestApp, cookie: &str, slug: &str, text: &str) -> reqwest::Response {
    let csrf = app.csrf(cookie).await;
    app.post_form_with_cookie(
        &format!("/admin/hoeringer/{slug}/hoeringsliste"),
        cookie,
        &[("csrf", &csrf), ("parties", text)],
    )
    .await
}

both_databases!(
    a_pasted_list_is_stored_and_what_cannot_be_read_comes_back,
    |app: TestApp| async move {
        app.add_policy("politik", POLICY).await;
        app.add_clerk().await;
        let clerk = app.login().await;
        let r = paste(&app, &clerk, "politik", PASTE).await;
        assert_eq!(r.status().as_u16(), 422);
        let body = strip(&r.text().await.unwrap());
        assert!(
            body.contains("3 parter er tilføjet. Linje 4 kunne ikke læses"),
            "{body}"
        );
        assert!(
            body.contains("Dansk Flygtningehjælp;Ali Noor;ikke-en-adresse;forening</textarea>")
        );
        let page = strip(
            &app.get_with_cookie("/admin/hoeringer/politik", &clerk)
                .await
                .text()
                .await
                .unwrap(),
        );
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
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM hearing_parties")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(stored, 3);

        // The public list: organisations in Danish order (Æ after Z), no names, no addresses.
        let public = strip(&app.get_text("/hoeringer/politik").await.1);
        let a = public.find("Arbejdsmarkedsstyrelsen").expect("listed");
        let i = public.find("Integrationsrådet").expect("listed");
        let ae = public.find("Ældre Sagen Roskilde").expect("listed");
        assert!(a < i && i < ae, "Danish order");
        assert!(!public.contains("Birthe Holm") && !public.contains("@aeldresagen.example"));

        // A party not yet invited can be removed.
        let id: i64 = sqlx::query_scalar("SELECT id FROM hearing_parties WHERE email = $1")
            .bind("post@ams.example")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        let csrf = app.csrf(&clerk).await;
        let r = app
            .post_form_with_cookie(
                &format!("/admin/hoeringer/politik/hoeringsliste/{id}/fjern"),
                &clerk,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        assert!(
            !strip(&app.get_text("/hoeringer/politik").await.1).contains("Arbejdsmarkedsstyrelsen")
        );

        // The reminder: a whole number of working days, or a message by the field.
        let r = app
            .post_form_with_cookie(
                "/admin/hoeringer/politik/hoeringsliste/paamindelse",
                &clerk,
                &[("csrf", &csrf), ("reminder_days", "mange")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 422);
        assert!(strip(&r.text().await.unwrap()).contains("Skriv et helt antal arbejdsdage"));
        let r = app
            .post_form_with_cookie(
                "/admin/hoeringer/politik/hoeringsliste/paamindelse",
                &clerk,
                &[("csrf", &csrf), ("reminder_days", "3")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let days: i64 =
            sqlx::query_scalar("SELECT reminder_days FROM hearings WHERE slug = 'politik'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(days, 3);
    }
);

both_databases!(
    an_earlier_list_of_the_committee_is_reused_and_only_staff_may_change_a_list,
    |app: TestApp| async move {
        app.add_policy("foerste", POLICY).await;
        app.add_policy("anden", POLICY).await;
        app.add_clerk().await;
        let clerk = app.login().await;
        paste(
            &app,
            &clerk,
            "foerste",
            "Forening A;;a@a.example;forening\nForening B;;b@b.example;forening",
        )
        .await;
        paste(&app, &clerk, "anden", "Forening B;;B@b.example;forening").await;
        let page = strip(
            &app.get_with_cookie("/admin/hoeringer/anden", &clerk)
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(page.contains("Genbrug listen fra en tidligere høring"));
        assert!(page.contains("<option value=\"foerste\">"));
        let csrf = app.csrf(&clerk).await;
        let r = app
            .post_form_with_cookie(
                "/admin/hoeringer/anden/hoeringsliste/genbrug",
                &clerk,
                &[("csrf", &csrf), ("from", "foerste")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
        let on_second: Vec<String> = sqlx::query_scalar(
            "SELECT hp.email FROM hearing_parties hp JOIN hearings h ON h.id = hp.hearing_id
             WHERE h.slug = 'anden' ORDER BY hp.email",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(on_second, vec!["a@a.example", "b@b.example"], "B once");

        // Nobody else may change a list.
        let r = app
            .post_form(
                "/admin/hoeringer/anden/hoeringsliste",
                &[("parties", "X;;x@x.example;forening")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "anonymous: to the login");
        app.add_user("raad@roskilde.example", Role::Council).await;
        let member = app.login_as("raad@roskilde.example").await;
        let csrf = app.csrf_of(&member).await;
        let r = app
            .post_form_with_cookie(
                "/admin/hoeringer/anden/hoeringsliste",
                &member,
                &[("csrf", &csrf), ("parties", "X;;x@x.example;forening")],
            )
            .await;
        assert!(matches!(r.status().as_u16(), 403 | 303));
        let stored: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM hearing_parties WHERE email = 'x@x.example'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(stored, 0);
    }
);
