use super::*;

fn check_aia_ca_issuers_missing(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, entries) = ctx.cert.aia() else {
        return Outcome::NotApplicable;
    };
    if entries
        .iter()
        .any(|ad| ad.method == oid::AD_CA_ISSUERS.as_bytes())
    {
        Outcome::Pass
    } else {
        fail!("authorityInformationAccess has no id-ad-caIssuers (1.3.6.1.5.5.7.48.2) entry")
    }
}

lint! {
    /// ## What it checks
    /// The authorityInformationAccess extension has at least one id-ad-caIssuers entry.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(2): the extension SHOULD contain an id-ad-caIssuers accessMethod with the
    /// URI of the issuing CA's certificate, so that mail clients can build the chain when the
    /// sender did not include it.
    ///
    /// ## Example
    /// An AIA with only `id-ad-ocsp http://ocsp.example.com`.
    W_SMIME_AIA_CA_ISSUERS_MISSING {
        name: "w_smime_aia_ca_issuers_missing",
        description: "authorityInformationAccess has no id-ad-caIssuers entry",
        citation: "SBR 7.1.2.3(c)(2)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.aia_ca_issuers_missing",
            "googl.gmail.authority_info_access_ca_issuers_missing"
        ],
        zlint: [],
        catalog: ["w_smime_aia_ca_issuers_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_aia_ca_issuers_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::{strict, with_aia, OCSP_URL};

    use smimelint_engine::testing::assert_lint;

    use smimelint_factory::ext::OCSP;

    #[test]
    fn aia_ca_issuers_missing() {
        assert_lint(
            "w_smime_aia_ca_issuers_missing",
            &with_aia(strict(), &[(OCSP, OCSP_URL)]).build(),
            &strict().build(),
            &[],
        );
    }
}
