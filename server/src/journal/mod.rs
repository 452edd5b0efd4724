//! The journal: an append-only record of every change of state (who, when, what, before and
//! after) and of every reading of a response's original text. The database refuses to update
//! or delete a row; entries name what changed, never the citizen's words themselves.

pub mod db;

/// What happened, as the journal's `action` column stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A response's moderation status changed (`before`/`after` are the statuses).
    StatusChanged,
    /// A clerk published a response although it holds a CPR number, having confirmed it.
    CprConfirmed,
    /// A clerk redacted passages of a response (`after` counts them, never shows them).
    Redacted,
    /// A clerk read a redacted response's original text.
    OriginalRead,
    /// A clerk put a tag on a response (`after` is the tag's id), or took it off.
    Tagged,
    Untagged,
    /// A clerk wrote or changed a bemærkning (`after` is its outcome).
    RemarkWritten,
    /// A second clerk approved a bemærkning.
    RemarkApproved,
    /// The bemærkninger of a hearing were published (`after` counts them).
    RemarksPublished,
    /// A clerk exported the responses with their originals for the case system.
    ArchiveExported,
    /// A clerk set a response aside without a bemærkning, or took it back (`before`/`after`
    /// are the reasons' codes, "" for none).
    ResponseSetAside,
    /// A clerk tied a response from the public form to a party on the høringsliste (`after`
    /// is the party's id).
    PartyMatched,
    /// An edition of the høringsnotat was published (`before` is the edition it replaces,
    /// `after` its number, reason and files' SHA-256 as JSON).
    EditionPublished,
    /// A file came with a response (`after`: its name, SHA-256, size and scan as JSON).
    AttachmentReceived,
    /// A clerk withheld one file of a response from the public (`after` is the reason), or
    /// released it again.
    AttachmentWithheld,
    AttachmentReleased,
    /// A clerk chose how long a hearing keeps its senders' personal data (`before`/`after`
    /// are the months, "" for the municipality's default).
    RetentionChanged,
    /// The sender changed their response from the receipt link (`before`/`after`: the
    /// publication choices and the text's length; the earlier text is kept for clerks in
    /// `response_changes`, never in the journal).
    ChangedBySender,
    /// The sender withdrew their response.
    WithdrawnBySender,
    /// The sender asked for their name to be erased; a clerk erased it or kept it (`after`).
    ErasureAsked,
    ErasureDecided,
    /// A clerk answered an access request (`after`: the address's SHA-256 and the counts of
    /// what was handed over, never the address).
    AccessRequestAnswered,
    /// Housekeeping erased a hearing's personal data when its retention ran out (`after`:
    /// the counts as JSON; `actor` is empty, or the operator's command).
    PersonalDataErased,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::StatusChanged => "status_changed",
            Action::CprConfirmed => "cpr_confirmed",
            Action::Redacted => "redacted",
            Action::OriginalRead => "original_read",
            Action::Tagged => "tagged",
            Action::Untagged => "untagged",
            Action::RemarkWritten => "remark_written",
            Action::RemarkApproved => "remark_approved",
            Action::RemarksPublished => "remarks_published",
            Action::ArchiveExported => "archive_exported",
            Action::ResponseSetAside => "response_set_aside",
            Action::PartyMatched => "party_matched",
            Action::EditionPublished => "notat_edition_published",
            Action::AttachmentReceived => "attachment_received",
            Action::AttachmentWithheld => "attachment_withheld",
            Action::AttachmentReleased => "attachment_released",
            Action::RetentionChanged => "retention_changed",
            Action::ChangedBySender => "changed_by_sender",
            Action::WithdrawnBySender => "withdrawn_by_sender",
            Action::ErasureAsked => "erasure_asked",
            Action::ErasureDecided => "erasure_decided",
            Action::AccessRequestAnswered => "access_request_answered",
            Action::PersonalDataErased => "personal_data_erased",
        }
    }
}

/// One entry to write.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The staff user who acted; `None` for the system itself.
    pub actor: Option<i64>,
    pub action: Action,
    /// The kind of thing acted on (`response`, …) and its id.
    pub subject: &'a str,
    pub subject_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl<'a> Entry<'a> {
    /// On a response, by a staff user, or (`None`) by its sender from the receipt link.
    pub fn response(actor: impl Into<Option<i64>>, action: Action, id: i64) -> Self {
        Entry {
            actor: actor.into(),
            action,
            subject: "response",
            subject_id: Some(id),
            before: None,
            after: None,
        }
    }

    pub fn remark(actor: i64, action: Action, id: i64) -> Self {
        Entry {
            actor: Some(actor),
            action,
            subject: "remark",
            subject_id: Some(id),
            before: None,
            after: None,
        }
    }

    pub fn hearing(actor: i64, action: Action, id: i64) -> Self {
        Entry {
            actor: Some(actor),
            action,
            subject: "hearing",
            subject_id: Some(id),
            before: None,
            after: None,
        }
    }

    pub fn change(mut self, before: impl Into<String>, after: impl Into<String>) -> Self {
        self.before = Some(before.into());
        self.after = Some(after.into());
        self
    }
}
