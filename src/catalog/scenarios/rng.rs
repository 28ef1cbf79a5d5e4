//! The generator behind waves: SplitMix64, written out here rather than taken from `rand`,
//! because a scenario's stream must be the same post for post in every build: a trainer's
//! notes and a test's expectations name generated posts, and `rand` does not promise that its
//! generators keep their output across versions.

pub(super) struct Rng(u64);

impl Rng {
    /// A generator for one wave: the scenario's seed mixed with the wave's id, so two waves
    /// with the same seed still differ.
    pub fn new(seed: u64, salt: &str) -> Rng {
        Rng(seed ^ crate::text::stable_hash([salt.as_bytes()]))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A whole number from `lo` to `hi` inclusive.
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        let span = u64::from(hi - lo) + 1;
        lo + (self.next() % span) as u32
    }

    /// An index below `n` (n > 0).
    pub fn pick(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sequence_is_fixed() {
        // SplitMix64's published first output for state 0 after one step.
        let mut r = super::Rng(0);
        assert_eq!(r.next(), 0xe220_a839_7b1d_cdaf);
        let mut a = super::Rng::new(7, "wave");
        let mut b = super::Rng::new(7, "wave");
        assert_eq!(a.between(3, 9), b.between(3, 9));
        assert!((3..=9).contains(&a.between(3, 9)));
    }
}
