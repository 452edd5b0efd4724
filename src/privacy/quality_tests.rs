//! Measured quality of [`detect`] on a labelled evaluation set, against a naive baseline.
//!
//! The set is generated from templates written for this file only (their word lists are in
//! `quality_words.json`, under `development`), apart from the unit tests' examples and not
//! changed to suit the detectors: Danish sentences as citizens write them, holding CPR
//! numbers, phone numbers, e-mail and street addresses, and health or origin words next to a
//! name (the positives, each with the span it should flag), and sentences full of amounts,
//! dates, years, times, paragraph and case references, postcodes and institutions (the
//! negatives). Values come from a seeded SplitMix64, so the figures are the same on every run.
//!
//! A flag counts as right when it overlaps a labelled span of its kind; every other flag is a
//! false alarm and every labelled span without one is a miss. Both are counted, never
//! filtered. `cargo test -p hoering --lib detection_quality -- --nocapture` prints the
//! table; `PRIVACY_FAILURES=1` also lists each miss and false alarm.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::sensitive::term_kind;
use super::*;

// ---------------------------------------------------------------------------------------
// A tiny deterministic generator.

pub(super) struct Rand(pub(super) u64);

impl Rand {
    pub(super) fn next(&mut self) -> u64 {
        crate::split_mix::step(&mut self.0)
    }

