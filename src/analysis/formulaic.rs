//! A deterministic generator of a hard hearing: short, formulaic høringssvar on closing a
//! village school, with campaigns hidden among them. The known truth against which the
//! cohesion of groups is measured (the `cohesive_grouping_quality` test).
//!
//! Unlike `corpus.rs` (80–200 words, sentences filled from open lists), most responses here
//! are one to five sentences drawn from a few dozen stances, claims and demands, the popular
//! ones far more often than the rest (people repeat the arguments of the parents' meeting and
//! the local Facebook group), often in one shared frame ("Jeg er imod at lukke Vindinge Skole,
//! fordi …"). So unrelated responses share whole sentences, and pairs of them reach the
//! grouping threshold: A shares its stance and first claim with B, B its claims with C, and so
//! on, which is what chained a whole hearing into one "campaign".
//!
//! Real input's variation is there: greetings and sign-offs or none, a personal sentence
//! added, sentences in another order, typos, all lower case, very short responses ("Bevar
//! Vindinge Skole!"), some of which are then identical by chance.
//!
//! A campaign is a letter written in the same vocabulary (the parents' association's letter
//! uses the popular claims too) plus sentences of its own, copied with small edits: another
//! greeting and name, a sentence dropped, moved or added, a personal sentence, substituted
//! words, typos; some copies are sent unchanged through a web form, some only in part.
//!
//! Written after the chaining defect was reported and before the cohesive grouping was built;
//! the grouping was tuned on [`TUNING_SEED`] only, and the other seeds measure it.

use super::corpus::{Hearing, Letter, Writer, substitute, typo};
use crate::split_mix::Rand;

/// The seed the cohesive grouping was developed against; figures on other seeds are held out.
pub const TUNING_SEED: u64 = 0x5C01;

const SCHOOLS: &[&str] = &[
    "Vindinge Skole",
    "Vindinge Skole",
    "Vindinge Skole",
    "Ågerup Skole",
    "Gadstrup Skole",
    "vores skole",
    "skolen",
    "Vindinge skole",
];

const OTHER_SCHOOLS: &[&str] = &["Himmelev Skole", "Trekronerskolen", "Hedegårdsskolen"];

const VILLAGES: &[&str] = &["Vindinge", "Ågerup", "Gadstrup", "Svogerslev", "Snoldelev"];

/// Stances as clauses, most popular first: a sentence of their own, or the start of a frame
/// with a claim ("…, fordi …").
const STANCES: &[&str] = &[
    "jeg er imod lukningen af {school}",
    "jeg er imod at lukke {school}",
    "vi er imod forslaget om at lukke {school}",
    "jeg protesterer mod forslaget om at lukke {school}",
    "det er en rigtig dårlig idé at lukke {school}",
    "som forælder på {school} er jeg dybt bekymret over forslaget",
    "vi siger nej til at lukke {school}",
    "jeg vil gerne udtrykke min modstand mod lukningen af {school}",
    "jeg er mor til to børn på {school} og er imod forslaget",
    "jeg er far til et barn på {school} og er stærkt imod lukningen",
    "jeg kan ikke støtte forslaget om en ny skolestruktur",
    "forslaget om at samle skolerne er forkert",
    "jeg er dybt uenig i forslaget om at nedlægge {school}",
    "lad {school} blive",
    "jeg støtter forslaget om at samle skolerne",
    "jeg forstår godt behovet for at spare, men ikke at lukke {school}",
];

