use super::*;
use smimelint_revocation::reason;

fn check_reason_code_invalid(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.reason_code().map(|r| r.value) {
        None => Outcome::NotApplicable,
        Some(Err(e)) => fail!("reasonCode does not hold a CRLReason: {e}"),
        Some(Ok(v)) if reason::name(v).is_none() => fail!("reasonCode is {}", reason::describe(v)),
        Some(Ok(_)) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// Every reasonCode holds one of the CRLReason values RFC 5280 defines: 0 to 6 and 8 to 10,
    /// as an ENUMERATED.
    ///
    /// ## Why
    /// RFC 5280 §5.3.1 defines `CRLReason ::= ENUMERATED` with values 0–6 and 8–10; value 7 is
    /// not used. A relying party cannot interpret any other value or a value of another type.
    ///
    /// ## Example
    /// `reasonCode` `0a 01 07`, or an INTEGER `02 01 01` in place of the ENUMERATED.
    ///
    /// ## Differences from pkilint
    /// pkilint's BR profile reports undefined values with `cabf.crl_prohibited_reason_code`, and a
    /// value of the wrong type with `itu.invalid_asn1_syntax`.
    E_CRL_REASON_CODE_INVALID {
        name: "e_crl_reason_code_invalid",
        description: "A CRL entry's reasonCode is not a defined CRLReason",
        citation: "RFC 5280 5.3.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["cabf.crl_prohibited_reason_code", "itu.invalid_asn1_syntax"],
        zlint: ["e_crl_has_valid_reason_code", "e_cab_crl_has_valid_reason_code"],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_reason_code_invalid,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_reason_code_invalid";

    #[test]
    fn reason_is_a_defined_crl_reason() {
        for value in [7, 11] {
            let bad = with_entry(entry().reason(value, false));
            assert_only(&bad, LINT);
        }
        let integer = with_entry(entry().ext(&ext::REASON_CODE, false, der::int(1)));
        assert_only(&integer, LINT);
        for value in [reason::KEY_COMPROMISE, reason::AA_COMPROMISE] {
            let good = with_entry(entry().reason(value, false));
            assert_eq!(status_of(&good, LINT), Status::Pass, "{value}");
        }
    }
}
