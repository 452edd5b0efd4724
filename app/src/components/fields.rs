//! Form fields with their label, hint and error tied together for screen readers, filled with
//! what the reader typed when the server sent the form back.

use crate::components::FieldError;
use crate::forms::FormEcho;
use crate::i18n::*;
use leptos::prelude::*;

/// What a form needs to refill itself: the echo and the prefix of its field ids.
#[derive(Clone)]
pub struct FormState {
    pub echo: FormEcho,
    pub prefix: &'static str,
}

impl FormState {
    pub fn value(&self, name: &str) -> String {
        self.echo.value(name)
    }

    fn error(&self, name: &str) -> Option<String> {
        let i18n = use_i18n();
        self.echo
            .error(name)
            .map(|code| crate::forms::error_message(i18n, name, &code))
    }
}

/// The ids a field's `aria-describedby` names: its error (when there is one) and its hint.
fn described_by(error: bool, hint: bool, error_id: &str, hint_id: &str) -> Option<String> {
    let ids: Vec<&str> = [(error, error_id), (hint, hint_id)]
        .into_iter()
        .filter_map(|(on, id)| on.then_some(id))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A one-line input.
#[component]
pub fn TextField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] default: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = format!("{}-{name}", form.prefix);
    let error = form.error(name);
    let value = match form.value(name) {
        v if v.is_empty() => default,
        v => v,
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = described_by(error.is_some(), hint.is_some(), &error_id, &hint_id);
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <FieldError id=error_id message=Signal::derive(move || error.clone()) />
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                aria-invalid=invalid
                aria-describedby=described
            />
        </div>
    }
}

/// A multi-line input.
#[component]
pub fn TextArea(
    form: FormState,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] default: String,
    #[prop(optional)] required: bool,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("{}-{name}", form.prefix);
    let error = form.error(name);
    let value = match form.value(name) {
        v if v.is_empty() => default,
        v => v,
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = described_by(error.is_some(), hint.is_some(), &error_id, &hint_id);
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <FieldError id=error_id message=Signal::derive(move || error.clone()) />
            <textarea id=id name=name rows=rows required=required aria-invalid=invalid aria-describedby=described>{value}</textarea>
        </div>
    }
}

/// A group of radio buttons in a fieldset; `options` are (value, label).
#[component]
pub fn RadioGroup(
    form: FormState,
    name: &'static str,
    legend: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional)] default: &'static str,
) -> impl IntoView {
    let id = format!("{}-{name}", form.prefix);
    let error = form.error(name);
    let chosen = match form.value(name) {
        v if v.is_empty() => default.to_string(),
        v => v,
    };
    let error_id = format!("{id}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    view! {
        <fieldset class="field" aria-describedby=described>
            <legend>{legend}</legend>
            <FieldError id=error_id message=Signal::derive(move || error.clone()) />
            {options.into_iter().enumerate().map(|(i, (value, label))| {
                let option_id = format!("{id}-{i}");
                view! {
                    <div class="choice">
                        <input type="radio" id=option_id.clone() name=name value=value checked=chosen == value />
                        <label for=option_id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// One checkbox, posted as "on" when ticked.
#[component]
pub fn CheckField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("{}-{name}", form.prefix);
    let error = form.error(name);
    let checked = form.value(name) == "on";
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = described_by(error.is_some(), hint.is_some(), &error_id, &hint_id);
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <div class="field">
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <FieldError id=error_id message=Signal::derive(move || error.clone()) />
            <div class="choice">
                <input type="checkbox" id=id.clone() name=name checked=checked aria-invalid=invalid aria-describedby=described />
                <label for=id>{label}</label>
            </div>
        </div>
    }
}
