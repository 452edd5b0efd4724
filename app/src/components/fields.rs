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

    /// What the reader typed, or `default` when nothing came back.
    fn value_or(&self, name: &str, default: String) -> String {
        match self.value(name) {
            v if v.is_empty() => default,
            v => v,
        }
    }

    /// What the reader typed (or `default`), and the field's ids and error; `hint`: whether it
    /// has a hint.
    fn filled(&self, name: &str, default: String, hint: bool) -> (String, Field) {
        (self.value_or(name, default), self.field(name, hint))
    }

    /// A field's ids and error; `hint`: whether it has a hint.
    fn field(&self, name: &str, hint: bool) -> Field {
        let id = format!("{}-{name}", self.prefix);
        let error = self.error(name);
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let described = described_by(error.is_some(), hint, &error_id, &hint_id);
        let invalid = error.as_ref().map(|_| "true");
        Field {
            id,
            error,
            error_id,
            hint_id,
            described,
            invalid,
        }
    }
}

/// A field's id, its error in the reader's language, and the ids its input names.
struct Field {
    id: String,
    error: Option<String>,
    error_id: String,
    hint_id: String,
    described: Option<String>,
    invalid: Option<&'static str>,
}

impl Field {
    /// The label, then the hint (when there is one) and the error, above the input.
    fn head(&self, label: &'static str, hint: Option<&'static str>) -> impl IntoView + use<> {
        view! {
            <label for=self.id.clone()>{label}</label>
            {self.notes(hint)}
        }
    }

    /// The hint (when there is one) and the error, above the input.
    fn notes(&self, hint: Option<&'static str>) -> impl IntoView + use<> {
        let hint_id = self.hint_id.clone();
        let error = self.error.clone();
        view! {
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <FieldError id=self.error_id.clone() message=Signal::derive(move || error.clone()) />
        }
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
    let (value, field) = form.filled(name, default, hint.is_some());
    view! {
        <div class="field">
            {field.head(label, hint)}
            <input
                id=field.id.clone()
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                aria-invalid=field.invalid
                aria-describedby=field.described.clone()
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
    let (value, field) = form.filled(name, default, hint.is_some());
    view! {
        <div class="field">
            {field.head(label, hint)}
            <textarea id=field.id.clone() name=name rows=rows required=required aria-invalid=field.invalid aria-describedby=field.described.clone()>{value}</textarea>
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
    let chosen = form.value_or(name, default.to_string());
    let Field {
        id,
        error,
        error_id,
        described,
        ..
    } = form.field(name, false);
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
    let checked = form.value(name) == "on";
    let field = form.field(name, hint.is_some());
    let (id, invalid, described) = (field.id.clone(), field.invalid, field.described.clone());
    view! {
        <div class="field">
            {field.notes(hint)}
            <div class="choice">
                <input type="checkbox" id=id.clone() name=name checked=checked aria-invalid=invalid aria-describedby=described />
                <label for=id>{label}</label>
            </div>
        </div>
    }
}