    pub(super) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    pub(super) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    pub(super) fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len() as u64) as usize]
    }

    /// One entry of a word list from `quality_words.json`, drawn as [`Rand::pick`] draws.
    pub(super) fn word(&mut self, items: &'static [String]) -> &'static str {
        &items[self.below(items.len() as u64) as usize]
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub(super) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// Labelled samples.

#[derive(Debug, Default)]
pub(super) struct Sample {
    text: String,
    gold: Vec<(FlagKind, Range<usize>)>,
}

impl Sample {
    pub(super) fn text(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }

    pub(super) fn gold(&mut self, kind: FlagKind, s: &str) -> &mut Self {
        let start = self.text.len();
        self.text.push_str(s);
        self.gold.push((kind, start..self.text.len()));
        self
    }

    /// A template with one `{}`, filled with a labelled value.
    pub(super) fn fill(template: &str, kind: FlagKind, value: &str) -> Sample {
        let (before, after) = template.split_once("{}").unwrap_or((template, ""));
        let mut s = Sample::default();
        s.text(before).gold(kind, value).text(after);
        s
    }

    /// A template drawn from `templates`, filled with a labelled value made by `value`.
    pub(super) fn templated(
        r: &mut Rand,
        templates: &'static [String],
        kind: FlagKind,
        value: fn(&mut Rand) -> String,
    ) -> Sample {
        let template = r.word(templates);
        Sample::fill(template, kind, &value(r))
    }

    /// `before`, the labelled `term` and `after`, with `{n}` in either standing for `name`.
    pub(super) fn around(
        before: &str,
        kind: FlagKind,
        term: &str,
        after: &str,
        name: &str,
    ) -> Sample {
        let mut s = Sample::default();
        s.text(&before.replace("{n}", name))
            .gold(kind, term)
            .text(&after.replace("{n}", name));
        s
    }

    /// A sentence without anything to flag.
    pub(super) fn negative(text: String) -> Sample {
        Sample {
            text,
            gold: Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Values.

/// Every name, street, template and term the two sets pick from, by set and list name. They
/// are data, kept in one file, so the generators here and in `quality_heldout` hold only
/// their logic.
type WordLists = HashMap<String, HashMap<String, Vec<String>>>;

/// The word list `name` of `set` (`development` or `heldout`) in `quality_words.json`.
pub(super) fn word_list(set: &str, name: &str) -> &'static [String] {
    static LISTS: LazyLock<WordLists> = LazyLock::new(|| {
        serde_json::from_str(include_str!("quality_words.json"))
            .expect("quality_words.json holds word lists by set and name")
    });
    LISTS
        .get(set)
        .and_then(|lists| lists.get(name))
        .unwrap_or_else(|| panic!("quality_words.json has no list {set}.{name}"))
}

fn list(name: &str) -> &'static [String] {
    word_list("development", name)
}

fn full_name(r: &mut Rand) -> String {
    let first = r.word(list("first"));
    let last = r.word(list("last"));
    if r.chance(20) {
        let middle = r.word(list("middle_names"));
        format!("{first} {middle} {last}")
    } else {
        format!("{first} {last}")
    }
}

/// A name as it stands in a sentence: full, or the first name alone.
fn some_name(r: &mut Rand) -> String {
    if r.chance(60) {
        full_name(r)
    } else {
        r.word(list("first")).to_owned()
    }
}

fn days_in(month: u64, year: u64) -> u64 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A CPR number of someone born in a random year 1860–2030, in one of four spellings.
fn cpr(r: &mut Rand) -> String {
    let (year, seventh) = match r.below(6) {
        0..=2 => (r.range(1900, 1999), r.range(0, 3)),
        3 => {
            let year = r.range(2000, 2030);
            (year, *r.pick(&[&4u64, &9, &5, &6, &7, &8]))
        }
        4 => (r.range(1937, 1999), *r.pick(&[&4u64, &9])),
        _ => (r.range(1860, 1899), r.range(5, 8)),
    };
    let month = r.range(1, 12);
    let day = r.range(1, days_in(month, year));
    let date = format!("{day:02}{month:02}{:02}", year % 100);
    let serial = format!("{seventh}{}", r.digits(3));
    let separator = r.word(list("cpr_separators"));
    format!("{date}{separator}{serial}")
}

fn phone(r: &mut Rand) -> String {
    let d = format!("{}{}", r.range(2, 9), r.digits(7));
    let (a, b, c, e) = (&d[0..2], &d[2..4], &d[4..6], &d[6..8]);
    let body = match r.below(6) {
        0 => d.clone(),
        1 => format!("{a} {b} {c} {e}"),
        2 => format!("{a}{b} {c}{e}"),
        3 => format!("{a}-{b}-{c}-{e}"),
        4 => format!("{a}.{b}.{c}.{e}"),
        _ => format!("{a} {b} {c} {e}"),
    };
    match r.below(8) {
        0 => format!("+45 {body}"),
        1 => format!("+45{body}"),
        2 => format!("0045 {body}"),
        3 => format!("(+45) {body}"),
        _ => body,
    }
}

fn email(r: &mut Rand) -> String {
    let first = r.word(list("first")).to_lowercase();
    let last = r.word(list("last")).to_lowercase();
    let local = match r.below(6) {
        0 => format!("{first}.{last}"),
        1 => format!("{first}{}", r.range(1, 99)),
        2 => format!("{}.{last}", first.chars().next().unwrap_or('x')),
        3 => format!("{first}_{last}"),
        4 => format!("{first}+hoering"),
        _ => (*r.word(list("mailboxes"))).to_owned(),
    };
    let domain = r.word(list("email_domains"));
    format!("{local}@{domain}")
}

fn street(r: &mut Rand) -> String {
    if r.chance(30) {
        return (*r.word(list("named_streets"))).to_owned();
    }
    let stem = r.word(list("street_stems"));
    let suffix = r.word(list("street_suffixes"));
    format!("{stem}{suffix}")
}

fn address(r: &mut Rand) -> String {
    let mut a = format!("{} {}", street(r), r.range(1, 250));
    if r.chance(15) {
        a.push(char::from(b'A' + r.below(4) as u8));
    } else if r.chance(5) {
        let n: u64 = r.range(1, 40);
        a = format!("{a}-{}", n * 2 + 2);
    }
    if r.chance(30) {
        a.push_str(r.word(list("floors")));
    }
    if r.chance(35) {
        a.push_str(r.word(list("postal_towns")));
    }
    a
}

// ---------------------------------------------------------------------------------------
// Positive sentences.

fn cpr_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("cpr_templates"), FlagKind::Cpr, cpr)
}

fn phone_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("phone_templates"), FlagKind::Phone, phone)
}

fn email_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("email_templates"), FlagKind::Email, email)
}

fn address_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("address_templates"), FlagKind::Address, address)
}

