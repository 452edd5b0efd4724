//! Files sent with a response, as a list: each named, with its kind and size, and downloadable
//! where the reader may have it.

use crate::components::format_count;
use crate::i18n::*;
use crate::response::AttachmentView;
use hoering::attachment::FileKind;
use leptos::prelude::*;

/// "PDF", "Word", … as a reader knows the kinds.
pub fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "PDF",
        FileKind::Docx | FileKind::Doc => "Word",
        FileKind::Odt => "LibreOffice",
        FileKind::Xlsx => "Excel",
        FileKind::Jpeg => "JPEG",
        FileKind::Png => "PNG",
    }
}

/// "340 kB", "1,2 MB": whole kilobytes below a megabyte, one decimal above.
pub fn size_text(locale: Locale, bytes: i64) -> String {
    let bytes = bytes.max(0) as u64;
    if bytes < 1_000_000 {
        let kb = bytes.div_ceil(1_000).max(1) as usize;
        return td_string!(locale, file_size_kb, size = format_count(locale, kb)).to_string();
    }
    let tenths = (bytes + 50_000) / 100_000;
    let size = format!(
        "{}{}{}",
        format_count(locale, (tenths / 10) as usize),
        td_string!(locale, doc_decimal_symbol),
        tenths % 10
    );
    td_string!(locale, file_size_mb, size = size).to_string()
}

/// The list of a response's files, each a download link (or, on a receipt, the name alone).
#[component]
pub fn AttachmentList(files: Vec<AttachmentView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    (!files.is_empty()).then(|| {
        view! {
            <div class="attachments">
                <p class="attachments-head"><strong>{t!(i18n, attachments_heading)}</strong></p>
                <ul>
                    {files.into_iter().map(|f| {
                        let about = format!("{}, {}", kind_name(f.kind), size_text(locale, f.size));
                        let name = if f.url.is_empty() {
                            view! { <span class="file-name" dir="auto">{f.name}</span> }.into_any()
                        } else {
                            view! { <a class="file-name" href=f.url download="" dir="auto">{f.name}</a> }.into_any()
                        };
                        view! { <li>{name} " " <span class="muted">"(" {about} ")"</span></li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        crate::plurals::install();
        assert_eq!(size_text(Locale::da, 1), "1 kB");
        assert_eq!(size_text(Locale::da, 340_200), "341 kB");
        assert_eq!(size_text(Locale::da, 1_234_567), "1,2 MB");
        assert_eq!(size_text(Locale::en, 1_234_567), "1.2 MB");
        assert_eq!(size_text(Locale::en, 26_214_400), "26.2 MB");
    }
}
