//! Benchmark of grouping a million responses (`cargo bench -p hoering --bench grouping`).
//!
//! Not a timed test: it generates 1,000,000 responses of 80–200 words on the integration
//! policy (the evaluation style of the `grouping_quality` test), with campaigns of 20,000,
//! 5,000, 1,000, 200 and 40 copies and 1,500 pairs and trios hidden among them, and prints the
//! time to sign them (one thread), the time to group the signatures, the peak memory, the
//! groups found and how well they match the campaigns.
//!
//! The texts are generated and signed in batches and dropped, as a server would sign each
//! response when it arrives and keep only the signature; generating is timed apart.

#[allow(dead_code)]
mod corpus;
#[allow(dead_code)]
#[path = "../split_mix.rs"]
mod split_mix;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use corpus::{Corpus, Style};
use hoering::analysis::{GroupParams, Signature, group_signatures, signature};

const RESPONSES: usize = 1_000_000;
const BATCH: usize = 10_000;
const SEED: u64 = 0x1_000_000;

fn campaigns() -> Vec<usize> {
    let mut sizes = vec![20_000, 5_000, 5_000];
    sizes.extend([1_000; 5]);
    sizes.extend([200; 20]);
    sizes.extend([40; 50]);
    sizes.extend([3; 500]);
    sizes.extend([2; 1_000]);
    sizes
}

/// The process's peak resident memory (`VmHWM`), where Linux tells it.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or("unknown".to_owned(), |kib| {
            format!("{:.0} MiB", kib as f64 / 1024.0)
        })
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let params = GroupParams::default();
    let sizes = campaigns();
    let corpus = Corpus::new(SEED, Style::Evaluation, RESPONSES, &sizes);
    println!(
        "{RESPONSES} responses, {} in {} campaigns; {params:?}",
        sizes.iter().sum::<usize>(),
        sizes.len()
    );

    let mut signatures: Vec<Signature> = Vec::with_capacity(RESPONSES);
    let (mut generating, mut signing) = (Duration::ZERO, Duration::ZERO);
    let (mut words, mut bytes) = (0usize, 0usize);
    let mut batch: Vec<String> = Vec::with_capacity(BATCH);
    for start in (0..RESPONSES).step_by(BATCH) {
        let clock = Instant::now();
        batch.clear();
        batch.extend((start..RESPONSES.min(start + BATCH)).map(|i| corpus.text(i)));
        generating += clock.elapsed();
        bytes += batch.iter().map(String::len).sum::<usize>();

        let clock = Instant::now();
        signatures.extend(batch.iter().map(|t| signature(t, &params)));
        signing += clock.elapsed();
        words += signatures[start..]
            .iter()
            .map(Signature::words)
            .sum::<usize>();
    }
    drop(batch);
    println!(
        "generating the texts (not part of grouping): {:>6.2} s   ({:.0} MB of text, {:.0} words on average)",
        generating.as_secs_f64(),
        bytes as f64 / 1e6,
        words as f64 / RESPONSES as f64
    );
    println!(
        "signing:                                     {:>6.2} s   ({:.2} µs a response)",
        signing.as_secs_f64(),
        signing.as_secs_f64() * 1e6 / RESPONSES as f64
    );
    println!("peak memory after signing: {}", peak_memory());

    let clock = Instant::now();
    let groups = group_signatures(&signatures, &params)?;
    let grouping = clock.elapsed();
    println!(
        "grouping:                                    {:>6.2} s",
        grouping.as_secs_f64()
    );
    println!(
        "signing + grouping:                          {:>6.2} s",
        (signing + grouping).as_secs_f64()
    );
    println!("peak memory (VmHWM): {}", peak_memory());
    println!(
        "groups: {}, largest {} members, {} responses grouped",
        groups.len(),
        groups.first().map_or(0, |g| g.members.len()),
        groups.iter().map(|g| g.members.len()).sum::<usize>()
    );

    // The groups against the campaigns the generator hid.
    let true_pairs: u64 = sizes.iter().map(|&n| pairs(n)).sum();
    let (mut predicted, mut right, mut unrelated) = (0u64, 0u64, 0usize);
    let mut best: BTreeMap<usize, usize> = BTreeMap::new();
    for g in &groups {
        predicted += pairs(g.members.len());
        let mut here: BTreeMap<usize, usize> = BTreeMap::new();
        for &i in &g.members {
            match corpus.campaign(i) {
                Some(c) => *here.entry(c).or_default() += 1,
                None => unrelated += 1,
            }
        }
        for (c, n) in here {
            right += pairs(n);
            let b = best.entry(c).or_default();
            *b = (*b).max(n);
        }
    }
    let whole = sizes
        .iter()
        .enumerate()
        .filter(|&(c, &n)| best.get(&c) == Some(&n))
        .count();
    let missed: usize = sizes
        .iter()
        .enumerate()
        .map(|(c, &n)| n - best.get(&c).copied().unwrap_or(0))
        .sum();
    println!(
        "pairwise precision {:.6} ({} wrong of {predicted} pairs), recall {:.6} ({right} of {true_pairs} pairs)",
        right as f64 / predicted.max(1) as f64,
        predicted - right,
        right as f64 / true_pairs.max(1) as f64,
    );
    println!(
        "{whole} of {} campaigns found whole, {missed} copies outside their campaign's largest group; {unrelated} unrelated responses in a group",
        sizes.len()
    );
    let small = sizes.iter().filter(|&&n| n <= 3).count();
    let small_whole = sizes
        .iter()
        .enumerate()
        .filter(|&(c, &n)| n <= 3 && best.get(&c) == Some(&n))
        .count();
    println!("  pairs and trios: {small_whole} of {small} found whole");
    for (c, &n) in sizes.iter().enumerate().filter(|(_, n)| **n >= 1_000) {
        println!(
            "  campaign of {n}: {} in its largest group",
            best.get(&c).copied().unwrap_or(0)
        );
    }
    Ok(())
}
