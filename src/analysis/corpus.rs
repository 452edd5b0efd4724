//! A deterministic generator of Danish-like høringssvar on an integration policy, with
//! campaigns hidden among unrelated responses on the same topic: the known truth against
//! which grouping is measured (the `grouping_quality` test) and timed (the bench).
//!
//! Unrelated responses are built from sentence templates filled from shared lists (who should
//! act, on what, and why), so they share most of their vocabulary and many short phrases but
//! are not copies. A campaign is one letter made the same way, copied with small edits: a
//! different greeting and signature, words substituted, typos, a sentence added, removed or
//! moved, a personal opening line, sometimes all in lower case or without commas; some copies
//! are sent unchanged through the campaign's web form.
//!
//! Two styles have their own templates and edit mixes: [`Style::Tuning`] was used to pick the
//! parameters, [`Style::Evaluation`] (other templates, heavier edits) measures them.
//!
//! This file depends on nothing of the crate but `split_mix`, so the bench includes both.

pub use crate::split_mix::Rand;
use crate::split_mix::scramble;

impl Rand {
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick(&mut self, list: &[&'static str]) -> &'static str {
        list.get(self.below(list.len())).copied().unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Tuning,
    Evaluation,
}

// ---------------------------------------------------------------------------------------
// Word lists shared by both styles: the topic's vocabulary.

const SUBJECTS: &[&str] = &[
    "kommunen",
    "byrådet",
    "skolerne",
    "jobcentret",
    "foreningerne",
    "de frivillige",
    "daginstitutionerne",
    "sprogcentret",
    "boligselskaberne",
    "biblioteket",
    "sundhedsplejen",
    "virksomhederne i området",
    "integrationsrådet",
    "forvaltningen",
    "lokalsamfundet",
    "ungdomsskolen",
];

const OBJECTS: &[&str] = &[
    "danskundervisningen for voksne",
    "lektiehjælpen for børn og unge",
    "sprogstimuleringen i børnehaverne",
    "praktikpladserne for nyankomne",
    "mentorordningerne på arbejdspladserne",
    "kontakten til forældrene",
    "foreningslivet i boligområderne",
    "tolkebistanden hos lægen",
    "de boligsociale indsatser",
    "fritidsjobbene for unge",
    "netværket for nye borgere",
    "kvindernes vej til beskæftigelse",
    "samarbejdet mellem skole og hjem",
    "modtageklasserne",
    "den første tid i kommunen",
    "vejledningen om uddannelse",
    "idrætstilbuddene for piger",
    "de ældres adgang til fællesskaber",
    "anerkendelsen af udenlandske uddannelser",
    "mødestederne i lokalområdet",
    "sprogcaféerne på biblioteket",
    "opfølgningen på de nyankomne familier",
];

const QUOTES: &[&str] = &[
    "Alle borgere skal have mulighed for at deltage aktivt i fællesskabet",
    "Kommunen vil arbejde for, at flere kommer i job eller uddannelse",
    "Dansk sprog er nøglen til deltagelse i samfundet",
    "Foreningslivet er en vigtig arena for integration",
    "Ingen boligområder må blive isolerede fra resten af byen",
    "Børn og unge skal have lige muligheder uanset baggrund",
    "Vi vil styrke samarbejdet med civilsamfundet",
    "Nyankomne skal mødes af en sammenhængende indsats fra første dag",
];

const REACTIONS: &[&str] = &[
    "Det er jeg helt enig i.",
    "Det lyder fint, men hvordan skal det ske i praksis?",
    "Det er en god ambition.",
    "Men hvem skal betale for det?",
    "Det har jeg svært ved at se ske uden flere ressourcer.",
    "Det vil vi holde jer op på.",
];

const FIRST_NAMES: &[&str] = &[
    "Anne", "Mette", "Hanne", "Lars", "Jens", "Peter", "Søren", "Kirsten", "Fatima", "Ahmed",
    "Mohammad", "Amina", "Yusuf", "Zainab", "Ole", "Birgitte", "Mads", "Sofie", "Emma", "Ida",
    "Rasmus", "Jonas", "Leila", "Omar", "Hassan", "Nadia", "Karen", "Niels", "Bo", "Lone",
];

const LAST_NAMES: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Ali",
    "Hussein",
    "Mohamed",
    "Yilmaz",
    "Khan",
    "Holm",
    "Møller",
    "Mikkelsen",
    "Frederiksen",
];

const STREETS: &[&str] = &[
    "Bakkevej",
    "Algade",
    "Stændertorvet",
    "Hyrdehøj",
    "Musicon",
    "Sankt Jørgens Park",
    "Vindingevej",
    "Himmelev Bygade",
    "Kildegården",
    "Trekroner Centervej",
];

/// Words a sender puts in instead of one of the letter's.
const SUBSTITUTES: &[&str] = &[
    "vigtigt",
    "afgørende",
    "nødvendigt",
    "rigtig",
    "meget",
    "virkelig",
    "alle",
    "flere",
    "mange",
    "borgere",
    "mennesker",
    "kommunen",
    "byen",
    "også",
    "især",
    "hurtigt",
    "ordentligt",
    "gerne",
];

// ---------------------------------------------------------------------------------------
// The styles' own templates.

struct Bank {
    greetings: &'static [&'static str],
    /// Sentence frames of free combination, which a response may use again and again.
    open: &'static [&'static str],
    /// Frames with a fixed phrase, each used at most once in a response: people do not write
    /// the same sentence shape three times in one letter.
    frames: &'static [&'static str],
    openers: &'static [&'static str],
    verbs: &'static [&'static str],
    reasons: &'static [&'static str],
    personal: &'static [&'static str],
    questions: &'static [&'static str],
    closings: &'static [&'static str],
}

