use std::ops::Range;

use proptest::prelude::*;

use super::*;
// ---- The stemmer ----------------------------------------------------------------------------

/// Word → stem pairs by step of the algorithm. Each was worked out from the algorithm's
/// definition and checked against the stemmer that Snowball 3.1.1 generates from its own
/// danish.sbl. A few rare endings ("ered") are reached with a constructed form.
const REFERENCE: &[(&str, &str)] = &[
    // R1: words under three letters, and R1 starting no earlier than the fourth letter
    ("i", "i"),
    ("at", "at"),
    ("by", "by"),
    ("ur", "ur"),
    ("år", "år"),
    ("bil", "bil"),
    ("hus", "hus"),
    ("øen", "øen"),
    ("ene", "ene"),
    ("eje", "eje"),
    ("ejer", "ejer"),
    ("ejeren", "ejer"),
    ("ålen", "ålen"),
    ("æbler", "æbl"),
    ("biler", "bil"),
    ("huse", "hus"),
    ("aben", "aben"),
    ("ideen", "ide"),
    // Step 1: each main suffix, removed only when it lies in R1
    ("skole", "skol"),
    ("store", "stor"),
    ("arbejde", "arbejd"),
    ("kærlighed", "kær"),
    ("sikkerhed", "sikker"),
    ("mulighed", "mul"),
    ("afslappethed", "afslap"),
    ("forkælethed", "forkæl"),
    ("formered", "form"),
    ("interesserede", "interes"),
    ("organiserede", "organis"),
    ("kommende", "kom"),
    ("studerende", "stud"),
    ("diskuterende", "diskut"),
    ("børnene", "børn"),
    ("flygtningene", "flygtning"),
    ("borgerne", "borg"),
    ("lærerne", "lær"),
    ("flere", "fler"),
    ("lærere", "lær"),
    ("kommunen", "kommun"),
    ("integrationen", "integration"),
    ("sprogundervisningen", "sprogundervisning"),
    ("sikkerheden", "sikker"),
    ("muligheden", "mul"),
    ("læreren", "lær"),
    ("borger", "borg"),
    ("arbejder", "arbejd"),
    ("boliger", "bol"),
    ("muligheder", "mul"),
    ("diskuterer", "diskut"),
    ("sikkerheds", "sikker"),
    ("huses", "hus"),
    ("kommunes", "kommun"),
    ("kommendes", "kom"),
    ("studerendes", "stud"),
    ("børnenes", "børn"),
    ("borgernes", "borg"),
    ("læreres", "lær"),
    ("kommunens", "kommun"),
    ("integrationens", "integration"),
    ("sikkerhedens", "sikker"),
    ("lærerens", "lær"),
    ("borgers", "borg"),
    ("landets", "land"),
    ("arbejdets", "arbejd"),
    ("kvarterets", "kvart"),
    ("sproget", "sprog"),
    ("arbejdet", "arbejd"),
    ("udvalget", "udvalg"),
    ("organiseret", "organis"),
    ("kvarteret", "kvart"),
    // Step 1: a final s goes only after a valid s-ending (the letter before may be outside R1)
    ("bils", "bil"),
    ("barns", "barn"),
    ("hjems", "hjem"),
    ("idræts", "idræt"),
    ("kurs", "kur"),
    ("tværs", "tvær"),
    ("kreds", "kred"),
    ("trods", "trod"),
    ("sprogs", "sprog"),
    ("fritidsjobs", "fritidsjob"),
    ("regnskabs", "regnskab"),
    ("samfunds", "samfund"),
    ("fokus", "fokus"),
    ("virus", "virus"),
    ("status", "status"),
    ("præmis", "præmis"),
    ("kaos", "kaos"),
    ("plus", "plus"),
    // Step 2: gd, dt, gt, kt in R1 lose their last letter
    ("bygd", "bygd"),
    ("mængde", "mæng"),
    ("sendt", "send"),
    ("kendt", "kend"),
    ("lagt", "lagt"),
    ("sagt", "sagt"),
    ("produkt", "produk"),
    ("kontakt", "kontak"),
    ("kontakten", "kontak"),
    ("direkte", "direk"),
    ("hurtigt", "hurt"),
    ("fremtidigt", "fremtid"),
    ("ansigt", "ans"),
    // Step 3: igst becomes ig, then ig, lig, elig, els go (and step 2 again), løst becomes løs
    ("vigtigst", "vigt"),
    ("hurtigst", "hurt"),
    ("billigst", "bil"),
    ("tidligst", "tid"),
    ("vigtig", "vigt"),
    ("vigtigt", "vigt"),
    ("daglig", "dag"),
    ("kærlig", "kær"),
    ("ordentlig", "ordent"),
    ("egentlig", "egent"),
    ("endelig", "end"),
    ("menneskelig", "mennesk"),
    ("venlig", "ven"),
    ("frivillig", "frivil"),
    ("frivillige", "frivil"),
    ("følelse", "føl"),
    ("bevægelse", "bevæg"),
    ("oplevelse", "oplev"),
    ("tilladelse", "tillad"),
    ("forbindelse", "forbind"),
    ("forbindelsen", "forbind"),
    ("håbløst", "håbløs"),
    ("hjemløst", "hjemløs"),
    ("arbejdsløst", "arbejdsløs"),
    ("arbejdsløse", "arbejdsløs"),
    // Step 4: a double consonant at the end, its last letter in R1, is undoubled
    ("glemme", "glem"),
    ("mappe", "map"),
    ("grupper", "grup"),
    ("fælles", "fæl"),
    ("adresse", "adres"),
    ("uddannelse", "uddan"),
    ("uddannelsen", "uddan"),
    ("uddannelser", "uddan"),
    ("hedder", "hed"),
    ("integrationspolitikken", "integrationspolitik"),
    ("fritidsjobbet", "fritidsjob"),
    ("jazz", "jazz"),
    // Everyday words of a consultation
    ("integration", "integration"),
    ("integrationspolitik", "integrationspolitik"),
    ("borgere", "borg"),
    ("kommunale", "kommunal"),
    ("flygtning", "flygtning"),
    ("flygtninge", "flygtning"),
    ("sprogundervisning", "sprogundervisning"),
    ("danskundervisning", "danskundervisning"),
    ("fritidsjob", "fritidsjob"),
    ("bolig", "bol"),
    ("arbejdsmarkedet", "arbejdsmarked"),
    ("sprog", "sprog"),
    ("børn", "børn"),
    ("barn", "barn"),
    ("barnet", "barn"),
    ("mand", "mand"),
    ("mænd", "mænd"),
    ("job", "job"),
    ("jobbet", "job"),
    ("foreninger", "forening"),
    ("foreningerne", "forening"),
    ("frivilliges", "frivil"),
    // Apostrophes
    ("kommune's", "kommune"),
    ("cd'er", "cd"),
];

