//! The held-out evaluation set: templates and values written after the detectors were last
//! changed, and not run against them before these figures were first taken (the word lists are
//! in `quality_words.json`, under `heldout`). The set in `quality_tests` served to find the
//! detectors' gaps; this one measures them.

use super::FlagKind;
use super::quality_tests::{Rand, Sample, word_list};

fn list(name: &str) -> &'static [String] {
    word_list("heldout", name)
}

fn name(r: &mut Rand) -> String {
    match r.below(5) {
        0..=2 => format!("{} {}", r.word(list("first")), r.word(list("last"))),
        3 => format!(
            "{} {} {}",
            r.word(list("first")),
            r.word(list("last")),
            r.word(list("last"))
        ),
        _ => (*r.word(list("first"))).to_owned(),
    }
}

fn cpr(r: &mut Rand) -> String {
    // Born 1925–2024, the seventh digit as the CPR office assigns it.
    let year = r.range(1925, 2024);
    let seventh = match year {
        1925..=1936 => r.range(0, 3),
        1937..=1999 => *r.pick(&[&0u64, &1, &2, &3, &4, &9]),
        2000..=2036 => *r.pick(&[&4u64, &5, &6, &7, &8, &9]),
        _ => 0,
    };
    let month = r.range(1, 12);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let day = r.range(1, days);
    let tail = r.digits(3);
    let yy = year % 100;
    match r.below(5) {
        0 | 1 => format!("{day:02}{month:02}{yy:02}-{seventh}{tail}"),
        2 => format!("{day:02}{month:02}{yy:02}{seventh}{tail}"),
        3 => format!("{day:02}{month:02}{yy:02} {seventh}{tail}"),
        _ => format!("{day:02}{month:02}{yy:02}–{seventh}{tail}"),
    }
}

fn phone(r: &mut Rand) -> String {
    let d = format!("{}{}", r.range(2, 9), r.digits(7));
    let g = |a: usize| &d[a..a + 2];
    let body = match r.below(7) {
        0 | 1 => format!("{} {} {} {}", g(0), g(2), g(4), g(6)),
        2 => d.clone(),
        3 => format!("{}{} {}{}", g(0), g(2), g(4), g(6)),
        4 => format!("{}-{}-{}-{}", g(0), g(2), g(4), g(6)),
        5 => format!("{}.{}.{}.{}", g(0), g(2), g(4), g(6)),
        _ => format!("{}\u{a0}{}\u{a0}{}\u{a0}{}", g(0), g(2), g(4), g(6)),
    };
    match r.below(10) {
        0 => format!("+45 {body}"),
        1 => format!("(+45) {body}"),
        2 => format!("0045 {body}"),
        3 => format!("+45{body}"),
        _ => body,
    }
}

fn email(r: &mut Rand) -> String {
    let first = r.word(list("first")).to_lowercase();
    let last = r.word(list("last")).to_lowercase();
    let local = match r.below(5) {
        0 => format!("{first}.{last}{}", r.range(1, 9)),
        1 => format!("{first}-{last}"),
        2 => format!("{}{}", &first[..1], last),
        3 => format!("{first}.{}.{last}", r.word(list("email_initials"))),
        _ => (*r.word(list("mailboxes"))).to_owned(),
    };
    let domain = r.word(list("email_domains"));
    format!("{local}@{domain}")
}

fn address(r: &mut Rand) -> String {
    let street = if r.chance(35) {
        (*r.word(list("named_streets"))).to_owned()
    } else {
        let stem = r.word(list("street_stems"));
        let suffix = r.word(list("street_suffixes"));
        format!("{stem}{suffix}")
    };
    let mut a = format!("{street} {}", r.range(1, 180));
    match r.below(10) {
        0 => a.push_str(&format!("{}", char::from(b'A' + r.below(6) as u8))),
        1 => a.push_str(&format!(" {}", char::from(b'A' + r.below(6) as u8))),
        _ => {}
    }
    if r.chance(25) {
        a.push_str(r.word(list("floors")));
    }
    if r.chance(30) {
        a.push_str(r.word(list("postal_towns")));
    }
    a
}

fn cpr_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("cpr_templates"), FlagKind::Cpr, cpr)
}

fn phone_sample(r: &mut Rand) -> Sample {
    if r.chance(10) {
        let mut s = Sample::default();
        s.text("hjemme: ")
            .gold(FlagKind::Phone, &phone(r))
            .text(" / arbejde: ")
            .gold(FlagKind::Phone, &phone(r));
        return s;
    }
    Sample::templated(r, list("phone_templates"), FlagKind::Phone, phone)
}

