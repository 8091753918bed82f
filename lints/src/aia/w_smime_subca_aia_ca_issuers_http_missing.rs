use super::*;
use crate::support::crldp::is_http;
use smimelint_cert::GeneralName;

fn check_aia_ca_issuers_http_missing(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, entries) = ctx.cert.aia() else {
        return Outcome::NotApplicable;
    };
    let http_ca_issuers = entries.iter().any(|ad| {
        ad.method == oid::AD_CA_ISSUERS.as_bytes()
            && matches!(ad.location, GeneralName::Uri(u) if is_http(u))
    });
    if http_ca_issuers {
        Outcome::Pass
    } else {
        fail!("authorityInformationAccess has no HTTP caIssuers (1.3.6.1.5.5.7.48.2) URL")
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's authorityInformationAccess has an id-ad-caIssuers entry
    /// with an `http` URL.
    ///
    /// ## Why
    /// SBR 7.1.2.2(c): it SHOULD contain the HTTP URL of the issuing CA certificate. An OCSP
    /// URL is optional (MAY).
    ///
    /// ## Example
    /// An AIA with only an OCSP entry.
    W_SMIME_SUBCA_AIA_CA_ISSUERS_HTTP_MISSING {
        name: "w_smime_subca_aia_ca_issuers_http_missing",
        description: "Subordinate CA authorityInformationAccess has no HTTP caIssuers URL",
        citation: "SBR 7.1.2.2(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_aia_ca_issuers_http_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aia_ca_issuers_http_missing,
    }
}