const TUNING: Bank = Bank {
    greetings: &[
        "Kære Roskilde Kommune",
        "Til Integrationsrådet",
        "Hej",
        "Til byrådet",
        "Kære politikere",
        "Til rette vedkommende",
        "Kære medlemmer af udvalget",
        "Høringssvar vedrørende integrationspolitikken",
        "Goddag",
        "Til Social- og Integrationsudvalget",
    ],
    open: &[
        "{opener} {subject} {verb} {object}, {reason}.",
        "{opener} {subject} {verb} {object}.",
    ],
    frames: &[
        "{personal}.",
        "Jeg savner en konkret plan for {object}, {reason}.",
        "Afsnittet om {object} er godt, men der mangler penge til at føre det ud i livet.",
        "Det bør fremgå tydeligere, hvordan {subject} arbejder med {object}.",
        "I forslaget står der: \"{quote}.\" {reaction}",
        "Både {object} og {object} skal nævnes i politikken.",
        "Det er ikke nok at skrive om {object}, {reason}.",
        "Jeg har læst forslaget med stor interesse og vil især kommentere {object}.",
        "Det undrer mig, at {subject} ikke nævnes i forbindelse med {object}.",
        "Der bør afsættes flere penge til {object} i de kommende år.",
        "Det kunne være en idé at lade {subject} stå for {object}.",
        "{personal}, så jeg ved, hvor meget {object} betyder.",
        "Jeg foreslår, at man måler på, om {object} faktisk virker.",
    ],
    openers: &[
        "Jeg mener, at",
        "Efter min mening er det vigtigt, at",
        "Det er afgørende, at",
        "Jeg synes, at",
        "Vi foreslår, at",
        "Det ville være godt, hvis",
        "Jeg håber, at",
        "Som borger i kommunen ønsker jeg, at",
        "Min erfaring er, at det virker, når",
        "Jeg vil gerne understrege, at",
        "Jeg er overbevist om, at det hjælper, hvis",
        "Det er mit klare ønske, at",
    ],
    verbs: &[
        "styrker",
        "prioriterer",
        "tager ansvar for",
        "investerer mere i",
        "samarbejder om",
        "bevarer",
        "ikke skærer ned på",
        "udvider",
        "gør mere for",
        "tænker nyt om",
        "sikrer",
        "forbedrer",
        "holder øje med",
        "finder penge til",
    ],
    reasons: &[
        "fordi sproget er nøglen til fællesskabet",
        "så alle får en chance for at bidrage",
        "da det skaber tryghed i hverdagen",
        "fordi det betaler sig på langt sigt",
        "så ingen bliver tabt undervejs",
        "da mange i dag står uden for arbejdsmarkedet",
        "fordi børnene ellers mister fodfæstet i skolen",
        "så familierne føler sig velkomne",
        "da frivillige ikke kan løfte opgaven alene",
        "fordi erfaringerne fra andre kommuner er gode",
        "så vi undgår, at nogen bliver isoleret",
        "da ventetiden i dag er alt for lang",
    ],
    personal: &[
        "Jeg har boet i Roskilde i {n} år",
        "Jeg arbejder som lærer på en skole med mange tosprogede elever",
        "Min nabo kom hertil som flygtning for {n} år siden",
        "Jeg er frivillig i en lektiecafé hver tirsdag",
        "Vi har selv oplevet, hvor svært det er at finde et fritidsjob",
        "Jeg sidder i bestyrelsen for en lokal idrætsforening",
        "Jeg er mor til tre børn i den lokale skole",
        "Jeg kom selv til Danmark som voksen og lærte dansk på sprogskolen",
        "Jeg har været mentor for en ung mand i {n} måneder",
        "Mine forældre lærte aldrig rigtig dansk, og det har præget hele familien",
    ],
    questions: &[],
    closings: &["Med venlig hilsen", "Venlig hilsen", "Mvh", "Hilsen"],
};

