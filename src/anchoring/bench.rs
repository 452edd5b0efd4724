//! Benchmark of version matching and diffing on a 2,000-block policy (`cargo bench -p hoering`).
//!
//! Not a timed test: it prints the median and 95th percentile of 30 runs each of
//! `carry_ids` and `diff_versions`, for a 2,000-block document built from the integration
//! policy (its blocks repeated with varied words, "Vi vil arbejde for, at:" and all) against an
//! edited copy: about 10% of the blocks edited, some moved, inserted, deleted, split and
//! merged, and one section moved.
//!
//! Then the block search a clerk runs while typing at a dialogue meeting, over those 2,000
//! blocks, and quote anchoring on one very long block (about 24,000 words, a whole policy pasted as
//! one paragraph): a one-letter quote and a two-word one, in place and after their
//! occurrence was deleted, the cases that once made a version page take seconds.

use std::hint::black_box;
use std::time::{Duration, Instant};

use hoering::{
    Document, DocumentError, QuoteAnchor, TextQuote, anchor_quote, carry_ids, diff_versions,
    match_versions, parse,
};

#[allow(dead_code)]
#[path = "../split_mix.rs"]
mod split_mix;

use split_mix::Rand;

const FIXTURE: &str = include_str!("../document/fixtures/integrationspolitik.md");
const BLOCKS: usize = 2_000;
const RUNS: usize = 30;

// Only its items; the rest is the quality tests'.
#[allow(dead_code)]
mod model_items;

/// A policy as sections of items; an item is a paragraph or a list of item texts.
type Item = model_items::Item<Vec<String>>;

#[derive(Clone)]
struct Section {
    heading: String,
    items: Vec<Item>,
}

fn fixture_sections() -> Result<Vec<Section>, DocumentError> {
    let doc = parse(FIXTURE)?;
    let mut sections = Vec::new();
    for s in doc.sections.iter().filter(|s| !s.blocks.is_empty()) {
        let items = model_items::items(s.blocks.iter().map(|b| {
            let words: Vec<String> = b.text.split(' ').map(str::to_owned).collect();
            let list = b.number.item().is_some().then_some(b.number.position());
            (list, words)
        }));
        sections.push(Section {
            heading: s.heading.clone(),
            items,
        });
    }
    Ok(sections)
}

fn count(sections: &[Section]) -> usize {
    sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| match i {
            Item::Paragraph(_) => 1,
            Item::List(l) => l.len(),
        })
        .sum()
}

/// Replaces about a fifth of the words with others from the policy, so that the copies of
/// the fixture differ, as the chapters of a long policy do; short lines stay as they are.
fn vary(words: &mut [String], vocabulary: &[String], rand: &mut Rand, share: usize) {
    if words.len() < 8 {
        return;
    }
    for w in words.iter_mut() {
        if rand.below(100) < share {
            *w = vocabulary[rand.below(vocabulary.len())].clone();
        }
    }
}

fn build(vocabulary: &[String]) -> Result<Vec<Section>, DocumentError> {
    let base = fixture_sections()?;
    let mut rand = Rand(2020);
    let mut sections = Vec::new();
    let mut round = 0;
    while count(&sections) < BLOCKS {
        round += 1;
        for s in &base {
            let mut s = s.clone();
            s.heading = format!("{} ({round})", s.heading);
            for item in &mut s.items {
                match item {
                    Item::Paragraph(w) => vary(w, vocabulary, &mut rand, 20),
                    Item::List(l) => {
                        for w in l {
                            vary(w, vocabulary, &mut rand, 20);
                        }
                    }
                }
            }
            sections.push(s);
        }
    }
    // Trim to exactly BLOCKS blocks, from the end.
    while count(&sections) > BLOCKS {
        let excess = count(&sections) - BLOCKS;
        let Some(last) = sections.last_mut() else {
            break;
        };
        match last.items.last_mut() {
            Some(Item::List(l)) if l.len() > 1 && excess < l.len() => {
                l.truncate(l.len() - excess);
            }
            Some(_) => {
                last.items.pop();
            }
            None => {
                sections.pop();
            }
        }
        if sections.last().is_some_and(|s| s.items.is_empty()) {
            sections.pop();
        }
    }
    Ok(sections)
}

