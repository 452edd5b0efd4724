//! Form errors: the domain core's error codes, as field names and codes the server can echo, and
//! the translated message a reader sees next to each field.

use crate::i18n::*;
use leptos_i18n::I18nContext;
use std::collections::BTreeMap;

/// The message for an error `code` on `field`, in the reader's language.
pub fn error_message(i18n: I18nContext<Locale>, field: &str, code: &str) -> String {
    if let Some(s) = meeting_message(i18n.get_locale_untracked(), field, code) {
        return s.to_string();
    }
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
    let say = |da, en| match locale {
        Locale::da => da,
        Locale::en => en,
    };
    Some(match (field, code) {
        ("meeting_title", "no_hearing") => say(
            "Politikken har ingen høring endnu. Input fra et dialogmøde registreres på en hørings udkast, så opret høringen først.",
            "The policy has no hearing yet. Input from a dialogue meeting is recorded on a hearing's draft, so create the hearing first.",
        ),
        ("meeting_date", "required") => say("Skriv mødets dato.", "Enter the meeting's date."),
        ("meeting_date", _) | ("meeting_signup_deadline", "invalid") => say(
            "Skriv datoen som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.",
            "Enter the date as YYYY-MM-DD or DD-MM-YYYY.",
        ),
        ("meeting_signup_deadline", "after_meeting") => say(
            "Tilmeldingsfristen skal ligge senest på mødets dag.",
            "The sign-up deadline must be on or before the meeting's day.",
        ),
        ("meeting_starts", "required") => say(
            "Skriv, hvornår mødet starter.",
            "Enter when the meeting starts.",
        ),
        ("meeting_starts", _) | ("meeting_ends", "invalid") => say(
            "Skriv tidspunktet som TT:MM, fx 17:00.",
            "Enter the time as HH:MM, e.g. 17:00.",
        ),
        ("meeting_ends", "ends_before_start") | (_, "ends_before_start") => say(
            "Mødet skal slutte efter, at det starter.",
            "The meeting must end after it starts.",
        ),
        ("meeting_capacity", _) => say(
            "Skriv antal pladser som et helt tal fra 1 til 10.000.",
            "Enter the number of seats as a whole number from 1 to 10,000.",
        ),
        ("meeting_step_free", _) => say(
            "Vælg, om stedet har trinfri adgang.",
            "Choose whether the place has step-free access.",
        ),
        ("meeting_mode", _) => say(
            "Vælg, hvem der kan tilmelde sig.",
            "Choose who can sign up.",
        ),
        ("meeting_place", "required") => say(
            "Skriv, hvor mødet holdes.",
            "Enter where the meeting is held.",
        ),
        ("meeting_title", "required") => say("Skriv mødets titel.", "Enter the meeting's title."),
        ("email", "already") => say(
            "Denne e-mailadresse er allerede tilmeldt mødet. Brug linket i din bekræftelse for at se eller afmelde tilmeldingen.",
            "This e-mail address is already signed up for the meeting. Use the link in your confirmation to see or cancel the sign-up.",
        ),
        ("group", _) => say(
            "Vælg, hvem du deltager som.",
            "Choose whom you take part as.",
        ),
        ("interpreter_language", "required") => say(
            "Skriv, hvilket sprog du har brug for tolk til.",
            "Enter the language you need an interpreter for.",
        ),
        ("consent", _) => say(
            "Sæt kryds for at give samtykke; ellers kan vi ikke gemme din tilmelding.",
            "Tick the box to consent; otherwise we cannot keep your sign-up.",
        ),
        ("parties", "required") => say(
            "Indsæt mindst én part: organisation; kontaktperson; e-mail; type.",
            "Paste at least one party: organisation; contact; e-mail; kind.",
        ),
        ("parties", "too_many") => say(
            "Højst 2.000 parter ad gangen. Del listen op.",
            "At most 2,000 parties at a time. Split the list.",
        ),
        ("from", _) => say(
            "Vælg en tidligere høring i samme udvalg.",
            "Choose an earlier hearing of the same committee.",
        ),
        ("reminder_days", _) => say(
            "Skriv et helt antal arbejdsdage fra 0 til 30.",
            "Enter a whole number of working days from 0 to 30.",
        ),
        ("round_closes", "after_hearing") | ("round_opens", "after_hearing") => say(
            "Rådets runde skal slutte senest på høringens sidste dag.",
            "The council's round must end on or before the hearing's last day.",
        ),
        ("round_closes", "order") => say(
            "Runden skal slutte efter, at den åbner.",
            "The round must end after it opens.",
        ),
        ("name", "taken") => say(
            "Der findes allerede et råd med det navn.",
            "There is already a council by that name.",
        ),
        ("email", "unknown_user") => say(
            "Der er ingen bruger med den e-mail. Opret brugeren med rollen råd først.",
            "There is no user with that e-mail. Create the user with the council role first.",
        ),
        ("email", "not_council") => say(
            "Brugeren har ikke rollen råd; kun rådsmedlemmer kan sidde i et råd.",
            "The user does not have the council role; only council members can sit in a council.",
        ),
        ("minutes", "required") => say(
            "Skriv referatet, før det offentliggøres.",
            "Write the minutes before publishing them.",
        ),
        ("joint_text", "stale") => say(
            "Et andet medlem har gemt en nyere version, mens du skrev. Din tekst er ikke gemt, men står stadig i feltet. Se den nyeste version og forskellen ovenfor, flet jeres ændringer og gem igen.",
            "Another member saved a newer version while you were writing. Your text was not saved, but it is still in the field. See the newest version and the difference above, merge your changes and save again.",
        ),
        ("joint_text", "submitted") => say(
            "Formanden har indsendt svaret; teksten kan ikke længere ændres. Din tekst står stadig i feltet, så du kan kopiere den.",
            "The chair has submitted the response; the text can no longer be changed. Your text is still in the field for you to copy.",
        ),
        ("joint_text", "round_closed") => say(
            "Rådets runde er ikke åben, så svaret kan ikke ændres nu. Din tekst står stadig i feltet.",
            "The council's round is not open, so the response cannot be changed now. Your text is still in the field.",
        ),
        ("joint_text", "unknown_revision") => say(
            "Siden var forældet. Hent siden igen; din tekst står stadig i feltet.",
            "The page was out of date. Reload it; your text is still in the field.",
        ),
        ("joint_text", "too_long") => say(
            "Svaret er for langt til et høringssvar. Forkort det, og gem igen.",
            "The response is too long for a consultation response. Shorten it and save again.",
        ),
        ("submit", "not_chair") | ("publish", "not_chair") => say(
            "Kun rådets formand kan gøre det.",
            "Only the council's chair can do that.",
        ),
        ("submit", "not_member") | ("publish", "not_member") => say(
            "Kun rådets medlemmer kan gøre det.",
            "Only the council's members can do that.",
        ),
        ("submit", "already_submitted") => say(
            "Rådets svar er allerede indsendt.",
            "The council's response has already been submitted.",
        ),
        ("submit", "round_not_open") => say(
            "Rådets runde er ikke begyndt endnu.",
            "The council's round has not begun yet.",
        ),
        ("submit", "hearing_closed") => say(
            "Høringen er slut, så svaret kan ikke længere indsendes.",
            "The hearing has ended, so the response can no longer be submitted.",
        ),
        ("submit", "empty") => say(
            "Der er ingen tekst at indsende endnu.",
            "There is no text to submit yet.",
        ),
        ("submit", "stale") => say(
            "Svaret er ændret, siden du læste det. Læs den nyeste version, og indsend igen.",
            "The response has changed since you read it. Read the newest version and submit again.",
        ),
        ("submit", "no_email") => say(
            "Din brugers e-mail kan ikke bruges til kvitteringen. Bed en administrator rette den.",
            "Your account's e-mail cannot be used for the receipt. Ask an administrator to correct it.",
        ),
        ("submit_name", "required") => say(
            "Skriv dit navn som rådets kontaktperson.",
            "Enter your name as the council's contact person.",
        ),
        ("publish", "round_not_over") => say(
            "Drøftelsen kan offentliggøres, når runden er slut eller svaret er indsendt.",
            "The discussion can be published once the round has ended or the response is submitted.",
        ),
        ("publish", "already_published") => say(
            "Drøftelsen er allerede offentliggjort.",
            "The discussion is already published.",
        ),
        ("publish_confirm", "required") => say(
            "Bekræft, at rådet har besluttet at offentliggøre drøftelsen.",
            "Confirm that the council has decided to publish the discussion.",
        ),
        ("tag_name", "taken") => say(
            "Høringen har allerede et mærke med det navn.",
            "The hearing already has a tag by that name.",
        ),
        ("tag_name", "too_long") => say(
            "Mærket er for langt (højst 60 tegn).",
            "The tag is too long (at most 60 characters).",
        ),
        ("tag_name", _) => say("Skriv mærkets navn.", "Enter the tag's name."),
        ("tag", "none_ticked") => say(
            "Vælg først de svar, mærket skal på.",
            "First select the responses the tag is for.",
        ),
        ("tag", _) => say("Vælg et mærke.", "Choose a tag."),
        ("summary", "required") => say(
            "Skriv kort, hvad der blev sagt; det står i høringsnotatet.",
            "Summarise what was said; it goes into the høringsnotat.",
        ),
        ("summary", "too_long") | ("remark_text", "too_long") => say(
            "Teksten er for lang (højst 10.000 tegn).",
            "The text is too long (at most 10,000 characters).",
        ),
        ("remark_text", "published") => say(
            "Bemærkningen er offentliggjort og kan ikke længere ændres.",
            "The remark has been published and can no longer be changed.",
        ),
        ("remark_text", _) => say(
            "Skriv administrationens bemærkning.",
            "Write the administration's remark.",
        ),
        ("outcome", _) => say(
            "Vælg, hvad punktet giver anledning til.",
            "Choose what the point leads to.",
        ),
        ("change", _) => say(
            "Vælg det afsnit i den nye version, der blev ændret.",
            "Choose the paragraph of the new version that was changed.",
        ),
        ("section", _) => say(
            "Vælg et af forslagets afsnit, eller forslaget som helhed.",
            "Choose one of the draft's sections, or the draft as a whole.",
        ),
        ("remark", "own_remark") => say(
            "Du har selv skrevet bemærkningen; en anden sagsbehandler skal godkende den.",
            "You wrote this remark yourself; another clerk must approve it.",
        ),
        ("remark", _) => say(
            "Bemærkningen er offentliggjort og kan ikke godkendes igen.",
            "The remark has been published and cannot be approved again.",
        ),
        ("publish", "unapproved") => say(
            "Alle bemærkninger skal være godkendt af en anden sagsbehandler, før høringsnotatet offentliggøres.",
            "Every remark must be approved by another clerk before the høringsnotat is published.",
        ),
        ("publish", "none") => say(
            "Der er ingen bemærkninger at offentliggøre endnu.",
            "There are no remarks to publish yet.",
        ),
        ("case_number", _) => say(
            "Sagsnummeret må højst være 60 tegn på én linje.",
            "The case number must be one line of at most 60 characters.",
        ),
        ("announced", _) => say(
            "Teksten er for lang (højst 1.000 tegn).",
            "The text is too long (at most 1,000 characters).",
        ),
        ("moderate", "cpr") => say(
            "Svaret indeholder et CPR-nummer. Skjul det, eller bekræft, at det må offentliggøres.",
            "The response contains a CPR number. Redact it, or confirm that it may be published.",
        ),
        ("reason", "required") => say(
            "Skriv begrundelsen; afsenderen får den på e-mail.",
            "Write the reason; the sender gets it by e-mail.",
        ),
        ("reason", "too_long") => say(
            "Begrundelsen er for lang (højst 2.000 tegn).",
            "The reason is too long (at most 2,000 characters).",
        ),
        ("passage", "not_found") => say(
            "Passagen står ikke i svaret. Kopiér den direkte fra teksten.",
            "The passage is not in the response. Copy it straight from the text.",
        ),
        ("passage", "changed") => say(
            "Svaret er ændret, siden siden blev vist. Intet er skjult; se teksten igen.",
            "The response has changed since the page was shown. Nothing was redacted; look at the text again.",
        ),
        ("passage", "too_long") => say(
            "Passagen er for lang til at finde (højst 2.000 tegn).",
            "The passage is too long to find (at most 2,000 characters).",
        ),
        ("passage", _) => say(
            "Skriv eller indsæt de ord, der skal skjules.",
            "Type or paste the words to redact.",
        ),
        _ => return None,
    })
}
