//! The høringsnotat's PDF over HTTP, read back with poppler: respondents named in Turkish,
//! Polish, Arabic, Ukrainian, Greek, Vietnamese and Chinese appear as written (Arabic as
//! logical text), every font is embedded, the document is tagged and titled, and a reader of
//! the Arabic pages gets the PDF in Arabic.

use crate::both_databases;
use crate::helpers::*;

/// The names, and the address each wrote from.
const NAMES: [(&str, &str); 7] = [
    ("Ayşe Yılmaz", "ayse@example.dk"),
    ("Łukasz Wójcik", "lukasz@example.dk"),
    ("محمد الأحمد", "mohammad@example.dk"),
    ("Олена Коваленко", "olena@example.dk"),
    ("Γιώργος Παπαδόπουλος", "giorgos@example.dk"),
    ("Nguyễn Thị Hương", "huong@example.dk"),
    ("王秀英", "xiuying@example.dk"),
];

/// The output of poppler's `tool` on `pdf` (`-` for pdftotext's standard output).
fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> String {
    let path = std::env::temp_dir().join(format!(
        "notat-pdf-{}-{tool}-{}.pdf",
        std::process::id(),
        pdf.len()
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|_| {
            panic!(
                "{tool} (Debian's poppler-utils) is needed to read the PDF; .ci/setup installs it"
            )
        });
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // pdftotext's text must be UTF-8 as asked; pdfinfo prints a structure element's title in
    // the PDF's own string encoding (krilla's are empty UTF-16 strings), read leniently.
    let text = if tool == "pdftotext" {
        String::from_utf8(out.stdout).unwrap()
    } else {
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // pdftotext marks right-to-left text with embedding controls; the text is between them.
    text.replace(
        ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'],
        "",
    )
}

both_databases!(
    names_in_every_script_are_in_the_pdf_as_written,
    |app: TestApp| async move {
        app.add_open_hearing_and_two_clerks("politik").await;
        for (name, email) in NAMES {
            let text = format!("Jeg hedder {name} og ønsker mere sprogundervisning.");
            app.send_named("politik", &text, (name, email, "private", ""))
                .await;
        }
        app.publish_all().await;
        let (clerk, second) = app.login_both_clerks().await;
        for (name, email) in NAMES {
            let id: i64 = sqlx::query_scalar("SELECT id FROM responses WHERE email = $1")
                .bind(email)
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
            let summary = format!("{name} ønsker mere sprogundervisning.");
            app.write_remark_ok(
                "politik",
                &clerk,
                &[
                    ("response", id.to_string().as_str()),
                    ("section", ""),
                    ("summary", summary.as_str()),
                    ("remark_text", "Forvaltningen tager ønsket med."),
                    ("outcome", "noted"),
                ],
            )
            .await;
        }
        let ids: Vec<i64> = app.column("SELECT id FROM remarks ORDER BY id").await;
        for &id in &ids {
            app.approve_remark("politik", id, &second).await;
        }
        // The notat is published once the hearing is over.
        app.move_close("politik", -60).await;
        redirected(app.publish_notat("politik", &clerk, &[]).await).await;

        let pdf = app.get("/hoeringer/politik/hoeringsnotat.pdf").await;
        assert_eq!(pdf.status().as_u16(), 200);
        let pdf = pdf.bytes().await.unwrap();
        assert!(pdf.starts_with(b"%PDF-"));

        let text = poppler("pdftotext", &pdf, &["-enc", "UTF-8"]);
        // Spaces aside: pdftotext drops the one between an Arabic name and Danish after it.
        let squash = |t: &str| t.split_whitespace().collect::<String>();
        let squashed = squash(&text);
        for (name, _) in NAMES {
            assert!(
                text.contains(&format!("Høringssvar fra: {name}")),
                "{name} as written in:\n{text}"
            );
            assert!(
                squashed.contains(&squash(&format!("{name} ønsker mere sprogundervisning."))),
                "{name}'s point in:\n{text}"
            );
        }
        assert!(
            !text.contains("??"),
            "no character replaced by question marks"
        );
        // Chinese has no font in the PDF: its glyphs show as "�", its text stays right, and
        // the notat says so at the end.
        assert!(
            text.contains("vist som �"),
            "the notice of missing characters"
        );
        // The point's heading once, not above each of the seven remarks.
        assert_eq!(
            text.matches("Udkastet som helhed").count(),
            2,
            "a count row and one heading:\n{text}"
        );

        let fonts = poppler("pdffonts", &pdf, &[]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(cols[n - 5], "yes", "embedded: {row}");
        }
        assert!(fonts.contains("NotoSansArabic"), "{fonts}");

        let info = poppler("pdfinfo", &pdf, &[]);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.contains("Title:           Høringsnotat"), "{info}");
        // The structure a screen reader walks (what a PDF/UA checker looks at first): the
        // document's headings, its tables with header cells, its lists, its paragraphs.
        let tree = poppler("pdfinfo", &pdf, &["-struct"]);
        let tags: std::collections::BTreeSet<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .map(|tag| tag.trim_end_matches(':'))
            .collect();
        for tag in [
            "Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "L", "LI",
        ] {
            assert!(tags.contains(tag), "a {tag} in the structure tree:\n{tree}");
        }

        // The published edition is the municipality's Danish record; a clerk reading the
        // Arabic pages gets the working draft with the notat's words in Arabic, right to left.
        let pdf = app
            .download_as(
                "/admin/hoeringer/politik/hoeringsnotat.pdf",
                &format!("{clerk}; i18n_pref_locale=ar"),
            )
            .await;
        assert!(String::from_utf8_lossy(&pdf).contains("/Lang(ar-SA)"));
        let text = poppler("pdftotext", &pdf, &["-enc", "UTF-8"]);
        let words = app::notat::words::DocumentWords::of(app::i18n::Locale::ar);
        assert!(text.contains(words.what_was_said), "{text}");
        assert!(text.contains("محمد الأحمد"), "{text}");
    }
);
