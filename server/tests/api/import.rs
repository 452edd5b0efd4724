//! Drafts from Word and LibreOffice: uploaded on the clerk's forms and given to the command
//! line; shown before anything is stored; files that are not drafts refused beside the field.

use crate::both_databases;
use crate::helpers::*;

const DOCX: &[u8] = include_bytes!("../../src/import/fixtures/integrationspolitik.docx");
const ODT: &[u8] = include_bytes!("../../src/import/fixtures/integrationspolitik.odt");

fn file(bytes: &[u8], name: &str) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string())
}

both_databases!(
    a_word_draft_is_shown_before_it_is_stored,
    |app: TestApp| async move {
        let cookie = app.clerk().await;
        let csrf = app.csrf(&cookie).await;
        let form = |markdown: &str, upload: Option<reqwest::multipart::Part>| {
            let form = reqwest::multipart::Form::new()
                .text("csrf", csrf.clone())
                .text("markdown", markdown.to_string())
                .text("slug", "fra-word")
                .text("committee", "Beskæftigelses- og Socialudvalget")
                .text("action", "create");
            match upload {
                Some(part) => form.part("file", part),
                None => form,
            }
        };
        let policies = || app.scalar::<i64>("SELECT COUNT(*) FROM policies");
        let before = policies().await;
        // "Create" with a Word file only reads it: the clerk sees the text, its passages and
        // what did not come along, and nothing is stored.
        let r = app
            .post_multipart(
                "/admin/hoeringer/ny",
                &cookie,
                form("", Some(file(DOCX, "politik.docx"))),
            )
            .await;
        assert_eq!(r.status().as_u16(), 200);
        let body = r.text().await.unwrap();
        assert!(body.contains("Læst ind fra dokumentet"), "{body}");
        assert!(
            body.contains("Alt i dokumentet kom med."),
            "nothing was left out"
        );
        assert!(
            body.contains("# Muligheder og medborgerskab"),
            "the Markdown to check"
        );
        assert!(
            body.contains("3.4, punkt 1"),
            "the preview numbers the passages"
        );
        assert_eq!(policies().await, before, "nothing stored yet");
        let (status, _) = app.get_text("/admin/politikker/fra-word").await;
        assert_ne!(status, 200);

        // The clerk saves the text as it stands: the same as the reader made of the file.
        let markdown = server::import::read(DOCX).unwrap().markdown;
        let r = app
            .post_multipart("/admin/hoeringer/ny", &cookie, form(&markdown, None))
            .await;
        let status = r.status().as_u16();
        assert_eq!(status, 303, "{}", r.text().await.unwrap());
        assert_eq!(r.headers()["location"], "/admin/politikker/fra-word");
        assert_eq!(policies().await, before + 1);

        // A file that is not a draft: refused next to the file field, what was typed kept,
        // nothing stored.
        let typed = "# Mit udkast\n\nSkrevet i hånden.";
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend([0u8; 512]);
        for (bytes, words) in [
            (b"MZ\x90\x00 a program".to_vec(), "Filen er et program"),
            (ole, "beskyttet med adgangskode"),
            (b"%PDF-1.7\n".to_vec(), "En PDF kan ikke"),
        ] {
            let r = app
                .post_multipart(
                    "/admin/hoeringer/ny",
                    &cookie,
                    form(typed, Some(file(&bytes, "politik.docx"))),
                )
                .await;
            assert_eq!(r.status().as_u16(), 422, "{words}");
            let body = r.text().await.unwrap();
            let error = body
                .split("id=\"file-error\"")
                .nth(1)
                .unwrap_or_else(|| panic!("an error beside the file field: {body}"));
            assert!(
                error[..400.min(error.len())].contains(words),
                "{words}: {error}"
            );
            assert!(
                body.contains("Skrevet i hånden."),
                "the typed draft is kept"
            );
        }
        assert_eq!(policies().await, before + 1);
    }
);

both_databases!(
    a_libreoffice_version_is_shown_before_it_is_added,
    |app: TestApp| async move {
        let cookie = app.clerk_with_open_hearing("integrationspolitik").await;
        let csrf = app.csrf(&cookie).await;
        let versions = || app.scalar::<i64>("SELECT COUNT(*) FROM versions");
        let before = versions().await;
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .text("label", "Fra LibreOffice")
            .text("note", "")
            .text("markdown", "")
            .part("file", file(ODT, "politik.odt"));
        let r = app
            .post_multipart(
                "/admin/hoeringer/integrationspolitik/version/ny",
                &cookie,
                form,
            )
            .await;
        let status = r.status().as_u16();
        let body = r.text().await.unwrap();
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("Læst ind fra dokumentet"), "{body}");
        assert!(body.contains("Lige muligheder og ressourcer"));
        assert!(
            body.contains("value=\"Fra LibreOffice\""),
            "the label is kept"
        );
        assert_eq!(versions().await, before, "nothing added yet");
    }
);
