//! Every address the app links to, built in one place, and the names of the query parameters
//! pages read, so a page and its links can never disagree.

use crate::components::encode_query;

/// `?vis=`: which list of input is open (a block number, [`WHOLE_DRAFT`] or [`REMOVED`]).
pub const SHOWN: &str = "vis";
/// `?side=`: the page number of the open list ("side" is Danish for page).
pub const PAGE: &str = "side";
/// `?visning=`: how the changes page lays out the two versions ([`Layout`]).
pub const LAYOUT: &str = "visning";
/// `?blok=` and `?citat=`: the block a response is about, and the words it quotes.
pub const BLOCK: &str = "blok";
pub const QUOTE: &str = "citat";
/// `?fra=` and `?til=`: the versions the changes page compares.
pub const FROM: &str = "fra";
pub const TO: &str = "til";

/// [`SHOWN`] for the responses to the draft as a whole.
pub const WHOLE_DRAFT: &str = "hele";
/// [`SHOWN`] for input whose words a version removed.
pub const REMOVED: &str = "fjernet";

/// The changes page's two layouts, by their [`LAYOUT`] values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Inline,
    /// The old and the new text in two columns.
    Parallel,
}

impl Layout {
    pub fn as_query(self) -> &'static str {
        match self {
            Layout::Inline => "inline",
            Layout::Parallel => "parallel",
        }
    }

    pub fn from_query(value: Option<&str>) -> Self {
        match value {
            Some("parallel") => Layout::Parallel,
            _ => Layout::Inline,
        }
    }
}

pub fn hearing(slug: &str) -> String {
    format!("/hoeringer/{}", encode_query(slug))
}

pub fn respond(slug: &str) -> String {
    format!("{}/svar", hearing(slug))
}

/// The response form for one block, with the quoted words filled in when given.
pub fn respond_to_block(slug: &str, block: &str, quote: Option<&str>) -> String {
    let base = format!("{}?{BLOCK}={}", respond(slug), encode_query(block));
    match quote {
        Some(q) => format!("{base}&{QUOTE}={}", encode_query(q)),
        None => base,
    }
}

pub fn version(slug: &str, number: i64) -> String {
    format!("{}/version/{number}", hearing(slug))
}

pub fn changes(slug: &str) -> String {
    format!("{}/aendringer", hearing(slug))
}

pub fn admin_hearing(slug: &str) -> String {
    format!("/admin/hoeringer/{}", encode_query(slug))
}

/// Where the clerk's publish and withhold buttons post.
pub fn moderate(response_id: i64) -> String {
    format!("/admin/svar/{response_id}")
}

/// A hearing's groups of identical and near-identical responses.
/// The clerks' høringsnotat: bemærkninger, approval, publication, downloads.
pub fn admin_notat(slug: &str) -> String {
    format!("{}/hoeringsnotat", admin_hearing(slug))
}

/// A download of the clerks' notat or records: `hoeringsnotat.docx`, `svar.xlsx`, ….
pub fn admin_download(slug: &str, file: &str) -> String {
    format!("{}/{file}", admin_hearing(slug))
}

/// The editor of a bemærkning: a new one on a response (`group`: its whole campaign group),
/// or an existing one.
pub fn remark_editor(
    slug: &str,
    response: Option<i64>,
    group: bool,
    remark: Option<i64>,
) -> String {
    let mut url = format!("{}/bemaerkning", admin_hearing(slug));
    let mut sep = '?';
    if let Some(r) = response {
        url.push_str(&format!("{sep}svar={r}"));
        sep = '&';
    }
    if group {
        url.push_str(&format!("{sep}gruppe=1"));
        sep = '&';
    }
    if let Some(id) = remark {
        url.push_str(&format!("{sep}bemaerkning={id}"));
    }
    url
}

/// The published høringsnotat.
pub fn hearing_notat(slug: &str) -> String {
    format!("{}/hoeringsnotat", hearing(slug))
}

/// Edition `number` of the published høringsnotat (the notat's own address shows the latest).
pub fn notat_edition(slug: &str, number: i64) -> String {
    format!("{}/udgave/{number}", hearing_notat(slug))
}

/// A download of edition `number` of the høringsnotat (`None`: the latest), `file` one of
/// `hoeringsnotat.docx`, `hoeringsnotat.pdf`, `hoeringsnotat.html`.
pub fn notat_edition_download(slug: &str, number: Option<i64>, file: &str) -> String {
    match number {
        Some(n) => format!("{}/{file}", notat_edition(slug, n)),
        None => format!("{}/{file}", hearing(slug)),
    }
}

/// "I sagde – vi gjorde": the hearing's result.
pub fn hearing_result(slug: &str) -> String {
    format!("{}/resultat", hearing(slug))
}

