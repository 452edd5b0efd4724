//! The clerks' notat forms: write or change a bemærkning, approve one (never one's own),
//! and set the case facts. Publishing (every bemærkning at once, as an edition of the notat)
//! is `notat::edition::publish`.

use super::db::{self as notat_db, PointFacts};
use crate::auth::Staff;
use crate::state::AppState;
use crate::web::clerk::hearing_and_clerk;
use crate::web::error::{WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::see_other;
use axum::extract::{Path, State};
use hoering::notat::{
    PointFraming, Remark, RemarkFields, RemarkTarget, RemarkText, SetAsideReason,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A bemærkning as the editor posts it: new on a `response` (its whole campaign `group`, or
/// the `quote`d passage), or a change to `remark`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RemarkForm {
    back: String,
    remark: Line,
    response: Line,
    group: Line,
    quote: Line,
    /// The version and block the outcome points at, as `version|block`.
    change: Line,
    outcome: Line,
    section: Line,
    remark_text: String,
    summary: String,
}

/// A second clerk's approval of the bemærkning `remark_id` (given back, so the page shows
/// a refusal by that bemærkning).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ApproveForm {
    back: String,
    remark_id: Line,
}

/// The notat's case number, where the hearing was announced, the clerk's summary of the main
/// themes and the administration's recommendation.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CaseForm {
    back: String,
    case_number: Line,
    announced: String,
    notat_summary: String,
    recommendation: String,
}

/// A response set aside without a bemærkning for `reason`, or taken back (`reason` empty).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SetAsideForm {
    back: String,
    response: Line,
    reason: Line,
}

/// `POST /admin/hoeringer/{slug}/bemaerkninger`: a new bemærkning on a response, its whole
/// campaign group, or a passage of it; or (with `remark`) a change to one.
pub async fn write(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<RemarkForm>,
) -> WebResult {
    let (hearing, user, _) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_notat).await?;
    let pool = &state.db.pool;
    let existing = match form.remark.parse::<i64>() {
        Ok(id) => Some(
            notat_db::by_id(pool, hearing.id, id)
                .await?
                .ok_or_else(WebError::not_found)?,
        ),
        Err(_) => None,
    };
    let response: Option<i64> = match &existing {
        Some(row) => Some(row.response_id),
        None => form.response.parse().ok(),
    };
    let editor = match (&existing, response) {
        (Some(row), _) => app::routes::remark_editor(&slug, None, false, Some(row.id)),
        (None, Some(r)) => {
            app::routes::remark_editor(&slug, Some(r), form.group.as_str() == "1", None)
        }
        (None, None) => return Err(WebError::not_found()),
    };

    let (version, block) = form.change.split_once('|').unwrap_or(("", ""));
    let fields = RemarkFields {
        text: form.remark_text.clone(),
        outcome: form.outcome.to_string(),
        version: version.to_owned(),
        block: block.to_owned(),
    };
    let mut errors = BTreeMap::new();
    let content = fields
        .parse()
        .map_err(|e| {
            for (field, code) in e {
                // The picker is one field on the page.
                let field = match field.as_str() {
                    "version" | "block" => "change".to_owned(),
                    "text" => "remark_text".to_owned(),
                    _ => field,
                };
                errors.insert(field, code);
            }
        })
        .ok();
    let summary = RemarkText::parse(&form.summary)
        .map_err(|e| {
            errors.insert("summary".into(), e.code().to_owned());
        })
        .ok();
    let section = form.section.as_str();
    if !section.is_empty() && !section.bytes().all(|b| b.is_ascii_digit()) {
        errors.insert("section".into(), "invalid".into());
    }

    let target = match (&existing, response) {
        (Some(_), _) => None,
        (None, Some(id)) => {
            let Some(row) = crate::response::db::by_ids(pool, hearing.id, &[id])
                .await?
                .into_iter()
                .find(|r| r.shown.source == "response")
            else {
                return Err(WebError::not_found());
            };
            let quote = form.quote.as_str();
            if form.group.as_str() == "1" {
                let members = crate::response::pages::group_of(pool, hearing.id, id).await?;
                Some(RemarkTarget::Group(members))
            } else if quote.is_empty() {
                Some(RemarkTarget::Response(id))
            } else {
                match hoering::privacy::find_passage(&row.shown.text, quote) {
                    Ok(range) => Some(RemarkTarget::Passage {
                        response: id,
                        start: range.start,
                        end: range.end,
                    }),
                    Err(e) => {
                        errors.insert("quote".into(), e.code().to_owned());
                        None
                    }
                }
            }
        }
        (None, None) => None,
    };
    let (Some(content), Some(summary), true) = (content, summary, errors.is_empty()) else {
        return Err(WebError::refused(&editor, &form, errors));
    };
    let facts = PointFacts {
        section,
        summary: summary.as_str(),
    };
    let id = match existing {
        Some(row) => {
            let members: Vec<i64> = notat_db::memberships(pool, hearing.id)
                .await?
                .into_iter()
                .filter(|(r, _)| *r == row.id)
                .map(|(_, m)| m)
                .collect();
            let before = row.to_core(&members)?;
            let framing = |section: &str, summary: &str| PointFraming {
                section: section.to_owned(),
                summary: summary.to_owned(),
            };
            let edited = hoering::notat::edit(
                &before,
                &framing(&row.section, &row.summary),
                user,
                content,
                &framing(facts.section, facts.summary),
            )
            .map_err(|refusal| {
                WebError::refused(&editor, &form, one_error("remark_text", refusal.code()))
            })?;
            notat_db::update(pool, row.id, &before, &edited, &facts).await?;
            row.id
        }
        None => {
            let Some(target) = target else {
                return Err(WebError::not_found());
            };
            let remark = Remark::draft(target, content, user);
            notat_db::insert(pool, hearing.id, &remark, &facts).await?
        }
    };
    Ok(see_other(&format!(
        "{}#bemaerkning-{id}",
        app::routes::admin_notat(&slug)
    )))
}