const EVALUATION: Bank = Bank {
    greetings: &[
        "Til Roskilde Kommune",
        "Kære byråd",
        "Hej med jer",
        "Att.: Center for Integration",
        "Vedr. høring om integrationspolitik",
        "Kære Integrationsråd",
        "Til kommunalbestyrelsen",
        "Hermed mit høringssvar",
    ],
    open: &[
        "{opener} {subject} {verb} {object}, {reason}.",
        "{opener} {subject} {verb} {object}.",
    ],
    frames: &[
        "{question}",
        "{question}",
        "Afsnittet om {object} er alt for vagt formuleret.",
        "Tak for et grundigt forslag, men {object} fylder for lidt.",
        "{personal}.",
        "Som det står nu, risikerer vi, at {object} bliver glemt, {reason}.",
        "Citat fra forslaget: \"{quote}.\" {reaction}",
        "Vi har brug for {object} nu og ikke om fem år.",
        "Måske bør {subject} se på {object} sammen med {subject}.",
        "Vi oplever dagligt, at {object} halter, og at ingen rigtig har ansvaret.",
        "Hvis {subject} ikke får flere ressourcer, sker der intet med {object}.",
        "Lad os tage udgangspunkt i det, der allerede virker, for eksempel {object}.",
        "Det bør skrives ind i politikken, at {subject} og {subject} mødes fast om {object}.",
        "{personal}, og jeg ser hver uge, hvad {object} betyder for familierne.",
        "Overordnet set er forslaget godt, men det er for uforpligtende.",
    ],
    openers: &[
        "Vi i foreningen mener, at",
        "Set fra min stol er det nødvendigt, at",
        "Jeg vil opfordre til, at",
        "Jeg kan ikke forstå, at det ikke er et krav, at",
        "Det glæder mig, at det foreslås, at",
        "Man bør overveje, om",
        "Erfaringen viser, at det går bedst, når",
        "Det er på tide, at",
        "Jeg støtter tanken om, at",
        "Det vil gøre en stor forskel, hvis",
    ],
    verbs: &[
        "satser på",
        "ser nærmere på",
        "holder fast i",
        "lytter mere til brugerne af",
        "afsætter midler til",
        "evaluerer",
        "giver plads til",
        "gør op med ventelisterne til",
        "styrker indsatsen for",
        "opprioriterer",
        "inddrager de frivillige i",
        "følger op på",
    ],
    reasons: &[
        "for det handler om mennesker og ikke om tal",
        "selvom det koster på den korte bane",
        "hvilket alle parter vil have gavn af",
        "så vi bliver en kommune, man har lyst til at bo i",
        "men det kræver, at man følger op",
        "og her kan civilsamfundet hjælpe",
        "ellers bliver politikken bare ord på papir",
        "for vi ved allerede, hvad der virker",
        "og det bør ske i tæt dialog med de berørte",
        "så ingen skal vente et helt år på hjælp",
    ],
    personal: &[
        "Jeg er pensioneret sygeplejerske og har arbejdet med mange nye danskere",
        "Jeg underviser på sprogcentret {n} timer om ugen",
        "Vi driver en lille forening for kvinder med anden etnisk baggrund",
        "Jeg kom til Roskilde fra Eritrea for {n} år siden",
        "Min datter går i modtageklasse på sin skole",
        "Jeg har haft praktikanter fra integrationsforløbet i min butik",
        "Som formand for et boligområde ser jeg problemerne tæt på",
        "Jeg er far til to og træner et fodboldhold for drenge",
    ],
    questions: &[
        "Hvordan vil {subject} sikre {object}?",
        "Hvem har ansvaret for {object}, når politikken er vedtaget?",
        "Hvorfor nævnes {object} slet ikke i forslaget?",
        "Hvad vil {object} komme til at koste, og hvem betaler?",
    ],
    closings: &[
        "Med venlig hilsen",
        "Venlig hilsen",
        "Mvh.",
        "De bedste hilsner",
        "Hilsen",
    ],
};

