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
    use super::stopwords::{ADDED, ARABIC, ENGLISH, SNOWBALL, UKRAINIAN};
    assert_eq!(SNOWBALL.len(), 94);
    for list in [SNOWBALL, ADDED, ENGLISH, UKRAINIAN, ARABIC] {
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

// ---- Queries, highlights, snippets ----------------------------------------------------------

fn marked<'t>(text: &'t str, marks: &[Range<usize>]) -> Vec<&'t str> {
    marks.iter().map(|m| &text[m.clone()]).collect()
}

#[test]
fn a_query_is_its_terms_once_each() {
    assert_eq!(
        parse_query("Integrationen og \"integration\" af børn").terms,
        ["integration", "børn"]
    );
    assert!(parse_query("og i på").is_empty());
    assert!(parse_query("").is_empty());
}

#[test]
fn integration_finds_its_inflected_forms() {
    let text = "Integrationen lykkes, når integrationens mål er klare. Integrere?";
    let query = parse_query("integration");
    assert_eq!(
        marked(text, &highlights(text, &query)),
        ["Integrationen", "integrationens"]
    );
    assert!(query.matches(text));
    assert!(!parse_query("integration boliger").matches(text));
    assert!(parse_query("integration mål").matches(text));
    assert!(!Query::default().matches(text));
}

