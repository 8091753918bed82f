//! The lint-name glob matcher on an arbitrary pattern and text (split at the first NUL byte),
//! checked against the textbook dynamic programme; user-glob validation must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::engine::{parse_globs, Glob};

/// Reference: `m[i][j]` = the first `i` pattern characters match the first `j` text characters.
fn reference(p: &[char], t: &[char]) -> bool {
    let mut prev = vec![false; t.len() + 1];
    prev[0] = true;
    for &c in p {
        let mut row = vec![false; t.len() + 1];
        for j in 0..=t.len() {
            row[j] = match c {
                '*' => prev[j] || (j > 0 && row[j - 1]),
                '?' => j > 0 && prev[j - 1],
                c => j > 0 && prev[j - 1] && t[j - 1] == c,
            };
        }
        prev = row;
    }
    prev[t.len()]
}

fuzz_target!(|data: &[u8]| {
    let (pattern, text) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let pattern = String::from_utf8_lossy(pattern);
    let text = String::from_utf8_lossy(text);
    let glob = Glob::new(&pattern);
    let matched = glob.matches(&text);
    // The reference is quadratic in memory traffic: compare on bounded sizes only.
    if pattern.len() <= 512 && text.len() <= 512 {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        assert_eq!(matched, reference(&p, &t), "{pattern:?} {text:?}");
    }
    let _ = Glob::parse(&pattern);
    let _ = parse_globs("fuzz", &[pattern.into_owned(), text.into_owned()]);
});
