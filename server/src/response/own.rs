//! The sender's own page, as plain form posts from the receipt link: change the text or the
//! publication choice, or withdraw, while the hearing is open; after the deadline, ask for the
//! name to be erased. The receipt's long random token is the sender's key; the core says what
//! is allowed when ([`hoering::response::own`]). Every act is journaled, without the text.

use super::db::{self as response_db, OwnRow};
use crate::auth::Staff;
use crate::db::now;
use crate::state::AppState;
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::redirect::{safe_target, see_other};
use axum::extract::{Path, State};
use hoering::hearing::HearingWindow;
use hoering::response::own::{Erasure, OwnAction, OwnResponse};
use hoering::response::{Publication, ResponseText};
use serde::{Deserialize, Serialize};

impl OwnRow {
    /// What the core's rule needs, as of now.
    pub fn own(&self) -> OwnResponse {
        let at = |s| jiff::Timestamp::from_second(s).ok();
        let now = jiff::Timestamp::from_second(now()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let open = at(self.opens_at)
            .zip(at(self.closes_at))
            .and_then(|(o, c)| HearingWindow::new(o, c).ok())
            .is_some_and(|w| w.is_open_at(now));
        OwnResponse {
            open,
            withdrawn: self.withdrawn_at.is_some(),
            erasure: Erasure::parse(&self.erasure).unwrap_or(Erasure::Asked),
        }
    }
}

/// The receipt page the sender comes from and goes back to.
fn receipt_page(token: &str) -> String {
    format!("/kvittering/{token}")
}

/// The sender's response by the token in the address, and the action checked against the
/// rule; a refusal goes back to the page with the rule's reason at the top of the sender's
/// section (the form it came from may no longer be offered).
async fn allowed(
    state: &AppState,
    token: &str,
    action: OwnAction,
    form: &impl Serialize,
) -> Result<OwnRow, WebError> {
    let own = response_db::own_by_token(&state.db.pool, token)
        .await?
        .ok_or_else(WebError::not_found)?;
    own.own()
        .may(action)
        .map_err(|r| WebError::refused(&receipt_page(token), form, one_error("own", r.as_str())))?;
    Ok(own)
}

/// The changed response: its new text and publication choice.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ChangeForm {
    text: String,
    publication: Line,
}

/// `POST /kvittering/{token}/ret`.
pub async fn change(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<ChangeForm>,
) -> WebResult {
    let own = allowed(&state, &token, OwnAction::Change, &form).await?;
    let page = receipt_page(&token);
    let mut errors = FieldErrors::new();
    let text = ResponseText::parse(&form.text)
        .map_err(|e| errors.insert("text".into(), e.code().into()))
        .ok();
    let publication = Publication::parse(form.publication.as_str())
        .map_err(|e| errors.insert("publication".into(), e.code().into()))
        .ok();
    let (Some(text), Some(publication)) = (text, publication) else {
        return Err(WebError::refused(&page, &form, errors));
    };
    if !response_db::change_by_sender(&state.db.pool, &own, text.as_str(), publication).await? {
        // A clerk changed the text meanwhile (a redaction): the sender sees it and tries again.
        return Err(WebError::refused(&page, &form, one_error("own", "stale")));
    }
    Ok(see_other(&format!("{page}?rettet=1")))
}

/// The withdrawal, confirmed by ticking `confirm`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct WithdrawForm {
    confirm: Line,
}

/// `POST /kvittering/{token}/traek-tilbage`.
pub async fn withdraw(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> WebResult {
    let own = allowed(&state, &token, OwnAction::Withdraw, &form).await?;
    if form.confirm.as_str() != "yes" {
        return Err(WebError::refused(
            &receipt_page(&token),
            &form,
            one_error("withdraw", "confirm"),
        ));
    }
    response_db::withdraw_by_sender(&state.db.pool, own.id).await?;
    Ok(see_other(&receipt_page(&token)))
}

/// `POST /kvittering/{token}/slet-navn`: the request; a clerk decides.
pub async fn ask_erasure(State(state): State<AppState>, Path(token): Path<String>) -> WebResult {
    let own = allowed(&state, &token, OwnAction::AskErasure, &()).await?;
    response_db::ask_erasure(&state.db.pool, own.id).await?;
    Ok(see_other(&receipt_page(&token)))
}

/// A clerk's decision on a sender's request to erase their name: `erase` or `keep`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct DecisionForm {
    back: String,
    /// Given back, so the refusal shows by this response's request.
    response: Line,
    decision: Line,
}

/// `POST /admin/svar/{id}/sletning`.
pub async fn decide_erasure(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    staff: Staff,
    Form(form): Form<DecisionForm>,
) -> WebResult {
    let session = staff.may(crate::auth::Permission::Moderate)?;
    let back = safe_target(&form.back).map_or_else(|| "/admin".to_string(), str::to_string);
    let erase = match form.decision.as_str() {
        "erase" => true,
        "keep" => false,
        _ => {
            return Err(WebError::refused(
                &back,
                &form,
                one_error("erasure", "invalid"),
            ));
        }
    };
    if !response_db::decide_erasure(&state.db.pool, id, erase, session.user.id).await? {
        return Err(WebError::refused(
            &back,
            &form,
            one_error("erasure", "not_asked"),
        ));
    }
    Ok(see_other(&format!("{back}#r-{id}")))
}
