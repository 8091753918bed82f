//! Helpers of the rfc5280 rules that other topics use too.

/// Lowercase hex of up to 96 bytes (AlgorithmIdentifiers and serials fit whole), for messages.
pub(crate) fn hex_full(b: &[u8]) -> String {
    const CAP: usize = 96;
    let mut s: String = b.iter().take(CAP).map(|x| format!("{x:02x}")).collect();
    if b.len() > CAP {
        s.push('…');
    }
    s
}
