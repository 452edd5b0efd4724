//! From signatures to groups: identical texts first, then candidate pairs from LSH banding,
//! each verified against the threshold and joined with union-find into components; then each
//! component is cut into groups around centres, so that every member of a group is within the
//! threshold of its centre, not merely linked to it through a chain of other members.

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

/// How many of a component's distinct texts each text is compared with to count its
/// neighbours, which picks the centres. Up to this size the count is exact; beyond it (a
/// campaign of tens of thousands of copies) every text is compared with this many spread over
/// the component, which keeps the cost linear in the component's size and still ranks the
/// letter's unedited copies above texts at the campaign's edge. Membership is always decided by
/// a comparison with the centre itself.
const SAMPLE: usize = 2048;

pub(super) fn group_signatures(signatures: &[Signature], scheme: &Scheme) -> Vec<Group> {
    let mut sets = components(signatures, scheme);
    let mut groups = Vec::new();
    for members in component_members(signatures, &mut sets) {
        centred_groups(&members, signatures, scheme, &mut groups);
    }
    sort_groups(&mut groups);
    groups
}

/// The groups as union-find leaves them, one per connected component with its most typical
/// member as representative: the method before centres, kept as the baseline the quality
/// tests compare with.
#[cfg(test)]
pub(super) fn chained_groups(signatures: &[Signature], scheme: &Scheme) -> Vec<Group> {
    let mut sets = components(signatures, scheme);
    let mut groups: Vec<Group> = component_members(signatures, &mut sets)
        .into_iter()
        .map(|members| Group {
            representative: representative(&members, signatures),
            members,
        })
        .collect();
    sort_groups(&mut groups);
    groups
}

/// Union-find over identical texts and verified candidate pairs.
fn components(signatures: &[Signature], scheme: &Scheme) -> Sets {
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
    sets
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
            if sets.find(x) != sets.find(y) && near(&signatures[x], &signatures[y], scheme) {
                sets.union(x, y);
            }
        }
        if seen.len() < BUCKET_MEMBERS {
            seen.push(x);
        }
    }
}

/// The members of each component of two or more texts, ascending.
fn component_members(signatures: &[Signature], sets: &mut Sets) -> Vec<Vec<usize>> {
    let mut grouped: Vec<(usize, usize)> = (0..signatures.len())
        .filter_map(|i| {
            let root = sets.find(i);
            (sets.size[root] > 1).then_some((root, i))
        })
        .collect();
    grouped.sort_unstable();
    grouped
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| run.iter().map(|&(_, i)| i).collect())
        .collect()
}

/// Largest first, ties by first member.
fn sort_groups(groups: &mut [Group]) {
    groups.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members.first().cmp(&b.members.first()))
    });
}

/// Whether two different texts are near-identical: their estimated similarity reaches the
/// threshold and they share at least `min_shared` shingles. Texts too short for a shingle are
/// never near anything but identical copies.
pub(super) fn near(a: &Signature, b: &Signature, scheme: &Scheme) -> bool {
    if a.slots().is_empty() || b.slots().is_empty() {
        return false;
    }
    let equal = equal_slots(a.slots(), b.slots());
    near_by_count(equal, shingles(a, scheme) + shingles(b, scheme), scheme)
}

/// A text's shingles (with repeats, which only a text repeating itself has).
fn shingles(s: &Signature, scheme: &Scheme) -> u64 {
    (s.words() + 1).saturating_sub(scheme.shingle_words) as u64
}

/// [`near`] from the count of equal slots and the two texts' shingles together: the shared
/// shingles are estimated as J·(|A| + |B|)/(1 + J) with J = equal/slots, compared in integers
/// so that no rounding decides.
fn near_by_count(equal: usize, shingles: u64, scheme: &Scheme) -> bool {
    equal >= scheme.needed
        && equal as u64 * shingles >= scheme.min_shared as u64 * (scheme.slots + equal) as u64
}

/// Distinct texts of a component: copies identical after normalisation are one node, so a
/// campaign's unchanged web-form copies count as many neighbours but cost one comparison.
struct Node {
    /// Indices of the identical texts, ascending.
    members: Vec<usize>,
    /// Other texts of the component within the threshold, identical copies included, counted
    /// against the sample.
    neighbours: usize,
    /// Equal slots summed over the sample: the tie-break towards the most typical text.
    agreement: u64,
}

