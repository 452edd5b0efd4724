//! Pieces every page shares: the page frame, dates in the reader's language, form fields with
//! their errors, and the HTTP status of a server-rendered page.

pub mod attachment;
pub mod block_search;
pub mod fields;
pub mod import;
pub mod lists;
pub mod meeting;
pub mod notat;
pub mod page;
pub mod response;
pub mod staff;
pub mod version;

use crate::i18n::*;
use hoering::document::BlockKind;
use hoering::response::Publication;
use hoering::response::SenderKind;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Sets the HTTP status of the page being rendered on the server (a no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(opts), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        opts.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// The frame around every page: skip link, header, language choice, main landmark, footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // The municipality comes from the server's configuration, shared with the browser so the
    // hydrated header says the same.
    let site = leptos::prelude::SharedValue::new(|| {
        use_context::<crate::site::Site>().unwrap_or_default()
    })
    .into_inner();
    // The municipality's name is Danish: isolated, so a right-to-left page does not split it.
    let municipality = (!site.municipality.trim().is_empty()).then(|| {
        let name = site.municipality.trim().to_string();
        view! { " · " <bdi lang="da">{name}</bdi> }
    });
    // The logo sits beside the site's name, which says the same in words: it is decoration.
    let logo = site
        .logo
        .then(|| view! { <img class="site-logo" src="/logo" alt="" /> });
    let theme = site
        .theme
        .then(|| view! { <leptos_meta::Stylesheet id="tema" href="/tema.css" /> });
    let contact = (!site.contact.trim().is_empty())
        .then(|| view! { <p class="site-contact">{site.contact.trim().to_string()}</p> });
    let links = (!site.links.is_empty()).then(|| {
        view! {
            <ul class="footer-links">
                {site
                    .links
                    .iter()
                    .map(|l| view! { <li><a href=l.href.clone() rel="external">{l.label.clone()}</a></li> })
                    .collect_view()}
            </ul>
        }
    });
    let accessibility = site.privacy.accessibility_url.clone().map(|href| {
        view! { " · " <a href=href rel="external">{t!(i18n, footer_accessibility)}</a> }
    });
    view! {
        {theme}
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-name" href="/" rel="external">
                    {logo}
                    {t!(i18n, site_name)}
                    {municipality}
                </a>
                <nav aria-label=move || t_string!(i18n, nav_label)>
                    <ul class="nav-list">
                        <li>
                            <a href="/" rel="external">{t!(i18n, nav_hearings)}</a>
                        </li>
                        <li>
                            <a href="/politikker">{t!(i18n, nav_policies)}</a>
                        </li>
                    </ul>
                    // The language links are plain links, so the choice also works without
                    // JavaScript: the server sets the cookie and sends the reader back. Each
                    // language is named in itself, from its own catalogue.
                    <ul class="language-list" aria-label=move || t_string!(i18n, language_choice_label)>
                        {move || {
                            let current = i18n.get_locale();
                            Locale::get_all()
                                .iter()
                                .map(|&locale| {
                                    let code = locale.as_str();
                                    let here = (locale == current).then_some("true");
                                    view! {
                                        <li>
                                            <a href=format!("/sprog/{code}") rel="external" hreflang=code lang=code aria-current=here>{td_string!(locale, lang_name)}</a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </nav>
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                {contact}
                {links}
                <p>{t!(i18n, footer_text)}</p>
                <p>
                    <a href="/admin" rel="external">{t!(i18n, footer_staff)}</a>
                    " · "
                    <a href="/api/v1/hearings" rel="external">{t!(i18n, footer_open_data)}</a>
                </p>
                <p>
                    <a href="/privatliv">{t!(i18n, privacy_title)}</a>
                    " · "
                    <a href="/cookies">{t!(i18n, cookies_title)}</a>
                    {accessibility}
                </p>
            </div>
        </footer>
    }
}

/// On a page in any language but Danish: the draft is in Danish, and a response may be written
/// in any language. (The draft itself carries `lang="da"`, so screen readers read it as Danish.)
#[component]
pub fn DanishDraftNotice() -> impl IntoView {
    let i18n = use_i18n();
    (i18n.get_locale_untracked() != Locale::da).then(|| {
        view! { <p class="notice language-notice">{t!(i18n, draft_in_danish_notice)}</p> }
    })
}

/// `lang` for what the municipality writes (drafts, titles, minutes, the notat): always Danish,
/// whatever the page's language (WCAG 3.1.2, language of parts), so a screen reader in an
/// English page reads it with Danish pronunciation. Set on every page (redundant, and harmless,
/// in a Danish one) so the markup does not depend on the reader's language.
pub const DANISH: &str = "da";

/// `lang` and `dir` for text a person wrote (a response, a comment, meeting input), from the
/// core's cheap guess at its language; `None` when it cannot tell, so the text takes the
/// page's language as before rather than a wrong one.
pub fn text_lang(text: &str) -> (Option<&'static str>, Option<&'static str>) {
    use hoering::language::TextLanguage;
    match hoering::language::detect(text) {
        Some(l) => (
            Some(l.code()),
            Some(if l == TextLanguage::Arabic {
                "rtl"
            } else {
                "ltr"
            }),
        ),
        None => (None, None),
    }
}

pub use crate::dates::{iso_minute, long_date, long_date_time, time_span};

/// A hearing's published responses in the reader's words, by source: "3 offentliggjorte
/// høringssvar · 4 input fra dialogmøder", or "Ingen offentliggjorte svar". The home page, the
/// policy's page, the hearing's page and its result all count with this, from the same counts.
pub fn published_counts(locale: Locale, counts: hoering::response::PublicCounts) -> String {
    if counts.total() == 0 {
        return td_string!(locale, no_responses_yet).to_string();
    }
    let responses =
        td_string!(locale, public_count_responses, count = counts.responses).to_string();
    if counts.meeting_input == 0 {
        return responses;
    }
    let input = td_string!(
        locale,
        public_count_meeting_input,
        count = counts.meeting_input
    )
    .to_string();
    format!("{responses} · {input}")
}

/// A whole number with the reader's thousands separator: 20.000 in Danish, 20,000 in English.
pub fn format_count(locale: Locale, n: usize) -> String {
    let digits = n.to_string();
    let sep = td_string!(locale, number_thousands_separator);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A block number as a reader cites it: "2.3", "2.3, punkt 1", "Note 1". Every page, list and
/// select words a block's number with this, from the core's reading of it
/// ([`hoering::document::BlockNumberParts`]), so a list item is never "3.4.1" in one place and
/// "3.4, punkt 1" in another.
pub fn block_label(locale: Locale, number: &str) -> String {
    use hoering::document::{BlockNumber, BlockNumberParts};
    match number.parse::<BlockNumber>().map(|b| b.parts()) {
        Ok(BlockNumberParts::Footnote { note }) => {
            td_string!(locale, block_label_note, n = note).to_string()
        }
        Ok(BlockNumberParts::ListItem {
            section,
            position,
            item,
        }) => td_string!(
            locale,
            block_label_item,
            section = section,
            paragraph = position,
            item = item
        )
        .to_string(),
        Ok(BlockNumberParts::Block { .. }) | Err(_) => number.to_string(),
    }
}

/// The translated name of a sender kind.
pub fn sender_kind_label(i18n: I18nContext<Locale>, kind: SenderKind) -> &'static str {
    match kind {
        SenderKind::Private => t_string!(i18n, sender_private),
        SenderKind::Company => t_string!(i18n, sender_company),
        SenderKind::Association => t_string!(i18n, sender_association),
        SenderKind::Council => t_string!(i18n, sender_council),
        SenderKind::Authority => t_string!(i18n, sender_authority),
        SenderKind::WorkCouncil => t_string!(i18n, sender_work_council),
    }
}

pub fn publication_label(i18n: I18nContext<Locale>, publication: Publication) -> &'static str {
    match publication {
        Publication::WithName => t_string!(i18n, publication_with_name),
        Publication::Anonymous => t_string!(i18n, publication_anonymous),
        Publication::NotPublished => t_string!(i18n, publication_not_published),
    }
}

pub fn state_label(
    i18n: I18nContext<Locale>,
    state: hoering::hearing::HearingState,
) -> &'static str {
    use hoering::hearing::HearingState;
    match state {
        HearingState::Upcoming => t_string!(i18n, state_upcoming),
        HearingState::Open => t_string!(i18n, state_open),
        HearingState::Closed => t_string!(i18n, state_closed),
    }
}

/// Where a response stands in moderation: "Afventer", "Offentliggjort", "Tilbageholdt".
pub fn moderation_label(
    i18n: I18nContext<Locale>,
    status: hoering::response::ModerationStatus,
) -> &'static str {
    use hoering::response::ModerationStatus;
    match status {
        ModerationStatus::Published => t_string!(i18n, status_published),
        ModerationStatus::Withheld => t_string!(i18n, status_withheld),
        ModerationStatus::Pending => t_string!(i18n, status_pending),
    }
}

/// The error message under a field, tied to it by `aria-describedby`.
#[component]
pub fn FieldError(id: String, message: Signal<Option<String>>) -> impl IntoView {
    // The hidden prefix tells a screen reader this is an error, in the reader's language.
    let i18n = use_i18n();
    view! {
        {move || {
            message
                .get()
                .map(|m| {
                    view! {
                        <p class="field-error" id=id.clone()>
                            <span class="visually-hidden">{t_string!(i18n, error_prefix)}</span>
                            {m}
                        </p>
                    }
                })
        }}
    }
}

/// Shown while a page's data loads after a client-side navigation.
pub fn loading_view() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }
}