/// Claims as clauses, most popular first.
const CLAIMS: &[&str] = &[
    "børnene får alt for lang skolevej",
    "skolen er hjertet i vores landsby",
    "der er ingen sikker cykelsti til {other}",
    "klasserne bliver alt for store",
    "små skoler giver tryghed for de mindste børn",
    "mange familier vil flytte fra {village}, hvis skolen lukker",
    "besparelsen er alt for lille i forhold til konsekvenserne",
    "bussen kører kun en gang i timen",
    "de yngste børn skal ikke sidde i en bus hver morgen",
    "huspriserne i {village} vil falde",
    "skolen har gode resultater og glade elever",
    "lokalsamfundet mister sit eneste mødested",
    "børn med særlige behov trives bedst på en lille skole",
    "det vil koste mere i skolebusser, end I sparer",
    "{other} har ikke plads til flere elever",
    "foreningslivet i {village} bruger skolens lokaler hver aften",
    "nye familier flytter hertil på grund af skolen",
    "trafikken omkring {other} er allerede farlig",
    "lærerne kender hvert eneste barn",
    "beslutningen er truffet uden dialog med forældrene",
    "skolen blev renoveret for få år siden",
    "der er ikke lavet en ordentlig konsekvensanalyse",
    "SFO'en og skolen hænger sammen for de små",
    "elevtallet vil stige igen om få år",
    "det strider mod kommunens egen landdistriktspolitik",
    "mange børn vil miste deres venner",
    "forældrene kan ikke nå at hente børnene efter arbejde",
    "skolen samler generationer i byen",
    "det er de mindste børn, der betaler prisen",
    "større skoler giver bedre faglige miljøer",
];

/// Closing demands, most popular first.
const DEMANDS: &[&str] = &[
    "Bevar {school}!",
    "Find pengene et andet sted.",
    "Lyt til lokalsamfundet.",
    "Jeg håber, I vil genoverveje beslutningen.",
    "Tænk jer nu om!",
    "Stem nej til forslaget.",
    "Lad skolen leve.",
    "Drop planerne om at lukke skolen.",
    "Tag forslaget af bordet.",
    "Jeg forventer, at byrådet lytter.",
    "Kom ud og se skolen, før I beslutter noget.",
    "Hellere spare på administrationen end på børnene.",
];

const PERSONAL: &[&str] = &[
    "Jeg har boet i {village} i {n} år",
    "Min søn går i {k}. klasse på skolen",
    "Min datter starter i børnehaveklasse til sommer",
    "Vi flyttede hertil for skolens skyld",
    "Jeg gik selv på skolen som barn",
    "Vi har tre børn, der alle har gået på skolen",
    "Jeg er formand for den lokale idrætsforening",
    "Jeg har været lærer i {n} år",
    "Vores yngste har autisme og trives kun, fordi skolen er lille",
    "Jeg er bedstemor til fire børn på skolen",
    "Vi har netop købt hus i {village}",
    "Jeg sidder i skolebestyrelsen",
];

/// Whole responses of a line or two, sent as they are.
const SHORT: &[&str] = &[
    "Bevar {school}!",
    "Nej til lukning af {school}.",
    "Jeg er imod forslaget.",
    "Lad skolen være!",
    "Enig med skolebestyrelsen.",
    "Stop nedlæggelsen af {school}.",
    "Nej tak!",
    "Jeg støtter forældrenes høringssvar.",
    "Jeg er imod lukningen af {school}.",
    "Lad {school} blive!",
    "Hold fingrene fra vores skole.",
];

const GREETINGS: &[&str] = &[
    "Kære byråd",
    "Til Roskilde Kommune",
    "Hej",
    "Kære politikere",
    "Til Børne- og Skoleudvalget",
    "Høringssvar vedr. ny skolestruktur",
    "Til rette vedkommende",
    "Kære udvalg",
    "Vedr. lukning af Vindinge Skole",
];

const CLOSINGS: &[&str] = &[
    "Mvh",
    "Med venlig hilsen",
    "Venlig hilsen",
    "Hilsen",
    "De bedste hilsner",
];

const FIRST_NAMES: &[&str] = &[
    "Anne", "Mette", "Lars", "Jens", "Peter", "Søren", "Kirsten", "Fatima", "Ahmed", "Ole",
    "Birgitte", "Mads", "Sofie", "Emma", "Rasmus", "Jonas", "Leila", "Omar", "Karen", "Niels",
    "Bo", "Lone", "Camilla", "Thomas", "Maria", "Henrik", "Louise", "Martin",
];