pub fn admin_groups(slug: &str) -> String {
    format!("{}/grupper", admin_hearing(slug))
}

/// Everything said about one paragraph of a hearing, for the clerk.
pub fn admin_block(slug: &str, number: &str) -> String {
    format!("{}/afsnit/{}", admin_hearing(slug), encode_query(number))
}

/// Where a clerk redacts a flag or a passage of a response.
pub fn redact(response_id: i64) -> String {
    format!("/admin/svar/{response_id}/skjul")
}

/// A redacted response's original text (each reading is journaled).
pub fn response_original(response_id: i64) -> String {
    format!("/admin/svar/{response_id}/original")
}

pub fn new_version(slug: &str) -> String {
    format!("{}/version/ny", admin_hearing(slug))
}

/// `?q=`: the search on the list of policies.
pub const SEARCH: &str = "q";
/// `?spurgt=`: the public's question was received; its value is the promised answer day.
pub const ASKED: &str = "spurgt";

pub fn policies() -> String {
    "/politikker".to_string()
}

pub fn policy(slug: &str) -> String {
    format!("/politikker/{}", encode_query(slug))
}

/// Where the public's question form posts.
pub fn ask(slug: &str) -> String {
    format!("{}/spoergsmaal", policy(slug))
}

/// The policy's own calendar (hearing deadlines, meetings, decisions).
pub fn policy_calendar(slug: &str) -> String {
    format!("{}/kalender.ics", policy(slug))
}

pub const CALENDAR: &str = "/kalender.ics";
pub const FEED: &str = "/feeds/politikker.atom";

pub fn admin_policy(slug: &str) -> String {
    format!("/admin/politikker/{}", encode_query(slug))
}

/// Where the clerk's road steps post.
pub fn policy_step(slug: &str) -> String {
    format!("{}/skridt", admin_policy(slug))
}

/// The process templates, and where an admin's edit of template `name` posts.
pub const TEMPLATES: &str = "/admin/forloeb";

/// A dialogue meeting's public page, and where its sign-up form posts.
pub fn meeting(id: i64) -> String {
    format!("/moeder/{id}")
}

/// The query parameter that carries a by-invitation meeting's secret, and its invitation link.
pub const INVITATION: &str = "invitation";

pub fn meeting_invitation(id: i64, token: &str) -> String {
    format!("/moeder/{id}?{INVITATION}={token}")
}

pub fn meeting_signup(id: i64) -> String {
    format!("/moeder/{id}/tilmelding")
}

/// A participant's own sign-up (the link in their e-mail), and where it is cancelled.
pub fn signup(token: &str) -> String {
    format!("/tilmelding/{token}")
}

pub fn signup_cancel(token: &str) -> String {
    format!("/tilmelding/{token}/afmeld")
}

/// Where a clerk's new meeting for a policy posts.
pub fn new_meeting(policy_slug: &str) -> String {
    format!("/admin/politikker/{policy_slug}/moeder")
}

/// The clerk's page of a meeting, and where its forms post.
pub fn admin_meeting(id: i64) -> String {
    format!("/admin/moeder/{id}")
}

pub fn meeting_attendance(id: i64) -> String {
    format!("/admin/moeder/{id}/fremmoede")
}

pub fn meeting_input(id: i64) -> String {
    format!("/admin/moeder/{id}/input")
}

pub fn meeting_minutes(id: i64) -> String {
    format!("/admin/moeder/{id}/referat")
}

/// The sign-up list as CSV, for the door.
pub fn meeting_csv(id: i64) -> String {
    format!("/admin/moeder/{id}/deltagere.csv")
}

/// A party's own page (the link in its invitation), and where it says "ingen bemærkninger".
pub fn party_page(token: &str) -> String {
    format!("/hoeringsliste/{token}")
}

pub fn party_decline(token: &str) -> String {
    format!("/hoeringsliste/{token}/ingen-bemaerkninger")
}

/// The response form for a party, so its answer is matched to it.
pub const PARTY: &str = "part";

pub fn respond_as_party(slug: &str, token: &str) -> String {
    format!("/hoeringer/{slug}/svar?{PARTY}={token}")
}

/// Where the clerk's høringsliste forms post.
pub fn party_list(slug: &str) -> String {
    format!("/admin/hoeringer/{slug}/hoeringsliste")
}

pub fn party_list_reuse(slug: &str) -> String {
    format!("/admin/hoeringer/{slug}/hoeringsliste/genbrug")
}

pub fn party_list_reminder(slug: &str) -> String {
    format!("/admin/hoeringer/{slug}/hoeringsliste/paamindelse")
}

pub fn party_remove(slug: &str, id: i64) -> String {
    format!("/admin/hoeringer/{slug}/hoeringsliste/{id}/fjern")
}