/// The edited version: ~10% of blocks with words changed, paragraphs moved, inserted, deleted,
/// split and merged, and one section moved to the end.
fn edit(sections: &[Section], vocabulary: &[String]) -> Vec<Section> {
    let mut rand = Rand(29);
    let mut out = sections.to_vec();
    let new_words = |rand: &mut Rand, n: usize| -> Vec<String> {
        (0..n)
            .map(|_| format!("nyt{}", rand.below(100_000)))
            .collect()
    };
    for s in &mut out {
        let mut k = 0;
        while k < s.items.len() {
            let roll = rand.below(1000);
            match &mut s.items[k] {
                Item::Paragraph(w) if roll < 70 => vary(w, vocabulary, &mut rand, 15),
                Item::List(l) if roll < 70 => {
                    for w in l {
                        if rand.below(3) == 0 {
                            vary(w, vocabulary, &mut rand, 15);
                        }
                    }
                }
                _ if roll < 90 => {
                    s.items.remove(k);
                    continue;
                }
                _ if roll < 110 => {
                    let n = 10 + rand.below(30);
                    s.items.insert(k, Item::Paragraph(new_words(&mut rand, n)));
                    k += 1;
                }
                Item::Paragraph(w) if roll < 118 && w.len() >= 16 => {
                    let second = w.split_off(w.len() / 2);
                    s.items.insert(k + 1, Item::Paragraph(second));
                    k += 1;
                }
                Item::Paragraph(_) if roll < 126 => {
                    if let Some(Item::Paragraph(next)) = s.items.get(k + 1).cloned()
                        && let Item::Paragraph(w) = &mut s.items[k]
                    {
                        w.extend(next);
                        s.items.remove(k + 1);
                    }
                }
                _ => {}
            }
            k += 1;
        }
    }
    // Move a few paragraphs far away, and one section to the end.
    for _ in 0..10 {
        let from = rand.below(out.len());
        let paragraphs: Vec<usize> = (0..out[from].items.len())
            .filter(|&i| matches!(out[from].items[i], Item::Paragraph(_)))
            .collect();
        if paragraphs.is_empty() {
            continue;
        }
        let item = out[from]
            .items
            .remove(paragraphs[rand.below(paragraphs.len())]);
        let to = rand.below(out.len());
        let at = rand.below(out[to].items.len() + 1);
        out[to].items.insert(at, item);
    }
    let section = out.remove(out.len() / 3);
    out.push(section);
    out
}