const LAST_NAMES: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Petersen",
    "Madsen",
    "Olsen",
    "Ali",
    "Yilmaz",
    "Holm",
    "Møller",
];

const STREETS: &[&str] = &[
    "Skolevej",
    "Bygaden",
    "Kirkevej",
    "Vindingevej",
    "Engtoften",
    "Præstemarken",
];

/// Sentences only campaign letters use: the parents' association's own wording.
const CAMPAIGN_SENTENCES: &[&str] = &[
    "Forældrerådet på {school} har samlet over 400 underskrifter mod forslaget",
    "Vi opfordrer byrådet til at sende forslaget tilbage til forvaltningen",
    "Konsekvensanalysen overser både trafiksikkerheden og børnenes trivsel",
    "Vi foreslår i stedet et forpligtende samarbejde mellem de små skoler i området",
    "Skolen er bygget af lokalsamfundet og har været drevet af det i over hundrede år",
    "En lukning vil ramme de svageste familier hårdest",
    "Vi kræver, at beslutningen udskydes, til der er lavet en reel borgerinddragelse",
    "Den foreslåede besparelse svarer til under en promille af skolebudgettet",
    "Byrådet lovede ved sidste valg at bevare de små skoler",
    "Vi står sammen om skolen, og vi giver ikke op",
    "Ingen af de andre skoler i området kan tilbyde det samme",
    "Vi inviterer alle byrådets medlemmer til et åbent møde på skolen",
];

/// Words a sender puts in instead of one of the letter's.
const SUBSTITUTES: &[&str] = &[
    "meget", "virkelig", "alle", "mange", "også", "især", "rigtig", "helt", "jo", "altså",
];

