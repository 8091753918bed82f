use super::*;

fn check_named_bit_list_trailing_zeros(ctx: &LintContext<'_>) -> Outcome {
    let ku = match ctx.cert.key_usage() {
        Ext::Present(_, ku) => ku.trailing_zeros,
        _ => false,
    };
    let reasons = match ctx.cert.crl_distribution_points() {
        Ext::Present(_, points) => points
            .iter()
            .filter_map(|p| p.reasons)
            .any(|r| !smimelint_cert::ext::named_bits_minimal(r.content)),
        _ => false,
    };
    match (ku, reasons) {
        (false, false) => Outcome::Pass,
        (true, false) => fail!("keyUsage keeps trailing zero bits"),
        (false, true) => fail!("cRLDistributionPoints reasons keeps trailing zero bits"),
        (true, true) => {
            fail!("keyUsage and cRLDistributionPoints reasons keep trailing zero bits")
        }
    }
}

lint! {
    /// ## What it checks
    /// Named bit lists (keyUsage, the reasons of a CRL distribution point) are encoded with their
    /// trailing zero bits removed: the last bit of the BIT STRING is 1, or the BIT STRING is
    /// empty.
    ///
    /// ## Why
    /// X.690 11.2.2: in DER, a named bit list has all trailing 0 bits removed before encoding.
    /// `03 02 05 a0` and `03 03 07 a0 00` carry the same keyUsage, but only the first is DER,
    /// so the second changes the certificate's bytes without changing its meaning.
    ///
    /// ## Example
    /// keyUsage digitalSignature encoded `03 02 00 80` (seven trailing zero bits kept) instead
    /// of `03 02 07 80`.
    E_DER_NAMED_BIT_LIST_TRAILING_ZEROS {
        name: "e_der_named_bit_list_trailing_zeros",
        description: "A named bit list (keyUsage, reasons) keeps trailing zero bits",
        citation: "X.690 11.2.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_named_bit_list_trailing_zeros,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::ku;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::DIGITAL_SIGNATURE;
    use smimelint_factory::{der, CertBuilder};

    #[test]
    fn named_bit_list_trailing_zeros() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        // digitalSignature with the seven zero bits of its octet kept.
        let padded = der::tlv(0x03, &[0x00, 0x80]);
        assert_lint(
            "e_der_named_bit_list_trailing_zeros",
            &b().ext(&oid::KEY_USAGE, true, padded).build(),
            &ku(b(), &[DIGITAL_SIGNATURE]).build(),
            &[],
        );
        let two_octets = der::tlv(0x03, &[0x07, 0xa0, 0x00]);
        assert_lint(
            "e_der_named_bit_list_trailing_zeros",
            &b().ext(&oid::KEY_USAGE, true, two_octets).build(),
            &b().build(),
            &[],
        );
    }
}
