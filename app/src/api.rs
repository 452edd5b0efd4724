//! What every capability's server functions share (each capability's `api.rs` holds its own):
//! the server's [`Backend`](crate::backend::Backend), the opaque error the browser gets, and the
//! role check that runs before any argument is used.
//!
//! Writes (sending a response, logging in, moderating) are plain HTML form posts handled by the
//! server, so they work without JavaScript; server functions only read.

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::backend::{BackendError, SharedBackend};
    use leptos::prelude::*;

    pub fn backend() -> Result<SharedBackend, ServerFnError> {
        use_context::<SharedBackend>()
            .ok_or_else(|| ServerFnError::ServerError("no backend in context".into()))
    }

    /// Logs the cause and hands the browser an opaque error.
    pub fn opaque(err: BackendError) -> ServerFnError {
        tracing::error!(error = %err, "server function failed");
        ServerFnError::ServerError("internal error".into())
    }

    /// The backend's answer to a read; a failure is logged and the browser gets the opaque
    /// error.
    pub async fn read<T>(
        answer: impl Future<Output = Result<T, BackendError>>,
    ) -> Result<T, ServerFnError> {
        answer.await.map_err(opaque)
    }

    /// The backend, for staff who may do `what` (see [`require`]).
    pub async fn staff_backend(
        what: hoering::staff::Permission,
    ) -> Result<SharedBackend, ServerFnError> {
        require(what).await?;
        backend()
    }

    pub async fn user() -> Result<Option<crate::auth::CurrentUser>, ServerFnError> {
        let parts = use_context::<http::request::Parts>();
        match parts {
            Some(parts) => read(backend()?.current_user(&parts)).await,
            None => Ok(None),
        }
    }

    /// A refusal with its status (`401`, `403`) for the browser, and a word of why.
    pub fn refuse(status: http::StatusCode, why: &str) -> ServerFnError {
        if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(status);
        }
        ServerFnError::ServerError(why.into())
    }

    /// Staff-only functions answer `401` to anyone without a session and `403` to a role that
    /// may not do `what`.
    pub async fn require(
        what: hoering::staff::Permission,
    ) -> Result<crate::auth::CurrentUser, ServerFnError> {
        match user().await? {
            Some(u) if u.role.may(what) => Ok(u),
            Some(_) => Err(refuse(http::StatusCode::FORBIDDEN, "forbidden")),
            None => Err(refuse(http::StatusCode::UNAUTHORIZED, "unauthorized")),
        }
    }
}