fn health_sample(r: &mut Rand) -> Sample {
    let name = some_name(r);
    let (before, term, after) = match r.below(6) {
        0 => (
            "Min nabo {n} har ",
            r.word(list("health")),
            " og kan ikke klare larmen.",
        ),
        1 => (
            "{n} fik konstateret ",
            r.word(list("health")),
            " sidste år, og derfor er stien vigtig.",
        ),
        2 => (
            "Jeg skriver på vegne af {n}, som lider af ",
            r.word(list("health")),
            ".",
        ),
        3 => (
            "{n} er ",
            r.word(list("health_states")),
            " og bruger dagcentret hver dag.",
        ),
        4 => (
            "Vores søn {n} har ",
            r.word(list("health")),
            ", så han har brug for en skole tæt på.",
        ),
        _ => (
            "Da {n} blev ",
            r.word(list("health_events")),
            ", hjalp naboerne.",
        ),
    };
    Sample::around(before, FlagKind::Health, term, after, &name)
}

fn origin_sample(r: &mut Rand) -> Sample {
    let name = some_name(r);
    let (before, term, after) = match r.below(6) {
        0 => (
            "{n}, som er ",
            r.word(list("faiths")),
            ", bliver ofte mødt med fordomme.",
        ),
        1 => (
            "Min kollega {n} er ",
            r.word(list("origins")),
            " og taler fire sprog.",
        ),
        2 => (
            "{n} kom til Danmark som ",
            r.word(list("refugee_words")),
            " i 2015.",
        ),
        3 => (
            "{n} er født i ",
            r.word(list("countries")),
            " og kom hertil som barn.",
        ),
        4 => (
            "Vi har en ",
            r.word(list("origins")),
            " nabo, {n}, som hjælper alle.",
        ),
        _ => (
            "Min veninde {n} er ",
            r.word(list("faiths")),
            ", og hun savner et sted at mødes.",
        ),
    };
    Sample::around(before, FlagKind::Origin, term, after, &name)
}

/// A signature with several things at once.
fn signature_sample(r: &mut Rand) -> Sample {
    let mut s = Sample::default();
    s.text(r.word(list("greetings")))
        .text(&full_name(r))
        .text("\n")
        .gold(FlagKind::Address, &address(r))
        .text(r.word(list("phone_labels")))
        .gold(FlagKind::Phone, &phone(r))
        .text("\n")
        .gold(FlagKind::Email, &email(r));
    s
}

// ---------------------------------------------------------------------------------------
// Negative sentences: numbers of every other kind, and names, streets, illnesses and
// origins where nothing personal is said.

