//! The clerk's page of a dialogue meeting: recording the input given at the tables, fast and by
//! keyboard alone, the sign-up list with who came, and the minutes.

use super::parts::{AttendanceTable, seats_text};
use crate::components::block_search::BlockSearch;
use crate::components::fields::{CheckField, FormState, TextArea};
use crate::components::lists::{captioned_table, none_or};
use crate::components::page::{found_or, route_id};
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::components::{FieldError, block_label};
use crate::forms::FormEcho;
use crate::i18n::*;
use crate::meeting::AdminSignup;
use crate::meeting::BlockChoice;
use crate::meeting::RecordedInput;
use crate::meeting::admin_meeting;
use crate::routes;
use hoering::meeting::{ParticipantGroup, SignupStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminMeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let id = route_id("id");
    let user = session();
    let data = Resource::new(id, admin_meeting);
    staff_form_page(user, move |user, echo, locale| async move {
        let v = found_or(data.await)?;
        let card = v.meeting.card.clone();
        let q = query.get_untracked();
        let last_group = q.get("gruppe").unwrap_or_default();
        let last_table = q.get("bord").unwrap_or_default();
        Ok(view! {
            <Title text=card.title.clone() />
            <LogoutForm user=user.clone() />
            <p class="eyebrow">
                <a href="/admin">{t!(i18n, admin_title)}</a> " · "
                <a lang="da" dir="ltr" href=routes::admin_policy(&card.policy_slug)>{card.policy_title.clone()}</a>
            </p>
            <h1 lang="da" dir="ltr">{card.title.clone()}</h1>
            <p>
                {crate::dates::time_span(locale, card.starts_at, card.ends_at)} " · " {card.place.clone()} " · "
                <a href=routes::meeting(card.id)>{td_string!(locale, admin_meeting_the_meeting_s_public_page)}</a>
            </p>
            <p>{seats_text(locale, &card)}</p>
            {v.invitation.clone().map(|link| view! {
                <p class="hint">
                    {td_string!(locale, admin_meeting_the_meeting_is_by_invitation_only_label)}
                    <a href=link.clone()>{td_string!(locale, admin_meeting_invitation_link)}</a>
                </p>
            })}
            <InputForm
                meeting=card.id
                csrf=user.csrf.clone()
                blocks=v.blocks.clone()
                inputs=v.inputs.clone()
                echo=echo.clone()
                last_group=last_group
                last_table=last_table
            />
            <Signups meeting=card.id csrf=user.csrf.clone() signups=v.signups.clone() echo=echo.clone() />
            {(!v.meeting.attendance.is_empty()).then(|| view! {
                <AttendanceTable counts=v.meeting.attendance.clone() />
            })}
            <Minutes meeting=card.id csrf=user.csrf.clone() minutes=v.minutes.clone() published=v.minutes_published echo=echo.clone()
                file=v.minutes_file.clone()
                names=v.signups.iter().map(|s| s.signup.name.clone()).collect() />
        }.into_any())
    })
}

