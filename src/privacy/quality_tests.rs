//! Measured quality of [`detect`] on a labelled evaluation set, against a naive baseline.
//!
//! The set is generated from templates written for this file only (they and their word lists
//! are in `quality_words.json`, under `development`), apart from the unit tests' examples and not
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
// Word lists and templates.

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

/// A set's word lists by name.
type Lists = fn(&str) -> &'static [String];

/// Named values for a template: `{name}` stands for the value of `name`.
type Values = [(&'static str, String)];

/// `template` filled in. A placeholder is `{a}` or `{a op b}` (`op` one of `+ - * %`, on
/// numbers), with `:0W` after it to pad a number with zeros to W digits; `a` and `b` are a
/// number, a name in `values`, or drawn from `r` as they come, left to right (as `format!`
/// draws its arguments): `range lo hi`, `below n`, `digits n`, `word list` (a word of one of
/// `lists`) or `fill list` (a template of one of `lists`, filled in).
pub(super) fn fill(r: &mut Rand, template: &str, values: &Values, lists: Lists) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("every { is closed");
        let (expression, width) = match rest[open + 1..close].split_once(':') {
            Some((expression, width)) => (expression, width.parse().expect("a width: 02")),
            None => (&rest[open + 1..close], 0),
        };
        let value = evaluate(r, expression, values, lists);
        out.push_str(&format!("{value:0>width$}"));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// An operation on two numbers in a placeholder.
type Operation = fn(u64, u64) -> u64;

/// A placeholder's value: `a` or `a op b` (see [`fill`]).
fn evaluate(r: &mut Rand, expression: &str, values: &Values, lists: Lists) -> String {
    let operations: [(&str, Operation); 4] = [
        (" + ", |a, b| a + b),
        (" - ", |a, b| a - b),
        (" * ", |a, b| a * b),
        (" % ", |a, b| a % b),
    ];
    for (symbol, operation) in operations {
        if let Some((a, b)) = expression.split_once(symbol) {
            let number = |term: String| -> u64 {
                term.parse()
                    .unwrap_or_else(|_| panic!("{term:?} in {expression:?} is a number"))
            };
            let a = number(value(r, a, values, lists));
            let b = number(value(r, b, values, lists));
            return operation(a, b).to_string();
        }
    }
    value(r, expression, values, lists)
}

/// One term of a placeholder (see [`fill`]).
fn value(r: &mut Rand, term: &str, values: &Values, lists: Lists) -> String {
    let words: Vec<&str> = term.split(' ').collect();
    let number = |at: usize| -> u64 {
        words[at]
            .parse()
            .unwrap_or_else(|_| panic!("{term:?} takes numbers"))
    };
    match words[0] {
        "range" => r.range(number(1), number(2)).to_string(),
        "below" => r.below(number(1)).to_string(),
        "digits" => r.digits(number(1) as usize),
        "word" => r.word(lists(words[1])).to_owned(),
        "fill" => {
            let template = r.word(lists(words[1]));
            fill(r, template, values, lists)
        }
        literal if literal.bytes().all(|b| b.is_ascii_digit()) => literal.to_owned(),
        name => values
            .iter()
            .find(|(named, _)| *named == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| panic!("no value {name} for {term:?}")),
    }
}

/// The values of `specs` (each `name=template`), filled in the order given, each template
/// seeing the values before it.
fn draw_values(
    r: &mut Rand,
    specs: &'static [String],
    lists: Lists,
) -> Vec<(&'static str, String)> {
    let mut values = Vec::new();
    for spec in specs {
        let (name, template) = spec.split_once('=').expect("a value is name=template");
        let value = fill(r, template, &values, lists);
        values.push((name, value));
    }
    values
}

/// A sentence template around its term: what stands before the one placeholder other than
/// `{n}` (the name), the word list that placeholder names, and what stands after it.
pub(super) fn around_term(template: &str) -> (&str, &str, &str) {
    let mut from = 0;
    while let Some(open) = template[from..].find('{').map(|at| from + at) {
        let close = open + template[open..].find('}').expect("every { is closed");
        let words = &template[open + 1..close];
        if words != "n" {
            return (&template[..open], words, &template[close + 1..]);
        }
        from = close + 1;
    }
    panic!("{template:?} has no term")
}

// ---------------------------------------------------------------------------------------
// What both sets share.

/// What an evaluation set is drawn from: its word lists and templates in `quality_words.json`
/// and its own ways with the values the templates do not spell out. The kinds of samples, and
/// how each is put together, are the same for both sets ([`samples`]).
pub(super) trait Set: Sized {
    /// The set's name in `quality_words.json`.
    const NAME: &'static str;
    /// What follows the sender's name in a signature.
    const AFTER_NAME: &'static str;

    /// A CPR number (see [`cpr_number`]).
    fn cpr(r: &mut Rand) -> String;
    fn address(r: &mut Rand) -> String;
    /// The sender's name under a signature.
    fn signed_name(r: &mut Rand) -> String;
    /// What stands before the e-mail address in a signature.
    fn before_email(r: &mut Rand) -> &'static str;
    /// Someone named next to a term of `kind` (health or origin), in one of [`Set::sentence`].
    fn about_someone(r: &mut Rand, kind: FlagKind) -> Sample;

    /// A phone number in one of the set's templates.
    fn phone_sample(r: &mut Rand) -> Sample {
        templated::<Self>(r, FlagKind::Phone, phone::<Self>)
    }

    /// One of the set's sentence templates about someone, for a term of `kind`.
    fn sentence(r: &mut Rand, kind: FlagKind) -> &'static str {
        r.word(Self::list(&format!("{}_sentences", kind.code())))
    }

    /// The set's word list `name`.
    fn list(name: &str) -> &'static [String] {
        word_list(Self::NAME, name)
    }
}