fn negative_sample(r: &mut Rand) -> Sample {
    let year = r.range(1990, 2030);
    let y2 = year + r.range(1, 6);
    let n = r.range(2, 999);
    let m = r.range(2, 99);
    let big = r.range(1_000, 999_999);
    let dd = r.range(1, 28);
    let mm = r.range(1, 12);
    let month = r.word(list("months"));
    let town = r.word(list("towns"));
    let postcode = r.word(list("postcodes"));
    let amount = match r.below(4) {
        0 => format!("{}.{:03}", r.range(1, 99), r.below(1000)),
        1 => format!(
            "{} {:03} {:03}",
            r.range(1, 99),
            r.below(1000),
            r.below(1000)
        ),
        2 => format!("{},{}", r.range(1, 999), r.range(1, 9)),
        _ => format!(
            "{}.{:03}.{:03}",
            r.range(1, 99),
            r.below(1000),
            r.below(1000)
        ),
    };
    let text = match r.below(48) {
        0 => format!("Budgettet for {year} er på {amount} kr., hvilket er {m} % mere end i {y2}."),
        1 => format!(
            "Ifølge § {}.{} i integrationsloven skal kommunen handle inden {m} måneder.",
            r.range(1, 40),
            r.range(1, 9)
        ),
        2 => format!(
            "Mødet blev holdt den {dd:02}-{mm:02}-{year} kl. {}.{:02} på rådhuset.",
            r.range(8, 21),
            r.below(4) * 15
        ),
        3 => format!(
            "I perioden {year}-{y2} steg antallet fra {n} til {} borgere.",
            n + m
        ),
        4 => format!(
            "Se bilag {m} og afsnit {}.{}.{} i høringsmaterialet.",
            r.range(1, 9),
            r.range(1, 9),
            r.range(1, 9)
        ),
        5 => format!(
            "Projektet koster {} 000 000 kroner, svarende til {m} mio. kr. om året.",
            r.range(10, 99)
        ),
        6 => format!(
            "Vi henviser til sagsnr. {}/{} og journalnr. {}.{}.{}-A{}-1-{}.",
            year % 100,
            r.digits(5),
            r.digits(2),
            r.digits(2),
            r.digits(2),
            r.digits(2),
            year % 100
        ),
        7 => format!(
            "Foreningen (CVR-nr. {}{}) har {n} medlemmer.",
            r.range(1, 4),
            r.digits(7)
        ),
        8 => format!("Postnummer {postcode} dækker {} husstande.", big),
        9 => format!("Vi bor i {postcode} {town} og har gjort det i {m} år."),
        10 => format!(
            "Åbningstiden er kl. {}-{} på hverdage og {}.30-{}.00 i weekenden.",
            r.range(7, 10),
            r.range(15, 18),
            r.range(9, 11),
            r.range(13, 16)
        ),
        11 => format!("Kapitel {m} handler om beskæftigelse, og Tabel {n} viser ledigheden."),
        12 => format!("Fra {dd}. {month} {year} gælder de nye regler for {n} borgere."),
        13 => format!(
            "Der er {m} km til nærmeste skole og {} minutter med bus {}A.",
            r.range(5, 60),
            r.range(100, 999)
        ),
        14 => format!("Lokalplan nr. {n} giver mulighed for {m} boliger på {big} m²."),
        15 => format!(
            "Roskilde Kommune har ca. {}.{:03} indbyggere, heraf {},{} % med minoritetsbaggrund.",
            r.range(80, 99),
            r.below(1000),
            r.range(5, 15),
            r.range(0, 9)
        ),
        16 => format!(
            "Fakturanummer {}{} er betalt den {dd:02}.{mm:02}.{year}.",
            r.range(2, 9),
            r.digits(7)
        ),
        17 => format!(
            "EAN-nummer 5798{} skal bruges ved fakturering.",
            r.digits(9)
        ),
        18 => format!(
            "Beløbet på {amount} kr. bedes indbetalt på reg.nr. {} kontonr. {}.",
            r.digits(4),
            r.digits(10)
        ),
        19 => format!("Algade er blevet ensrettet, og det har givet {m} % mere trafik på Køgevej."),
        20 => format!(
            "Mennesker med {} skal have bedre tilbud, jf. § {m}.",
            r.word(list("negative_conditions"))
        ),
        21 => format!(
            "Flygtninge fra {} skal have hurtigere danskundervisning, mener {n} af de adspurgte.",
            r.word(list("countries"))
        ),
        22 => format!(
            "Handicaprådet og Integrationsrådet anbefaler at afsætte {m} mio. kr. i {year}."
        ),
        23 => format!(
            "Danmarks Statistik opgjorde i {year} ledigheden til {},{} pct.",
            r.range(2, 9),
            r.range(0, 9)
        ),
        24 => format!("Sagen blev behandlet i Byrådet den {dd}/{mm} {year} som punkt {m}."),
        25 => format!(
            "Version {}.{}.{} af systemet kom i {year}.",
            r.range(1, 9),
            r.range(0, 20),
            r.range(0, 9)
        ),
        26 => format!("Der blev solgt {n} billetter à {m} kr. til arrangementet i {town}."),
        27 => format!("Vi var {n} personer til dialogmødet den {dd}. {month}."),
        28 => format!(
            "Bogen har ISBN 978-87-{}-{}-{}.",
            r.digits(2),
            r.digits(4),
            r.digits(1)
        ),
        29 => format!("Telefontiden er mellem kl. 8 og 15, og ventetiden er {m} minutter."),
        30 => format!("Skolen på Bakkevej har {n} elever fordelt på {m} klasser."),
        31 => format!(
            "Linje {m}A kører hvert {}. minut, også i {year}.",
            r.range(5, 20)
        ),
        32 => format!(
            "Område {} og Fase {} af projektet starter i {year}.",
            r.range(1, 9),
            r.range(1, 4)
        ),
        33 => format!(
            "Afstemningen i udvalget endte {}-{}, og forslaget faldt.",
            r.range(0, 9),
            r.range(0, 9)
        ),
        34 => format!("Jeg har betalt skat i {m} år og boet i {postcode} {town} siden {year}."),
        35 => format!(
            "Renoveringen af Algade til {amount} kr. blev vedtaget med {} stemmer mod {}.",
            r.range(15, 31),
            r.range(0, 15)
        ),
        36 => format!("I {year} blev der registreret {n} indbrud i {postcode} {town}."),
        37 => format!(
            "Tallene fra {year} viser {}.{:03} ledige, {m} % færre end året før.",
            r.range(1, 9),
            r.below(1000)
        ),
        38 => format!("Udgiften pr. borger er {amount} kr. om året ifølge tabel {m}."),
        39 => format!(
            "Kl. {:02}:{:02} den {dd:02}.{mm:02}.{:02} modtog vi brevet.",
            r.range(7, 22),
            r.below(60),
            year % 100
        ),
        40 => format!(
            "Der er {m} m² grønne områder pr. indbygger og {} legepladser.",
            r.range(2, 40)
        ),
        41 => format!(
            "Mit medlemsnummer {}{} i foreningen har jeg haft siden {year}.",
            r.range(2, 9),
            r.digits(7)
        ),
        42 => format!("Vi ser {m} gange så mange ansøgninger som i {year}."),
        43 => format!("Mellem {year} og {y2} faldt tallet med {big} kroner."),
        44 => format!("Cykelstien langs Strandvejen er {m} km lang og kostede {amount} kr."),
        45 => format!(
            "Ældre med {} bør have plads i {} af kommunens {} plejeboliger.",
            r.word(list("elderly_conditions")),
            r.range(10, 99),
            big
        ),
        46 => format!("Rådhusbuen og Stændertorvet får {m} nye bænke i {year}."),
        _ => format!(
            "Borgmesteren og {} andre medlemmer af Byrådet stemte for, {} imod.",
            r.range(2, 20),
            r.range(0, 10)
        ),
    };
    Sample::negative(text)
}