/// What the server answers a script that recorded an input: the entry, or the field errors.
#[derive(Debug, Clone, serde::Deserialize)]
struct StoredInput {
    id: i64,
    block_number: Option<String>,
    group: String,
    table: Option<String>,
    text: String,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
struct InputRefused {
    #[serde(default)]
    errors: std::collections::BTreeMap<String, String>,
}

/// The input form. Without JavaScript it is a plain form: the block is a select (type its
/// number to jump to it), and the page comes back ready for the next entry. With JavaScript the
/// block field searches as you type (number or words, the core's `find_blocks`), Ctrl+Enter in
/// the text saves, and the entry is saved without leaving the page, focus back on the block.
#[island]
pub fn InputForm(
    meeting: i64,
    csrf: String,
    blocks: Vec<BlockChoice>,
    inputs: Vec<RecordedInput>,
    echo: FormEcho,
    last_group: String,
    last_table: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let value = |field: &str, fallback: &str| match echo.value(field) {
        v if v.is_empty() => fallback.to_string(),
        v => v,
    };
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // The search field replaces the select once hydrated; focus stays where autofocus put it.
    Effect::new(move |_| {
        if hydrated.get() {
            #[cfg(feature = "hydrate")]
            request_animation_frame(|| focus("input-block"));
        }
    });
    let block = RwSignal::new(value("block", ""));
    let group = RwSignal::new(value("group", &last_group));
    let table = RwSignal::new(value("table", &last_table));
    let text = RwSignal::new(echo.value("text"));
    let errors = RwSignal::new(echo.errors.clone());
    let recorded = RwSignal::new(inputs);
    let announcement = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let pairs = StoredValue::new(
        blocks
            .iter()
            .map(|b| (b.number.clone(), b.text.clone()))
            .collect::<Vec<_>>(),
    );
    let csrf = StoredValue::new(csrf);
    let message = move |field: &'static str| {
        Signal::derive(move || {
            errors
                .get()
                .get(field)
                .map(|code| crate::forms::error_message(i18n, field, code))
        })
    };
    let invalid =
        move |field: &'static str| move || errors.get().contains_key(field).then_some("true");
    let described = move |field: &'static str, id: &'static str| {
        move || errors.get().contains_key(field).then_some(id)
    };
    let save = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let body = [
            ("csrf", csrf.get_value()),
            ("block", block.get_untracked()),
            ("group", group.get_untracked()),
            ("table", table.get_untracked()),
            ("text", text.get_untracked()),
        ]
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::components::encode_query(v)))
        .collect::<Vec<_>>()
        .join("&");
        let url = routes::meeting_input(meeting);
        leptos::task::spawn_local(async move {
            match post_for_json(&url, body).await {
                Ok((201, reply)) => match serde_json::from_str::<StoredInput>(&reply) {
                    Ok(stored) => {
                        let said = stored
                            .block_number
                            .clone()
                            .map(|n| {
                                format!(
                                    "{} {}",
                                    td_string!(locale, admin_meeting_paragraph),
                                    block_label(locale, &n)
                                )
                            })
                            .unwrap_or_else(|| {
                                td_string!(locale, admin_meeting_the_whole_draft).to_string()
                            });
                        announcement.set(format!(
                            "{} {said}.",
                            td_string!(locale, admin_meeting_saved_label)
                        ));
                        recorded.update(|r| {
                            r.insert(
                                0,
                                RecordedInput {
                                    id: stored.id,
                                    block_number: stored.block_number,
                                    group: ParticipantGroup::parse(&stored.group),
                                    table: stored.table,
                                    text: stored.text,
                                },
                            )
                        });
                        errors.set(Default::default());
                        block.set(String::new());
                        text.set(String::new());
                        focus("input-block");
                    }
                    Err(_) => announcement.set(
                        td_string!(locale, admin_meeting_the_server_s_answer_could_not).into(),
                    ),
                },
                Ok((_, reply)) => {
                    let refused: InputRefused = serde_json::from_str(&reply).unwrap_or_default();
                    if refused.errors.is_empty() {
                        announcement.set(
                            td_string!(locale, admin_meeting_the_input_was_not_saved_try).into(),
                        );
                    } else {
                        let first = ["block", "text", "group"]
                            .into_iter()
                            .find(|f| refused.errors.contains_key(*f))
                            .unwrap_or("block");
                        errors.set(refused.errors);
                        announcement.set(
                            td_string!(locale, admin_meeting_the_input_was_not_saved_correct)
                                .into(),
                        );
                        focus(&format!("input-{first}"));
                    }
                }
                Err(()) => announcement
                    .set(td_string!(locale, admin_meeting_no_connection_to_the_server_the).into()),
            }
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="input">
            <h2 id="input">{td_string!(locale, admin_meeting_record_input_from_the_tables)}</h2>
            <p class="hint" id="input-how">{move || if hydrated.get() {
                td_string!(locale, admin_meeting_type_the_paragraph_s_number_or)
            } else {
                td_string!(locale, admin_meeting_pick_the_paragraph_type_its_number)
            }}</p>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
            <form
                method="post"
                action=routes::meeting_input(meeting)
                class="admin-form meeting-input-form"
                on:submit=move |ev| {
                    if hydrated.get_untracked() {
                        ev.prevent_default();
                        save();
                    }
                }
            >
                <input type="hidden" name="csrf" value=move || csrf.get_value() />
                <div class="field combobox-field">
                    <label for="input-block">{td_string!(locale, search_paragraph)}</label>
                    <FieldError id="input-block-error".to_string() message=message("block") />
                    <BlockSearch
                        id="input-block"
                        name="block"
                        pairs=pairs
                        block=block
                        hydrated=hydrated
                        invalid=Signal::derive(move || errors.get().contains_key("block").then_some("true"))
                        described=Signal::derive(move || errors.get().contains_key("block").then(|| "input-block-error".to_string()))
                        autofocus=true
                    />
                </div>
                <div class="field">
                    <label for="input-text">{td_string!(locale, admin_meeting_input)}</label>
                    <FieldError id="input-text-error".to_string() message=message("text") />
                    <textarea
                        id="input-text"
                        name="text"
                        rows="3"
                        aria-invalid=invalid("text")
                        aria-describedby=described("text", "input-text-error")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                                ev.prevent_default();
                                save();
                            }
                        }
                    >{text.get_untracked()}</textarea>
                </div>
                <div class="field">
                    <label for="input-group">{td_string!(locale, admin_meeting_group)}</label>
                    <FieldError id="input-group-error".to_string() message=message("group") />
                    <select id="input-group" name="group" aria-invalid=invalid("group") aria-describedby=described("group", "input-group-error")
                        on:change=move |ev| group.set(event_target_value(&ev))>
                        {ParticipantGroup::ALL.into_iter().map(|g| view! {
                            <option value=g.as_str() selected=g.as_str() == group.get_untracked()>{crate::names::group(locale, g)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="input-table">{td_string!(locale, admin_meeting_table_or_group)}</label>
                    <input id="input-table" name="table" type="text" autocomplete="off"
                        value=table.get_untracked()
                        prop:value=move || table.get()
                        on:input=move |ev| table.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button" disabled=move || busy.get()>{td_string!(locale, admin_meeting_save_input)}</button>
            </form>
            <h3>{move || td_string!(locale, admin_meeting_recorded_count, count = recorded.with(Vec::len)).to_string()}</h3>
            <ol class="recorded-inputs" reversed=true>
                <For
                    each=move || recorded.get()
                    key=|i| i.id
                    children=move |i: RecordedInput| view! {
                        <li>
                            <strong>{i.block_number.as_deref().map(|n| format!("{} {}", td_string!(locale, search_paragraph), block_label(locale, n))).unwrap_or_else(|| td_string!(locale, whole_draft).to_string())}</strong>
                            " · " {i.group.map(|g| crate::names::group(locale, g)).unwrap_or_default()}
                            {i.table.clone().map(|t| view! { " · " {t} })}
                            <p lang=crate::components::text_lang(&i.text).0 dir=crate::components::text_lang(&i.text).1>{i.text.clone()}</p>
                        </li>
                    }
                />
            </ol>
        </section>
    }
}

/// Moves focus to the element with this id (in the browser).
fn focus(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    let _ = id;
}

/// Posts a form body as a script would and returns the status and text of the answer.
#[cfg(feature = "hydrate")]
async fn post_for_json(url: &str, body: String) -> Result<(u16, String), ()> {
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use leptos::web_sys::{Headers, Request, RequestInit, Response};
    let headers = Headers::new().map_err(|_| ())?;
    headers
        .set("Content-Type", "application/x-www-form-urlencoded")
        .map_err(|_| ())?;
    headers.set("Accept", "application/json").map_err(|_| ())?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&body));
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| ())?;
    let answer = wasm_bindgen_futures::JsFuture::from(window().fetch_with_request(&request))
        .await
        .map_err(|_| ())?;
    let answer: Response = answer.dyn_into().map_err(|_| ())?;
    let text = wasm_bindgen_futures::JsFuture::from(answer.text().map_err(|_| ())?)
        .await
        .map_err(|_| ())?
        .as_string()
        .unwrap_or_default();
    Ok((answer.status(), text))
}