fn email_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("email_templates"), FlagKind::Email, email)
}

fn address_sample(r: &mut Rand) -> Sample {
    Sample::templated(r, list("address_templates"), FlagKind::Address, address)
}

fn health_sample(r: &mut Rand) -> Sample {
    let who = name(r);
    let term = r.word(list("health"));
    let (before, after) = match r.below(6) {
        0 => ("Vores datter, {n}, har ", ", og hun har brug for ro."),
        1 => ("{n} (min mand) har ", " og kan ikke gå langt."),
        2 => ("Min svigermor {n} lever med ", " og bor alene."),
        3 => ("Siden {n} fik ", ", har vi ikke kunnet bruge parken."),
        4 => ("Jeg, {n}, har selv ", ", så jeg ved hvad det betyder."),
        _ => (
            "Naboens dreng {n} har ",
            " og bliver let bange for trafikken.",
        ),
    };
    Sample::around(before, FlagKind::Health, term, after, &who)
}

fn origin_sample(r: &mut Rand) -> Sample {
    let who = name(r);
    let term = r.word(list("origins"));
    let (before, after) = match r.below(5) {
        0 => ("Min gode ven {n} er ", ", og han føler sig ikke velkommen."),
        1 => ("{n}, der selv er ", ", underviser i lektiecaféen."),
        2 => ("Som ", " har {n} svært ved at finde en lejlighed."),
        3 => ("Vores frivillige, {n}, er ", " og taler arabisk."),
        _ => ("Familien består af mig, {n}, og vi er ", "."),
    };
    Sample::around(before, FlagKind::Origin, term, after, &who)
}

fn signature_sample(r: &mut Rand) -> Sample {
    let mut s = Sample::default();
    s.text(r.word(list("greetings")))
        .text(&name(r))
        .text(", ")
        .gold(FlagKind::Address, &address(r))
        .text(r.word(list("phone_labels")))
        .gold(FlagKind::Phone, &phone(r))
        .text(r.word(list("email_labels")))
        .gold(FlagKind::Email, &email(r));
    s
}