#[test]
fn highlights_on_danish_text() {
    let text = "Børnenes sprog – og forældrenes! «Sproget» styrker børn, også i Ærø Kommune.";
    let query = parse_query("børn sprog ærø");
    let marks = highlights(text, &query);
    assert_eq!(
        marked(text, &marks),
        ["Børnenes sprog", "Sproget", "børn", "Ærø"]
    );
    for m in &marks {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    // Stop words are not searched for, so never marked.
    assert!(highlights("og i på", &parse_query("og")).is_empty());
    // Parts of a hyphenated word, and hits with only spaces between, become one mark.
    let text = "nye it-systemer  it-system og systemet";
    let marks = highlights(text, &parse_query("it system"));
    assert_eq!(marked(text, &marks), ["it-systemer  it-system", "systemet"]);
}

const LONG: &str = "Roskilde Kommune har sendt udkastet til en ny integrationspolitik i høring. \
    Politikken handler om beskæftigelse, uddannelse og fællesskab i hele kommunen. \
    Vi mener, at danskundervisningen skal ligge om aftenen, så også de forældre, der arbejder, \
    kan være med. Desuden ønsker vi flere fritidsjob til unge i alderen 13–17 år, fordi et \
    fritidsjob giver netværk og sprog. Til sidst vil vi understrege værdien af foreningslivet.";

#[test]
fn a_snippet_around_the_first_hit() {
    let query = parse_query("danskundervisning");
    let s = snippet(LONG, &query, 80);
    assert!(s.starts_inside && s.ends_inside, "{s:?}");
    assert_eq!(&LONG[s.offset..s.offset + s.text.len()], s.text);
    assert_eq!(marked(&s.text, &s.marks), ["danskundervisningen"]);
    assert!(s.text.chars().count() <= 80, "{s:?}");
    // Some context comes before the hit.
    assert!(s.marks[0].start > 0);
    assert_no_cut_word(LONG, s.offset, s.offset + s.text.len());
}

#[test]
fn a_snippet_near_the_end_uses_its_room_before() {
    let query = parse_query("foreningslivet");
    let s = snippet(LONG, &query, 60);
    assert!(s.starts_inside && !s.ends_inside, "{s:?}");
    assert!(s.text.ends_with("foreningslivet."));
    assert!(s.text.chars().count() > 40, "{s:?}");
    assert_no_cut_word(LONG, s.offset, s.offset + s.text.len());
}

#[test]
fn snippets_of_short_texts_without_hits_and_with_long_words() {
    let s = snippet(
        "  Kort svar om fritidsjob.\n",
        &parse_query("fritidsjob"),
        100,
    );
    assert_eq!(s.text, "Kort svar om fritidsjob.");
    assert_eq!(marked(&s.text, &s.marks), ["fritidsjob"]);
    assert!(!s.starts_inside && !s.ends_inside);

    let s = snippet(LONG, &parse_query("cykelstier"), 40);
    assert!(s.text.starts_with("Roskilde Kommune"));
    assert!(!s.starts_inside && s.ends_inside && s.marks.is_empty());
    assert_no_cut_word(LONG, s.offset, s.offset + s.text.len());

    // A hit longer than the room is shown whole.
    let text = "Om sprogundervisningsmulighederne i kommunen";
    let s = snippet(text, &parse_query("sprogundervisningsmulighederne"), 10);
    assert_eq!(s.text, "sprogundervisningsmulighederne");
    assert!(s.starts_inside && s.ends_inside);

    let s = snippet("", &parse_query("x"), 10);
    assert_eq!(s, Snippet::default());
}

fn assert_no_cut_word(text: &str, start: usize, end: usize) {
    for w in words(text) {
        assert!(
            !(w.start < start && start < w.end || w.start < end && end < w.end),
            "{start}..{end} cuts {:?}",
            &text[w.start..w.end]
        );
    }
}

// ---- Suggested tags -------------------------------------------------------------------------

const RESPONSES: [&str; 12] = [
    "Vi mangler sprogundervisning om aftenen, så voksne med arbejde kan deltage. \
     Sprogundervisningen bør være gratis.",
    "Danskundervisning skal starte fra første dag. Uden dansk er det svært at finde et job.",
    "Mine forældre fik aldrig god sprogundervisning. Kommunen bør tilbyde danskundervisning \
     til hele familien.",
    "Sprogundervisning for børn og forældre sammen vil styrke integrationen.",
    "Unge flygtninge har brug for et fritidsjob. Et fritidsjob giver netværk og sprog.",
    "Kommunen kan hjælpe unge med at finde fritidsjob i lokale butikker og foreninger.",
    "Min søn fik et fritidsjob i Netto, og det ændrede alt for ham. Flere fritidsjob, tak!",
    "Der mangler boliger til store familier. Boligerne ligger for langt fra skolerne.",
    "Boliger i hele kommunen, ikke kun i ét område, giver bedre integration.",
    "Billige boliger er en forudsætning for at blive i byen. 2 ud af 3 boliger er for dyre.",
    "Tak for en god politik. 2025 bliver et godt år. Med venlig hilsen Karen",
    "Jeg støtter forslaget. 1.000 tak for arbejdet med politikken. Mvh Ole",
];

#[test]
fn tags_for_a_hearing_are_its_themes() {
    let tags = suggest_tags(&RESPONSES, 8);
    let stems: Vec<&str> = tags.iter().map(|t| t.stem.as_str()).collect();
    let mut top: Vec<&str> = stems[..3].to_vec();
    top.sort_unstable();
    assert_eq!(top, ["bol", "fritidsjob", "sprogundervisning"], "{tags:#?}");
    assert!(stems[..6].contains(&"danskundervisning"), "{tags:#?}");

    let labels: Vec<&str> = tags.iter().map(|t| t.label.as_str()).collect();
    assert!(labels.contains(&"boliger") && labels.contains(&"fritidsjob"));
    assert!(labels.contains(&"sprogundervisning"));
    let boliger = tags.iter().find(|t| t.stem == "bol").unwrap();
    assert_eq!(boliger.documents, 3);

    for tag in &tags {
        assert!(!is_stop_word(&tag.label), "{tag:?}");
        assert!(!tag.label.chars().any(|c| c.is_numeric()), "{tag:?}");
        assert!(tag.label.chars().count() >= 3, "{tag:?}");
        assert!(tag.documents >= 2, "{tag:?}");
        assert!(tag.score > 0.0);
    }
    assert!(tags.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(suggest_tags(&RESPONSES, 8), tags);
    assert_eq!(suggest_tags(&RESPONSES, 2), tags[..2]);
}

/// Responses in English (and a Danish one with an English sentence) suggest their themes,
/// never "the", "and" or "with"; Ukrainian and Arabic function words neither. Search stays
/// Danish: "the" is still a term there.
#[test]
fn tags_leave_out_the_stop_words_of_every_language() {
    let responses = [
        "The bike lanes on the main road are too narrow for the children.",
        "Please make the bike lanes wider, and the crossing safer.",
        "The crossing at the school needs lights, and the bike lanes need lights too.",
        "Cykelstierne er for smalle. The bike lanes are a disgrace!",
        "Велосипедні доріжки дуже вузькі, і вони небезпечні для дітей.",
        "Доріжки дуже вузькі, тому вони мають бути ширшими.",
        "هذه الممرات ضيقة جدا على الأطفال في المدينة.",
        "هذه الممرات خطر على الأطفال.",
    ];
    let tags = suggest_tags(&responses, 20);
    let labels: Vec<&str> = tags.iter().map(|t| t.label.as_str()).collect();
    for word in ["the", "and", "are", "too", "дуже", "вони", "هذه", "على"] {
        assert!(!labels.contains(&word), "{word} suggested: {labels:?}");
    }
    for theme in ["bike", "lanes", "вузькі", "доріжки", "الممرات", "الأطفال"]
    {
        assert!(labels.contains(&theme), "{theme} not suggested: {labels:?}");
    }
    let one = suggest_for(
        responses[0],
        &DocumentFrequencies::from_documents(&responses),
        5,
    );
    assert!(one.iter().all(|t| t.label != "the"), "{one:?}");
    assert!(!terms("the").is_empty(), "search is Danish");
}

#[test]
fn tags_of_small_collections() {
    assert!(suggest_tags(&[], 5).is_empty());
    assert!(suggest_tags(&RESPONSES, 0).is_empty());
    assert!(suggest_tags(&["og i på 2025"], 5).is_empty());
    let one = suggest_tags(&["Fritidsjob, fritidsjob og lektiehjælp."], 5);
    let stems: Vec<&str> = one.iter().map(|t| t.stem.as_str()).collect();
    assert_eq!(stems, ["fritidsjob", "lektiehjælp"]);
    assert_eq!(one[0].label, "fritidsjob");
}

#[test]
fn tags_for_one_response_against_the_hearing() {
    let collection = DocumentFrequencies::from_documents(&RESPONSES);
    assert_eq!(collection.documents(), 12);
    assert_eq!(collection.frequency("fritidsjob"), 3);
    assert_eq!(collection.frequency("og"), 0);
    let mut added = DocumentFrequencies::new();
    for response in RESPONSES {
        added.add(response);
    }
    assert_eq!(added, collection);

    let tags = suggest_for(RESPONSES[4], &collection, 3);
    assert_eq!(tags[0].stem, "fritidsjob", "{tags:#?}");
    assert_eq!(tags[0].documents, 3);
    assert!(tags.iter().all(|t| !is_stop_word(&t.label)));

    // A response not in the collection yet is weighed all the same.
    let tags = suggest_for("Cykelstier til skolen, flere cykelstier!", &collection, 2);
    assert_eq!(tags[0].label, "cykelstier");
    assert_eq!(tags[0].documents, 0);
    assert!(suggest_for("anything", &DocumentFrequencies::new(), 0).is_empty());

    let json = serde_json::to_string(&collection).unwrap();
    let back: DocumentFrequencies = serde_json::from_str(&json).unwrap();
    assert_eq!(back, collection);
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
    let query = parse_query("integration");
    assert!(!highlights(FIXTURE, &query).is_empty());
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

    #[test]
    fn highlights_lie_on_words(text in mixed_text(), q in mixed_text()) {
        let query = parse_query(&q);
        let marks = highlights(&text, &query);
        assert_ranges(&text, &marks);
        for m in &marks {
            let inner = terms(&text[m.clone()]);
            prop_assert!(!inner.is_empty());
        }
    }

    #[test]
    fn snippets_are_whole_words_of_the_text(
        text in mixed_text(),
        q in mixed_text(),
        max in 0usize..120,
    ) {
        let query = parse_query(&q);
        let s = snippet(&text, &query, max);
        let end = s.offset + s.text.len();
        prop_assert!(end <= text.len());
        prop_assert_eq!(&text[s.offset..end], s.text.as_str());
        assert_ranges(&s.text, &s.marks);
        assert_no_cut_word(&text, s.offset, end);
        let first_hit = highlights(&text, &query).first().map_or(0, |h| text[h.clone()].chars().count());
        prop_assert!(s.text.chars().count() <= max.max(first_hit));
        prop_assert_eq!(s.starts_inside, !text[..s.offset].trim().is_empty());
        prop_assert_eq!(s.ends_inside, !text[end..].trim().is_empty());
    }

    #[test]
    fn tags_of_any_texts(texts in prop::collection::vec(mixed_text(), 0..6), max in 0usize..6) {
        let docs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let tags = suggest_tags(&docs, max);
        prop_assert!(tags.len() <= max);
        prop_assert!(tags.iter().all(|t| t.score.is_finite() && t.score > 0.0));
        prop_assert!(tags.iter().all(|t| !t.stem.chars().any(char::is_numeric)));
        prop_assert_eq!(suggest_tags(&docs, max), tags);
        let collection = DocumentFrequencies::from_documents(&docs);
        for doc in &docs {
            let own = suggest_for(doc, &collection, max);
            prop_assert!(own.iter().all(|t| t.score.is_finite() && t.score >= 0.0));
        }
    }
}