/// How campaign copies differ from their letter.
struct Edits {
    /// Sent unchanged through the campaign's web form, without a signature.
    web_form: f64,
    new_greeting: f64,
    max_substitutions: usize,
    add_sentence: f64,
    add_second_sentence: f64,
    remove_sentence: f64,
    max_typos: usize,
    swap_last_sentences: f64,
    personal_opening: f64,
    address: f64,
    lower_case: f64,
    no_commas: f64,
}

const TUNING_EDITS: Edits = Edits {
    web_form: 0.2,
    new_greeting: 0.5,
    max_substitutions: 2,
    add_sentence: 0.3,
    add_second_sentence: 0.0,
    remove_sentence: 0.2,
    max_typos: 2,
    swap_last_sentences: 0.15,
    personal_opening: 0.1,
    address: 0.0,
    lower_case: 0.05,
    no_commas: 0.0,
};

const EVALUATION_EDITS: Edits = Edits {
    web_form: 0.15,
    new_greeting: 0.6,
    max_substitutions: 3,
    add_sentence: 0.4,
    add_second_sentence: 0.15,
    remove_sentence: 0.3,
    max_typos: 4,
    swap_last_sentences: 0.25,
    personal_opening: 0.2,
    address: 0.3,
    lower_case: 0.1,
    no_commas: 0.1,
};

impl Style {
    fn bank(self) -> &'static Bank {
        match self {
            Style::Tuning => &TUNING,
            Style::Evaluation => &EVALUATION,
        }
    }

    fn edits(self) -> &'static Edits {
        match self {
            Style::Tuning => &TUNING_EDITS,
            Style::Evaluation => &EVALUATION_EDITS,
        }
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn capitalised(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s,
    }
}

impl Bank {
    fn fill(&self, name: &str, rand: &mut Rand, out: &mut String) {
        let list = match name {
            "opener" => self.openers,
            "subject" => SUBJECTS,
            "verb" => self.verbs,
            "object" => OBJECTS,
            "reason" => self.reasons,
            "quote" => QUOTES,
            "reaction" => REACTIONS,
            "personal" => self.personal,
            "question" => self.questions,
            "n" => {
                out.push_str(&(2 + rand.below(30)).to_string());
                return;
            }
            _ => &[],
        };
        let template = rand.pick(list);
        self.expand(template, rand, out);
    }

