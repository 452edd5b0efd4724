//! The privacy notice (`/privatliv`) and the cookie page (`/cookies`): what personal data the
//! site keeps, why, for how long, and the reader's rights, with the municipality's own facts
//! from the configuration (its name, the data-protection officer, the retention period).

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

/// The installation's facts; server-rendered only (no island), so read where they are.
fn site() -> crate::site::Site {
    use_context::<crate::site::Site>().unwrap_or_default()
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let site = site();
    let municipality = if site.municipality.trim().is_empty() {
        td_string!(locale, privacy_the_municipality).to_string()
    } else {
        site.municipality.trim().to_string()
    };
    let months = td_string!(
        locale,
        retention_months_option,
        count = site.privacy.retention_months
    )
    .to_string();
    let dpo = if site.privacy.dpo.is_empty() {
        site.contact.trim().to_string()
    } else {
        site.privacy.dpo.clone()
    };
    let title = td_string!(locale, privacy_title).to_string();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{td_string!(locale, privacy_controller, municipality = municipality.clone()).to_string()}</p>

        <h2>{td_string!(locale, privacy_what_heading)}</h2>
        <ul>
            <li>{td_string!(locale, privacy_what_response)}</li>
            <li>{td_string!(locale, privacy_what_meeting)}</li>
            <li>{td_string!(locale, privacy_what_question)}</li>
            <li>{td_string!(locale, privacy_what_address)}</li>
        </ul>

        <h2>{td_string!(locale, privacy_purpose_heading)}</h2>
        <p>{td_string!(locale, privacy_purpose)}</p>
        <h2>{td_string!(locale, privacy_basis_heading)}</h2>
        <p>{td_string!(locale, privacy_basis)}</p>

        <h2>{td_string!(locale, privacy_who_heading)}</h2>
        <p>{td_string!(locale, privacy_who)}</p>

        <h2>{td_string!(locale, privacy_how_long_heading)}</h2>
        <ul>
            <li>{td_string!(locale, privacy_how_long_senders, period = months).to_string()}</li>
            <li>{td_string!(locale, privacy_how_long_meetings)}</li>
            <li>{td_string!(locale, privacy_how_long_mail)}</li>
            <li>{td_string!(locale, privacy_how_long_address)}</li>
        </ul>

        <h2>{td_string!(locale, privacy_rights_heading)}</h2>
        <p>{td_string!(locale, privacy_rights)}</p>
        <p>{td_string!(locale, privacy_receipt_link)}</p>
        <p>
            {td_string!(locale, privacy_complaint)} " "
            <a href="https://www.datatilsynet.dk" rel="external">"datatilsynet.dk"</a>
        </p>

        <h2>{td_string!(locale, privacy_contact_heading)}</h2>
        {if dpo.is_empty() {
            view! { <p>{td_string!(locale, privacy_contact_municipality, municipality = municipality).to_string()}</p> }.into_any()
        } else {
            view! {
                <p>{td_string!(locale, privacy_contact_dpo)}</p>
                <p class="site-contact"><bdi lang="da">{dpo}</bdi></p>
            }.into_any()
        }}
        <p><a href="/cookies">{td_string!(locale, cookies_title)}</a></p>
    }
}

#[component]
pub fn CookiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let title = td_string!(locale, cookies_title).to_string();
    let row = |name: &'static str, purpose: &'static str, lasts: &'static str| {
        view! {
            <tr>
                <th scope="row"><code>{name}</code></th>
                <td>{purpose}</td>
                <td>{lasts}</td>
            </tr>
        }
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{td_string!(locale, cookies_intro)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(locale, cookies_caption)>
            <table>
                <caption>{td_string!(locale, cookies_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, cookies_name)}</th>
                        <th scope="col">{td_string!(locale, cookies_purpose)}</th>
                        <th scope="col">{td_string!(locale, cookies_lasts)}</th>
                    </tr>
                </thead>
                <tbody>
                    {row("i18n_pref_locale", td_string!(locale, cookies_language), td_string!(locale, cookies_language_lasts))}
                    {row("hoering_session", td_string!(locale, cookies_session), td_string!(locale, cookies_session_lasts))}
                    {row("hoering_oidc", td_string!(locale, cookies_sign_in), td_string!(locale, cookies_sign_in_lasts))}
                </tbody>
            </table>
        </div>
        <p>{td_string!(locale, cookies_no_consent)}</p>
        <p><a href="/privatliv">{td_string!(locale, privacy_title)}</a></p>
    }
}
