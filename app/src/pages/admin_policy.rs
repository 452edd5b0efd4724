//! The clerk's page for one policy: the road with what may be done next (and why not), each
//! step a plain form; planned dates; the public's questions to answer; the road's journal.

use super::admin::{LogoutForm, staff_or};
use super::policy::{Timeline, body_name, refusal_text, say, stage_name, standing};
use crate::api::{admin_policy, get_current_user};
use crate::components::{
    FieldError, error_view, escape_html, form_echo, format_date, loading_view, set_status,
};
use crate::i18n::*;
use crate::model::*;
use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What a step form needs to render: the form's name in the echo, the reader's language, the
/// session's token and the road's revision.
#[derive(Clone)]
struct StepContext {
    slug: String,
    csrf: String,
    revision: i64,
    today: String,
    echo: FormEcho,
}

impl StepContext {
    /// The echo's value for `field`, when the echo came from the form `action`.
    fn value(&self, action: &str, field: &str) -> String {
        if self.echo.value("action") == action {
            self.echo.value(field)
        } else {
            String::new()
        }
    }

    fn error(&self, action: &str, field: &str) -> Option<String> {
        if self.echo.value("action") == action {
            self.echo.error(field)
        } else {
            None
        }
    }
}

#[component]
fn StepField(
    ctx: StepContext,
    action: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] default: String,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{action}-{name}");
    let error = ctx
        .error(action, name)
        .map(|code| crate::forms::error_message(i18n, name, &code));
    let value = match ctx.value(action, name) {
        v if v.is_empty() => default,
        v => v,
    };
    let error_id = format!("{id}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <FieldError id=error_id message=Signal::derive(move || error.clone()) />
            <input id=id name=name type=kind value=value required=required aria-invalid=invalid aria-describedby=described />
        </div>
    }
}

/// The hidden fields every step form carries.
fn hidden(ctx: &StepContext, action: &'static str) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="csrf" value=ctx.csrf.clone() />
        <input type="hidden" name="revision" value=ctx.revision.to_string() />
        <input type="hidden" name="action" value=action />
    }
}

