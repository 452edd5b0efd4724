//! What the meeting pages share: seats left and who came, by group.

use crate::i18n::*;
use crate::meeting::MeetingCard;
use hoering::meeting::{GroupCount, SignupMode};
use leptos::prelude::*;

/// Seats left, the waiting list, and whether sign-up is open, in a sentence.
pub fn seats_text(locale: Locale, card: &MeetingCard) -> String {
    let left = (card.capacity - card.seated).max(0);
    match card.mode {
        SignupMode::Invitation => td_string!(locale, meeting_by_invitation).into(),
        SignupMode::Open if left == 0 => td_string!(
            locale,
            meeting_full,
            seats = td_string!(locale, meeting_full_seats, count = card.capacity).to_string(),
            waiting = td_string!(locale, meeting_full_waiting, count = card.waiting).to_string()
        )
        .to_string(),
        SignupMode::Open => td_string!(
            locale,
            meeting_seats_free,
            count = left,
            capacity = card.capacity
        )
        .to_string(),
    }
}

/// The attendance by group, as a table.
#[component]
pub fn AttendanceTable(counts: Vec<GroupCount>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let signed: u32 = counts.iter().map(|c| c.signed_up).sum();
    let came: u32 = counts.iter().map(|c| c.attended).sum();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(locale, meeting_participants_by_group)>
        <table class="data-table">
            <caption>{td_string!(locale, meeting_participants_by_group)}</caption>
            <thead><tr>
                <th scope="col">{td_string!(locale, admin_meeting_group)}</th>
                <th scope="col" class="num">{td_string!(locale, admin_meeting_signed_up)}</th>
                <th scope="col" class="num">{td_string!(locale, admin_meeting_came)}</th>
            </tr></thead>
            <tbody>
                {counts.into_iter().map(|c| view! {
                    <tr>
                        <th scope="row">{crate::names::group_plural(locale, c.group)}</th>
                        <td class="num">{c.signed_up}</td>
                        <td class="num">{c.attended}</td>
                    </tr>
                }).collect_view()}
            </tbody>
            <tfoot><tr>
                <th scope="row">{td_string!(locale, meeting_total)}</th>
                <td class="num">{signed}</td>
                <td class="num">{came}</td>
            </tr></tfoot>
        </table>
        </div>
    }
}
