//! Form errors: the domain core's error codes, as field names and codes the server can echo, and
//! the translated message a reader sees next to each field.

use crate::hearing::HearingPreview;
use crate::i18n::*;
use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The message for an error `code` on `field`, in the reader's language.
pub fn error_message(i18n: I18nContext<Locale>, field: &str, code: &str) -> String {
    if let Some(s) = meeting_message(i18n.get_locale_untracked(), field, code) {
        return s.to_string();
    }
    // The minutes' one file is refused for the reasons a response's files are.
    let field = match (field, code) {
        ("minutes_file", "too_many_one" | "personal_data") => field,
        ("minutes_file", _) => "files",
        _ => field,
    };
    let s: &str = match (field, code) {
        ("text", "required") => t_string!(i18n, err_text_required),
        ("text", "too_long") => {
            let max = crate::components::format_count(
                i18n.get_locale_untracked(),
                hoering::response::ResponseText::MAX_CHARS,
            );
            return t_string!(i18n, err_text_too_long, max = max).to_string();
        }
        ("name", "required") => t_string!(i18n, err_name_required),
        ("display_name", "required") => t_string!(i18n, err_name_required),
        // The admin's member form and the member's own: a member's name, never an e-mail.
        ("display_name", _) => t_string!(i18n, err_member_name_invalid),
        ("name", _) => t_string!(i18n, err_name_invalid),
        ("email", "required") => t_string!(i18n, err_email_required),
        ("email", _) => t_string!(i18n, err_email_invalid),
        ("sender_kind", _) => t_string!(i18n, err_sender_kind),
        ("organisation", "required") => t_string!(i18n, err_organisation_required),
        ("organisation", _) => t_string!(i18n, err_organisation_invalid),
        ("publication", _) => t_string!(i18n, err_publication_required),
        ("block", _) => t_string!(i18n, block_not_found),
        ("quote", "not_found") => t_string!(i18n, err_quote_not_found),
        ("quote", _) => t_string!(i18n, err_quote_too_long),
        ("files", "too_many") => {
            return t_string!(
                i18n,
                err_files_too_many,
                max = hoering::attachment::MAX_FILES
            )
            .to_string();
        }
        ("files", "too_large") => t_string!(i18n, err_files_too_large),
        ("files", "empty") => t_string!(i18n, err_files_empty),
        ("files", "infected") => t_string!(i18n, err_files_infected),
        ("files", "scan_unavailable") => t_string!(i18n, err_files_scan_unavailable),
        ("files", _) => t_string!(i18n, err_files_kind),
        ("login", "oidc_state") => t_string!(i18n, err_oidc_state),
        ("login", "oidc_denied") => t_string!(i18n, err_oidc_denied),
        ("login", "oidc_failed") => t_string!(i18n, err_oidc_failed),
        ("login", "oidc_no_role") => t_string!(i18n, err_oidc_no_role),
        ("login", "oidc_email_taken") => t_string!(i18n, err_oidc_email_taken),
        ("login", "oidc_unavailable") => t_string!(i18n, err_oidc_unavailable),
        ("login", "local_off") => t_string!(i18n, err_local_login_off),
        ("retention_months", "already_erased") => t_string!(i18n, err_retention_already_erased),
        ("own", "closed") => t_string!(i18n, err_own_closed),
        ("own", "withdrawn") => t_string!(i18n, err_own_withdrawn),
        ("own", "still_open") => t_string!(i18n, err_own_still_open),
        ("own", "already_asked") => t_string!(i18n, err_own_already_asked),
        ("own", _) => t_string!(i18n, err_own_stale),
        ("withdraw", _) => t_string!(i18n, err_own_confirm),
        ("erasure", _) => t_string!(i18n, err_erasure_not_asked),
        ("retention_months", _) => t_string!(i18n, err_retention_invalid),
        ("login", _) => t_string!(i18n, err_login_failed),
        ("password", _) => t_string!(i18n, err_password_required),
        ("markdown", "required") => t_string!(i18n, err_markdown_required),
        ("markdown", "too_long") => t_string!(i18n, err_markdown_too_long),
        ("markdown", "too_many_blocks") => {
            let max = crate::components::format_count(
                i18n.get_locale_untracked(),
                hoering::hearing::MAX_BLOCKS,
            );
            return t_string!(i18n, err_markdown_too_many_blocks, max = max).to_string();
        }
        ("markdown", _) => t_string!(i18n, err_markdown_invalid),
        ("url", _) | ("minutes_url", _) => t_string!(i18n, err_link),
        ("title", "required") => t_string!(i18n, err_title_required),
        ("label", _) => t_string!(i18n, err_version_label_required),
        ("slug", "taken") => t_string!(i18n, err_slug_taken),
        ("slug", _) => t_string!(i18n, err_slug_invalid),
        ("committee", "required") => t_string!(i18n, err_committee_required),
        ("opens", "required") | ("closes", "required") => t_string!(i18n, err_date_required),
        ("closes", "order") => t_string!(i18n, err_date_order),
        ("opens", _) | ("closes", _) => t_string!(i18n, err_date_invalid),
        ("revision", _) => t_string!(i18n, err_stale),
        (_, "future") => t_string!(i18n, err_date_future),
        (_, "order") => t_string!(i18n, err_date_order),
        (_, "required") => t_string!(i18n, err_required),
        (_, "too_long") => t_string!(i18n, err_too_long),
        (_, "one_line") => t_string!(i18n, err_one_line),
        _ => t_string!(i18n, err_invalid),
    };
    s.to_string()
}

