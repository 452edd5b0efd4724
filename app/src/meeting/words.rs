//! The words of the meeting's door list (the sign-ups as CSV) in the clerk's language.

use crate::i18n::*;

/// The door list's header row, its states as cells and the word for a ticked need.
#[derive(Debug, Clone, Copy)]
pub struct DoorListWords {
    pub header: [&'static str; 9],
    pub seated: &'static str,
    pub waiting: &'static str,
    pub cancelled: &'static str,
    pub yes: &'static str,
}

impl DoorListWords {
    pub fn of(locale: Locale) -> Self {
        DoorListWords {
            header: [
                td_string!(locale, export_name),
                td_string!(locale, export_email),
                td_string!(locale, export_group),
                td_string!(locale, export_organisation),
                td_string!(locale, export_status),
                td_string!(locale, export_interpreter),
                td_string!(locale, export_step_free),
                td_string!(locale, export_other_needs),
                td_string!(locale, export_attended),
            ],
            seated: td_string!(locale, export_signup_seated),
            waiting: td_string!(locale, export_signup_waiting),
            cancelled: td_string!(locale, export_signup_cancelled),
            yes: td_string!(locale, export_yes),
        }
    }
}