pub fn error_view() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="error-box" role="alert">{t!(i18n, error_generic)}</p> }
}

/// Escapes text for HTML (the core's one escape). Leptos writes a `<textarea>`'s children
/// unescaped (it treats them as raw text), so user text bound for a textarea goes through here
/// and in via `inner_html`.
pub use hoering::document::escape_html;

/// Percent-encodes a value for a URL query.
pub fn encode_query(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The text the reader has selected on the page, if any (always `None` on the server).
pub fn selected_text() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let text = window()
            .get_selection()
            .ok()
            .flatten()?
            .to_string()
            .as_string()?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        return (!text.is_empty()).then_some(text);
    }
    #[allow(unreachable_code)]
    None
}

/// The number of the draft's block whose text holds the start of the reader's selection, and
/// the selected words (always `None` on the server). Blocks are `.block` elements with the id
/// `b-{number}`; a selection in a block's actions or outside the draft is not a quote.
pub fn selected_block_text() -> Option<(String, String)> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let node = window().get_selection().ok().flatten()?.anchor_node()?;
        let element = match node.dyn_ref::<leptos::web_sys::Element>() {
            Some(e) => e.clone(),
            None => node.parent_element()?,
        };
        element.closest(".block-body").ok().flatten()?;
        let id = element.closest(".block").ok().flatten()?.id();
        let number = id.strip_prefix("b-")?.to_string();
        return selected_text().map(|text| (number, text));
    }
    #[allow(unreachable_code)]
    None
}

/// A block's content in the element that gives it its meaning: the core hands out the inner HTML
/// (already sanitised), the page decides the wrapper.
pub fn block_html(kind: BlockKind, html: &str) -> String {
    match kind {
        BlockKind::Paragraph => format!("<p>{html}</p>"),
        BlockKind::Table => format!("<table>{html}</table>"),
        BlockKind::BlockQuote => format!("<blockquote>{html}</blockquote>"),
        BlockKind::Code => format!("<pre><code>{html}</code></pre>"),
        _ => html.to_string(),
    }
}

/// Pages of `per_page` needed for `total` items (at least one).
pub fn page_count(total: i64, per_page: u32) -> u32 {
    let per = i64::from(per_page.max(1));
    u32::try_from((total + per - 1) / per)
        .unwrap_or(u32::MAX)
        .max(1)
}