/// `POST /admin/hoeringer/{slug}/bemaerkninger/{id}/godkend`: a second clerk's approval.
pub async fn approve(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    staff: Staff,
    Form(form): Form<ApproveForm>,
) -> WebResult {
    let (hearing, user, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_notat).await?;
    let pool = &state.db.pool;
    let row = notat_db::by_id(pool, hearing.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let remark = row.to_core(&[])?;
    let at = crate::db::now();
    hoering::notat::approve(&remark, user, at)
        .map_err(|refusal| WebError::refused(&back, &form, one_error("remark", refusal.code())))?;
    notat_db::approve(pool, id, user, at).await?;
    Ok(see_other(&format!("{back}#bemaerkning-{id}")))
}

/// `POST /admin/hoeringer/{slug}/hoeringsnotat/sag`: the case number and the announcement.
pub async fn case_facts(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<CaseForm>,
) -> WebResult {
    let (hearing, _, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_notat).await?;
    let case_number = form.case_number.as_str();
    let announced = form.announced.trim();
    let summary = form.notat_summary.trim();
    let recommendation = form.recommendation.trim();
    let mut errors = BTreeMap::new();
    if case_number.chars().count() > 60 || case_number.chars().any(char::is_control) {
        errors.insert("case_number".into(), "invalid".into());
    }
    if announced.chars().count() > 1_000 {
        errors.insert("announced".into(), "too_long".into());
    }
    for (field, text) in [
        ("notat_summary", summary),
        ("recommendation", recommendation),
    ] {
        if text.chars().count() > RemarkText::MAX_CHARS {
            errors.insert(field.into(), "too_long".into());
        }
    }
    if !errors.is_empty() {
        return Err(WebError::refused(&back, &form, errors));
    }
    let pool = &state.db.pool;
    notat_db::set_case_facts(pool, hearing.id, case_number, announced).await?;
    notat_db::set_notat_texts(pool, hearing.id, summary, recommendation).await?;
    Ok(see_other(&format!("{back}#sag")))
}

/// `POST /admin/hoeringer/{slug}/hoeringsnotat/til-side`: a response set aside without a
/// bemærkning (it is listed in the notat with the reason), or taken back.
pub async fn set_aside(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    Form(form): Form<SetAsideForm>,
) -> WebResult {
    let (hearing, user, back) =
        hearing_and_clerk(&state, staff, &slug, &form.back, app::routes::admin_notat).await?;
    let Ok(response) = form.response.parse::<i64>() else {
        return Err(WebError::not_found());
    };
    let reason =
        match form.reason.as_str() {
            "" => None,
            code => Some(SetAsideReason::parse(code).ok_or_else(|| {
                WebError::refused(&back, &form, one_error("set_aside", "invalid"))
            })?),
        };
    notat_db::set_aside(&state.db.pool, hearing.id, response, reason, user).await?;
    Ok(see_other(&format!("{back}#uden-bemaerkning")))
}
