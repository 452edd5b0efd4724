//! From signatures to groups: identical texts first, then candidate pairs from LSH banding,
//! each verified against the threshold, joined with union-find.

use super::signature::{Signature, equal_slots, fold, mix};
use super::{Group, Scheme};

const BAND_SEED: u64 = 0x8cb9_2ba7_2f3d_8dd7;

/// How many of a bucket's members each later member of the bucket is checked against. In a
/// bucket of copies of one letter a member is verified against the first of them and then
/// skips the rest, already joined; the limit only matters for buckets of texts that share a
/// band yet differ elsewhere, and keeps their cost linear.
const BUCKET_MEMBERS: usize = 16;

/// Disjoint sets with path halving and union by size.
struct Sets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (big, small) = if self.size[a] >= self.size[b] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small] = big;
        self.size[big] += self.size[small];
    }
}

pub(super) fn group_signatures(signatures: &[Signature], scheme: &Scheme) -> Vec<Group> {
    let mut sets = Sets::new(signatures.len());
    let mut keys: Vec<(u64, usize)> = signatures
        .iter()
        .enumerate()
        .filter(|(_, s)| s.words() > 0)
        .map(|(i, s)| (s.text_hash(), i))
        .collect();

    // Texts identical after normalisation group without any estimate, short ones included.
    keys.sort_unstable();
    for pair in keys.windows(2) {
        let ((ha, a), (hb, b)) = (pair[0], pair[1]);
        if ha == hb && signatures[a].same_text(&signatures[b]) {
            sets.union(a, b);
        }
    }

    let banded: Vec<usize> = signatures
        .iter()
        .enumerate()
        .filter(|(_, s)| s.words() > 0 && s.slots().len() == scheme.slots)
        .map(|(i, _)| i)
        .collect();
    let mut seen = Vec::with_capacity(BUCKET_MEMBERS);
    for band in 0..scheme.bands {
        let rows = band * scheme.rows..(band + 1) * scheme.rows;
        let seed = mix(BAND_SEED ^ band as u64);
        keys.clear();
        keys.extend(banded.iter().map(|&i| {
            let values = &signatures[i].slots()[rows.clone()];
            let h = values.iter().fold(seed, |h, &v| fold(h, u64::from(v)));
            (mix(h), i)
        }));
        keys.sort_unstable();
        for bucket in keys.chunk_by(|a, b| a.0 == b.0) {
            if bucket.len() > 1 {
                join_bucket(bucket, signatures, scheme, &mut sets, &mut seen);
            }
        }
    }
    drop(keys);

    collect(signatures, &mut sets)
}

/// Verifies the candidate pairs of one bucket, skipping pairs already joined, which in a
/// bucket of copies of one letter is all but the first comparison of each member. Every
/// earlier member (up to [`BUCKET_MEMBERS`]) is tried, not one per component: a copy too far
/// from the first copy it meets may still be close to another.
fn join_bucket(
    bucket: &[(u64, usize)],
    signatures: &[Signature],
    scheme: &Scheme,
    sets: &mut Sets,
    seen: &mut Vec<usize>,
) {
    seen.clear();
    for &(_, x) in bucket {
        for &y in seen.iter() {
            if sets.find(x) != sets.find(y)
                && equal_slots(signatures[x].slots(), signatures[y].slots()) >= scheme.needed
            {
                sets.union(x, y);
            }
        }
        if seen.len() < BUCKET_MEMBERS {
            seen.push(x);
        }
    }
}

fn collect(signatures: &[Signature], sets: &mut Sets) -> Vec<Group> {
    let mut grouped: Vec<(usize, usize)> = (0..signatures.len())
        .filter_map(|i| {
            let root = sets.find(i);
            (sets.size[root] > 1).then_some((root, i))
        })
        .collect();
    grouped.sort_unstable();
    let mut groups: Vec<Group> = grouped
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| {
            let members: Vec<usize> = run.iter().map(|&(_, i)| i).collect();
            let representative = representative(&members, signatures);
            Group {
                members,
                representative,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members.first().cmp(&b.members.first()))
    });
    groups
}

/// The member with the highest mean estimated similarity to the others (the earliest on a
/// tie), usually the unedited form letter. The sum of a member's similarities to the others is
/// the number of (slot, other member) pairs agreeing with it, counted slot by slot from sorted
/// columns: O(n log n) per slot instead of comparing all pairs.
fn representative(members: &[usize], signatures: &[Signature]) -> usize {
    let Some(&first) = members.first() else {
        return 0;
    };
    let m = signatures[first].slots().len();
    if m == 0 || members.iter().any(|&i| signatures[i].slots().len() != m) {
        return first;
    }
    let mut score = vec![0usize; members.len()];
    let mut column: Vec<(u32, usize)> = Vec::with_capacity(members.len());
    for s in 0..m {
        column.clear();
        column.extend(
            members
                .iter()
                .enumerate()
                .map(|(at, &i)| (signatures[i].slots()[s], at)),
        );
        column.sort_unstable();
        for run in column.chunk_by(|a, b| a.0 == b.0) {
            for &(_, at) in run {
                score[at] += run.len();
            }
        }
    }
    let mut best = 0;
    for at in 1..members.len() {
        if score[at] > score[best] {
            best = at;
        }
    }
    members[best]
}