/// The code the UI and the server's echo use for a domain error.
pub fn error_code(error: &hoering::response::FieldError) -> &'static str {
    use hoering::response::FieldError;
    match error {
        FieldError::Required => "required",
        FieldError::TooLong { .. } => "too_long",
        FieldError::Invalid => "invalid",
    }
}

/// A response form's errors as field name to error code.
pub fn response_errors(errors: &hoering::response::FieldErrors) -> BTreeMap<String, String> {
    errors
        .iter()
        .map(|(field, error)| (field.as_str().to_string(), error_code(&error).to_string()))
        .collect()
}

/// The messages of the meeting forms (the clerk's meeting, the public's sign-up, the input
/// recorded at a table), where they differ from the shared ones.
fn meeting_message(locale: Locale, field: &str, code: &str) -> Option<&'static str> {
    Some(match (field, code) {
        ("meeting_title", "no_hearing") => td_string!(locale, form_the_policy_has_no_hearing_yet),
        ("meeting_date", "required") => td_string!(locale, form_enter_the_meeting_s_date),
        ("meeting_date", _) | ("meeting_signup_deadline", "invalid") => {
            td_string!(locale, form_enter_the_date_as_yyyy_mm)
        }
        ("meeting_signup_deadline", "after_meeting") => {
            td_string!(locale, form_the_sign_up_deadline_must_be)
        }
        ("meeting_starts", "required") => td_string!(locale, form_enter_when_the_meeting_starts),
        ("meeting_starts", _) | ("meeting_ends", "invalid") => {
            td_string!(locale, form_enter_the_time_as_hh_mm)
        }
        ("meeting_ends", "ends_before_start") | (_, "ends_before_start") => {
            td_string!(locale, form_the_meeting_must_end_after_it)
        }
        ("meeting_capacity", _) => td_string!(locale, form_enter_the_number_of_seats_as),
        ("meeting_step_free", _) => td_string!(locale, form_choose_whether_the_place_has_step),
        ("meeting_mode", _) => td_string!(locale, form_choose_who_can_sign_up),
        ("meeting_place", "required") => td_string!(locale, form_enter_where_the_meeting_is_held),
        ("meeting_title", "required") => td_string!(locale, form_enter_the_meeting_s_title),
        ("email", "already") => td_string!(locale, form_this_e_mail_address_is_already),
        ("group", _) => td_string!(locale, form_choose_whom_you_take_part_as),
        ("interpreter_language", "required") => {
            td_string!(locale, form_enter_the_language_you_need_an)
        }
        ("consent", _) => td_string!(locale, form_tick_the_box_to_consent_otherwise),
        ("file", "import_program") => td_string!(locale, import_error_program),
        ("file", "import_protected") => td_string!(locale, import_error_protected),
        ("file", "import_pdf") => td_string!(locale, import_error_pdf),
        ("file", "import_too_large") => td_string!(locale, import_error_too_large),
        ("file", "import_damaged") => td_string!(locale, import_error_damaged),
        ("file", _) => td_string!(locale, import_error_unknown),
        ("parties", "required") => td_string!(locale, form_paste_at_least_one_party_organisation),
        ("parties", "too_many") => td_string!(locale, form_at_most_2_000_parties_at),
        ("from", _) => td_string!(locale, form_choose_an_earlier_hearing_of_the),
        ("reminder_days", _) => td_string!(locale, form_enter_a_whole_number_of_working),
        ("round_closes", "after_hearing") | ("round_opens", "after_hearing") => {
            td_string!(locale, form_the_council_s_round_must_end)
        }
        ("round_closes", "order") => td_string!(locale, form_the_round_must_end_after_it),
        ("name", "taken") => td_string!(locale, form_there_is_already_a_council_by),
        ("email", "unknown_user") => td_string!(locale, form_there_is_no_user_with_that),
        ("email", "not_council") => td_string!(locale, form_the_user_does_not_have_the),
        ("minutes", "required") => {
            td_string!(locale, form_write_the_minutes_before_publishing_them)
        }
        ("minutes", hoering::meeting::NOT_YET_HELD) => {
            td_string!(locale, form_minutes_before_the_meeting)
        }
        ("came", hoering::meeting::NOT_YET_HELD) => {
            td_string!(locale, form_attendance_before_the_meeting)
        }
        ("minutes", "personal_data") => td_string!(locale, form_minutes_personal_data),
        ("minutes_file", "personal_data") => td_string!(locale, form_minutes_file_personal_data),
        ("minutes_file", "too_many_one") => td_string!(locale, form_minutes_file_one),
        ("joint_text", "stale") => td_string!(locale, form_another_member_saved_a_newer_version),
        ("joint_text", "submitted") => {
            td_string!(locale, form_the_chair_has_submitted_the_response)
        }
        ("joint_text", "round_closed") => td_string!(locale, form_the_council_s_round_is_not),
        ("joint_text", "unknown_revision") => td_string!(locale, form_the_page_was_out_of_date),
        ("joint_text", "too_long") => td_string!(locale, form_the_response_is_too_long_for),
        ("submit", "not_chair") | ("publish", "not_chair") => {
            td_string!(locale, form_only_the_council_s_chair_can)
        }
        ("submit", "not_member") | ("publish", "not_member") => {
            td_string!(locale, form_only_the_council_s_members_can)
        }
        ("submit", "already_submitted") => {
            td_string!(locale, form_the_council_s_response_has_already)
        }
        ("submit", "round_not_open") => td_string!(locale, form_the_council_s_round_has_not),
        ("submit", "hearing_closed") => td_string!(locale, form_the_hearing_has_ended_so_the),
        ("submit", "empty") => td_string!(locale, form_there_is_no_text_to_submit),
        ("submit", "stale") => td_string!(locale, form_the_response_has_changed_since_you),
        ("submit", "no_email") => td_string!(locale, form_your_account_s_e_mail_cannot),
        ("submit_name", "required") => td_string!(locale, form_enter_your_name_as_the_council),
        ("publish", "round_not_over") => {
            td_string!(locale, form_the_discussion_can_be_published_once)
        }
        ("publish", "already_published") => {
            td_string!(locale, form_the_discussion_is_already_published)
        }
        ("publish_confirm", "required") => {
            td_string!(locale, form_confirm_that_the_council_has_decided)
        }
        ("tag_name", "taken") => td_string!(locale, form_the_hearing_already_has_a_tag),
        ("tag_name", "too_long") => td_string!(locale, form_the_tag_is_too_long_at),
        ("tag_name", _) => td_string!(locale, form_enter_the_tag_s_name),
        ("tag", "none_ticked") => td_string!(locale, form_first_select_the_responses_the_tag),
        ("tag", _) => td_string!(locale, form_choose_a_tag),
        ("summary", "required") => td_string!(locale, form_summarise_what_was_said_it_goes),
        ("summary", "too_long") | ("remark_text", "too_long") => {
            td_string!(locale, form_text_too_long_10000)
        }
        ("remark_text", "published") => td_string!(locale, form_remark_published_cannot_change),
        ("remark_text", _) => td_string!(locale, form_write_the_administration_s_remark),
        ("outcome", _) => td_string!(locale, form_choose_what_the_point_leads_to),
        ("change", _) => td_string!(locale, form_choose_the_paragraph_of_the_new),
        ("section", _) => td_string!(locale, form_choose_one_of_the_draft_s),
        ("remark", "own_remark") => td_string!(locale, form_you_wrote_this_remark_yourself_another),
        ("remark", _) => td_string!(locale, form_remark_published_cannot_approve),
        ("publish", "unapproved") => td_string!(locale, form_every_remark_must_be_approved_by),
        ("publish", "none") => td_string!(locale, form_there_are_no_remarks_to_publish),
        ("publish", "unaccounted") => td_string!(locale, form_publish_unaccounted),
        ("publish", "meanwhile") => td_string!(locale, form_publish_meanwhile),
        ("set_aside", _) => td_string!(locale, form_set_aside_reason),
        ("notat_summary", _) | ("recommendation", _) => {
            td_string!(locale, form_text_too_long_10000)
        }
        ("publish", "hearing_open") => {
            td_string!(
                locale,
                form_the_notat_can_be_published_once_the_hearing_is_over
            )
        }
        ("edition_reason", "too_long") => td_string!(locale, form_what_changed_is_too_long),
        ("edition_reason", _) => td_string!(locale, form_write_what_changed_and_why),
        ("case_number", _) => td_string!(locale, form_the_case_number_must_be_one_text),
        ("announced", _) => td_string!(locale, form_text_too_long_1000),
        ("moderate", "cpr") => td_string!(locale, form_the_response_contains_a_cpr_number),
        ("moderate", "cpr_file") => td_string!(locale, form_an_attached_file_contains_a_cpr_number),
        ("reason", "required") => td_string!(locale, form_write_the_reason_the_sender_gets),
        ("reason", "too_long") => td_string!(locale, form_the_reason_is_too_long_at),
        ("passage", "not_found") => td_string!(locale, form_the_passage_is_not_in_the),
        ("passage", "changed") => td_string!(locale, form_the_response_has_changed_since_the),
        ("passage", "too_long") => td_string!(locale, form_the_passage_is_too_long_to),
        ("passage", _) => td_string!(locale, form_type_or_paste_the_words_to),
        _ => return None,
    })
}

/// A form the server sent back because something in it was wrong: what was typed, and what is
/// wrong with it (field name to error code), so the page can show both without JavaScript.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
    /// Extra HTML the server prepared for this form (the clerk's Markdown preview), already
    /// sanitised by the domain core.
    pub preview: Option<HearingPreview>,
}

impl FormEcho {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).cloned()
    }
    /// The error on `field` in the reader's words, when the server found one.
    pub fn message(&self, i18n: I18nContext<Locale>, field: &str) -> Option<String> {
        self.error(field)
            .map(|code| error_message(i18n, field, &code))
    }
    /// [`FormEcho::message`] as the signal a [`crate::components::FieldError`] shows.
    pub fn message_signal(
        &self,
        i18n: I18nContext<Locale>,
        field: &str,
    ) -> leptos::prelude::Signal<Option<String>> {
        let message = self.message(i18n, field);
        leptos::prelude::Signal::derive(move || message.clone())
    }
}

/// What the server echoed back for a form it refused, shared with the browser during hydration so
/// both render the same errors and values.
pub fn form_echo() -> FormEcho {
    leptos::prelude::SharedValue::new(|| {
        leptos::prelude::use_context::<FormEcho>().unwrap_or_default()
    })
    .into_inner()
}
