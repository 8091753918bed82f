use super::*;

fn check_version_not_v2(ctx: &CrlContext<'_>) -> Outcome {
    let Some(v) = ctx.crl.version else {
        return fail!("version is absent (v1); a CRL with extensions must be v2 (1)");
    };
    match smimelint_cert::int_value(v.content) {
        Some(1) => Outcome::Pass,
        Some(n) => fail!("version is {n}; a CRL must be v2 (1)"),
        None => fail!("version {} is not a v2 (1)", hex_full(v.content)),
    }
}

lint! {
    /// ## What it checks
    /// tbsCertList.version is present with the value 1 (v2).
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.1: "When extensions are used, as required by this profile, this field
    /// MUST be present and MUST specify version 2 (the integer value is 1)." The profile
    /// requires cRLNumber and authorityKeyIdentifier (§5.2.1, §5.2.3), so every conforming CRL
    /// is v2; and `Version` of a CRL has no v3.
    ///
    /// ## Example
    /// A TBSCertList starting with the signature AlgorithmIdentifier (no version), or with
    /// `02 01 00` or `02 01 02`.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_version_missing`, `pkix.crl_version_is_not_v2`).
    E_CRL_VERSION_NOT_V2 {
        name: "e_crl_version_not_v2",
        description: "The CRL's version is absent or not v2",
        citation: "RFC 5280 5.1.2.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_version_missing", "pkix.crl_version_is_not_v2"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_version_not_v2,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_version_not_v2";

    #[test]
    fn version_is_v2() {
        for v in [None, Some(der::int(0)), Some(der::int(2))] {
            let bad = base().version_raw(v.clone()).build();
            assert_only(&bad, LINT);
        }
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
