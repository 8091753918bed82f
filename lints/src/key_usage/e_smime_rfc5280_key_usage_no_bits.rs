use super::*;

fn check_key_usage_no_bits(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, ku) = ctx.cert.key_usage() else {
        return Outcome::NotApplicable;
    };
    if ku.bits == 0 && !ku.high_bits {
        fail!("keyUsage has no bit set")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A keyUsage extension has at least one bit set.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.3: "When the keyUsage extension appears in a certificate, at least one of
    /// the bits MUST be set to 1." SBR 7.1.2.4 makes RFC 5280 binding.
    ///
    /// ## Example
    /// keyUsage `03 01 00` (an empty BIT STRING).
    E_SMIME_RFC5280_KEY_USAGE_NO_BITS {
        name: "e_smime_rfc5280_key_usage_no_bits",
        description: "keyUsage has no bit set",
        citation: "RFC 5280 4.2.1.3; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.no_ku_bits_set"],
        zlint: [],
        catalog: ["e_smime_rfc5280_key_usage_no_bits"],
        applies: Applies::ALL,
        check: check_key_usage_no_bits,
    }
}
