//! The skeleton most pages share: the route's parameters, waiting for the page's data (a page
//! about one thing found by its address), and what stands instead of the page when its data is
//! missing or could not be read.

use crate::components::{error_view, loading_view, set_status};
use crate::forms::{FormEcho, form_echo};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Serialize, de::DeserializeOwned};
use std::future::Future;

/// The page's data once loaded; meanwhile the loading text. The page gives either its own view
/// or, as its error, the one that stands instead (login prompt, not found, error box), so that
/// each check is one `?`.
pub fn suspended<F, Fut>(page: F) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, AnyView>> + Send + 'static,
{
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let page = page();
                Suspend::new(async move { page.await.unwrap_or_else(|instead| instead) })
            }}
        </Suspense>
    }
}

/// [`suspended`] for a page with a form: the page also gets the echo of a form posted back to
/// it, and the reader's locale.
pub fn suspended_form<F, Fut>(page: F) -> impl IntoView
where
    F: Fn(FormEcho, Locale) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, AnyView>> + Send + 'static,
{
    let i18n = use_i18n();
    let echo = form_echo();
    suspended(move || page(echo.clone(), i18n.get_locale_untracked()))
}

/// A page about one thing: `key` says which (from the address), `fetch` reads it, and the page is
/// made of it in the reader's locale; "not found" or the error box stands instead where
/// [`found_or`] says so.
pub fn page_about<K, T, Fetched, F, Fut>(
    key: impl Fn() -> K + Send + Sync + 'static,
    fetch: impl Fn(K) -> Fetched + Send + Sync + 'static,
    page: F,
) -> impl IntoView
where
    K: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fetched: Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
    F: Fn(T, Locale) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, AnyView>> + Send + 'static,
{
    let i18n = use_i18n();
    let data = Resource::new(key, fetch);
    suspended(move || {
        let page = page.clone();
        async move {
            let locale = i18n.get_locale_untracked();
            page(found_or(data.await)?, locale).await
        }
    })
}

/// The thing asked for, or what to show instead: "not found" (404) when there is no such thing,
/// the error box when it could not be read.
pub fn found_or<T>(data: Result<Option<T>, ServerFnError>) -> Result<T, AnyView> {
    match data {
        Ok(Some(found)) => Ok(found),
        Ok(None) => Err(not_found()),
        Err(_) => Err(error_view().into_any()),
    }
}

/// The heading that stands instead of a page whose subject does not exist, with its 404.
pub fn not_found() -> AnyView {
    set_status(404);
    let i18n = use_i18n();
    view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any()
}

/// "Not found" (404) with a line that says what is missing.
pub fn not_found_saying(what: impl IntoView + 'static) -> AnyView {
    set_status(404);
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, not_found_title)}</h1>
        <p>{what}</p>
    }
    .into_any()
}

/// [`not_found_saying`] on a page of its own, which also names it in the window's title.
pub fn not_found_page(what: impl IntoView + 'static) -> AnyView {
    let i18n = use_i18n();
    view! {
        <leptos_meta::Title text=move || t_string!(i18n, not_found_title).to_string() />
        {not_found_saying(what)}
    }
    .into_any()
}

/// The data, or the error box when it could not be read.
pub fn loaded_or<T>(data: Result<T, ServerFnError>) -> Result<T, AnyView> {
    data.map_err(|_| error_view().into_any())
}

/// A route parameter as text; empty when the route has none (the server then finds nothing).
pub fn route_param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// A route parameter that is a database id; 0, which no row has, when it is not a number.
pub fn route_id(name: &'static str) -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get(name)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    }
}

/// The page number asked for in the query (`?side=…`); the first page when absent or nonsense.
pub fn query_page() -> impl Fn() -> u32 + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query
            .read()
            .get(crate::routes::PAGE)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    }
}

/// A query parameter as text; empty when absent.
pub fn query_param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get(name).unwrap_or_default()
}

/// A query parameter that chooses something (`?vis=…`): `None` when absent or empty.
pub fn query_choice(
    name: &'static str,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get(name).filter(|v| !v.is_empty())
}

/// A query parameter that is a database id: `None` when absent or not a number.
pub fn query_id(name: &'static str) -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get(name).and_then(|v| v.parse::<i64>().ok())
}
