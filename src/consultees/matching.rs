//! Which party on the høringsliste a response most likely came from, when it came through the
//! public form rather than the party's personal link: by the organisation it names, or by the
//! domain of its e-mail address. A suggestion only; the clerk decides.

/// What of a response can tie it to a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sender<'a> {
    pub organisation: Option<&'a str>,
    pub email: &'a str,
}

/// What of a party a response is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed<'a> {
    pub organisation: &'a str,
    pub email: &'a str,
}

/// Why a party is suggested, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    /// The same organisation name, ignoring case, punctuation and "the"-like filler.
    SameName,
    /// The response's e-mail address is at the party's own domain.
    SameDomain,
    /// One name contains the other ("Ældre Sagen" and "Ældre Sagen Roskilde").
    NameWithin,
}

/// Addresses anyone can have: a shared domain says nothing about who wrote.
const PUBLIC_DOMAINS: [&str; 16] = [
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.dk",
    "outlook.com",
    "outlook.dk",
    "live.dk",
    "live.com",
    "yahoo.com",
    "yahoo.dk",
    "icloud.com",
    "me.com",
    "mail.dk",
    "jubii.dk",
    "protonmail.com",
    "proton.me",
];

/// The party `sender` most likely is, as an index into `parties`, and why; `None` when nothing
/// ties them, or when two parties tie equally (the clerk must choose, not us).
pub fn suggest(sender: Sender<'_>, parties: &[Listed<'_>]) -> Option<(usize, Likeness)> {
    let mut best: Option<(usize, Likeness)> = None;
    let mut tied = false;
    for (i, party) in parties.iter().enumerate() {
        let Some(likeness) = likeness(sender, *party) else {
            continue;
        };
        match best {
            Some((_, b)) if likeness > b => {}
            Some((_, b)) if likeness == b => tied = true,
            _ => {
                best = Some((i, likeness));
                tied = false;
            }
        }
    }
    if tied { None } else { best }
}

fn likeness(sender: Sender<'_>, party: Listed<'_>) -> Option<Likeness> {
    let theirs = sender.organisation.map(words).unwrap_or_default();
    let ours = words(party.organisation);
    if !theirs.is_empty() && theirs == ours {
        return Some(Likeness::SameName);
    }
    let domain = |address: &str| {
        address
            .rsplit_once('@')
            .map(|(_, d)| d.trim().to_lowercase())
            .filter(|d| d.contains('.') && !PUBLIC_DOMAINS.contains(&d.as_str()))
    };
    if let (Some(a), Some(b)) = (domain(sender.email), domain(party.email))
        && a == b
    {
        return Some(Likeness::SameDomain);
    }
    let within = |short: &[String], long: &[String]| {
        !short.is_empty() && long.windows(short.len()).any(|w| w == short)
    };
    if within(&theirs, &ours) || within(&ours, &theirs) {
        return Some(Likeness::NameWithin);
    }
    None
}

/// An organisation's name as comparable words: lower case, letters and digits only.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Likeness::{NameWithin, SameDomain, SameName};

    fn listed() -> Vec<Listed<'static>> {
        vec![
            Listed {
                organisation: "Ældre Sagen Roskilde",
                email: "roskilde@aeldresagen.dk",
            },
            Listed {
                organisation: "Integrationsrådet",
                email: "integrationsraadet@roskilde.dk",
            },
            Listed {
                organisation: "Dansk Flygtningehjælp",
                email: "post@drc.ngo",
            },
            Listed {
                organisation: "Handicaprådet",
                email: "handicapraadet@roskilde.dk",
            },
        ]
    }

    /// A sender's organisation and e-mail address, and the listed party (by index) suggested
    /// for them, if any.
    type Case<'a> = (Option<&'a str>, &'a str, Option<(usize, Likeness)>);

    /// Each case's sender is suggested as its party, or none.
    fn suggests(cases: &[Case<'_>]) {
        for &(organisation, email, expected) in cases {
            let sender = Sender {
                organisation,
                email,
            };
            assert_eq!(
                suggest(sender, &listed()),
                expected,
                "{organisation:?} {email}"
            );
        }
    }

    #[test]
    fn the_same_name_is_the_strongest_tie() {
        suggests(&[
            (
                Some("  integrationsrådet "),
                "formand@gmail.com",
                Some((1, SameName)),
            ),
            // Punctuation does not matter.
            (Some("Ældre Sagen, Roskilde"), "x@y.dk", Some((0, SameName))),
        ]);
    }

    #[test]
    fn a_domain_ties_unless_anyone_can_have_it() {
        suggests(&[
            (None, "Kirsten@DRC.ngo", Some((2, SameDomain))),
            (None, "kirsten@gmail.com", None),
            // Two parties at the municipality's own domain: the clerk chooses.
            (None, "someone@roskilde.dk", None),
            // A name breaks the tie.
            (
                Some("Handicaprådet"),
                "someone@roskilde.dk",
                Some((3, SameName)),
            ),
        ]);
    }

    #[test]
    fn a_name_within_the_other_is_a_weaker_tie() {
        suggests(&[
            (Some("Ældre Sagen"), "bo@example.dk", Some((0, NameWithin))),
            (Some("Sagen"), "bo@example.dk", Some((0, NameWithin))),
            (Some("Roskilde Roklub"), "bo@example.dk", None),
            (None, "not-an-address", None),
        ]);
    }
}