/// On the server the form is never sent by script.
#[cfg(not(feature = "hydrate"))]
async fn post_for_json(_url: &str, _body: String) -> Result<(u16, String), ()> {
    Err(())
}

#[component]
fn Signups(meeting: i64, csrf: String, signups: Vec<AdminSignup>, echo: FormEcho) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    // A refused form comes back with the ticks it had ("came": ids, comma-separated).
    let came_error = echo.message(i18n, "came");
    let ticked: Option<Vec<String>> = came_error
        .is_some()
        .then(|| echo.value("came").split(',').map(str::to_string).collect());
    let came_invalid = came_error.as_ref().map(|_| "true");
    let status_name = move |s: SignupStatus| match s {
        SignupStatus::Seated => td_string!(locale, admin_meeting_signed_up),
        SignupStatus::Waiting => td_string!(locale, admin_meeting_waiting_list),
        SignupStatus::Cancelled => td_string!(locale, admin_meeting_cancelled),
    };
    let empty = signups.is_empty();
    view! {
        <section aria-labelledby="fremmoede">
            <h2 id="fremmoede">{td_string!(locale, admin_meeting_sign_ups_and_attendance)}</h2>
            <p><a href=routes::meeting_csv(meeting) download="">{td_string!(locale, admin_meeting_download_the_list_for_the_door)}</a></p>
            {none_or(empty, td_string!(locale, admin_meeting_nobody_has_signed_up_yet), || view! {
                <form method="post" action=routes::meeting_attendance(meeting)>
                    <input type="hidden" name="csrf" value=csrf />
                    <FieldError id="came-error".to_string() message=Signal::derive(move || came_error.clone()) />
                    {captioned_table(
                        td_string!(locale, admin_meeting_sign_ups),
                        [td_string!(locale, admin_meeting_came), td_string!(locale, label_name), td_string!(locale, admin_meeting_group), td_string!(locale, admin_meeting_needs), td_string!(locale, admin_meeting_state)],
                        signups.into_iter().map(|s| {
                            let cancelled = s.signup.status == SignupStatus::Cancelled;
                            let box_id = format!("came-{}", s.id);
                            let checked = match &ticked {
                                Some(ids) => ids.contains(&s.id.to_string()),
                                None => s.attended,
                            };
                            let mut needs = Vec::new();
                            if let Some(l) = &s.signup.needs.interpreter { needs.push(format!("{} {l}", td_string!(locale, admin_meeting_interpreter_label))); }
                            if s.signup.needs.step_free { needs.push(td_string!(locale, admin_meeting_step_free_access).to_string()); }
                            if let Some(o) = &s.signup.needs.other { needs.push(o.clone()); }
                            let who = match &s.signup.organisation {
                                Some(o) => format!("{} ({o})", s.signup.name),
                                None => s.signup.name.clone(),
                            };
                            view! {
                                <tr>
                                    <td><input type="checkbox" id=box_id.clone() name="came" value=s.id.to_string() checked=checked disabled=cancelled
                                        aria-invalid=came_invalid aria-describedby=came_invalid.map(|_| "came-error") /></td>
                                    <td><label for=box_id>{who}</label><br /><span class="muted">{s.signup.email.clone()}</span></td>
                                    <td>{crate::names::group(locale, s.signup.group)}</td>
                                    <td>{needs.join("; ")}</td>
                                    <td>{status_name(s.signup.status)}</td>
                                </tr>
                            }
                        }).collect_view()
                    )}
                    <button type="submit" class="button">{td_string!(locale, admin_meeting_save_attendance)}</button>
                </form>
            })}
        </section>
    }
}

