//! The notat pages' server functions: each a thin call into the server's backend.

use crate::notat::AdminNotatView;
use crate::notat::RemarkEditorView;
use crate::notat::ResultView;

#[cfg(feature = "ssr")]
use crate::api::ssr;
use leptos::prelude::*;

/// One of our languages by its code (`da`, `en`, `ar`, `uk`); Danish for anything else.
#[cfg(feature = "ssr")]
fn locale_of(code: &str) -> crate::i18n::Locale {
    crate::messages::locale_by_code(code).unwrap_or(crate::i18n::Locale::da)
}

/// The clerks' høringsnotat page: bemærkninger, approvals, publication, downloads.
#[server(prefix = "/_fn", endpoint = "admin_notat")]
pub async fn admin_notat(slug: String) -> Result<Option<AdminNotatView>, ServerFnError> {
    let user = ssr::require(hoering::staff::Permission::ReadAdmin).await?;
    ssr::read(ssr::backend()?.admin_notat(&slug, &user.email)).await
}

#[server(prefix = "/_fn", endpoint = "remark_editor")]
pub async fn remark_editor(
    slug: String,
    response: Option<i64>,
    group: bool,
    remark: Option<i64>,
) -> Result<Option<RemarkEditorView>, ServerFnError> {
    let user = ssr::require(hoering::staff::Permission::Moderate).await?;
    ssr::read(ssr::backend()?.remark_editor(&slug, response, group, remark, &user.email)).await
}

/// An edition of the published høringsnotat (`None`: the latest), exactly as it was
/// published; no edition shown until the first is published. Never compiled anew: the public
/// reads what was published.
#[server(prefix = "/_fn", endpoint = "notat_edition")]
pub async fn notat_edition(
    slug: String,
    number: Option<i64>,
) -> Result<Option<crate::notat::edition::EditionPage>, ServerFnError> {
    ssr::read(ssr::backend()?.edition(&slug, number)).await
}

/// "I sagde – vi gjorde": what was said, what changed, and the answers once published.
#[server(prefix = "/_fn", endpoint = "hearing_result")]
pub async fn hearing_result(
    slug: String,
    locale: String,
) -> Result<Option<ResultView>, ServerFnError> {
    ssr::read(ssr::backend()?.result(&slug, locale_of(&locale))).await
}