fn negative_sample(r: &mut Rand) -> Sample {
    let year = r.range(2000, 2035);
    let n = r.range(2, 500);
    let m = r.range(2, 60);
    let dd = r.range(1, 28);
    let mm = r.range(1, 12);
    let street = r.word(list("negative_streets"));
    let capital = r.word(list("capitalised_words"));
    let text = match r.below(40) {
        0 => format!("Høringsfristen er {dd:02}.{mm:02}.{year} kl. 12.00."),
        1 => format!(
            "Tilskuddet er Kr. {}.000,- om året fra {year}.",
            r.range(2, 99)
        ),
        2 => format!(
            "Der er afsat DKK {},{} mio. i perioden {year}–{}.",
            r.range(1, 9),
            r.range(1, 9),
            year + 3
        ),
        3 => format!(
            "I uge {m} holder vi lukket; ellers kl. {}:00-15:30.",
            r.range(7, 10)
        ),
        4 => format!("Mødet er d. {dd}/{mm} kl. {}.", r.range(16, 20)),
        5 => format!(
            "Jf. LBK nr. {} af {dd}/{mm}/{year} og vejledning nr. {}.",
            r.range(100, 2000),
            r.range(1000, 9999)
        ),
        6 => format!("Se journal {}/{} om sagen.", year % 100, r.digits(4)),
        7 => format!(
            "Ca. {}-{} % af eleverne i {}.-{}. klasse bruger cykelstien.",
            r.range(10, 40),
            r.range(41, 80),
            r.range(6, 8),
            r.range(9, 10)
        ),
        8 => format!(
            "Prisen er {}.000-{}.000 kr. pr. plads.",
            r.range(1, 4),
            r.range(5, 9)
        ),
        9 => format!("Vi fik {n} ud af {} pladser i {year}.", n + m),
        10 => format!(
            "Grunden er på {}.000 m2 og rummer {} boliger.",
            r.range(2, 90),
            n
        ),
        11 => format!("{capital} {} skal renoveres i {year}.", r.range(1, 40)),
        12 => format!(
            "Buslinje {} kører ad {street} {} gange i timen.",
            r.range(200, 299),
            r.range(2, 6)
        ),
        13 => format!(
            "Der er {} meter fra {street} til skolen, og {m} børn krydser vejen.",
            r.range(50, 900)
        ),
        14 => format!(
            "Renovering af {street} fra nr. {} til {} er udskudt.",
            r.range(1, 20),
            r.range(30, 90)
        ),
        15 => format!("Se www.roskilde.dk/politikker/{year} for baggrunden."),
        16 => format!("Ref. {year}-{} i kommunens system.", r.digits(7)),
        17 => format!("SE-nr. {}{} står på fakturaen.", r.range(1, 9), r.digits(7)),
        18 => format!(
            "Afstemningen endte {}–{} i Økonomiudvalget.",
            r.range(0, 9),
            r.range(0, 9)
        ),
        19 => format!(
            "Tilbuddet er åbent 24/7 og er for {}-{}-årige.",
            r.range(13, 16),
            r.range(17, 25)
        ),
        20 => format!(
            "Forholdet mellem voksne og børn skal være 1:{}.",
            r.range(3, 8)
        ),
        21 => format!("I {year} var der {n} flygtninge i kommunen, og {m} % var i job."),
        22 => format!(
            "Mennesker med psykisk sygdom udgør {m} % af de ledige ifølge Danmarks Statistik."
        ),
        23 => format!(
            "Integrationsrådet mødes {} gange om året på Rådhuset.",
            r.range(4, 12)
        ),
        24 => format!(
            "Handicaprådet har {m} medlemmer og et budget på {}.{:03} kr.",
            r.range(50, 999),
            r.below(1000)
        ),
        25 => format!(
            "Punkt {}.{}.{} i planen handler om sundhed.",
            r.range(1, 9),
            r.range(1, 9),
            r.range(1, 9)
        ),
        26 => format!(
            "Årgang {}-{} får tilbud om svømning i kvartal {}.",
            year - 12,
            year - 10,
            r.range(1, 4)
        ),
        27 => format!(
            "Stemmerne fordelte sig {}/{}, og {} var blanke.",
            r.range(20, 60),
            r.range(20, 60),
            r.range(0, 9)
        ),
        28 => format!(
            "Vi var {n} til borgermødet den {dd}. {} på biblioteket.",
            r.word(list("months"))
        ),
        29 => format!(
            "Roskilde Domkirke fra ca. {} er på UNESCOs liste.",
            r.range(1170, 1280)
        ),
        30 => format!(
            "Frem til {year} stiger udgiften med {m} mio. kr. årligt, jf. bilag {}.",
            r.range(1, 9)
        ),
        31 => format!(
            "Lokalplan {} for området ved {street} blev vedtaget i {year}.",
            r.range(100, 699)
        ),
        32 => format!(
            "Skolen har {n} elever og {m} lærere, og {} elever har særlige behov.",
            r.range(2, 40)
        ),
        33 => format!("Ventelisten er på {n} personer og {m} måneder."),
        34 => format!(
            "Afgiften steg med {},{} % fra {year} til {}.",
            r.range(0, 9),
            r.range(0, 9),
            year + 1
        ),
        35 => format!(
            "Etape {} af Sankt Jørgens Park er færdig i {year}.",
            r.range(1, 4)
        ),
        36 => format!(
            "Cykelruten er {},{} km og krydser {street} to steder.",
            r.range(2, 30),
            r.range(0, 9)
        ),
        37 => format!("Der kommer {n} nye p-pladser og {m} ladestandere i {year}."),
        38 => format!(
            "Kommunen svarer inden for {} hverdage efter den {dd}.{mm}.",
            r.range(5, 20)
        ),
        _ => format!(
            "Politikken blev vedtaget af Byrådet den {dd}. januar {year} med {} stemmer for.",
            r.range(16, 31)
        ),
    };
    Sample::negative(text)
}

/// Makes one sample.
type Maker = fn(&mut Rand) -> Sample;

/// The held-out set: 480 snippets with something to flag and 320 without.
pub(super) fn heldout_set() -> Vec<Sample> {
    let mut r = Rand(0x0dd_ba11_2026_1130);
    let mut set = Vec::new();
    let makers: [(Maker, usize); 8] = [
        (cpr_sample, 110),
        (phone_sample, 80),
        (email_sample, 50),
        (address_sample, 80),
        (health_sample, 60),
        (origin_sample, 60),
        (signature_sample, 40),
        (negative_sample, 320),
    ];
    for (make, count) in makers {
        for _ in 0..count {
            set.push(make(&mut r));
        }
    }
    set
}