#[component]
fn Minutes(
    meeting: i64,
    csrf: String,
    minutes: String,
    published: bool,
    echo: FormEcho,
    /// The sign-ups' names, which the check of personal data looks for in particular.
    names: Vec<String>,
    /// The minutes as a file, if one was saved.
    file: Option<crate::moderation::AdminAttachment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    // Held back for personal data: what the check found, and the box to save it anyway. The
    // page runs the server's check again on the text that came back.
    let found = (echo.error("minutes").as_deref() == Some("personal_data")).then(|| {
        let known: Vec<&str> = names.iter().map(String::as_str).collect();
        hoering::privacy::detect_with_names(&echo.value("minutes"), &known)
    });
    // What the check found in a file sent with the minutes (the server says; the file itself
    // must be chosen again).
    let file_found: Vec<String> = echo
        .value("file_found")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let file_error = echo
        .error("minutes_file")
        .map(|code| crate::forms::error_message(i18n, "minutes_file", &code));
    let file_invalid = file_error.as_ref().map(|_| "true");
    let file_held = echo.error("minutes_file").as_deref() == Some("personal_data");
    let mut form = FormState {
        echo,
        prefix: "referat",
    };
    if published && !form.echo.values.contains_key("minutes") {
        form.echo.values.insert("publish".into(), "on".into());
    }
    view! {
        <section aria-labelledby="referat">
            <h2 id="referat">{td_string!(locale, admin_meeting_minutes)}</h2>
            <form method="post" action=routes::meeting_minutes(meeting) enctype="multipart/form-data" class="admin-form">
                <input type="hidden" name="csrf" value=csrf />
                <TextArea form=form.clone() name="minutes" label=td_string!(locale, admin_meeting_minutes_markdown) default=minutes rows=10
                    hint=td_string!(locale, admin_meeting_never_write_citizens_names_in_the) />
                {file.map(|f| {
                    let notes = crate::moderation::items::file_notes(locale, &f);
                    view! {
                        <div class="field">
                            <p>{td_string!(locale, minutes_file_current)} " "
                                <a class="file-name" href=f.file.url.clone() download="" dir="auto">{f.file.name.clone()}</a>
                                " " <span class="muted">"(" {crate::components::attachment::kind_name(f.file.kind)} ", "
                                {crate::components::attachment::size_text(locale, f.file.size)} ")"</span>
                                {notes.into_iter().map(|n| view! { <br /><span class="notice-inline">{n}</span> }).collect_view()}
                            </p>
                            <div class="field choice">
                                <input type="checkbox" id="referat-remove_file" name="remove_file" />
                                <label for="referat-remove_file">{td_string!(locale, minutes_file_remove)}</label>
                            </div>
                        </div>
                    }
                })}
                <div class="field">
                    <label for="referat-minutes_file">{td_string!(locale, label_minutes_file)}</label>
                    <p class="hint" id="referat-minutes_file-hint">{td_string!(locale, hint_minutes_file)}</p>
                    <FieldError id="referat-minutes_file-error".to_string() message=Signal::derive(move || file_error.clone()) />
                    <input type="file" id="referat-minutes_file" name="minutes_file" accept=".pdf,application/pdf,.docx,.odt,.doc"
                        aria-invalid=file_invalid
                        aria-describedby=if file_invalid.is_some() { "referat-minutes_file-hint referat-minutes_file-error" } else { "referat-minutes_file-hint" } />
                </div>
                {(file_held && !file_found.is_empty()).then(|| view! {
                    <div class="notice" id="referat-fil-fund">
                        <p>{td_string!(locale, admin_meeting_the_check_found)}</p>
                        <ul>{file_found.into_iter().map(|t| view! { <li><mark>{t}</mark></li> }).collect_view()}</ul>
                        <div class="field choice">
                            <input type="checkbox" id="referat-fil-confirm_personal" name="confirm_personal" />
                            <label for="referat-fil-confirm_personal">{td_string!(locale, admin_meeting_confirm_personal_data)}</label>
                        </div>
                    </div>
                })}
                {found.map(|flags| view! {
                    <div class="notice" id="referat-fund">
                        <p>{td_string!(locale, admin_meeting_the_check_found)}</p>
                        <ul>
                            {flags.into_iter().map(|f| view! {
                                <li>{crate::moderation::items::flag_label(locale, f.kind)} ": " <mark>{f.text}</mark></li>
                            }).collect_view()}
                        </ul>
                        <div class="field choice">
                            <input type="checkbox" id="referat-confirm_personal" name="confirm_personal" />
                            <label for="referat-confirm_personal">{td_string!(locale, admin_meeting_confirm_personal_data)}</label>
                        </div>
                    </div>
                })}
                <CheckField form=form name="publish" label=td_string!(locale, admin_meeting_publish_the_minutes_on_the_meeting) />
                <button type="submit" class="button">{td_string!(locale, admin_meeting_save_the_minutes)}</button>
            </form>
        </section>
    }
}