fn evaluation_set() -> Vec<Sample> {
    let mut r = Rand(0x5eed_2024_0001);
    let mut set = Vec::new();
    for _ in 0..120 {
        set.push(cpr_sample(&mut r));
    }
    for _ in 0..80 {
        set.push(phone_sample(&mut r));
    }
    for _ in 0..60 {
        set.push(email_sample(&mut r));
    }
    for _ in 0..80 {
        set.push(address_sample(&mut r));
    }
    for _ in 0..50 {
        set.push(health_sample(&mut r));
    }
    for _ in 0..50 {
        set.push(origin_sample(&mut r));
    }
    for _ in 0..25 {
        set.push(signature_sample(&mut r));
    }
    for _ in 0..360 {
        set.push(negative_sample(&mut r));
    }
    set
}

// ---------------------------------------------------------------------------------------
// The naive baseline: patterns anyone would write first.

fn baseline(text: &str) -> Vec<(FlagKind, Range<usize>)> {
    let bytes = text.as_bytes();
    let digit_run = |from: usize| {
        let mut to = from;
        while to < bytes.len() && bytes[to].is_ascii_digit() {
            to += 1;
        }
        to
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let end = digit_run(i);
        // CPR: ten digits, or six, a dash and four.
        if end - i == 10 {
            out.push((FlagKind::Cpr, i..end));
        } else if end - i == 6 && bytes.get(end) == Some(&b'-') && digit_run(end + 1) == end + 5 {
            out.push((FlagKind::Cpr, i..end + 5));
        }
        // Phone: any group of eight digits.
        if end - i == 8 {
            out.push((FlagKind::Phone, i..end));
        }
        i = end;
    }
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    // E-mail: any token with "@".
    for &(at, w) in &words {
        if w.contains('@') {
            out.push((FlagKind::Email, at..at + w.len()));
        }
    }
    // Address: any capitalised word followed by a number.
    for pair in words.windows(2) {
        let ((s, w), (n, num)) = (pair[0], pair[1]);
        let number_len = num.bytes().take_while(u8::is_ascii_digit).count();
        if w.chars().next().is_some_and(char::is_uppercase) && number_len > 0 {
            out.push((FlagKind::Address, s..n + number_len));
        }
    }
    // Health and origin: any such word, name or no name.
    let mut start = None;
    for (k, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                if let Some(kind) = term_kind(&text[s..k].to_lowercase()) {
                    out.push((kind, s..k));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Counting.

#[derive(Debug, Default, Clone, Copy)]
struct Count {
    gold: usize,
    flags: usize,
    false_alarms: usize,
    misses: usize,
    exact: usize,
}

impl Count {
    fn precision(&self) -> f64 {
        if self.flags == 0 {
            1.0
        } else {
            (self.flags - self.false_alarms) as f64 / self.flags as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            (self.gold - self.misses) as f64 / self.gold as f64
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn score(
    set: &[Sample],
    system: impl Fn(&str) -> Vec<(FlagKind, Range<usize>)>,
    show: bool,
    label: &str,
) -> Vec<(FlagKind, Count)> {
    let mut counts: Vec<(FlagKind, Count)> = FlagKind::ALL
        .iter()
        .map(|&k| (k, Count::default()))
        .collect();
    for sample in set {
        let found = system(&sample.text);
        for (kind, count) in counts.iter_mut() {
            let gold: Vec<&Range<usize>> = sample
                .gold
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, r)| r)
                .collect();
            let flags: Vec<&Range<usize>> = found
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, r)| r)
                .collect();
            count.gold += gold.len();
            count.flags += flags.len();
            for f in &flags {
                if !gold.iter().any(|g| overlaps(g, f)) {
                    count.false_alarms += 1;
                    if show {
                        println!(
                            "{label} false {}: {:?} in {:?}",
                            kind.code(),
                            &sample.text[(*f).clone()],
                            sample.text
                        );
                    }
                }
                if gold.iter().any(|g| g == f) {
                    count.exact += 1;
                }
            }
            for g in &gold {
                if !flags.iter().any(|f| overlaps(g, f)) {
                    count.misses += 1;
                    if show {
                        println!(
                            "{label} missed {}: {:?} in {:?}",
                            kind.code(),
                            &sample.text[(*g).clone()],
                            sample.text
                        );
                    }
                }
            }
        }
    }
    counts
}

/// Scores `detect` and the baseline on `set`, prints the table and returns detect's counts.
fn report(title: &str, set: &[Sample], show: bool) -> Vec<(FlagKind, Count)> {
    let positives = set.iter().filter(|s| !s.gold.is_empty()).count();
    let negatives = set.len() - positives;
    assert!(positives >= 300 && negatives >= 300);
    let ours = score(
        set,
        |t| detect(t).into_iter().map(|f| (f.kind, f.range())).collect(),
        show,
        title,
    );
    let naive = score(set, baseline, false, "baseline");

    println!(
        "\n{title}: {} snippets ({positives} with something to flag, {negatives} without)",
        set.len()
    );
    println!(
        "{:<8} {:>5} | {:>5} {:>4} {:>4} {:>5} {:>6} {:>6} | {:>8} {:>4} {:>4} {:>6} {:>6}",
        "kind",
        "gold",
        "flags",
        "FP",
        "FN",
        "exact",
        "prec",
        "recall",
        "baseline",
        "FP",
        "FN",
        "prec",
        "recall"
    );
    for ((kind, c), (_, b)) in ours.iter().zip(&naive) {
        println!(
            "{:<8} {:>5} | {:>5} {:>4} {:>4} {:>5} {:>6.3} {:>6.3} | {:>8} {:>4} {:>4} {:>6.3} {:>6.3}",
            kind.code(),
            c.gold,
            c.flags,
            c.false_alarms,
            c.misses,
            c.exact,
            c.precision(),
            c.recall(),
            b.flags,
            b.false_alarms,
            b.misses,
            b.precision(),
            b.recall()
        );
    }
    ours
}

#[test]
fn detection_quality() {
    let show = std::env::var_os("PRIVACY_FAILURES").is_some();
    let development = report("development set", &evaluation_set(), show);
    let heldout = report("held-out set", &super::quality_heldout::heldout_set(), show);
    println!(
        "(FP: false alarms, FN: misses, exact: flags with exactly the labelled extent; a flag \
         overlapping a labelled span of its kind counts as found)"
    );

    for (set, counts) in [("development", &development), ("held-out", &heldout)] {
        for (kind, c) in counts {
            let (p, r) = (c.precision(), c.recall());
            let code = kind.code();
            match kind {
                FlagKind::Cpr => assert!(
                    p >= 0.99 && r >= 0.99,
                    "{set} cpr: precision {p:.3}, recall {r:.3}"
                ),
                // Names are looked for only in texts that should name nobody.
                FlagKind::Health | FlagKind::Origin | FlagKind::Name => {}
                _ => assert!(
                    p >= 0.9 && r >= 0.9,
                    "{set} {code}: precision {p:.3}, recall {r:.3}"
                ),
            }
        }
    }
}
