//! A new policy draft with its hearing, as a clerk types it or the command line reads it: every
//! field checked in one place ([`prepare`]) so the form, the command line and the demo agree.

use std::collections::BTreeMap;

use crate::document::{self, Document};
use crate::hearing::{HearingWindow, Slug};
use crate::response::{FieldError, OneLine};

/// A draft may be large, but not unbounded: 2 MB of Markdown is a long book.
pub const MAX_MARKDOWN_BYTES: usize = 2 * 1024 * 1024;

/// At most this many addressable blocks (paragraphs, list items, footnotes) in a draft. The
/// integration policy has about 60; the longest municipal policies a few hundred. Every reader
/// of the hearing page receives every block, and every new version is matched block by block
/// against the last, so a draft of tens of thousands of one-line paragraphs (which fits in
/// 2 MB) would make each page view tens of megabytes: such a text is a data set, not a policy,
/// and belongs in an appendix.
pub const MAX_BLOCKS: usize = 2_000;

/// What a clerk typed (or the command line gave) to create a hearing; every field raw.
#[derive(Debug, Clone, Default)]
pub struct HearingFields {
    pub markdown: String,
    pub title: String,
    pub slug: String,
    pub committee: String,
    pub contact: String,
    pub opens: String,
    pub closes: String,
}

/// A hearing ready to be stored: every part valid.
#[derive(Debug, Clone)]
pub struct NewHearing {
    pub markdown: String,
    pub document: Document,
    pub title: String,
    pub slug: Slug,
    pub committee: String,
    pub contact: String,
    /// Without a window the policy and its text are stored, but no hearing opens yet.
    pub window: Option<HearingWindow>,
    pub version_label: String,
}

/// Field name to error code, as the form shows them.
pub type FieldErrors = BTreeMap<String, String>;

/// Why a hearing cannot be created yet, with the parsed draft (if it parsed) for the preview.
#[derive(Debug)]
pub struct Rejected {
    pub errors: FieldErrors,
    pub document: Option<Document>,
}

/// The code a form shows for a single-line field that breaks the one-line rule.
fn one_line_code(error: FieldError) -> &'static str {
    match error {
        FieldError::Required => "required",
        FieldError::TooLong { .. } => "too_long",
        FieldError::Invalid => "one_line",
    }
}

/// Parses the Markdown (for the preview even when other fields are wrong).
pub fn parse_markdown(markdown: &str) -> Result<Document, &'static str> {
    if markdown.trim().is_empty() {
        return Err("required");
    }
    if markdown.len() > MAX_MARKDOWN_BYTES {
        return Err("too_long");
    }
    let document = document::parse(markdown).map_err(|_| "invalid")?;
    if document.blocks().count() > MAX_BLOCKS {
        return Err("too_many_blocks");
    }
    Ok(document)
}

/// Checks everything; fields left empty are taken from the document's front matter. The window
/// may be left out (both dates empty) only when `window_required` is false.
pub fn prepare(fields: &HearingFields, window_required: bool) -> Result<NewHearing, Box<Rejected>> {
    let mut errors = FieldErrors::new();
    let document = match parse_markdown(&fields.markdown) {
        Ok(d) => Some(d),
        Err(code) => {
            errors.insert("markdown".into(), code.into());
            None
        }
    };
    let fm = document
        .as_ref()
        .map(|d| d.front_matter.clone())
        .unwrap_or_default();
    let pick = |typed: &str, fallback: Option<String>| {
        let typed = typed.trim();
        if typed.is_empty() {
            fallback.unwrap_or_default().trim().to_string()
        } else {
            typed.to_string()
        }
    };
    let title = pick(
        &fields.title,
        fm.title
            .clone()
            .or_else(|| document.as_ref().map(|d| d.title.clone())),
    );
    if let Err(e) = OneLine::parse(&title) {
        errors.insert("title".into(), one_line_code(e).into());
    }
    let slug_text = pick(&fields.slug, fm.slug.clone());
    let slug = if slug_text.is_empty() {
        Slug::from_title(&title).ok()
    } else {
        Slug::parse(&slug_text).ok()
    };
    if slug.is_none() && !title.is_empty() {
        errors.insert("slug".into(), "invalid".into());
    }
    let committee = pick(&fields.committee, fm.committee.clone());
    if let Err(e) = OneLine::parse(&committee) {
        errors.insert("committee".into(), one_line_code(e).into());
    }
    let contact = pick(&fields.contact, fm.contact.clone());
    if let Err(e) = OneLine::parse_optional(&contact) {
        errors.insert("contact".into(), one_line_code(e).into());
    }
    let date = |name: &str, typed: &str, fallback: Option<String>, errors: &mut FieldErrors| {
        let text = pick(typed, fallback);
        if text.is_empty() {
            errors.insert(name.into(), "required".into());
            return None;
        }
        match super::parse_date(&text) {
            Ok(d) => Some(d),
            Err(_) => {
                errors.insert(name.into(), "invalid".into());
                None
            }
        }
    };
    let no_dates = pick(&fields.opens, fm.opens.clone()).is_empty()
        && pick(&fields.closes, fm.closes.clone()).is_empty();
    let skip_window = no_dates && !window_required;
    let opens = if skip_window {
        None
    } else {
        date("opens", &fields.opens, fm.opens.clone(), &mut errors)
    };
    let closes = if skip_window {
        None
    } else {
        date("closes", &fields.closes, fm.closes.clone(), &mut errors)
    };
    let window = match (opens, closes) {
        (Some(o), Some(c)) => match HearingWindow::from_local_dates(o, c) {
            Ok(w) => Some(w),
            Err(_) => {
                errors.insert("closes".into(), "order".into());
                None
            }
        },
        _ => None,
    };
    match (document, slug) {
        (Some(document), Some(slug)) if errors.is_empty() && (window.is_some() || skip_window) => {
            Ok(NewHearing {
                markdown: fields.markdown.clone(),
                document,
                title,
                slug,
                committee,
                contact,
                window,
                version_label: "Høringsudkast".into(),
            })
        }
        (document, _) => Err(Box::new(Rejected { errors, document })),
    }
}