/// Where a clerk confirms a response as party `id`'s answer.
pub fn party_match(slug: &str, id: i64) -> String {
    format!("/admin/hoeringer/{slug}/hoeringsliste/{id}/svar")
}

/// A council member's start page: their councils and their rounds.
pub const COUNCIL_HOME: &str = "/raad";

/// Where a council member sets the name they go by in the room and in public.
pub const COUNCIL_NAME: &str = "/raad/navn";

/// A council's workspace on a hearing, and where its members' comments and agreements post.
pub fn council_workspace(slug: &str, council: &str) -> String {
    format!("/raad/hoeringer/{slug}/{council}")
}

pub fn council_comment(slug: &str, council: &str) -> String {
    format!("/raad/hoeringer/{slug}/{council}/kommentar")
}

pub fn council_agree(slug: &str, council: &str, comment: i64) -> String {
    format!("/raad/hoeringer/{slug}/{council}/enig/{comment}")
}

/// Where members save the joint response, the chair submits it and publishes the discussion.
pub fn council_joint(slug: &str, council: &str) -> String {
    format!("/raad/hoeringer/{slug}/{council}/faelles")
}

pub fn council_submit(slug: &str, council: &str) -> String {
    format!("/raad/hoeringer/{slug}/{council}/indsend")
}

pub fn council_publish(slug: &str, council: &str) -> String {
    format!("/raad/hoeringer/{slug}/{council}/offentliggoer")
}

/// Where a clerk opens a council's round on a hearing.
pub fn council_round(slug: &str) -> String {
    format!("/admin/hoeringer/{slug}/raadsrunde")
}

/// The councils, where an admin creates one, and where members are added and removed.
pub const COUNCILS: &str = "/admin/raad";

pub fn council_members(slug: &str) -> String {
    format!("{COUNCILS}/{slug}/medlemmer")
}

pub fn council_member_remove(slug: &str) -> String {
    format!("{COUNCILS}/{slug}/medlemmer/fjern")
}

/// The outbox (`?til=` one recipient's messages), and one message in it.
pub const OUTBOX: &str = "/admin/post";

/// A clerk's answer to an access request: everything held under one e-mail address.
pub const ACCESS_REQUEST: &str = "/admin/indsigt";
pub const RECIPIENT: &str = "til";

pub fn outbox_message(id: i64) -> String {
    format!("{OUTBOX}/{id}")
}

/// Where an admin puts a message given up on back in the queue.
pub fn outbox_retry(id: i64) -> String {
    format!("{OUTBOX}/{id}/igen")
}

pub fn template(name: &str) -> String {
    format!("{TEMPLATES}/{}", encode_query(name))
}

/// Where the clerk's answer to inquiry `id` posts.
pub fn answer_inquiry(id: i64) -> String {
    format!("/admin/spoergsmaal/{id}")
}

/// The same page with the list `which` open at page `page`, scrolled to `anchor`.
pub fn shown_page(which: &str, page: u32, anchor: &str) -> String {
    let which = encode_query(which);
    if page <= 1 {
        format!("?{SHOWN}={which}#{anchor}")
    } else {
        format!("?{SHOWN}={which}&{PAGE}={page}#{anchor}")
    }
}

/// A file the public may download; its name ends the address so a saved copy is named right.
pub fn attachment(id: i64, name: &str) -> String {
    format!("/filer/{id}/{}", encode_query(name))
}

/// Any file, for clerks.
pub fn admin_attachment(id: i64, name: &str) -> String {
    format!("/admin/filer/{id}/{}", encode_query(name))
}

/// Where a clerk withholds or releases a file.
pub fn admin_attachment_withhold(id: i64) -> String {
    format!("/admin/filer/{id}")
}

/// The file of a meeting's published minutes.
pub fn meeting_minutes_file(id: i64, name: &str) -> String {
    format!("{}/referat/{}", meeting(id), encode_query(name))
}

/// The file of a meeting's minutes, for clerks.
pub fn admin_meeting_minutes_file(id: i64, name: &str) -> String {
    format!("{}/referat/{}", admin_meeting(id), encode_query(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            hearing("integrationspolitik"),
            "/hoeringer/integrationspolitik"
        );
        assert_eq!(version("a", 2), "/hoeringer/a/version/2");
        assert_eq!(
            respond_to_block("a", "3.4.1", Some("lære dansk")),
            "/hoeringer/a/svar?blok=3.4.1&citat=l%C3%A6re%20dansk"
        );
        assert_eq!(shown_page("2.3", 1, "b-2.3"), "?vis=2.3#b-2.3");
        assert_eq!(shown_page("2.3", 3, "b-2.3"), "?vis=2.3&side=3#b-2.3");
        assert_eq!(Layout::from_query(Some("parallel")), Layout::Parallel);
        assert_eq!(Layout::from_query(Some("side")), Layout::Inline);
    }
}