/// Makes one sample.
type Maker = fn(&mut Rand) -> Sample;

/// A set drawn from `seed`: `counts` samples of each kind, in this order: CPR numbers, phone
/// numbers, e-mail addresses, street addresses, health and origin next to a name,
/// signatures, and sentences with nothing to flag.
pub(super) fn samples<S: Set>(seed: u64, counts: [usize; 8]) -> Vec<Sample> {
    let makers: [Maker; 8] = [
        |r| templated::<S>(r, FlagKind::Cpr, S::cpr),
        S::phone_sample,
        |r| templated::<S>(r, FlagKind::Email, email::<S>),
        |r| templated::<S>(r, FlagKind::Address, S::address),
        |r| S::about_someone(r, FlagKind::Health),
        |r| S::about_someone(r, FlagKind::Origin),
        signature_sample::<S>,
        negative_sample::<S>,
    ];
    let mut r = Rand(seed);
    let mut set = Vec::new();
    for (make, count) in makers.into_iter().zip(counts) {
        for _ in 0..count {
            set.push(make(&mut r));
        }
    }
    set
}

/// A value of `kind` made by `value`, in one of the set's templates for that kind.
pub(super) fn templated<S: Set>(
    r: &mut Rand,
    kind: FlagKind,
    value: fn(&mut Rand) -> String,
) -> Sample {
    Sample::templated(
        r,
        S::list(&format!("{}_templates", kind.code())),
        kind,
        value,
    )
}

/// A signature with several things at once.
fn signature_sample<S: Set>(r: &mut Rand) -> Sample {
    let mut s = Sample::default();
    s.text(r.word(S::list("greetings")))
        .text(&S::signed_name(r))
        .text(S::AFTER_NAME)
        .gold(FlagKind::Address, &S::address(r))
        .text(r.word(S::list("phone_labels")))
        .gold(FlagKind::Phone, &phone::<S>(r))
        .text(S::before_email(r))
        .gold(FlagKind::Email, &email::<S>(r));
    s
}

/// A sentence with nothing to flag: one of the set's templates, filled with the named values
/// the set draws first.
fn negative_sample<S: Set>(r: &mut Rand) -> Sample {
    let values = draw_values(r, S::list("negative_values"), S::list);
    let template = r.word(S::list("negative_sentences"));
    Sample::negative(fill(r, template, &values, S::list))
}

pub(super) fn days_in(month: u64, year: u64) -> u64 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A CPR number of someone born in `year` with `seventh` as its seventh digit: a month and day
/// in that year, three more digits and one of the set's separators after the date.
pub(super) fn cpr_number<S: Set>(r: &mut Rand, year: u64, seventh: u64) -> String {
    let month = r.range(1, 12);
    let day = r.range(1, days_in(month, year));
    let date = format!("{day:02}{month:02}{:02}", year % 100);
    let serial = format!("{seventh}{}", r.digits(3));
    let separator = r.word(S::list("cpr_separators"));
    format!("{date}{separator}{serial}")
}