fn pick(rand: &mut Rand, list: &[&'static str]) -> &'static str {
    list.get(rand.below(list.len())).copied().unwrap_or("")
}

/// An item of `list`, the first ones far more often than the last (the density falls as
/// 1/sqrt of the position): popular arguments are repeated by many.
fn popular(rand: &mut Rand, list: &[&'static str]) -> &'static str {
    let u = rand.unit();
    list.get((list.len() as f64 * u * u) as usize)
        .copied()
        .unwrap_or("")
}

fn chance(rand: &mut Rand, p: f64) -> bool {
    rand.unit() < p
}

/// Fills `{school}`, `{other}`, `{village}`, `{n}` and `{k}`. A response is about one school
/// and one village, so each placeholder gets one value per response (`place`).
fn fill(template: &str, place: &Place) -> String {
    template
        .replace("{school}", place.school)
        .replace("{other}", place.other)
        .replace("{village}", place.village)
        .replace("{n}", &place.n.to_string())
        .replace("{k}", &place.k.to_string())
}

struct Place {
    school: &'static str,
    other: &'static str,
    village: &'static str,
    n: usize,
    k: usize,
}

impl Place {
    fn new(rand: &mut Rand) -> Place {
        Place {
            school: popular(rand, SCHOOLS),
            other: pick(rand, OTHER_SCHOOLS),
            village: popular(rand, VILLAGES),
            n: 2 + rand.below(30),
            k: rand.below(10),
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn sentence(clause: &str, rand: &mut Rand) -> String {
    let end = if chance(rand, 0.15) { "!" } else { "." };
    format!("{}{end}", capitalised(clause))
}

fn name(rand: &mut Rand) -> String {
    if chance(rand, 0.3) {
        pick(rand, FIRST_NAMES).to_owned()
    } else {
        format!("{} {}", pick(rand, FIRST_NAMES), pick(rand, LAST_NAMES))
    }
}

fn sign_off(rand: &mut Rand) -> String {
    let name = name(rand);
    match rand.below(5) {
        0 => name,
        1 => format!("{name}, {} {}", pick(rand, STREETS), 1 + rand.below(60)),
        _ => format!("{}\n{name}", pick(rand, CLOSINGS)),
    }
}

/// A response as text: one paragraph, as these short responses are written.
fn render(letter: &Letter) -> String {
    letter.render_with(|_| " ")
}

/// One citizen's own response, and what it says: its clauses (stance, claims, personal
/// sentence, demand) as generated, sorted, without greeting, sign-off, typos or case, so that
/// "Jeg er imod X, fordi Y." and "Y. Jeg er imod X!" say the same.
fn unrelated(rand: &mut Rand) -> (String, String) {
    let place = Place::new(rand);
    if chance(rand, 0.12) {
        let short = fill(popular(rand, SHORT), &place);
        let mut text = short.clone();
        if chance(rand, 0.3) {
            text.push_str(&format!("\n{}", name(rand)));
        }
        return (text, short.to_lowercase());
    }
    let greeting = if chance(rand, 0.45) {
        pick(rand, GREETINGS).to_owned()
    } else {
        String::new()
    };
    let mut body = Vec::new();
    let mut said: Vec<String> = Vec::new();
    let claims = rand.below(4);
    let claim = |rand: &mut Rand, said: &mut Vec<String>| {
        // The same claim twice in one response is rare; draw again once.
        let mut c = fill(popular(rand, CLAIMS), &place);
        if said.contains(&c) {
            c = fill(popular(rand, CLAIMS), &place);
        }
        said.push(c.clone());
        c
    };
    if chance(rand, 0.9) {
        let stance = fill(popular(rand, STANCES), &place);
        said.push(stance.clone());
        if claims > 0 && chance(rand, 0.45) {
            // The shared frame: stance and first claim in one sentence.
            let joint = pick(rand, &[", fordi ", ", da ", ", for "]);
            let c = claim(rand, &mut said);
            body.push(format!("{}{joint}{c}.", capitalised(&stance)));
        } else {
            body.push(sentence(&stance, rand));
            if claims > 0 {
                let c = claim(rand, &mut said);
                body.push(sentence(&c, rand));
            }
        }
    } else if claims > 0 {
        let c = claim(rand, &mut said);
        body.push(sentence(&c, rand));
    }
    for _ in 1..claims {
        let c = claim(rand, &mut said);
        body.push(sentence(&c, rand));
    }
    if body.is_empty() {
        let c = claim(rand, &mut said);
        body.push(sentence(&c, rand));
    }
    if chance(rand, 0.35) {
        let p = fill(pick(rand, PERSONAL), &place);
        said.push(p.clone());
        let at = if chance(rand, 0.5) { 0 } else { body.len() };
        body.insert(at, format!("{p}."));
    }
    if chance(rand, 0.2) && body.len() > 1 {
        // Another order: the first argument last.
        body.rotate_left(1);
    }
    if chance(rand, 0.5) {
        let d = fill(popular(rand, DEMANDS), &place);
        said.push(d.clone());
        body.push(d);
    }
    let sign_off = if chance(rand, 0.6) {
        sign_off(rand)
    } else {
        String::new()
    };
    let mut letter = Letter {
        greeting,
        body,
        signature: sign_off,
    };
    for _ in 0..typos(rand) {
        typo(&mut letter.body, rand);
    }
    let mut said: Vec<String> = said.iter().map(|c| c.to_lowercase()).collect();
    said.sort();
    (finish(render(&letter), rand), said.join(" | "))
}

fn typos(rand: &mut Rand) -> usize {
    match rand.below(10) {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// Some write everything in lower case, some leave out the commas.
fn finish(mut text: String, rand: &mut Rand) -> String {
    if chance(rand, 0.05) {
        text = text.to_lowercase();
    }
    if chance(rand, 0.05) {
        text = text.replace(',', "");
    }
    text
}

/// A campaign letter: 3 to 6 sentences, half the association's own, half popular claims.
fn campaign_letter(rand: &mut Rand) -> Letter {
    let place = Place {
        school: "Vindinge Skole",
        ..Place::new(rand)
    };
    let mut body = Vec::new();
    body.push(sentence(&fill(popular(rand, STANCES), &place), rand));
    let own = 1 + rand.below(3);
    let claims = 1 + rand.below(3);
    let mut taken: Vec<usize> = Vec::new();
    for _ in 0..own {
        let mut at = rand.below(CAMPAIGN_SENTENCES.len());
        while taken.contains(&at) {
            at = (at + 1) % CAMPAIGN_SENTENCES.len();
        }
        taken.push(at);
        body.push(format!("{}.", fill(CAMPAIGN_SENTENCES[at], &place)));
    }
    for _ in 0..claims {
        let at = 1 + rand.below(body.len());
        let claim = sentence(&fill(popular(rand, CLAIMS), &place), rand);
        body.insert(at, claim);
    }
    body.push(fill(popular(rand, DEMANDS), &place));
    Letter {
        greeting: pick(rand, GREETINGS).to_owned(),
        body,
        signature: String::new(),
    }
}

/// One sender's copy of a campaign letter.
fn copy(letter: &Letter, rand: &mut Rand) -> String {
    if chance(rand, 0.1) {
        // Through the campaign's web form, unchanged.
        return render(letter);
    }
    let mut copy = letter.clone();
    let place = Place::new(rand);
    if chance(rand, 0.05) && copy.body.len() > 3 {
        // Only the first part copied.
        copy.body.truncate(2 + rand.below(2));
    }
    match rand.below(4) {
        0 => copy.greeting.clear(),
        1 => copy.greeting = pick(rand, GREETINGS).to_owned(),
        _ => {}
    }
    if chance(rand, 0.3) && copy.body.len() > 3 {
        copy.body.remove(rand.below(copy.body.len()));
    }
    if chance(rand, 0.2) && copy.body.len() > 1 {
        let at = rand.below(copy.body.len() - 1);
        copy.body.swap(at, at + 1);
    }
    if chance(rand, 0.35) {
        let p = format!("{}.", fill(pick(rand, PERSONAL), &place));
        let at = if chance(rand, 0.6) {
            0
        } else {
            copy.body.len()
        };
        copy.body.insert(at, p);
    }
    if chance(rand, 0.25) {
        let c = sentence(&fill(popular(rand, CLAIMS), &place), rand);
        let at = rand.below(copy.body.len() + 1);
        copy.body.insert(at, c);
    }
    for _ in 0..rand.below(3) {
        substitute(&mut copy.body, rand, SUBSTITUTES);
    }
    for _ in 0..rand.below(4) {
        typo(&mut copy.body, rand);
    }
    copy.signature = if chance(rand, 0.8) {
        sign_off(rand)
    } else {
        String::new()
    };
    finish(render(&copy), rand)
}

/// The writer of a hard hearing: short, formulaic responses, campaigns among them.
pub struct Formulaic;

impl Formulaic {
    /// A hearing of `n` such responses, campaigns of the given sizes among them, in shuffled
    /// order.
    pub fn hearing(seed: u64, n: usize, campaigns: &[usize]) -> Hearing<Formulaic> {
        Hearing::written_by(Formulaic, seed, n, campaigns)
    }
}

impl Writer for Formulaic {
    type Letter = Letter;
    /// The text, and what it says, for telling which responses say the same: its campaign, or
    /// the clauses its sender chose (sorted, without greeting, sign-off or typos).
    type Response = (String, String);

    fn letter(&self, rand: &mut Rand) -> Letter {
        campaign_letter(rand)
    }

    fn render(&self, letter: &Letter) -> String {
        render(letter)
    }

    fn respond(&self, letter: Option<(usize, &Letter)>, rand: &mut Rand) -> (String, String) {
        match letter {
            Some((c, letter)) => (copy(letter, rand), format!("campaign {c}")),
            None => unrelated(rand),
        }
    }
}

impl Hearing<Formulaic> {
    /// The text of response `i`.
    pub fn text(&self, i: usize) -> String {
        self.response(i).0
    }

    /// What response `i` says, for telling which responses say the same: its campaign, or
    /// the clauses its sender chose (sorted, without greeting, sign-off or typos).
    pub fn content(&self, i: usize) -> String {
        self.response(i).1
    }
}
