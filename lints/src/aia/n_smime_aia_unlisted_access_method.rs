use super::*;
use smimelint_cert::ext::AccessDescription;

fn check_aia_unlisted_access_method(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, entries) = ctx.cert.aia() else {
        return Outcome::NotApplicable;
    };
    let listed = |ad: &&AccessDescription<'_>| {
        ad.method == oid::AD_OCSP.as_bytes() || ad.method == oid::AD_CA_ISSUERS.as_bytes()
    };
    if entries.iter().all(|ad| listed(&ad)) {
        return Outcome::Pass;
    }
    let other: Vec<String> = entries
        .iter()
        .filter(|ad| !listed(ad))
        .map(|ad| oid::dotted(ad.method))
        .collect();
    fail!(
        "accessMethod(s) not specified for subscriber certificates: {}",
        other.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// Every accessMethod in authorityInformationAccess is id-ad-ocsp or id-ad-caIssuers.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c) specifies only those two access methods. Under SBR 7.1.2.4 a CA includes
    /// unspecified data only when it is aware of a reason and documents it in its CP/CPS, which a
    /// linter cannot see; this is a notice for review.
    ///
    /// ## Example
    /// An AIA entry with accessMethod id-ad-caRepository (1.3.6.1.5.5.7.48.5).
    N_SMIME_AIA_UNLISTED_ACCESS_METHOD {
        name: "n_smime_aia_unlisted_access_method",
        description: "authorityInformationAccess has an access method the SBR does not specify",
        citation: "SBR 7.1.2.3(c), 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["n_smime_aia_unlisted_access_method"],
        applies: Applies::SUBSCRIBER,
        check: check_aia_unlisted_access_method,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::{strict, with_aia, CA_URL, OCSP_URL};

    use smimelint_engine::testing::assert_lint;

    use smimelint_factory::ext::{CA_ISSUERS, OCSP};

    #[test]
    fn aia_unlisted_access_method() {
        assert_lint(
            "n_smime_aia_unlisted_access_method",
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, CA_URL),
                    ("1.3.6.1.5.5.7.48.5", "http://repo.example.com/"),
                ],
            )
            .build(),
            &strict().build(),
            &[],
        );
    }
}