#[test]
fn stems_match_the_snowball_reference() {
    assert!(REFERENCE.len() >= 150);
    let wrong: Vec<String> = REFERENCE
        .iter()
        .filter(|(word, expected)| stem(word) != *expected)
        .map(|(word, expected)| format!("{word}: {} (expected {expected})", stem(word)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn inflected_forms_share_a_stem() {
    let same = |forms: &[&str]| {
        let stems: Vec<String> = forms.iter().map(|w| stem(w)).collect();
        assert!(
            stems.windows(2).all(|w| w[0] == w[1]),
            "{forms:?} → {stems:?}"
        );
        stems[0].clone()
    };
    assert_eq!(
        same(&["integration", "integrationen", "integrationens"]),
        "integration"
    );
    assert_eq!(same(&["børn", "børnene", "børnenes"]), "børn");
    assert_eq!(same(&["sprog", "sproget", "sprogets"]), "sprog");
    assert_eq!(same(&["kommune", "kommunen", "kommunens"]), "kommun");
    assert_eq!(same(&["arbejde", "arbejdet", "arbejder"]), "arbejd");
    assert_eq!(same(&["bolig", "boliger", "boligerne"]), "bol");
    // Irregular plurals change the vowel inside the word, which suffix stripping cannot
    // undo: "barn" and "børn", "mand" and "mænd" stay apart.
    assert_ne!(stem("barn"), stem("børn"));
    assert_ne!(stem("mand"), stem("mænd"));
}

#[test]
fn stems_of_any_word() {
    assert_eq!(stem(""), "");
    assert_eq!(stem("Integrationen"), "integration");
    assert_eq!(stem("BØRNENE"), "børn");
    assert_eq!(stem("2025"), "2025");
    // An emoji is just not a vowel: R1 starts after the "n", so only the "e" goes.
    assert_eq!(stem("😀😀😀ene"), "😀😀😀en");
    assert_eq!(stem("ῼ"), "ῳ");
    assert_eq!(stem("café"), "café");
    for word in ["s", "ss", "'", "'''", "igst", "løst", "e\u{301}e\u{301}s"] {
        assert!(!stem(word).is_empty(), "{word:?}");
    }
}
// ---- Stop words -----------------------------------------------------------------------------

#[test]
fn stop_word_lists_are_sorted_and_apart() {
    use super::stopwords::{ADDED, SNOWBALL};
    assert_eq!(SNOWBALL.len(), 94);
    for list in [SNOWBALL, ADDED] {
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        assert!(list.iter().all(|w| *w == w.to_lowercase()));
    }
    assert!(ADDED.iter().all(|w| !SNOWBALL.contains(w)));
}

#[test]
fn stop_words() {
    for word in [
        "og", "i", "på", "været", "sådan", "også", "vores", "kan", "hilsen", "mvh",
    ] {
        assert!(is_stop_word(word), "{word}");
    }
    for word in [
        "kommune",
        "borger",
        "integration",
        "børn",
        "sprog",
        "",
        "Og",
    ] {
        assert!(!is_stop_word(word), "{word}");
    }
}
// ---- Words and terms ------------------------------------------------------------------------

fn word_texts(text: &str) -> Vec<(String, &str)> {
    words(text)
        .map(|w| (w.text.into_owned(), &text[w.start..w.end]))
        .collect()
}

#[test]
fn words_are_lower_case_with_their_ranges() {
    let text = "Sprogundervisning, ØKONOMI og 1.000 kr. (2,5 %) – Æble’s kommune's";
    let found = word_texts(text);
    let lower: Vec<&str> = found.iter().map(|(l, _)| l.as_str()).collect();
    let surface: Vec<&str> = found.iter().map(|(_, s)| *s).collect();
    assert_eq!(
        lower,
        [
            "sprogundervisning",
            "økonomi",
            "og",
            "1.000",
            "kr",
            "2,5",
            "æble's",
            "kommune's"
        ]
    );
    assert_eq!(surface[1], "ØKONOMI");
    assert_eq!(surface[6], "Æble’s");
}

#[test]
fn hyphens_split_words() {
    let lower = |text: &str| -> Vec<String> { word_texts(text).into_iter().map(|w| w.0).collect() };
    assert_eq!(lower("FN-konventionen"), ["fn", "konventionen"]);
    assert_eq!(lower("it-systemer"), ["it", "systemer"]);
    assert_eq!(lower("fritids- og sociale"), ["fritids", "og", "sociale"]);
    assert_eq!(lower("16-årige"), ["16", "årige"]);
    assert_eq!(lower("'citat' og 2025."), ["citat", "og", "2025"]);
}

#[test]
fn words_keep_accents_and_borrow_when_they_can() {
    let text = "Cafe\u{301} café Über";
    let found: Vec<Word> = words(text).collect();
    assert_eq!(&text[found[0].start..found[0].end], "Cafe\u{301}");
    assert_eq!(found[0].text, "cafe\u{301}");
    assert!(matches!(found[1].text, std::borrow::Cow::Borrowed("café")));
    assert_eq!(found[2].text, "über");
}

#[test]
fn terms_are_stems_of_words_that_are_not_stop_words() {
    assert_eq!(
        terms("Børnene og forældrene har brug for sprogundervisning. Børnene!"),
        ["børn", "forældr", "brug", "sprogundervisning", "børn"]
    );
    assert!(terms("og i på at").is_empty());
    assert!(terms("").is_empty());
}
// ---- The fixture ----------------------------------------------------------------------------

const FIXTURE: &str = include_str!("../document/fixtures/integrationspolitik.md");

#[test]
fn every_word_of_the_policy_has_a_stem() {
    let mut count = 0;
    for word in words(FIXTURE) {
        let stemmed = stem(&word.text);
        assert!(!stemmed.is_empty(), "{:?}", word.text);
        assert!(word.text.starts_with(stemmed.as_str()), "{:?}", word.text);
        count += 1;
    }
    assert!(count > 1000, "{count}");
}
// ---- Properties -----------------------------------------------------------------------------

/// Text that mixes Danish words with what pasted text brings: emoji, combining marks,
/// apostrophes, hyphens, digits and odd whitespace.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "integrationen", "Børnene", "sprog", "sproget", "og", "i", "fritids-", "it-system",
            "kommune's", "1.000", "2,5", "ÆRØ", "åben", "café", "e\u{301}", "ü", "løst",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            " ", "  ", "\n", "\t", ",", ".", "-", "'", "’", "«", "»", "–", "😀", "👩‍👩‍👧",
            "\u{301}", "\u{200d}", "\u{a0}",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

fn assert_ranges(text: &str, ranges: &[Range<usize>]) {
    for r in ranges {
        assert!(r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    assert!(
        ranges.windows(2).all(|w| w[0].end < w[1].start),
        "{ranges:?}"
    );
}

proptest! {
    // No regression files: the crate's top level gets no new folders.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]
    #[test]
    fn stems_are_non_empty_prefixes(word in any::<String>()) {
        let lower = word.to_lowercase();
        let stemmed = stem(&word);
        prop_assert!(lower.starts_with(stemmed.as_str()));
        prop_assert_eq!(stemmed.is_empty(), word.is_empty());
    }
    #[test]
    fn words_and_terms_of_any_text(text in mixed_text()) {
        let found: Vec<Word> = words(&text).collect();
        let ranges: Vec<Range<usize>> = found.iter().map(|w| w.start..w.end).collect();
        assert_ranges(&text, &ranges);
        prop_assert!(found.iter().all(|w| !w.text.is_empty()));
        let indexed = terms(&text);
        prop_assert!(indexed.len() <= found.len());
        prop_assert!(indexed.iter().all(|t| !t.is_empty()));
    }
}
