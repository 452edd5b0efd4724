//! Myers' O((N+M)·D) shortest edit script over token ids, with a bound on D.
//!
//! The bound is what keeps a diff of two unrelated long texts from taking quadratic time and
//! memory: past it the caller shows the texts as replaced instead.

/// One step of an edit script, per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit {
    Equal,
    Delete,
    Insert,
}

/// The shortest edit script turning `a` into `b`, or `None` if it needs more than `max_d`
/// deletions and insertions. Common ends are taken off first, so only the changed middle
/// costs anything.
pub(crate) fn diff(a: &[u32], b: &[u32], max_d: usize) -> Option<Vec<Edit>> {
    let (prefix, suffix) = common_ends(a, b);
    let middle = middle(
        &a[prefix..a.len() - suffix],
        &b[prefix..b.len() - suffix],
        max_d,
    )?;
    let mut script = Vec::with_capacity(prefix + middle.len() + suffix);
    script.extend(std::iter::repeat_n(Edit::Equal, prefix));
    script.extend(middle);
    script.extend(std::iter::repeat_n(Edit::Equal, suffix));
    Some(script)
}

/// How many tokens `a` and `b` share at their start, and then at their end.
pub(crate) fn common_ends(a: &[u32], b: &[u32]) -> (usize, usize) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

fn middle(a: &[u32], b: &[u32], max_d: usize) -> Option<Vec<Edit>> {
    let n = a.len() as isize;
    let m = b.len() as isize;
    if n == 0 || m == 0 {
        if a.len() + b.len() > max_d {
            return None;
        }
        let mut script = vec![Edit::Delete; a.len()];
        script.extend(std::iter::repeat_n(Edit::Insert, b.len()));
        return Some(script);
    }
    // trace[d][k + d] is the furthest x reached on diagonal k with d edits. Only these
    // triangles are kept, so memory is O(D²) rather than O(D·(N+M)).
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let limit = max_d.min(a.len() + b.len());
    for d in 0..=limit as isize {
        let mut v = vec![0isize; (2 * d + 1) as usize];
        for k in (-d..=d).step_by(2) {
            let mut x = if d == 0 {
                0
            } else {
                let prev = &trace[(d - 1) as usize];
                let at = |k: isize| prev[(k + d - 1) as usize];
                if k == -d || (k != d && at(k - 1) < at(k + 1)) {
                    at(k + 1)
                } else {
                    at(k - 1) + 1
                }
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[(k + d) as usize] = x;
            if x >= n && y >= m {
                trace.push(v);
                return Some(backtrack(&trace, n, m));
            }
        }
        trace.push(v);
    }
    None
}

fn backtrack(trace: &[Vec<isize>], n: isize, m: isize) -> Vec<Edit> {
    let mut script = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize).rev() {
        let prev = &trace[(d - 1) as usize];
        let at = |k: isize| prev[(k + d - 1) as usize];
        let k = x - y;
        let down = k == -d || (k != d && at(k - 1) < at(k + 1));
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            script.push(Edit::Equal);
            x -= 1;
            y -= 1;
        }
        script.push(if down { Edit::Insert } else { Edit::Delete });
        x = prev_x;
        y = prev_y;
    }
    while x > 0 && y > 0 {
        script.push(Edit::Equal);
        x -= 1;
        y -= 1;
    }
    script.reverse();
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(a: &[u32], b: &[u32], script: &[Edit]) -> (Vec<u32>, Vec<u32>) {
        let (mut i, mut j) = (0, 0);
        let (mut old, mut new) = (Vec::new(), Vec::new());
        for e in script {
            match e {
                Edit::Equal => {
                    assert_eq!(a[i], b[j]);
                    old.push(a[i]);
                    new.push(b[j]);
                    i += 1;
                    j += 1;
                }
                Edit::Delete => {
                    old.push(a[i]);
                    i += 1;
                }
                Edit::Insert => {
                    new.push(b[j]);
                    j += 1;
                }
            }
        }
        (old, new)
    }

    #[test]
    fn shortest_scripts() {
        let cases: &[(&[u32], &[u32], usize)] = &[
            (&[], &[], 0),
            (&[1, 2, 3], &[1, 2, 3], 0),
            (&[1, 2, 3], &[], 3),
            (&[], &[4], 1),
            (&[1, 2, 3, 4], &[1, 3, 4, 5], 2),
            (&[1, 2, 3, 1, 2, 2, 1], &[3, 2, 1, 2, 1, 3], 5),
        ];
        for &(a, b, d) in cases {
            let script = diff(a, b, 100).unwrap();
            let edits = script.iter().filter(|e| **e != Edit::Equal).count();
            assert_eq!(edits, d, "{a:?} -> {b:?}");
            assert_eq!(apply(a, b, &script), (a.to_vec(), b.to_vec()));
        }
    }

    #[test]
    fn gives_up_past_the_bound() {
        assert!(diff(&[1, 2, 3], &[4, 5, 6], 5).is_none());
        assert!(diff(&[1, 2, 3], &[4, 5, 6], 6).is_some());
        assert!(diff(&[9, 1, 2, 3, 9], &[9, 9], 3).is_some());
    }
}