    fn expand(&self, template: &str, rand: &mut Rand, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| c + open) else {
                break;
            };
            out.push_str(&rest[..open]);
            self.fill(&rest[open + 1..close], rand, out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    /// A sentence from a free frame or from a fixed one not in `used` yet (half and half).
    fn sentence(&self, rand: &mut Rand, used: &mut Vec<usize>) -> String {
        let fresh: Vec<usize> = (0..self.frames.len())
            .filter(|f| !used.contains(f))
            .collect();
        let frame = if fresh.is_empty() || rand.chance(0.5) {
            rand.pick(self.open)
        } else {
            let f = fresh[rand.below(fresh.len())];
            used.push(f);
            self.frames[f]
        };
        let mut out = String::new();
        self.expand(frame, rand, &mut out);
        capitalised(out)
    }

    fn personal_sentence(&self, rand: &mut Rand) -> String {
        let mut out = String::new();
        self.fill("personal", rand, &mut out);
        out.push('.');
        capitalised(out)
    }

    /// Sentences until the text has about `target` words, never more than `max`.
    fn body(&self, rand: &mut Rand, mut words: usize, target: usize, max: usize) -> Vec<String> {
        let mut body = Vec::new();
        let mut used = Vec::new();
        let mut misses = 0;
        while words < target && misses < 20 {
            let s = self.sentence(rand, &mut used);
            let n = word_count(&s);
            if words + n > max {
                misses += 1;
                continue;
            }
            words += n;
            body.push(s);
        }
        body
    }

    fn signature(&self, rand: &mut Rand, address: bool) -> String {
        let mut s = format!(
            "{}\n{} {}",
            rand.pick(self.closings),
            rand.pick(FIRST_NAMES),
            rand.pick(LAST_NAMES)
        );
        if address {
            s.push_str(&format!(
                "\n{} {}, 4000 Roskilde",
                rand.pick(STREETS),
                1 + rand.below(80)
            ));
        }
        s
    }
}

/// A letter as greeting, sentences and signature, so that copies can be edited sentence by
/// sentence (the formulaic responses are letters too).
#[derive(Debug, Clone)]
pub struct Letter {
    pub(super) greeting: String,
    pub(super) body: Vec<String>,
    pub(super) signature: String,
}

impl Letter {
    fn render(&self) -> String {
        // Paragraphs of four sentences, as people write them.
        self.render_with(|k| if k % 4 == 0 { "\n\n" } else { " " })
    }