/// Cuts one component into cohesive groups (leader clustering, as Taylor–Butina clustering
/// does for molecules): the text with the most neighbours within the threshold becomes a
/// centre, and its group is every text of the component not yet in a group that is within the
/// threshold of the centre. Then the next centre among the texts left, until none is left. A
/// centre that gathers nobody stays alone, ungrouped.
///
/// Why a centre and not the component: near-identical is not transitive. Short responses that
/// share a popular sentence link in chains (A shares its first sentence with B, B its second
/// with C), and a component can hold thousands of responses with little in common; a group
/// around a centre holds only texts near that one text, which is the representative the clerk
/// reads and each member's similarity is shown against.
fn centred_groups(
    component: &[usize],
    signatures: &[Signature],
    scheme: &Scheme,
    groups: &mut Vec<Group>,
) {
    let mut nodes = distinct_texts(component, signatures);
    if let [node] = nodes.as_slice() {
        groups.push(Group {
            members: node.members.clone(),
            representative: node.members[0],
        });
        return;
    }
    // Every node has slots: a text too short for them is only ever joined with identical
    // copies, so it is a component's only node. The rows side by side, for the cache.
    let m = scheme.slots;
    let k = nodes.len();
    let mut rows: Vec<u32> = Vec::with_capacity(k * m);
    let mut sizes: Vec<u64> = Vec::with_capacity(k);
    for node in &nodes {
        let signature = &signatures[node.members[0]];
        if signature.slots().len() != m {
            // Unreachable by the above; grouping stays well-formed all the same.
            return;
        }
        rows.extend_from_slice(signature.slots());
        sizes.push(shingles(signature, scheme));
    }
    let row = |i: usize| &rows[i * m..(i + 1) * m];
    let near = |a: usize, b: usize| {
        near_by_count(equal_slots(row(a), row(b)), sizes[a] + sizes[b], scheme)
    };

    // Every node when they are few, else SAMPLE nodes evenly spread over the component.
    let sample: Vec<usize> = if k <= SAMPLE {
        (0..k).collect()
    } else {
        (0..SAMPLE).map(|j| j * k / SAMPLE).collect()
    };
    for i in 0..k {
        let (mut neighbours, mut agreement) = (nodes[i].members.len() - 1, 0u64);
        for &s in &sample {
            if s == i {
                continue;
            }
            let equal = equal_slots(row(i), row(s));
            let copies = nodes[s].members.len();
            if near_by_count(equal, sizes[i] + sizes[s], scheme) {
                neighbours += copies;
            }
            agreement += (equal * copies) as u64;
        }
        nodes[i].neighbours = neighbours;
        nodes[i].agreement = agreement;
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&nodes[a], &nodes[b]);
        b.neighbours
            .cmp(&a.neighbours)
            .then(b.agreement.cmp(&a.agreement))
            .then(a.members[0].cmp(&b.members[0]))
    });
    // Nodes in no group yet, in centre order; each round removes the centre and its group.
    let mut open = order;
    let mut left = Vec::with_capacity(k);
    while let Some((&centre, rest)) = open.split_first() {
        let mut members = nodes[centre].members.clone();
        left.clear();
        for &other in rest {
            if near(centre, other) {
                members.extend_from_slice(&nodes[other].members);
            } else {
                left.push(other);
            }
        }
        if members.len() > 1 {
            members.sort_unstable();
            groups.push(Group {
                members,
                representative: nodes[centre].members[0],
            });
        }
        std::mem::swap(&mut open, &mut left);
    }
}

/// The component's texts with identical ones (after normalisation) joined into one node, in
/// order of first member.
fn distinct_texts(component: &[usize], signatures: &[Signature]) -> Vec<Node> {
    let mut keyed: Vec<(u64, usize, usize)> = component
        .iter()
        .map(|&i| (signatures[i].text_hash(), signatures[i].words(), i))
        .collect();
    keyed.sort_unstable();
    let mut nodes: Vec<Node> = keyed
        .chunk_by(|a, b| a.0 == b.0 && a.1 == b.1)
        .map(|run| Node {
            members: run.iter().map(|&(_, _, i)| i).collect(),
            neighbours: 0,
            agreement: 0,
        })
        .collect();
    nodes.sort_unstable_by_key(|n| n.members[0]);
    nodes
}

/// The member with the highest mean estimated similarity to the others (the earliest on a
/// tie), usually the unedited form letter: the baseline's representative. The sum of a member's similarities to the others is
/// the number of (slot, other member) pairs agreeing with it, counted slot by slot from sorted
/// columns: O(n log n) per slot instead of comparing all pairs.
#[cfg(test)]
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