#[component]
fn DecisionForm(
    ctx: StepContext,
    stage: Stage,
    versions: Vec<i64>,
    stages: Vec<Stage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let a = "decision";
    let body = stage.deciding_body().unwrap_or(Body::Committee);
    let newest = versions.last().map(|v| v.to_string()).unwrap_or_default();
    let chosen_outcome = ctx.value(a, "outcome");
    let chosen_back = ctx.value(a, "back_to");
    let outcome_error = ctx
        .error(a, "outcome")
        .or(ctx.error(a, "back_to"))
        .map(|c| crate::forms::error_message(i18n, "outcome", &c));
    let votes_error = ctx
        .error(a, "votes")
        .map(|c| crate::forms::error_message(i18n, "votes", &c));
    let text_value = ctx.value(a, "text");
    let dissent_value = ctx.value(a, "dissent_text");
    let chosen_kind = ctx.value(a, "dissent_kind");
    view! {
        <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
            {hidden(&ctx, a)}
            <input type="hidden" name="body" value=body.as_str() />
            <h3>{format!("{}: {}", say(locale, "Beslutning", "Decision"), body_name(locale, body))}</h3>
            <div class="field-row">
                <StepField ctx=ctx.clone() action=a name="meeting_date" label=say(locale, "Mødedato", "Meeting date") kind="date" required=true />
                <StepField ctx=ctx.clone() action=a name="on" label=say(locale, "Registreret den", "Recorded on") kind="date" default=ctx.today.clone() required=true />
            </div>
            <div class="field-row">
                <StepField ctx=ctx.clone() action=a name="agenda_item_number" label=say(locale, "Punkt nr.", "Item no.") kind="number" />
                <StepField ctx=ctx.clone() action=a name="agenda_item_title" label=say(locale, "Dagsordenspunkt", "Agenda item") required=true />
            </div>
            <StepField ctx=ctx.clone() action=a name="minutes_url" label=say(locale, "Link til dagsorden/referat", "Link to agenda/minutes") kind="url" />
            <div class="field">
                <label for="decision-version">{say(locale, "Version der besluttes om", "Version decided on")}</label>
                <select id="decision-version" name="version">
                    {versions.iter().rev().map(|v| {
                        let v = v.to_string();
                        view! { <option value=v.clone() selected=v == newest>{format!("{} {v}", say(locale, "Version", "Version"))}</option> }
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>{say(locale, "Udfald", "Outcome")}</legend>
                <FieldError id="decision-outcome-error".to_string() message=Signal::derive(move || outcome_error.clone()) />
                {[("adopted", Outcome::Adopted), ("postponed", Outcome::Postponed), ("rejected", Outcome::Rejected)].into_iter().map(|(code, o)| {
                    let id = format!("outcome-{code}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="outcome" value=code checked=chosen_outcome == code || (chosen_outcome.is_empty() && code == "adopted") />
                            <label for=id>{say(locale, o.danish_name(), o.english_name())}</label>
                        </div>
                    }
                }).collect_view()}
                <div class="choice">
                    <input type="radio" id="outcome-sent_back" name="outcome" value="sent_back" checked=chosen_outcome == "sent_back" />
                    <label for="outcome-sent_back">{say(locale, "Sendt tilbage til", "Sent back to")}</label>
                    " "
                    <select name="back_to" aria-label=say(locale, "Fase der sendes tilbage til", "Stage sent back to")>
                        {stages.iter().filter(|s| **s < stage).map(|s| view! {
                            <option value=s.as_str() selected=chosen_back == s.as_str()>{stage_name(locale, *s)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </fieldset>
            <fieldset class="field">
                <legend>{say(locale, "Afstemning (hvis der blev stemt)", "Vote (if one was taken)")}</legend>
                <FieldError id="decision-votes-error".to_string() message=Signal::derive(move || votes_error.clone()) />
                <div class="field-row">
                    <StepField ctx=ctx.clone() action=a name="votes_in_favour" label=say(locale, "For", "In favour") kind="number" />
                    <StepField ctx=ctx.clone() action=a name="votes_against" label=say(locale, "Imod", "Against") kind="number" />
                    <StepField ctx=ctx.clone() action=a name="votes_abstaining" label=say(locale, "Undlod", "Abstaining") kind="number" />
                </div>
            </fieldset>
            <div class="field">
                <label for="decision-text">{say(locale, "Beslutningen (som i referatet)", "The decision (as minuted)")}</label>
                <textarea id="decision-text" name="text" rows="3" inner_html=escape_html(&text_value)></textarea>
            </div>
            <fieldset class="field">
                <legend>{say(locale, "Mindretalsudtalelse eller protokoltilførsel", "Minority statement or entry in the minutes")}</legend>
                <div class="field">
                    <label for="dissent-kind">{say(locale, "Slags", "Kind")}</label>
                    <select id="dissent-kind" name="dissent_kind">
                        <option value="" selected=chosen_kind.is_empty()>{say(locale, "Ingen", "None")}</option>
                        <option value="minority_statement" selected=chosen_kind == "minority_statement">{say(locale, "Mindretalsudtalelse", "Minority statement")}</option>
                        <option value="minutes_entry" selected=chosen_kind == "minutes_entry">{say(locale, "Protokoltilførsel", "Entry in the minutes")}</option>
                    </select>
                </div>
                <StepField ctx=ctx.clone() action=a name="dissent_by" label=say(locale, "Parti eller medlem", "Party or member") />
                <div class="field">
                    <label for="dissent-text">{say(locale, "Tekst", "Text")}</label>
                    <textarea id="dissent-text" name="dissent_text" rows="2" inner_html=escape_html(&dissent_value)></textarea>
                </div>
            </fieldset>
            <button type="submit" class="button">{say(locale, "Registrér beslutningen", "Record the decision")}</button>
        </form>
    }
}

#[component]
fn Steps(view_: PolicyAdminView, ctx: StepContext) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let p = &view_.policy;
    let frozen: Vec<i64> = p
        .versions
        .iter()
        .filter(|v| v.frozen)
        .map(|v| v.number)
        .collect();
    let unfrozen: Vec<i64> = p
        .versions
        .iter()
        .filter(|v| !v.frozen)
        .map(|v| v.number)
        .collect();
    let current = match p.card.state {
        RoadState::InProgress { stage } => Some(stage),
        _ => None,
    };
    let on_field = |ctx: &StepContext, a: &'static str| {
        view! {
            <StepField ctx=ctx.clone() action=a name="on" label=say(locale, "Dato", "Date") kind="date" default=ctx.today.clone() required=true />
        }
    };
    let window_fields = |ctx: &StepContext, a: &'static str| {
        view! {
            <div class="field-row">
                <StepField ctx=ctx.clone() action=a name="opens" label=say(locale, "Høringen åbner", "The hearing opens") kind="date" default=ctx.today.clone() />
                <StepField ctx=ctx.clone() action=a name="closes" label=say(locale, "Høringsfrist", "Deadline") kind="date" />
                <StepField ctx=ctx.clone() action=a name="working_days" label=say(locale, "… eller antal hverdage", "… or number of working days") kind="number" />
            </div>
        }
    };
    view_.choices.iter().map(|c| {
        let ctx = ctx.clone();
        let refused = c.refused.map(|r| refusal_text(locale, &r));
        match (c.kind, refused) {
            (ActionKind::Advance, None) => {
                let Some(to) = c.stage else { return ().into_any() };
                let a = "advance";
                view! {
                    <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
                        {hidden(&ctx, a)}
                        <input type="hidden" name="to" value=to.as_str() />
                        <h3>{format!("{} {}", say(locale, "Gå videre til", "Go on to"), stage_name(locale, to))}</h3>
                        {on_field(&ctx, a)}
                        {(to == Stage::Hearing).then(|| window_fields(&ctx, a))}
                        <button type="submit" class="button">{format!("{} {}", say(locale, "Gå videre til", "Go on to"), stage_name(locale, to))}</button>
                    </form>
                }.into_any()
            }
            (ActionKind::Skip, None) => {
                let Some(stage) = c.stage else { return ().into_any() };
                let a = "skip";
                view! {
                    <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
                        {hidden(&ctx, a)}
                        <input type="hidden" name="stage" value=stage.as_str() />
                        <h3>{format!("{} {}", say(locale, "Spring over:", "Skip:"), stage_name(locale, stage))}</h3>
                        {on_field(&ctx, a)}
                        <StepField ctx=ctx.clone() action=a name="reason" label=say(locale, "Begrundelse (kommer i forløbet)", "Reason (shown on the timeline)") required=true />
                        <button type="submit" class="button button-secondary">{say(locale, "Spring over", "Skip")}</button>
                    </form>
                }.into_any()
            }
            (ActionKind::FreezeVersion, None) if !unfrozen.is_empty() => {
                let a = "freeze";
                view! {
                    <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
                        {hidden(&ctx, a)}
                        <h3>{say(locale, "Lås en version", "Freeze a version")}</h3>
                        <p class="hint">{say(locale, "Kun en låst version kan sendes i høring og besluttes.", "Only a frozen version can go to hearing and be decided on.")}</p>
                        <div class="field">
                            <label for="freeze-version">{say(locale, "Version", "Version")}</label>
                            <select id="freeze-version" name="version">
                                {unfrozen.iter().rev().map(|v| view! { <option value=v.to_string()>{format!("{} {v}", say(locale, "Version", "Version"))}</option> }).collect_view()}
                            </select>
                        </div>
                        {on_field(&ctx, a)}
                        <button type="submit" class="button button-secondary">{say(locale, "Lås versionen", "Freeze the version")}</button>
                    </form>
                }.into_any()
            }
            (ActionKind::FreezeVersion, _) => ().into_any(),
            (ActionKind::OpenHearing, None) if current == Some(Stage::Hearing) => {
                let a = "open_hearing";
                view! {
                    <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
                        {hidden(&ctx, a)}
                        <h3>{say(locale, "Åbn en ny høring", "Open a new hearing")}</h3>
                        <div class="field">
                            <label for="hearing-version">{say(locale, "Version", "Version")}</label>
                            <select id="hearing-version" name="version">
                                {frozen.iter().rev().map(|v| view! { <option value=v.to_string()>{format!("{} {v}", say(locale, "Version", "Version"))}</option> }).collect_view()}
                            </select>
                        </div>
                        {on_field(&ctx, a)}
                        {window_fields(&ctx, a)}
                        <button type="submit" class="button">{say(locale, "Åbn høringen", "Open the hearing")}</button>
                    </form>
                }.into_any()
            }
            (ActionKind::OpenHearing, _) => ().into_any(),
            (ActionKind::RecordHearingSummary, None) => {
                let a = "summary";
                view! {
                    <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
                        {hidden(&ctx, a)}
                        <h3>{say(locale, "Høringsnotatet er klar", "The hearing summary is ready")}</h3>
                        {on_field(&ctx, a)}
                        <button type="submit" class="button">{say(locale, "Registrér høringsnotatet", "Record the hearing summary")}</button>
                    </form>
                }.into_any()
            }
            (ActionKind::RecordDecision, None) => {
                let stage = c.stage.unwrap_or(Stage::CityCouncil);
                view! { <DecisionForm ctx=ctx.clone() stage=stage versions=frozen.clone() stages=view_.stages.clone() /> }.into_any()
            }
            (ActionKind::Publish, None) => {
                let a = "publish";
                view! {
                    <form method="post" action=routes::policy_step(&ctx.slug) class="admin-form step-form">
                        {hidden(&ctx, a)}
                        <h3>{say(locale, "Offentliggør den vedtagne politik", "Publish the adopted policy")}</h3>
                        {on_field(&ctx, a)}
                        <button type="submit" class="button">{say(locale, "Offentliggør", "Publish")}</button>
                    </form>
                }.into_any()
            }
            // Refused: say what and why, so the clerk knows what comes first.
            (kind, Some(why)) => {
                let what = match kind {
                    ActionKind::Advance => format!("{} {}", say(locale, "Gå videre til", "Go on to"), c.stage.map(|s| stage_name(locale, s)).unwrap_or("–")),
                    ActionKind::Skip => format!("{} {}", say(locale, "Spring over:", "Skip:"), c.stage.map(|s| stage_name(locale, s)).unwrap_or("–")),
                    ActionKind::RecordHearingSummary => say(locale, "Registrér høringsnotatet", "Record the hearing summary").to_string(),
                    ActionKind::RecordDecision => say(locale, "Registrér en beslutning", "Record a decision").to_string(),
                    ActionKind::Publish => say(locale, "Offentliggør", "Publish").to_string(),
                    ActionKind::FreezeVersion | ActionKind::OpenHearing => String::new(),
                };
                view! {
                    <p class="refused-step"><strong>{what}</strong>": " {say(locale, "ikke muligt nu.", "not possible now.")} " " {why}</p>
                }.into_any()
            }
        }
    }).collect_view()
}

#[component]
pub fn AdminPolicyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let user = Resource::new(|| (), |_| get_current_user());
    let policy = Resource::new(slug, admin_policy);
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let locale = i18n.get_locale_untracked();
                    let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                    let v = match policy.await {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            set_status(404);
                            return view! { <h1>{say(locale, "Politikken findes ikke", "No such policy")}</h1> }.into_any();
                        }
                        Err(_) => return error_view().into_any(),
                    };
                    let slug = v.policy.card.slug.clone();
                    let refusal: Option<Refusal> = serde_json::from_str(&echo.value("refusal")).ok();
                    let stale = echo.error("revision").is_some();
                    let ctx = StepContext {
                        slug: slug.clone(),
                        csrf: user.csrf.clone(),
                        revision: v.revision,
                        today: v.today.clone(),
                        echo: echo.clone(),
                    };
                    let plans = v.stages.clone();
                    let timeline = v.policy.timeline.clone();
                    let documents = v.policy.documents.clone();
                    view! {
                        <Title text=format!("{} – {}", v.policy.card.title, say(locale, "sagsbehandling", "casework")) />
                        <LogoutForm user=user.clone() />
                        <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                        <h1>{v.policy.card.title.clone()}</h1>
                        <p class="card-meta">
                            {v.policy.card.committee.clone()} " · "
                            {format!("{} {} v{}", say(locale, "Forløbsskabelon", "Process template"), v.template.0, v.template.1)} " · "
                            <a href=routes::policy(&slug)>{say(locale, "Den offentlige side", "The public page")}</a>
                        </p>
                        <p class="status-banner">{standing(locale, &v.policy.card)}</p>
                        {refusal.map(|r| view! {
                            <div class="error-summary" role="alert">
                                <p><strong>{say(locale, "Skridtet blev ikke taget.", "The step was not taken.")}</strong></p>
                                <p>{refusal_text(locale, &r)}</p>
                            </div>
                        })}
                        {stale.then(|| view! {
                            <div class="error-summary" role="alert">
                                <p>{say(locale, "En anden har ændret forløbet imens. Siden viser nu det nyeste; tag skridtet igen, hvis det stadig passer.", "Someone else changed the road meanwhile. The page now shows the newest; take the step again if it still fits.")}</p>
                            </div>
                        })}
                        {(refusal.is_none() && !stale && !echo.errors.is_empty()).then(|| view! {
                            <div class="error-summary" role="alert"><p>{t!(i18n, error_summary_title)}</p></div>
                        })}
                        <section aria-labelledby="naeste" class="policy-section">
                            <h2 id="naeste">{say(locale, "Næste skridt", "Next steps")}</h2>
                            <p class="hint">{format!("{} {}", say(locale, "Seneste skridt er dateret", "The latest step is dated"), format_date(locale, &v.last_step))}</p>
                            <Steps view_=v.clone() ctx=ctx.clone() />
                        </section>
                        <section aria-labelledby="forloeb" class="policy-section">
                            <h2 id="forloeb">{say(locale, "Forløb", "The road")}</h2>
                            <Timeline entries=timeline.clone() documents=documents />
                        </section>
                        <section aria-labelledby="planer" class="policy-section">
                            <h2 id="planer">{say(locale, "Planlagte datoer", "Planned dates")}</h2>
                            <table class="data-table">
                                <thead><tr>
                                    <th scope="col">{say(locale, "Fase", "Stage")}</th>
                                    <th scope="col">{say(locale, "Planlagt dato", "Planned date")}</th>
                                </tr></thead>
                                <tbody>
                                    {plans.iter().map(|s| {
                                        let planned = timeline.iter().find(|e| e.stage == *s).and_then(|e| e.planned).map(|d| d.to_string()).unwrap_or_default();
                                        let id = format!("plan-{}", s.as_str());
                                        view! {
                                            <tr>
                                                <th scope="row"><label for=id.clone()>{stage_name(locale, *s)}</label></th>
                                                <td>
                                                    <form method="post" action=routes::policy_step(&slug) class="inline-form">
                                                        {hidden(&ctx, "plan")}
                                                        <input type="hidden" name="stage" value=s.as_str() />
                                                        <input id=id type="date" name="planned" value=planned />
                                                        " "
                                                        <button type="submit" class="button-link">{say(locale, "Gem", "Save")}</button>
                                                    </form>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </section>
                        <section aria-labelledby="dokumenter" class="policy-section">
                            <h2 id="dokumenter">{say(locale, "Dokumenter", "Documents")}</h2>
                            <p class="hint">{say(locale, "Et link til sagen, en præsentation eller et høringsbrev vises ved fasen i forløbet.", "A link to the case, a presentation or a hearing letter shows at its stage on the timeline.")}</p>
                            <form method="post" action=routes::policy_step(&slug) class="admin-form step-form">
                                {hidden(&ctx, "document")}
                                <div class="field">
                                    <label for="document-stage">{say(locale, "Fase", "Stage")}</label>
                                    <select id="document-stage" name="stage">
                                        {plans.iter().map(|s| {
                                            let chosen = ctx.value("document", "stage") == s.as_str();
                                            view! { <option value=s.as_str() selected=chosen>{stage_name(locale, *s)}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <StepField ctx=ctx.clone() action="document" name="title" label=say(locale, "Titel", "Title") required=true />
                                <StepField ctx=ctx.clone() action="document" name="url" label=say(locale, "Link (https://…)", "Link (https://…)") kind="url" required=true />
                                <button type="submit" class="button button-secondary">{say(locale, "Tilføj dokumentet", "Add the document")}</button>
                            </form>
                        </section>
                        <MeetingsAdmin slug=slug.clone() meetings=v.policy.meetings.clone() csrf=user.csrf.clone() echo=echo.clone() />
                        <Inquiries list=v.inquiries.clone() csrf=user.csrf.clone() back=routes::admin_policy(&slug) echo=echo.clone() />
                        <section aria-labelledby="journal" class="policy-section">
                            <h2 id="journal">{say(locale, "Journal", "Journal")}</h2>
                            <table class="data-table">
                                <thead><tr>
                                    <th scope="col">{say(locale, "Dato", "Date")}</th>
                                    <th scope="col">{say(locale, "Skridt", "Step")}</th>
                                    <th scope="col">{say(locale, "Af", "By")}</th>
                                    <th scope="col">{say(locale, "Registreret", "Recorded")}</th>
                                </tr></thead>
                                <tbody>
                                    {v.journal.iter().map(|j| view! {
                                        <tr>
                                            <td>{format_date(locale, &j.on)}</td>
                                            <td class="wrap-anywhere">{journal_text(locale, j)}</td>
                                            <td class="wrap-anywhere">{j.actor.clone()}</td>
                                            <td>{j.recorded.clone()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// Questions from the public, each with its answer or a form to answer it.
#[component]
pub fn Inquiries(
    list: Vec<InquiryView>,
    csrf: String,
    back: String,
    echo: FormEcho,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <section aria-labelledby="spoergsmaal-h" class="policy-section">
            <h2 id="spoergsmaal-h">{say(locale, "Spørgsmål fra borgere", "Questions from the public")}</h2>
            {if list.is_empty() {
                view! { <p class="muted">{say(locale, "Ingen spørgsmål.", "No questions.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="response-list">
                        {list.into_iter().map(|q| {
                            let status = say(locale, q.status.danish_name(), q.status.english_name());
                            let badge = match q.status {
                                InquiryStatus::Overdue | InquiryStatus::AnsweredLate => "badge badge-withheld",
                                InquiryStatus::DueSoon => "badge badge-pending",
                                _ => "badge badge-published",
                            };
                            let id = format!("spoergsmaal-{}", q.id);
                            let field_id = format!("answer-{}", q.id);
                            let mine = echo.value("inquiry") == q.id.to_string();
                            let error = if mine { echo.error("answer").map(|c| crate::forms::error_message(i18n, "answer", &c)) } else { None };
                            let typed = if mine { echo.value("answer") } else { String::new() };
                            view! {
                                <li class="response" id=id>
                                    <p class="card-meta">
                                        <span class=badge>{status}</span> " "
                                        <a href=routes::admin_policy(&q.policy_slug)>{q.policy_title.clone()}</a>
                                        {format!(" · {} {} · {} {}", say(locale, "modtaget", "received"), format_date(locale, &q.received), say(locale, "frist", "due"), format_date(locale, &q.due))}
                                    </p>
                                    <p><strong>{q.name.clone()}</strong> " <" {q.email.clone()} ">"</p>
                                    <p class="response-text">{q.question.clone()}</p>
                                    {match (q.answered.clone(), q.answer.clone()) {
                                        (Some(day), Some(answer)) => view! {
                                            <p class="card-meta">{format!("{} {}", say(locale, "Besvaret", "Answered"), format_date(locale, &day))}</p>
                                            <p class="response-text">{answer}</p>
                                        }.into_any(),
                                        _ => view! {
                                            <form method="post" action=routes::answer_inquiry(q.id) class="admin-form">
                                                <input type="hidden" name="csrf" value=csrf.clone() />
                                                <input type="hidden" name="back" value=back.clone() />
                                                <div class="field">
                                                    <label for=field_id.clone()>{say(locale, "Svar", "Answer")}</label>
                                                    <p class="hint">{say(locale, "Send svaret til spørgeren på e-mail, og registrér det her; så tæller det med i løftet om svar inden for 10 hverdage.", "E-mail the answer to the person asking and record it here; it then counts towards the promise of an answer within 10 working days.")}</p>
                                                    <FieldError id=format!("{field_id}-error") message=Signal::derive(move || error.clone()) />
                                                    <textarea id=field_id name="answer" rows="3" inner_html=escape_html(&typed)></textarea>
                                                </div>
                                                <button type="submit" class="button">{say(locale, "Registrér svaret", "Record the answer")}</button>
                                            </form>
                                        }.into_any(),
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// A journal entry in words: the road's action, or the other record (a plan, the road's start).
fn journal_text(locale: Locale, j: &JournalView) -> String {
    use hoering::process::Action;
    let stage = |s: Stage| stage_name(locale, s);
    if let Some(action) = &j.action {
        return match action {
            Action::Advance { to } => format!(
                "{} {}",
                say(locale, "Gik videre til", "Went on to"),
                stage(*to)
            ),
            Action::Skip { stage: s, reason } => {
                format!(
                    "{} {} ({reason})",
                    say(locale, "Sprang over:", "Skipped:"),
                    stage(*s)
                )
            }
            Action::FreezeVersion { number } => {
                format!("{} {number}", say(locale, "Låste version", "Froze version"))
            }
            Action::OpenHearing { version } => {
                format!(
                    "{} {version}",
                    say(
                        locale,
                        "Åbnede høring om version",
                        "Opened a hearing on version"
                    )
                )
            }
            Action::RecordHearingSummary => say(
                locale,
                "Høringsnotatet findes",
                "The hearing summary exists",
            )
            .to_string(),
            Action::RecordDecision(d) => format!(
                "{}: {} {} ({})",
                body_name(locale, d.body),
                super::policy::outcome_name(locale, d.outcome),
                format_date(locale, &d.meeting_date.to_string()),
                d.agenda_item_title
            ),
            Action::Publish => {
                say(locale, "Offentliggjorde politikken", "Published the policy").to_string()
            }
        };
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&j.what) else {
        return j.what.clone();
    };
    let text = |k: &str| {
        value
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let stage_of = |k: &str| {
        Stage::parse(&text(k))
            .map(|s| stage_name(locale, s))
            .unwrap_or("–")
    };
    match text("action").as_str() {
        "plan" => match value.get("planned").and_then(|v| v.as_str()) {
            Some(day) => format!(
                "{} {}: {}",
                say(locale, "Planlagde", "Planned"),
                stage_of("stage"),
                format_date(locale, day)
            ),
            None => format!(
                "{} {}",
                say(
                    locale,
                    "Fjernede den planlagte dato for",
                    "Cleared the planned date of"
                ),
                stage_of("stage")
            ),
        },
        "road_started" => format!(
            "{} ({})",
            say(locale, "Forløbet begyndte", "The road began"),
            text("reason")
        ),
        "road_restarted" => format!(
            "{} ({})",
            say(locale, "Forløbet begyndte forfra", "The road began again"),
            text("reason")
        ),
        _ => j.what.clone(),
    }
}

/// The policy's dialogue meetings, each a link to its clerk page, and the form for a new one.
#[component]
fn MeetingsAdmin(
    slug: String,
    meetings: Vec<MeetingCard>,
    csrf: String,
    echo: FormEcho,
) -> impl IntoView {
    use crate::components::fields::{FormState, RadioGroup, TextArea, TextField};
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let form = FormState {
        echo,
        prefix: "moede",
    };
    view! {
        <section aria-labelledby="dialogmoeder" class="policy-section">
            <h2 id="dialogmoeder">{say(locale, "Dialogmøder", "Dialogue meetings")}</h2>
            {(!meetings.is_empty()).then(|| view! {
                <ul class="plain-list">
                    {meetings.into_iter().map(|m| {
                        let when = match locale {
                            Locale::da => hoering::calendar::danish_time_span(m.starts_at, m.ends_at),
                            Locale::en => hoering::calendar::english_time_span(m.starts_at, m.ends_at),
                        };
                        view! {
                            <li>
                                <a href=routes::admin_meeting(m.id)>{m.title.clone()}</a>
                                " · " {when} " · "
                                {format!("{}/{} {}", m.seated, m.capacity, say(locale, "tilmeldt", "signed up"))}
                                {(m.waiting > 0).then(|| format!(", {} {}", m.waiting, say(locale, "på venteliste", "waiting")))}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <details open=!form.echo.errors.keys().all(|k| !k.starts_with("meeting_"))>
                <summary>{say(locale, "Nyt dialogmøde", "New dialogue meeting")}</summary>
                <form method="post" action=routes::new_meeting(&slug) class="admin-form">
                    <input type="hidden" name="csrf" value=csrf />
                    <TextField form=form.clone() name="meeting_title" label=say(locale, "Titel", "Title") required=true />
                    <TextField form=form.clone() name="meeting_date" label=say(locale, "Dato", "Date") kind="date" required=true />
                    <TextField form=form.clone() name="meeting_starts" label=say(locale, "Starter kl.", "Starts at") kind="time" required=true />
                    <TextField form=form.clone() name="meeting_ends" label=say(locale, "Slutter kl.", "Ends at") kind="time" />
                    <TextField form=form.clone() name="meeting_place" label=say(locale, "Sted", "Place") required=true />
                    <RadioGroup form=form.clone() name="meeting_step_free" legend=say(locale, "Trinfri adgang", "Step-free access")
                        options=vec![("ja", say(locale, "Ja", "Yes")), ("nej", say(locale, "Nej", "No"))] />
                    <TextField form=form.clone() name="meeting_capacity" label=say(locale, "Antal pladser", "Seats") kind="number" inputmode="numeric" required=true />
                    <TextField form=form.clone() name="meeting_signup_deadline" label=say(locale, "Tilmeldingsfrist", "Sign-up deadline") kind="date"
                        hint=say(locale, "Tom: mødets dag.", "Empty: the meeting's day.") />
                    <RadioGroup form=form.clone() name="meeting_mode" legend=say(locale, "Tilmelding", "Sign-up")
                        options=vec![("aaben", say(locale, "Åben for alle", "Open to all")), ("invitation", say(locale, "Efter invitation", "By invitation"))] default="aaben" />
                    <TextArea form=form.clone() name="meeting_agenda" label=say(locale, "Dagsorden (Markdown)", "Agenda (Markdown)") rows=5 />
                    <button type="submit" class="button">{say(locale, "Opret mødet", "Create the meeting")}</button>
                </form>
            </details>
        </section>
    }
}
