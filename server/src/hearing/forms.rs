//! The clerk's new hearing: preview or create, from pasted or uploaded Markdown.

use super::{HearingFields, prepare};
use crate::auth::Permission;
use crate::auth::Staff;
use crate::state::AppState;
use crate::web::error::{WebError, WebResult};
use crate::web::redirect::see_other;
use crate::web::upload::read_staff_draft;
use app::forms::FormEcho;
use app::hearing::BlockView;
use app::hearing::HearingPreview;
use app::hearing::SectionView;
use axum::extract::{Multipart, State};
use http::StatusCode;
use std::collections::BTreeMap;

const PAGE: &str = "/admin/hoeringer/ny";

pub async fn create_hearing(
    State(state): State<AppState>,
    staff: Staff,
    multipart: Multipart,
) -> WebResult {
    create(&state, staff, multipart).await
}

/// The draft as the preview shows it.
pub fn preview_of(doc: &hoering::document::Document) -> HearingPreview {
    let view = |b: &hoering::document::Block| BlockView {
        id: b.id.as_str().to_string(),
        number: b.number.as_str(),
        kind: b.kind,
        html: b.html.clone(),
        published_responses: 0,
    };
    HearingPreview {
        title: doc.title.clone(),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionView {
                number: s.number,
                level: s.level,
                heading: s.heading.clone(),
                blocks: s.blocks.iter().map(view).collect(),
            })
            .collect(),
        footnotes: doc.footnotes.iter().map(view).collect(),
        left_out: None,
    }
}

async fn create(state: &AppState, staff: Staff, multipart: Multipart) -> WebResult {
    let draft = read_staff_draft(staff, multipart, Permission::CreateHearing).await?;
    let get = |k: &str| draft.get(k);
    let input = HearingFields {
        markdown: draft.markdown.clone(),
        title: get("title"),
        slug: get("slug"),
        committee: get("committee"),
        contact: get("contact"),
        opens: get("opens"),
        closes: get("closes"),
    };
    // "N hverdage": the deadline counted in working days from the opening day, when no
    // deadline is typed.
    let mut input = input;
    let mut day_errors = BTreeMap::new();
    let working_days = get("working_days").trim().to_string();
    if !working_days.is_empty() && input.closes.trim().is_empty() {
        match (
            working_days.parse::<u32>(),
            hoering::hearing::parse_date(&input.opens),
        ) {
            (Ok(n), Ok(opens)) if n > 0 => {
                input.closes = state
                    .calendar
                    .deadline_after_working_days(opens, n)
                    .to_string();
            }
            (Ok(n), Err(_)) if n > 0 => {
                day_errors.insert("opens".to_string(), "required".to_string());
            }
            _ => {
                day_errors.insert("working_days".to_string(), "invalid".to_string());
            }
        }
    }
    let values: BTreeMap<String, String> = [
        ("working_days", working_days.clone()),
        ("markdown", input.markdown.clone()),
        ("title", input.title.clone()),
        ("slug", input.slug.clone()),
        ("committee", input.committee.clone()),
        ("contact", input.contact.clone()),
        ("opens", input.opens.clone()),
        ("closes", input.closes.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    // Without dates the policy is stored as a draft: its road starts in Udarbejdelse.
    let prepared = prepare(&input, false);
    let mut draft_errors = draft.errors.clone();
    draft_errors.extend(day_errors);
    let again = |errors: BTreeMap<String, String>, preview, status| {
        WebError::form(
            PAGE,
            FormEcho {
                values: values.clone(),
                errors,
                preview,
            },
            status,
        )
    };
    let status_for = |errors: &BTreeMap<String, String>| {
        if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    };
    // A draft read from Word is always shown before it is stored: the clerk checks what
    // came along and what did not.
    if get("action") == "preview" || draft.imported.is_some() {
        let (mut preview, mut errors) = match &prepared {
            Ok(h) => (Some(preview_of(&h.document)), BTreeMap::new()),
            Err(rejected) => (
                rejected.document.as_ref().map(preview_of),
                rejected.errors.clone(),
            ),
        };
        if let Some(p) = preview.as_mut() {
            p.left_out = draft.imported.clone();
        }
        // A preview only complains about the draft itself; the rest may be filled in later.
        errors.retain(|k, _| k == "markdown");
        errors.extend(draft_errors.clone());
        let status = status_for(&errors);
        return Err(again(errors, preview, status));
    }
    let new = match prepared {
        Ok(new) if draft_errors.is_empty() => new,
        Ok(new) => {
            return Err(again(
                draft_errors.clone(),
                Some(preview_of(&new.document)),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        Err(rejected) => {
            let mut errors = rejected.errors;
            errors.extend(draft_errors.clone());
            return Err(again(
                errors,
                rejected.document.as_ref().map(preview_of),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    match crate::policy::db::store_draft(&state.db.pool, &new, &draft.actor).await {
        // A draft without dates has no hearing yet: its road's page is where it goes on.
        Ok(Some(_)) => Ok(see_other(&app::routes::admin_hearing(new.slug.as_ref()))),
        Ok(None) => Ok(see_other(&app::routes::admin_policy(new.slug.as_ref()))),
        Err(crate::policy::db::StoreError::SlugTaken(_)) => Err(again(
            [("slug".to_string(), "taken".to_string())].into(),
            Some(preview_of(&new.document)),
            StatusCode::CONFLICT,
        )),
        Err(e) => Err(WebError::internal("storing a hearing failed", e)),
    }
}
