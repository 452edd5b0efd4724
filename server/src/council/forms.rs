//! The admin's council forms: a new council, a member added (or made chair), a member removed.
//! Only users with the council role can be members.

use super::{add_member, db as council_db};
use crate::auth::{Permission, require_staff};
use crate::web::AppState;
use crate::web::error::{WebError, WebResult, finish};
use crate::web::redirect::see_other;
use app::model::FormEcho;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use hoering::council::{CouncilName, CouncilSlug};
use http::{HeaderMap, StatusCode};
use std::collections::BTreeMap;

type Fields = BTreeMap<String, String>;

fn get(f: &Fields, k: &str) -> String {
    f.get(k).map(|v| v.trim().to_string()).unwrap_or_default()
}

fn again(fields: &Fields, field: &str, code: &str) -> WebError {
    let mut values = fields.clone();
    values.remove("csrf");
    WebError::form(
        app::routes::COUNCILS,
        FormEcho {
            values,
            errors: [(field.to_string(), code.to_string())].into(),
            preview: None,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

async fn admin(state: &AppState, headers: &HeaderMap, fields: &Fields) -> Result<(), WebError> {
    require_staff(
        state,
        headers,
        Permission::ManageCouncils,
        Some(&get(fields, "csrf")),
        app::routes::COUNCILS,
    )
    .await
    .map(|_| ())
}

/// `POST /admin/raad`: a new council by its name.
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result: WebResult = async {
        admin(&state, &headers, &fields).await?;
        let name = CouncilName::parse(&get(&fields, "name"))
            .map_err(|e| again(&fields, "name", app::forms::error_code(&e)))?;
        let slug = CouncilSlug::from_name(&name).map_err(|_| again(&fields, "name", "invalid"))?;
        council_db::create(&state.db.pool, slug.as_str(), name.as_str())
            .await
            .map_err(|e| WebError::internal("creating a council failed", e))?
            .ok_or_else(|| again(&fields, "name", "taken"))?;
        Ok(see_other(app::routes::COUNCILS))
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/raad/{slug}/medlemmer`: a council-role user joins (or is made chair).
pub async fn add(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result: WebResult = async {
        admin(&state, &headers, &fields).await?;
        let email = get(&fields, "email").to_lowercase();
        let chair = get(&fields, "chair") == "on";
        match add_member(&state.db.pool, &slug, &email, chair).await {
            Ok(()) => Ok(see_other(app::routes::COUNCILS)),
            Err(e) => match e.field() {
                Some((field, code)) => {
                    let mut typed = fields.clone();
                    typed.insert("council".into(), slug.clone());
                    Err(again(&typed, field, code))
                }
                None => Err(WebError::internal("adding a council member failed", e)),
            },
        }
    }
    .await;
    finish(&state, &headers, result).await
}

/// `POST /admin/raad/{slug}/medlemmer/fjern`: a member leaves the council.
pub async fn remove(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let result: WebResult = async {
        admin(&state, &headers, &fields).await?;
        let pool = &state.db.pool;
        let council = council_db::by_slug(pool, &slug)
            .await
            .map_err(|e| WebError::internal("loading a council failed", e))?
            .ok_or_else(WebError::not_found)?;
        let email = get(&fields, "email");
        let user = crate::auth::db::find_credentials(pool, &email)
            .await
            .map_err(|e| WebError::internal("loading a user failed", e))?
            .ok_or_else(WebError::not_found)?
            .0;
        council_db::remove_member(pool, council.id, user.id)
            .await
            .map_err(|e| WebError::internal("removing a council member failed", e))?;
        Ok(see_other(app::routes::COUNCILS))
    }
    .await;
    finish(&state, &headers, result).await
}