/// A phone number: eight digits in one of the set's spellings, by chance after a country code.
pub(super) fn phone<S: Set>(r: &mut Rand) -> String {
    let number = format!("{}{}", r.range(2, 9), r.digits(7));
    let pairs = [("a", 0), ("b", 2), ("c", 4), ("e", 6)]
        .map(|(name, at)| (name, number[at..at + 2].to_owned()));
    let mut values = vec![("number", number)];
    values.extend(pairs);
    let spelling = r.word(S::list("phone_spellings"));
    let spelled = fill(r, spelling, &values, S::list);
    let prefixed = r.word(S::list("phone_prefixes"));
    fill(r, prefixed, &[("number", spelled)], S::list)
}

/// An e-mail address: a local part made of one of the set's first and last names (in lower
/// case), or a mailbox, at one of the set's domains.
fn email<S: Set>(r: &mut Rand) -> String {
    let first = r.word(S::list("first")).to_lowercase();
    let last = r.word(S::list("last")).to_lowercase();
    let initial = first.chars().next().unwrap_or('x').to_string();
    let values = [("first", first), ("last", last), ("initial", initial)];
    let local = r.word(S::list("email_locals"));
    let local = fill(r, local, &values, S::list);
    let domain = r.word(S::list("email_domains"));
    format!("{local}@{domain}")
}

/// A street: one of the set's named streets (`named` times in a hundred), or a stem and a
/// suffix.
pub(super) fn street<S: Set>(r: &mut Rand, named: u64) -> String {
    if r.chance(named) {
        return r.word(S::list("named_streets")).to_owned();
    }
    let stem = r.word(S::list("street_stems"));
    let suffix = r.word(S::list("street_suffixes"));
    format!("{stem}{suffix}")
}

/// `address` with, by chance, a floor (`floor` times in a hundred) and then a postcode and a
/// town (`town` times in a hundred).
pub(super) fn with_floor_and_town<S: Set>(
    r: &mut Rand,
    mut address: String,
    floor: u64,
    town: u64,
) -> String {
    if r.chance(floor) {
        address.push_str(r.word(S::list("floors")));
    }
    if r.chance(town) {
        address.push_str(r.word(S::list("postal_towns")));
    }
    address
}

// ---------------------------------------------------------------------------------------
// The development set.

fn list(name: &str) -> &'static [String] {
    word_list(Development::NAME, name)
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

struct Development;

impl Set for Development {
    const NAME: &'static str = "development";
    const AFTER_NAME: &'static str = "\n";

    /// Someone born in a random year 1860–2030.
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
        cpr_number::<Self>(r, year, seventh)
    }

    fn address(r: &mut Rand) -> String {
        let mut a = format!("{} {}", street::<Self>(r, 30), r.range(1, 250));
        if r.chance(15) {
            a.push(char::from(b'A' + r.below(4) as u8));
        } else if r.chance(5) {
            let n: u64 = r.range(1, 40);
            a = format!("{a}-{}", n * 2 + 2);
        }
        with_floor_and_town::<Self>(r, a, 30, 35)
    }

    fn signed_name(r: &mut Rand) -> String {
        full_name(r)
    }

    fn before_email(_: &mut Rand) -> &'static str {
        "\n"
    }

    fn about_someone(r: &mut Rand, kind: FlagKind) -> Sample {
        let name = some_name(r);
        let (before, words, after) = around_term(Self::sentence(r, kind));
        Sample::around(before, kind, r.word(list(words)), after, &name)
    }
}

/// The development set: 465 snippets with something to flag and 360 without.
fn evaluation_set() -> Vec<Sample> {
    samples::<Development>(0x5eed_2024_0001, [120, 80, 60, 80, 50, 50, 25, 360])
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
            // The spans of `these` that overlap none of `those`, each shown as `what`.
            let unmatched = |these: &[&Range<usize>], those: &[&Range<usize>], what: &str| {
                let lone: Vec<&Range<usize>> = these
                    .iter()
                    .copied()
                    .filter(|s| !those.iter().any(|o| overlaps(o, s)))
                    .collect();
                if show {
                    for s in &lone {
                        println!(
                            "{label} {what} {}: {:?} in {:?}",
                            kind.code(),
                            &sample.text[(*s).clone()],
                            sample.text
                        );
                    }
                }
                lone.len()
            };
            count.false_alarms += unmatched(&flags, &gold, "false");
            count.exact += flags.iter().filter(|f| gold.contains(f)).count();
            count.misses += unmatched(&gold, &flags, "missed");
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
