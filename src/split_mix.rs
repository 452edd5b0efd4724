//! SplitMix64: a fixed, dependency-free source of variation for the quality tests, their
//! held-out sets and the benchmarks, so that a seed gives the same figures on every machine.
//!
//! This file has no dependency on the rest of the crate, so the benches include it too.

/// Advances `state` and returns the next value of its sequence.
pub fn step(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    scramble(*state)
}

/// SplitMix64's finaliser: a well-mixed value from any `u64`.
pub fn scramble(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The generator; its state starts as the seed.
pub struct Rand(pub u64);

impl Rand {
    pub fn next(&mut self) -> u64 {
        step(&mut self.0)
    }

    /// A number below `n`, by the remainder (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in [0, 1), from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
