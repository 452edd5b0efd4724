//! The clerks' records of a hearing's responses, as a clerk opens them in Excel: the time a
//! response was received is a date Excel can sort by, name and organisation have their own
//! columns, and a response's paragraphs stay paragraphs in the CSV as in the XLSX.

use crate::both_databases;
use crate::helpers::*;

/// The XML of the cell at `reference` ("C2") in a worksheet.
fn cell<'a>(sheet: &'a str, reference: &str) -> &'a str {
    let start = sheet
        .find(&format!("<c r=\"{reference}\""))
        .unwrap_or_else(|| panic!("cell {reference} in {sheet}"));
    let end = start + sheet[start..].find("</c>").expect("cell end") + 4;
    &sheet[start..end]
}

both_databases!(
    the_records_have_dates_as_dates_an_organisation_column_and_kept_line_breaks,
    |app: TestApp| async move {
        app.add_open_hearing_and_clerk("politik").await;
        app.post_form_ok(
            "/hoeringer/politik/svar",
            &[
                (
                    "text",
                    "Første afsnit om sprog.\r\n\r\nAndet afsnit om arbejde.",
                ),
                ("name", "Bo Hansen"),
                ("email", "bo@aeldresagen.dk"),
                ("sender_kind", "association"),
                ("organisation", "Ældre Sagen Roskilde"),
                ("publication", "with_name"),
            ],
        )
        .await;
        let clerk = app.login().await;

        let csv = app
            .text_as("/admin/hoeringer/politik/svar.csv", &clerk)
            .await;
        let header = csv.lines().next().unwrap().trim_start_matches('\u{feff}');
        assert!(
            header.contains(";Navn;Organisation;"),
            "name and organisation apart: {header}"
        );
        assert!(csv.contains(";Bo Hansen;Ældre Sagen Roskilde;"), "{csv}");
        assert!(
            csv.contains("\"Første afsnit om sprog.\n\nAndet afsnit om arbejde.\""),
            "the paragraphs stay, in a quoted cell: {csv}"
        );

        let bytes = app
            .download_as("/admin/hoeringer/politik/svar.xlsx", &clerk)
            .await;
        let sheet = unzip(&bytes, "xl/worksheets/sheet1.xml");
        let received = cell(&sheet, "C2");
        assert!(
            !received.contains("t=\"s\"") && !received.contains("t=\"str\""),
            "the received time is a number Excel sorts by, not text: {received}"
        );
        let serial: f64 = received
            .split("<v>")
            .nth(1)
            .and_then(|v| v.split("</v>").next())
            .expect("a value")
            .parse()
            .expect("a serial date");
        // Days since 1899-12-30: any day from 2020 on.
        assert!(serial > 43_831.0, "{serial}");
        let styles = unzip(&bytes, "xl/styles.xml");
        assert!(
            styles.contains("yyyy-mm-dd hh:mm"),
            "shown as a date and time"
        );
        // The journal number's column is wide enough for the pattern's numbers.
        assert!(sheet.contains("<col min=\"1\" max=\""), "{sheet}");
    }
);

both_databases!(
    the_quoted_words_go_wherever_the_response_goes,
    |app: TestApp| async move {
        let clerk = app.clerk_with_open_hearing("integrationspolitik").await;
        let block = app.danish_item("integrationspolitik").await;
        let r = app
            .respond_with_ok(
                "integrationspolitik",
                &[
                    ("text", "Sprog først, så resten."),
                    ("block", &block),
                    ("quote", "lære dansk før skolestart"),
                ],
            )
            .await;
        const QUOTED: &str = "<q lang=\"da\" dir=\"ltr\">lære dansk før skolestart</q>";
        let receipt = app.page(&location(&r)).await;
        assert!(receipt.contains(QUOTED), "the receipt: {receipt}");
        let queue = app
            .page_as("/admin/hoeringer/integrationspolitik", &clerk)
            .await;
        assert!(queue.contains(QUOTED), "the clerk's queue: {queue}");
        let paragraph = app
            .page_as(
                &app::routes::admin_block("integrationspolitik", &block),
                &clerk,
            )
            .await;
        assert!(
            paragraph.contains(QUOTED),
            "the paragraph page: {paragraph}"
        );
        let csv = app
            .text_as("/admin/hoeringer/integrationspolitik/svar.csv", &clerk)
            .await;
        assert!(csv.contains(";Afsnit;Om ordene;Tekst;"), "{csv}");
        assert!(
            csv.contains(&format!(
                ";{block};lære dansk før skolestart;\"Sprog først, så resten.\";"
            )),
            "{csv}"
        );
        let xlsx = app
            .download_as("/admin/hoeringer/integrationspolitik/svar.xlsx", &clerk)
            .await;
        // Constant-memory mode writes the strings inline in the sheet.
        let sheet = unzip(&xlsx, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains("Om ordene") && sheet.contains("lære dansk før skolestart"),
            "{sheet}"
        );
    }
);
