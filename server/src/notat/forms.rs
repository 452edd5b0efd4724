//! The clerks' notat forms: write or change a bemærkning, approve one (never one's own),
//! set the case facts, and publish every bemærkning at once, telling the respondents.

use super::db::{self as notat_db, PointFacts};
use crate::auth::Staff;
use crate::state::AppState;
use crate::web::error::{WebError, WebResult, finish};
use crate::web::redirect::see_other;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use hoering::notat::{Remark, RemarkFields, RemarkTarget, RemarkText};
use http::HeaderMap;
use std::collections::BTreeMap;

use crate::web::pairs::{Pairs, one};

async fn hearing_and_clerk(
    state: &AppState,
    staff: Staff,
    slug: &str,
    pairs: &Pairs,
) -> Result<(crate::hearing::db::HearingRow, i64, String), WebError> {
    crate::web::pairs::hearing_and_clerk(state, staff, slug, pairs, &app::routes::admin_notat(slug))
        .await
}

fn again(page: &str, pairs: &Pairs, errors: BTreeMap<String, String>) -> WebError {
    WebError::refused(page, pairs.iter().cloned(), errors)
}

/// `POST /admin/hoeringer/{slug}/bemaerkninger`: a new bemærkning on a response, its whole
/// campaign group, or a passage of it; or (with `remark`) a change to one.
pub async fn write(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let result: WebResult = async {
        let (hearing, user, back) = hearing_and_clerk(&state, staff, &slug, &pairs).await?;
        let pool = &state.db.pool;
        let existing = match one(&pairs, "remark").parse::<i64>() {
            Ok(id) => Some(
                notat_db::by_id(pool, hearing.id, id)
                    .await?
                    .ok_or_else(WebError::not_found)?,
            ),
            Err(_) => None,
        };
        let response: Option<i64> = match &existing {
            Some(row) => Some(row.response_id),
            None => one(&pairs, "response").parse().ok(),
        };
        let editor = match (&existing, response) {
            (Some(row), _) => app::routes::remark_editor(&slug, None, false, Some(row.id)),
            (None, Some(r)) => {
                app::routes::remark_editor(&slug, Some(r), one(&pairs, "group") == "1", None)
            }
            (None, None) => return Err(WebError::not_found()),
        };

        let (version, block) = one(&pairs, "change").split_once('|').unwrap_or(("", ""));
        let fields = RemarkFields {
            text: one(&pairs, "remark_text").to_owned(),
            outcome: one(&pairs, "outcome").to_owned(),
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
        let summary = RemarkText::parse(one(&pairs, "summary"))
            .map_err(|e| {
                errors.insert("summary".into(), e.code().to_owned());
            })
            .ok();
        let section = one(&pairs, "section").trim().to_owned();
        if !section.is_empty() && !section.bytes().all(|b| b.is_ascii_digit()) {
            errors.insert("section".into(), "invalid".into());
        }

        let target = match (&existing, response) {
            (Some(_), _) => None,
            (None, Some(id)) => {
                let Some(row) = crate::response::db::by_ids(pool, hearing.id, &[id])
                    .await?
                    .into_iter()
                    .find(|r| r.source == "response")
                else {
                    return Err(WebError::not_found());
                };
                let quote = one(&pairs, "quote");
                if one(&pairs, "group") == "1" {
                    let members = crate::response::pages::group_of(pool, hearing.id, id).await?;
                    Some(RemarkTarget::Group(members))
                } else if quote.trim().is_empty() {
                    Some(RemarkTarget::Response(id))
                } else {
                    match hoering::privacy::find_passage(&row.text, quote) {
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
            return Err(again(&editor, &pairs, errors));
        };
        let facts = PointFacts {
            section: &section,
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
                let edited = hoering::notat::edit(&before, user, content).map_err(|refusal| {
                    again(
                        &editor,
                        &pairs,
                        [("remark_text".to_owned(), refusal.code().to_owned())].into(),
                    )
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
        let _ = back;
        Ok(see_other(&format!(
            "{}#bemaerkning-{id}",
            app::routes::admin_notat(&slug)
        )))
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/hoeringer/{slug}/bemaerkninger/{id}/godkend`: a second clerk's approval.
pub async fn approve(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    staff: Staff,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let result: WebResult = async {
        let (hearing, user, back) = hearing_and_clerk(&state, staff, &slug, &pairs).await?;
        let pool = &state.db.pool;
        let row = notat_db::by_id(pool, hearing.id, id)
            .await?
            .ok_or_else(WebError::not_found)?;
        let remark = row.to_core(&[])?;
        let at = crate::db::now();
        hoering::notat::approve(&remark, user, at).map_err(|refusal| {
            again(
                &back,
                &pairs,
                [("remark".to_owned(), refusal.code().to_owned())].into(),
            )
        })?;
        notat_db::approve(pool, id, user, at).await?;
        Ok(see_other(&format!("{back}#bemaerkning-{id}")))
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/hoeringer/{slug}/hoeringsnotat/sag`: the case number and the announcement.
pub async fn case_facts(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let result: WebResult = async {
        let (hearing, _, back) = hearing_and_clerk(&state, staff, &slug, &pairs).await?;
        let case_number = one(&pairs, "case_number").trim();
        let announced = one(&pairs, "announced").trim();
        let mut errors = BTreeMap::new();
        if case_number.chars().count() > 60 || case_number.chars().any(char::is_control) {
            errors.insert("case_number".into(), "invalid".into());
        }
        if announced.chars().count() > 1_000 {
            errors.insert("announced".into(), "too_long".into());
        }
        if !errors.is_empty() {
            return Err(again(&back, &pairs, errors));
        }
        notat_db::set_case_facts(&state.db.pool, hearing.id, case_number, announced).await?;
        Ok(see_other(&format!("{back}#sag")))
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/hoeringer/{slug}/hoeringsnotat/offentliggoer`: every bemærkning at once, or
/// none while one is still a draft; each answered respondent gets one e-mail with the link.
pub async fn publish(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let result: WebResult = async {
        let (hearing, user, back) = hearing_and_clerk(&state, staff, &slug, &pairs).await?;
        let pool = &state.db.pool;
        let remarks: Vec<Remark> = super::remarks(pool, hearing.id)
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        if remarks.is_empty() {
            return Err(again(
                &back,
                &pairs,
                [("publish".into(), "none".into())].into(),
            ));
        }
        let at = crate::db::now();
        hoering::notat::publish_all(&remarks, at).map_err(|refusal| {
            again(
                &back,
                &pairs,
                [("publish".into(), refusal.code().to_owned())].into(),
            )
        })?;
        let sender = state.outbox.sender.clone();
        let result_path = app::routes::hearing_result(&slug);
        let title = hearing.title.clone();
        let published = notat_db::publish(pool, hearing.id, user, at, &state.outbox, |r| {
            // Each respondent in the language they wrote in, not the clerk's.
            app::mail::texts::remarks_published(
                app::messages::locale_by_code(&r.lang).unwrap_or(app::i18n::Locale::da),
                &sender,
                &hoering::mail::RemarksMail {
                    to: &r.email,
                    name: &r.name,
                    hearing_title: &title,
                    receipt_number: &crate::response::receipt_number(r.id, r.created_at),
                    result_path: &result_path,
                },
            )
        })
        .await?;
        if published > 0 {
            state.outbox.wake();
        }
        Ok(see_other(&format!("{back}#offentliggoer")))
    }
    .await;
    finish(&state, &headers, result).await
}
