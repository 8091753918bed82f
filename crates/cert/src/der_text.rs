//! Pure helpers for the wording of findings (tag names, hex dumps, string-type checks) and for
//! writing exact DER encodings as hex.

pub use smimelint_der::walk::{hex, string_problem, tag, tag_name};

/// Decodes a lowercase hex literal at compile time: `const X: [u8; 2] = hex_array("30ff");`.
/// Tables of exact DER encodings are written this way.
pub const fn hex_array<const N: usize>(s: &str) -> [u8; N] {
    const fn nibble(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => panic!("bad hex digit"),
        }
    }
    let s = s.as_bytes();
    assert!(s.len() == 2 * N, "hex length");
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = (nibble(s[2 * i]) << 4) | nibble(s[2 * i + 1]);
        i += 1;
    }
    out
}