    /// The letter as text, `gap(k)` standing between sentence `k - 1` and `k`.
    pub(super) fn render_with(&self, gap: impl Fn(usize) -> &'static str) -> String {
        let mut out = String::new();
        if !self.greeting.is_empty() {
            out.push_str(&self.greeting);
            out.push_str(",\n\n");
        }
        for (k, sentence) in self.body.iter().enumerate() {
            if k > 0 {
                out.push_str(gap(k));
            }
            out.push_str(sentence);
        }
        if !self.signature.is_empty() {
            out.push_str("\n\n");
            out.push_str(&self.signature);
        }
        out
    }
}

fn unrelated(style: Style, rand: &mut Rand) -> String {
    let bank = style.bank();
    let greeting = if rand.chance(0.8) {
        rand.pick(bank.greetings).to_owned()
    } else {
        String::new()
    };
    let signature = if rand.chance(0.7) {
        let address = rand.chance(0.2);
        bank.signature(rand, address)
    } else {
        String::new()
    };
    let fixed = word_count(&greeting) + word_count(&signature);
    let target = 80 + rand.below(121);
    let body = bank.body(rand, fixed, target, 200);
    Letter {
        greeting,
        body,
        signature,
    }
    .render()
}

fn letter(style: Style, rand: &mut Rand) -> Letter {
    let bank = style.bank();
    let greeting = rand.pick(bank.greetings).to_owned();
    let signature = format!(
        "{}\n{}",
        rand.pick(bank.closings),
        "Netværket for en bedre integration"
    );
    // Room for the edits to add words and stay within 200.
    let target = 110 + rand.below(45);
    let body = bank.body(rand, word_count(&greeting) + 8, target, 165);
    Letter {
        greeting,
        body,
        signature,
    }
}

fn copy(style: Style, letter: &Letter, rand: &mut Rand) -> String {
    let bank = style.bank();
    let edits = style.edits();
    if rand.chance(edits.web_form) {
        return letter.render();
    }
    let mut copy = letter.clone();
    if rand.chance(edits.new_greeting) {
        copy.greeting = rand.pick(bank.greetings).to_owned();
    }
    if rand.chance(edits.remove_sentence) && copy.body.len() > 3 {
        copy.body.remove(rand.below(copy.body.len()));
    }
    if rand.chance(edits.swap_last_sentences) && copy.body.len() > 1 {
        let n = copy.body.len();
        copy.body.swap(n - 1, n - 2);
    }
    if rand.chance(edits.add_sentence) {
        let at = rand.below(copy.body.len() + 1);
        copy.body.insert(at, bank.sentence(rand, &mut Vec::new()));
        if rand.chance(edits.add_second_sentence) {
            let at = rand.below(copy.body.len() + 1);
            copy.body.insert(at, bank.sentence(rand, &mut Vec::new()));
        }
    }
    if rand.chance(edits.personal_opening) {
        copy.body.insert(0, bank.personal_sentence(rand));
    }
    for _ in 0..rand.below(edits.max_substitutions + 1) {
        substitute(&mut copy.body, rand, SUBSTITUTES);
    }
    for _ in 0..rand.below(edits.max_typos + 1) {
        typo(&mut copy.body, rand);
    }
    let address = rand.chance(edits.address);
    copy.signature = bank.signature(rand, address);
    let mut text = copy.render();
    if rand.chance(edits.lower_case) {
        text = text.to_lowercase();
    }
    if rand.chance(edits.no_commas) {
        text = text.replace(',', "");
    }
    text
}

/// Replaces one word of a random sentence with one of `substitutes`, keeping its punctuation.
/// Shared with `formulaic.rs`, as is [`typo`].
pub fn substitute(body: &mut [String], rand: &mut Rand, substitutes: &[&'static str]) {
    let Some(sentence) = body.get_mut(rand.below(body.len())) else {
        return;
    };
    let mut words: Vec<String> = sentence.split(' ').map(str::to_owned).collect();
    let at = rand.below(words.len());
    let word = &words[at];
    let core_end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tail = word[core_end..].to_owned();
    words[at] = format!("{}{tail}", rand.pick(substitutes));
    *sentence = words.join(" ");
}

/// Two letters swapped, one dropped or one doubled in a word of four letters or more.
pub fn typo(body: &mut [String], rand: &mut Rand) {
    let Some(sentence) = body.get_mut(rand.below(body.len())) else {
        return;
    };
    let mut words: Vec<Vec<char>> = sentence.split(' ').map(|w| w.chars().collect()).collect();
    for _ in 0..5 {
        let at = rand.below(words.len());
        let word = &mut words[at];
        if word.len() < 4 || !word.iter().all(|c| c.is_alphabetic()) {
            continue;
        }
        let p = rand.below(word.len() - 1);
        match rand.below(3) {
            0 => word.swap(p, p + 1),
            1 => {
                word.remove(p);
            }
            _ => word.insert(p, word[p]),
        }
        break;
    }
    *sentence = words
        .iter()
        .map(|w| w.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
}

/// A label for responses in no campaign.
const UNRELATED: u32 = u32::MAX;

/// Which campaign each of `n` responses belongs to: campaigns of the given sizes among
/// unrelated responses, in shuffled order. Shared with `formulaic.rs`.
pub struct Labels(Vec<u32>);

impl Labels {
    pub fn shuffled(rand: &mut Rand, n: usize, campaigns: &[usize]) -> Labels {
        let mut labels: Vec<u32> = campaigns
            .iter()
            .enumerate()
            .flat_map(|(c, &size)| std::iter::repeat_n(c as u32, size))
            .chain(std::iter::repeat(UNRELATED))
            .take(n)
            .collect();
        for i in (1..labels.len()).rev() {
            labels.swap(i, rand.below(i + 1));
        }
        Labels(labels)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The campaign response `i` belongs to, if any.
    pub fn campaign(&self, i: usize) -> Option<usize> {
        self.0
            .get(i)
            .filter(|&&l| l != UNRELATED)
            .map(|&l| l as usize)
    }
}

/// How the responses of a generated hearing are written: its campaigns' letters, and each
/// response, a copy of its campaign's letter or a text of its sender's own. Shared with
/// `formulaic.rs`.
pub trait Writer {
    type Letter;
    /// What the writer tells of a response: its text, and whatever else it knows of it.
    type Response;

    fn letter(&self, rand: &mut Rand) -> Self::Letter;
    /// The letter as its organisers wrote it.
    fn render(&self, letter: &Self::Letter) -> String;
    /// A copy of campaign `c`'s `letter`, or with `None` a response of the sender's own.
    fn respond(&self, letter: Option<(usize, &Self::Letter)>, rand: &mut Rand) -> Self::Response;
}

/// A generated hearing: `n` responses, campaigns of the given sizes among unrelated ones, in
/// shuffled order. Texts are made on demand from the position and the seed, so a million of
/// them need not be held at once.
pub struct Hearing<W: Writer> {
    writer: W,
    seed: u64,
    labels: Labels,
    letters: Vec<W::Letter>,
}

impl<W: Writer> Hearing<W> {
    pub fn written_by(writer: W, seed: u64, n: usize, campaigns: &[usize]) -> Hearing<W> {
        let mut rand = Rand(seed);
        let letters: Vec<W::Letter> = campaigns.iter().map(|_| writer.letter(&mut rand)).collect();
        let labels = Labels::shuffled(&mut rand, n, campaigns);
        Hearing {
            writer,
            seed,
            labels,
            letters,
        }
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// The campaign response `i` belongs to, if any.
    pub fn campaign(&self, i: usize) -> Option<usize> {
        self.labels.campaign(i)
    }

    /// Campaign `c`'s letter as its organisers wrote it.
    pub fn letter(&self, c: usize) -> Option<String> {
        self.letters.get(c).map(|letter| self.writer.render(letter))
    }

    /// Response `i`, the same on every call.
    pub fn response(&self, i: usize) -> W::Response {
        let mut rand = Rand(scramble(self.seed ^ scramble(i as u64 + 1)));
        let letter = self
            .campaign(i)
            .and_then(|c| self.letters.get(c).map(|letter| (c, letter)));
        self.writer.respond(letter, &mut rand)
    }
}

/// A hearing of 80–200-word responses in a [`Style`].
pub type Corpus = Hearing<Style>;

impl Corpus {
    pub fn new(seed: u64, style: Style, n: usize, campaigns: &[usize]) -> Corpus {
        Hearing::written_by(style, seed, n, campaigns)
    }

    /// The text of response `i`.
    pub fn text(&self, i: usize) -> String {
        self.response(i)
    }
}

impl Writer for Style {
    type Letter = Letter;
    type Response = String;

    fn letter(&self, rand: &mut Rand) -> Letter {
        letter(*self, rand)
    }

    fn render(&self, letter: &Letter) -> String {
        letter.render()
    }

    fn respond(&self, letter: Option<(usize, &Letter)>, rand: &mut Rand) -> String {
        match letter {
            Some((_, letter)) => copy(*self, letter, rand),
            None => unrelated(*self, rand),
        }
    }
}
