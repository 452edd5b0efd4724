//! Which matched blocks stayed in place: the heaviest common order of the two versions.
//!
//! A block is *in place* when it belongs to the heaviest set of matched pairs whose order is
//! the same in both versions, weighing each pair by the length of its old text. Everything
//! else was moved. So when two sections trade places the shorter one is the one that moved,
//! and a paragraph carried to another section is moved while its old and new neighbours are
//! not. Block numbers play no part: an inserted paragraph renumbers everything after it
//! without moving anything.

/// `pairs` are (old index, new index, weight) with distinct old and distinct new indices, in
/// any order. Returns, for each pair in the order given, whether it is in place.
///
/// O(n log n). Among equally heavy orders, the one found first in new-document order wins, so
/// the answer is deterministic.
pub(crate) fn in_place(pairs: &[(usize, usize, u64)]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&p| pairs[p].1);
    let old_max = pairs.iter().map(|p| p.0 + 1).max().unwrap_or(0);

    // Fenwick tree over old indices holding (best total, pair) for prefix maxima.
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); old_max + 1];
    let mut total = vec![0u64; pairs.len()];
    let mut previous = vec![usize::MAX; pairs.len()];
    let mut best = (0u64, usize::MAX);
    for &p in &order {
        let (old, _, weight) = pairs[p];
        // Best chain ending at an old index strictly before this one.
        let mut at = old;
        let mut before = (0u64, usize::MAX);
        while at > 0 {
            if tree[at].0 > before.0 {
                before = tree[at];
            }
            at &= at - 1;
        }
        total[p] = before.0 + weight;
        previous[p] = before.1;
        if total[p] > best.0 {
            best = (total[p], p);
        }
        let mut at = old + 1;
        while at <= old_max {
            if total[p] > tree[at].0 {
                tree[at] = (total[p], p);
            }
            at += at & at.wrapping_neg();
        }
    }

    let mut placed = vec![false; pairs.len()];
    let mut at = best.1;
    while let Some(flag) = placed.get_mut(at) {
        *flag = true;
        at = previous[at];
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_in_order_is_in_place() {
        let pairs = [(0, 0, 1), (1, 2, 1), (3, 3, 1)];
        assert_eq!(in_place(&pairs), [true, true, true]);
        assert!(in_place(&[]).is_empty());
    }

    #[test]
    fn the_lighter_side_of_a_swap_moved() {
        // Old A(0) B(1) C(2) D(3); new C D A B, where A and B are heavier.
        let pairs = [(2, 0, 1), (3, 1, 1), (0, 2, 5), (1, 3, 5)];
        assert_eq!(in_place(&pairs), [false, false, true, true]);
        // Same, with C and D heavier.
        let pairs = [(2, 0, 5), (3, 1, 5), (0, 2, 1), (1, 3, 1)];
        assert_eq!(in_place(&pairs), [true, true, false, false]);
    }

    #[test]
    fn one_paragraph_carried_far() {
        let pairs = [(1, 0, 3), (2, 1, 3), (3, 2, 3), (0, 3, 3), (4, 4, 3)];
        assert_eq!(in_place(&pairs), [true, true, true, false, true]);
    }
}
