//! Lint name globs as users give them, with the limits that keep matching cheap.

use crate::registry;

/// Longest glob accepted from a user (flag, configuration file or query parameter). Lint names
/// are far shorter; the cap bounds the cost of matching.
pub const MAX_GLOB_LEN: usize = 128;
/// Most globs accepted in one include or exclude list.
pub const MAX_GLOBS: usize = 64;

/// Shell-style glob with `*` and `?`, matched in O(pattern × text) steps at worst.
#[derive(Clone, Debug)]
pub struct Glob(String);

impl Glob {
    /// A glob without checks (library use). Runs of `*` are one `*`.
    pub fn new(pattern: &str) -> Glob {
        let mut p = String::with_capacity(pattern.len());
        for c in pattern.chars() {
            if !(c == '*' && p.ends_with('*')) {
                p.push(c);
            }
        }
        Glob(p)
    }

    /// A glob as a user gives it: at most [`MAX_GLOB_LEN`] bytes.
    pub fn parse(pattern: &str) -> Result<Glob, String> {
        if pattern.len() > MAX_GLOB_LEN {
            return Err(format!(
                "glob of {} bytes (at most {MAX_GLOB_LEN})",
                pattern.len()
            ));
        }
        Ok(Glob::new(pattern))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn matches(&self, text: &str) -> bool {
        self.match_counting(text).0
    }

    /// The match and the number of steps it took. Two pointers; on a mismatch after a `*`,
    /// that star absorbs one more character and matching resumes. An earlier star never needs
    /// to be revisited, since a later star can absorb whatever it would have, so every text
    /// position is retried at most once per star.
    fn match_counting(&self, text: &str) -> (bool, usize) {
        let (p, t) = (self.0.as_bytes(), text.as_bytes());
        // `?` matches one character, not one byte.
        let is_start = |i: usize| i < t.len() && !(0x80..0xC0).contains(&t[i]);
        let next = |mut i: usize| {
            i += 1;
            while i < t.len() && !is_start(i) {
                i += 1;
            }
            i
        };
        let (mut pi, mut ti, mut steps) = (0, 0, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while ti < t.len() {
            steps += 1;
            match p.get(pi) {
                Some(b'*') => {
                    star = Some((pi, ti));
                    pi += 1;
                }
                Some(b'?') => {
                    pi += 1;
                    ti = next(ti);
                }
                Some(&c) if c == t[ti] => {
                    pi += 1;
                    ti += 1;
                }
                _ => match star {
                    Some((sp, st)) => {
                        let st = next(st);
                        star = Some((sp, st));
                        pi = sp + 1;
                        ti = st;
                    }
                    None => return (false, steps),
                },
            }
        }
        while p.get(pi) == Some(&b'*') {
            pi += 1;
        }
        (pi == p.len(), steps)
    }
}

/// Checks globs given by a user, the same way on every path (`--include`/`--exclude`,
/// smimelint.toml, the service's query): count, length, and that each one selects at least one
/// lint, so that a typo cannot silently run nothing (include) or everything (exclude).
/// `what` names the setting in the error.
pub fn parse_globs(what: &str, patterns: &[String]) -> Result<Vec<Glob>, String> {
    if patterns.len() > MAX_GLOBS {
        return Err(format!(
            "{what}: {} globs (at most {MAX_GLOBS})",
            patterns.len()
        ));
    }
    patterns
        .iter()
        .map(|g| {
            let glob = Glob::parse(g).map_err(|e| format!("{what}: {e}"))?;
            if !registry::all().iter().any(|l| glob.matches(l.name)) {
                return Err(format!("{what}: '{g}' matches no lint"));
            }
            Ok(glob)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(Glob::new("e_smime_*").matches("e_smime_eku_missing"));
        assert!(Glob::new("*eku*").matches("e_smime_eku_missing"));
        assert!(Glob::new("e_?mime*").matches("e_smime_x"));
        assert!(!Glob::new("w_*").matches("e_smime_x"));
        assert!(Glob::new("exact").matches("exact"));
        assert!(!Glob::new("exact").matches("exactly"));
        assert!(Glob::new("").matches(""));
        assert!(!Glob::new("").matches("a"));
        assert!(Glob::new("*").matches(""));
        assert!(Glob::new("a*b*c").matches("abxbxc"));
        assert!(!Glob::new("a*b*c").matches("abxbxcx"));
        // `?` is one character, also when it takes several bytes.
        assert!(Glob::new("a?c").matches("a\u{e9}c"));
        assert!(!Glob::new("a??c").matches("a\u{e9}c"));
    }

    /// Reference matcher: the textbook dynamic programme over (pattern prefix, text prefix).
    fn reference(p: &[char], t: &[char]) -> bool {
        let mut m = vec![vec![false; t.len() + 1]; p.len() + 1];
        m[0][0] = true;
        for i in 1..=p.len() {
            for j in 0..=t.len() {
                m[i][j] = match p[i - 1] {
                    '*' => m[i - 1][j] || (j > 0 && m[i][j - 1]),
                    '?' => j > 0 && m[i - 1][j - 1],
                    c => j > 0 && m[i - 1][j - 1] && t[j - 1] == c,
                };
            }
        }
        m[p.len()][t.len()]
    }

    #[test]
    fn globs_agree_with_the_reference_matcher() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let alphabet = ['a', 'b', '\u{e9}', '*', '?'];
        let mut both = [0usize; 2];
        for _ in 0..20_000 {
            let p: Vec<char> = (0..next(8)).map(|_| alphabet[next(5)]).collect();
            let t: Vec<char> = (0..next(10)).map(|_| alphabet[next(3)]).collect();
            let expected = reference(&p, &t);
            let (ps, ts): (String, String) = (p.iter().collect(), t.iter().collect());
            assert_eq!(Glob::new(&ps).matches(&ts), expected, "{ps:?} {ts:?}");
            both[usize::from(expected)] += 1;
        }
        // Both outcomes were exercised.
        assert!(both[0] > 1000 && both[1] > 1000, "{both:?}");
    }

    #[test]
    fn pathological_globs_take_bounded_steps() {
        let stars = format!("{}#", "*".repeat(30));
        let alternating = format!("{}#", "*e".repeat(60));
        for pattern in [
            stars.as_str(),
            alternating.as_str(),
            "*_*_*_*_*_*_*_*_*_*_*#",
        ] {
            let glob = Glob::new(pattern);
            for lint in registry::all() {
                let (matched, steps) = glob.match_counting(lint.name);
                assert!(!matched);
                let bound = (glob.as_str().len() + 1) * (lint.name.len() + 1);
                assert!(steps <= bound, "{pattern}: {steps} steps > {bound}");
            }
        }
        // Runs of stars are one star.
        assert_eq!(Glob::new("a***b**").as_str(), "a*b*");
    }
}
