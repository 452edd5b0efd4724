//! The process templates: the stages each committee's policies go through. Clerks read them;
//! an admin edits one, which makes its next version (roads already under way keep theirs).

use crate::components::lists::data_table;
use crate::components::page::loaded_or;
use crate::components::staff::{AdminPageHead, session, staff_form_page};
use crate::i18n::*;
use crate::policy::admin_templates;
use crate::routes;
use hoering::process::Stage;
use hoering::staff::Permission;
use leptos::prelude::*;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let user = session();
    let templates = Resource::new(|| (), |_| admin_templates());
    staff_form_page(user, move |user, echo, locale| async move {
        let list = loaded_or(templates.await)?;
        let may_edit = user.role.may(Permission::EditTemplates);
        let refused = echo.value("template_error");
        Ok(view! {
            <AdminPageHead user=user.clone() title=td_string!(locale, templates_process_templates) />
            <p class="lead">{td_string!(locale, templates_each_committee_has_a_process_the)}</p>
            {(!refused.is_empty()).then(|| view! {
                <div class="error-summary" role="alert"><p>{refused.clone()}</p></div>
            })}
            {list.into_iter().map(|t| {
                let id = format!("skabelon-{}", t.name.replace(|c: char| !c.is_alphanumeric(), "-"));
                let labelled_by = id.clone();
                view! {
                    <section class="policy-section" aria-labelledby=labelled_by>
                        <h2 id=id>{format!("{} (version {})", t.name, t.version)}</h2>
                        <form method="post" action=routes::template(&t.name) class="admin-form">
                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                            <input type="hidden" name="version" value=t.version.to_string() />
                            {data_table(
                                t.name.clone(),
                                [td_string!(locale, templates_stage), td_string!(locale, templates_included), td_string!(locale, templates_may_be_skipped), td_string!(locale, templates_responsible)],
                                Stage::ALL.into_iter().map(|stage| {
                                    let here = t.get(stage).cloned();
                                    let required = stage.is_required();
                                    let code = stage.as_str();
                                    let name = crate::names::stage(locale, stage);
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>
                                                <input type="checkbox" name=format!("with_{code}") value="1" checked=here.is_some() disabled=!may_edit || required aria-label=format!("{} {name}", td_string!(locale, templates_included_label)) />
                                                {required.then(|| view! { <input type="hidden" name=format!("with_{code}") value="1" /> })}
                                            </td>
                                            <td>
                                                <input type="checkbox" name=format!("skip_{code}") value="1" checked=here.as_ref().is_some_and(|s| s.skippable) disabled=!may_edit || required aria-label=format!("{} {name}", td_string!(locale, templates_may_be_skipped_label)) />
                                            </td>
                                            <td>
                                                <input type="text" name=format!("responsible_{code}") value=here.map(|s| s.responsible).unwrap_or_default() disabled=!may_edit aria-label=format!("{} {name}", td_string!(locale, templates_responsible_label)) />
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()
                            )}
                            {may_edit.then(|| view! {
                                <button type="submit" class="button">{td_string!(locale, templates_save_as_a_new_version)}</button>
                            })}
                        </form>
                    </section>
                }
            }).collect_view()}
            {(!may_edit).then(|| view! { <p class="muted">{td_string!(locale, templates_only_an_administrator_can_change_the)}</p> })}
        }.into_any())
    })
}