fn markdown(sections: &[Section]) -> String {
    let mut md = String::from("# Integrationspolitik\n\n");
    let mut lists = 0;
    for s in sections {
        md.push_str(&format!("## {}\n\n", s.heading));
        for item in &s.items {
            match item {
                Item::Paragraph(w) => {
                    md.push_str(&w.join(" "));
                    md.push_str("\n\n");
                }
                Item::List(l) => {
                    // Alternate markers so that adjacent lists stay apart.
                    let marker = if lists % 2 == 0 { '-' } else { '*' };
                    lists += 1;
                    for w in l {
                        md.push_str(&format!("{marker} {}\n", w.join(" ")));
                    }
                    md.push('\n');
                }
            }
        }
    }
    md
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn report(name: &str, times: &[Duration]) {
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<40} median {:>8.2} ms   p95 {:>8.2} ms   (min {:.2}, max {:.2}; {} runs)",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
        times.len()
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fixture = parse(FIXTURE)?;
    let vocabulary: Vec<String> = fixture
        .blocks()
        .flat_map(|b| b.text.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let old_sections = build(&vocabulary)?;
    let new_sections = edit(&old_sections, &vocabulary);
    let old_md = markdown(&old_sections);
    let new_md = markdown(&new_sections);
    let old: Document = parse(&old_md)?;
    let new: Document = parse(&new_md)?;

    let (carried, matching) = carry_ids(&old, new.clone());
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    for b in &matching.blocks {
        *kinds.entry(b.provenance.kind()).or_default() += 1;
    }
    println!(
        "old version: {} blocks, new version: {} blocks; matching: {:?}, removed {}",
        old.blocks().count(),
        new.blocks().count(),
        kinds,
        matching.removed.len()
    );

    report(
        "parse (new version, for scale)",
        &time(RUNS, || parse(&new_md)),
    );
    report("match_versions", &time(RUNS, || match_versions(&old, &new)));
    report("carry_ids", &time(RUNS, || carry_ids(&old, new.clone())));
    report(
        "diff_versions",
        &time(RUNS, || diff_versions(&old, &carried, &matching)),
    );

    // A clerk searching the 2,000 blocks as they type, to record a meeting's input: each key
    // press runs one search, in the browser.
    let choices: Vec<(String, String)> = old
        .blocks()
        .map(|b| (b.number.to_string(), b.text.clone()))
        .collect();
    let typed = [
        "3",
        "3.1",
        "dansk",
        "dansk før skole",
        "aeldre borgere",
        "zzz",
    ];
    report(
        "find_blocks (6 queries as typed, 2,000 blocks)",
        &time(RUNS, || {
            typed
                .iter()
                .map(|q| hoering::meeting::find_blocks(&choices, q, 8).len())
                .sum::<usize>()
        }),
    );

    // The worst case for the candidate search: every block rewritten.
    let mut rand = Rand(7);
    let rewritten: Vec<Section> = old_sections
        .iter()
        .map(|s| Section {
            heading: s.heading.clone(),
            items: s
                .items
                .iter()
                .map(|item| match item {
                    Item::Paragraph(w) => Item::Paragraph(
                        (0..w.len())
                            .map(|_| vocabulary[rand.below(vocabulary.len())].clone())
                            .collect(),
                    ),
                    Item::List(l) => Item::List(
                        l.iter()
                            .map(|w| {
                                (0..w.len())
                                    .map(|_| vocabulary[rand.below(vocabulary.len())].clone())
                                    .collect()
                            })
                            .collect(),
                    ),
                })
                .collect(),
        })
        .collect();
    let unrelated = parse(&markdown(&rewritten))?;
    report(
        "carry_ids, every block rewritten",
        &time(RUNS, || carry_ids(&old, unrelated.clone())),
    );

    long_block_quotes(&vocabulary)?;
    Ok(())
}

/// Words in the long block.
const LONG_WORDS: usize = 24_000;

/// Quotes on one paragraph of [`LONG_WORDS`] words, in a lightly edited next version.
fn long_block_quotes(vocabulary: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let mut rand = Rand(24);
    let mut words: Vec<String> = (0..LONG_WORDS)
        .map(|_| vocabulary[rand.below(vocabulary.len())].clone())
        .collect();
    // A one-letter word to quote in the middle ("i", as in "i Roskilde").
    let middle = LONG_WORDS / 2;
    words[middle] = "i".to_owned();
    words[middle + 1] = "Roskilde".to_owned();
    let old_text = words.join(" ");
    let old = parse(&format!("# Politik\n\n## Afsnit\n\n{old_text}\n"))?;
    // The next version: a few words changed far from the quote.
    let mut edited = words.clone();
    for k in [10, 5_000, 20_000] {
        edited[k] = format!("nyt{k}");
    }
    let new = parse(&format!("# Politik\n\n## Afsnit\n\n{}\n", edited.join(" ")))?;
    // And one where the quoted words and their surroundings were deleted.
    let mut cut = edited.clone();
    cut.drain(middle - 3..middle + 4);
    let gone = parse(&format!("# Politik\n\n## Afsnit\n\n{}\n", cut.join(" ")))?;

    let Some(block) = old.blocks().next() else {
        return Ok(());
    };
    let start: usize = words[..middle].iter().map(|w| w.chars().count() + 1).sum();
    let one_letter = TextQuote::from_selection(&block.text, start, start + 1)?;
    let two_words_end = start + 1 + 1 + words[middle + 1].chars().count();
    let two_words = TextQuote::from_selection(&block.text, start, two_words_end)?;
    println!(
        "long block: {} words; quotes {:?} and {:?}",
        LONG_WORDS,
        one_letter.exact(),
        two_words.exact()
    );
    for (name, target) in [("in place", &new), ("deleted", &gone)] {
        let matching = match_versions(&old, target);
        for (label, quote) in [
            ("one-letter quote", &one_letter),
            ("two-word quote", &two_words),
        ] {
            let anchor = anchor_quote(quote, &block.id, target, &matching);
            let found = match anchor {
                QuoteAnchor::Exact { .. } => "exact",
                QuoteAnchor::Fuzzy { .. } => "fuzzy",
                QuoteAnchor::Removed => "removed",
            };
            report(
                &format!("anchor_quote, {label}, {name} ({found})"),
                &time(QUOTE_RUNS, || {
                    anchor_quote(quote, &block.id, target, &matching)
                }),
            );
        }
    }
    Ok(())
}

/// Fewer runs for the quotes: before they were made linear, one took seconds.
const QUOTE_RUNS: usize = 5;
