//! What the pages read of the høringsliste: the clerk's list with statuses and counts, and the
//! public list of organisations (never a contact's name or an address).

use super::db::{self as party_db, PartyRow};
use super::status_of;
use crate::backend::{DbBackend, fail};
use crate::hearing::db::HearingRow;
use app::backend::{BackendError, PartyReads};
use app::consultees::AdminParty;
use app::consultees::EarlierList;
use app::consultees::PartyInvitation;
use app::consultees::PartyListView;
use app::consultees::PartySuggestion;
use hoering::calendar::local_day;
use hoering::consultees::{
    Likeness, ListCounts, Listed, Party, PartyFields, PartyKind, PublicParty, Sender, public_list,
    suggest,
};

fn kind_of(row: &PartyRow) -> Result<PartyKind, BackendError> {
    PartyKind::parse(&row.kind).map_err(|_| fail(format!("stored party kind {:?}", row.kind)))
}

/// A stored party as the core's valid type (it was valid when stored).
fn party_of(row: &PartyRow) -> Result<Party, BackendError> {
    PartyFields {
        organisation: row.organisation.clone(),
        contact: row.contact.clone().unwrap_or_default(),
        email: row.email.clone(),
        kind: row.kind.clone(),
    }
    .parse()
    .map_err(|e| fail(format!("stored party {} does not read: {e:?}", row.id)))
}

impl DbBackend {
    /// The høringsliste for the clerk's hearing page.
    pub async fn party_list(&self, hearing: &HearingRow) -> Result<PartyListView, BackendError> {
        let pool = &self.db.pool;
        let rows = party_db::of_hearing(pool, hearing.id).await.map_err(fail)?;
        let unmatched = party_db::unmatched_responses(pool, hearing.id)
            .await
            .map_err(fail)?;
        let listed: Vec<Listed<'_>> = rows
            .iter()
            .map(|r| Listed {
                organisation: &r.organisation,
                email: &r.email,
            })
            .collect();
        // Each party's strongest suggestion, the earliest response among equals.
        let mut suggested: Vec<Option<(Likeness, &party_db::UnmatchedResponse)>> =
            vec![None; rows.len()];
        for response in &unmatched {
            let sender = Sender {
                organisation: response.organisation.as_deref(),
                email: &response.email,
            };
            if let Some((i, likeness)) = suggest(sender, &listed)
                && suggested[i].is_none_or(|(best, _)| likeness < best)
            {
                suggested[i] = Some((likeness, response));
            }
        }
        let mut parties = rows
            .iter()
            .zip(suggested)
            .map(|(r, suggestion)| {
                Ok(AdminParty {
                    id: r.id,
                    organisation: r.organisation.clone(),
                    contact: r.contact.clone(),
                    email: r.email.clone(),
                    kind: kind_of(r)?,
                    status: status_of(r),
                    invited_on: r.invited_at.map(local_day),
                    reminded_on: r.reminded_at.map(local_day),
                    suggestion: suggestion.map(|(_, s)| PartySuggestion {
                        response_id: s.id,
                        receipt_number: crate::response::receipt_number(s.id, s.created_at),
                        sender: [
                            s.organisation.as_deref().unwrap_or_default(),
                            s.name.as_str(),
                        ]
                        .into_iter()
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(", "),
                    }),
                })
            })
            .collect::<Result<Vec<_>, BackendError>>()?;
        parties.sort_by(|a, b| hoering::consultees::danish_cmp(&a.organisation, &b.organisation));
        let counts = ListCounts::of(parties.iter().map(|p| p.status));
        let reminder_days = party_db::reminder_days(pool, hearing.id)
            .await
            .map_err(fail)?;
        let reminder_on = reminder_day(&self.calendar, hearing, reminder_days);
        let earlier = party_db::lists_of_committee(pool, &hearing.committee, hearing.id)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|(slug, title, parties)| EarlierList {
                slug,
                title,
                parties,
            })
            .collect();
        Ok(PartyListView {
            parties,
            counts,
            reminder_days,
            reminder_on,
            earlier,
        })
    }

    /// The public list: organisations and their kind, alphabetically.
    pub async fn public_parties(&self, hearing_id: i64) -> Result<Vec<PublicParty>, BackendError> {
        let rows = party_db::of_hearing(&self.db.pool, hearing_id)
            .await
            .map_err(fail)?;
        let parties = rows.iter().map(party_of).collect::<Result<Vec<_>, _>>()?;
        Ok(public_list(&parties))
    }
}

/// The day parties without an answer are reminded: `days` working days before the deadline.
pub fn reminder_day(
    calendar: &hoering::calendar::Calendar,
    hearing: &HearingRow,
    days: i64,
) -> Option<jiff::civil::Date> {
    Some(hoering::consultees::reminder_day(
        calendar,
        local_day(hearing.opens_at),
        local_day(hearing.closes_at),
        u32::try_from(days.max(0)).unwrap_or(0),
    ))
}

#[async_trait::async_trait]
impl PartyReads for DbBackend {
    async fn party_invitation(&self, token: &str) -> Result<Option<PartyInvitation>, BackendError> {
        let Some(p) = party_db::by_token(&self.db.pool, token)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let now = crate::db::now();
        Ok(Some(PartyInvitation {
            token: p.party.token.clone(),
            organisation: p.party.organisation.clone(),
            hearing_slug: p.slug.clone(),
            hearing_title: p.title.clone(),
            closes: local_day(p.closes_at),
            open: p.opens_at <= now && now < p.closes_at,
            status: status_of(&p.party),
        }))
    }
}
