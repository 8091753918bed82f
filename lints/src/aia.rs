//! authorityInformationAccess in subscriber certificates (SBR 7.1.2.3(c)).

use super::crldp::{is_http, show_uri};
use super::prelude::*;
use const_oid::ObjectIdentifier;
use smimelint_cert::ext::AccessDescription;
use smimelint_cert::GeneralName;

/// How the HTTP rule of SBR 7.1.2.3(c) quantifies over the locations of one access method.
#[derive(Clone, Copy)]
enum Quantifier {
    /// Strict and Multipurpose: every location SHALL be an HTTP URI.
    Every,
    /// Legacy: at least one location SHALL be an HTTP URI.
    AtLeastOne,
}

fn is_http_location(ad: &AccessDescription<'_>) -> bool {
    matches!(ad.location, GeneralName::Uri(u) if is_http(u))
}

fn describe_location(ad: &AccessDescription<'_>) -> String {
    match ad.location {
        GeneralName::Uri(u) => show_uri(u),
        ref other => format!("a {}", other.kind()),
    }
}

/// The HTTP rule for the entries of `method`, when the extension has any.
fn check_method(ctx: &LintContext<'_>, method: &ObjectIdentifier, q: Quantifier) -> Outcome {
    let Ext::Present(_, entries) = ctx.cert.aia() else {
        return Outcome::NotApplicable;
    };
    let mut of_method = entries.iter().filter(|ad| ad.method == method.as_bytes());
    let ok = match q {
        Quantifier::Every => of_method.all(is_http_location),
        Quantifier::AtLeastOne => {
            let mut any = false;
            let mut http = false;
            for ad in of_method {
                any = true;
                http |= is_http_location(ad);
            }
            if !any {
                return Outcome::NotApplicable;
            }
            http
        }
    };
    if ok {
        return Outcome::Pass;
    }
    let name = oid::dotted(method.as_bytes());
    let listed = |only_bad: bool| -> String {
        entries
            .iter()
            .filter(|ad| ad.method == method.as_bytes())
            .filter(|ad| !only_bad || !is_http_location(ad))
            .map(describe_location)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match q {
        Quantifier::Every => fail!(
            "{name} location(s) that are not HTTP URIs: {}",
            listed(true)
        ),
        Quantifier::AtLeastOne => fail!(
            "no {name} location is an HTTP URI (found {})",
            listed(false)
        ),
    }
}

fn check_aia_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has an authorityInformationAccess extension (1.3.6.1.5.5.7.1.1).
    ///
    /// ## Why
    /// SBR 7.1.2.3(c): the extension SHOULD be present. It tells relying parties where the
    /// issuing CA's certificate and OCSP responder are.
    ///
    /// ## Example
    /// A certificate with cRLDistributionPoints but no AIA.
    W_SMIME_AIA_MISSING {
        name: "w_smime_aia_missing",
        description: "Subscriber certificate has no authorityInformationAccess extension",
        citation: "SBR 7.1.2.3(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.aia_extension_missing"],
        zlint: [],
        catalog: ["w_smime_aia_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_aia_missing,
    }
}

fn check_aia_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// The authorityInformationAccess extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c): "This extension SHALL NOT be marked critical", as RFC 5280 §4.2.2.1 also
    /// requires.
    ///
    /// ## Example
    /// An AIA extension with critical TRUE.
    E_SMIME_AIA_CRITICAL {
        name: "e_smime_aia_critical",
        description: "authorityInformationAccess is marked critical",
        citation: "SBR 7.1.2.3(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_information_access_extension_critical"],
        zlint: [],
        catalog: ["e_smime_aia_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_aia_critical,
    }
}

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

fn check_aia_ocsp_non_http(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_OCSP, Quantifier::Every)
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every id-ad-ocsp accessLocation is a
    /// uniformResourceIdentifier with the scheme `http` (not `https`, not another GeneralName
    /// type).
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(1) table: for Strict and Multipurpose, every id-ad-ocsp accessMethod SHALL
    /// have the URI scheme HTTP; other schemes SHALL NOT be present.
    ///
    /// ## Example
    /// `id-ad-ocsp https://ocsp.example.com`.
    E_SMIME_AIA_OCSP_NON_HTTP {
        name: "e_smime_aia_ocsp_non_http",
        description: "An AIA id-ad-ocsp location is not an HTTP URI (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(c)(1)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.aia_prohibited_uri_scheme",
            "cabf.smime.aia_prohibited_generalname_type",
            "cabf.aia_ocsp_has_no_http_uri"
        ],
        zlint: ["e_smime_strict_aia_shall_have_http_only"],
        catalog: ["e_smime_aia_ocsp_non_http"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_aia_ocsp_non_http,
    }
}

fn check_aia_ca_issuers_non_http(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_CA_ISSUERS, Quantifier::Every)
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every id-ad-caIssuers accessLocation is a
    /// uniformResourceIdentifier with the scheme `http`.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(2) table: for Strict and Multipurpose, every id-ad-caIssuers accessMethod
    /// SHALL have the URI scheme HTTP; other schemes SHALL NOT be present.
    ///
    /// ## Example
    /// `id-ad-caIssuers ldap://ldap.example.com/cn=CA?cACertificate`.
    E_SMIME_AIA_CA_ISSUERS_NON_HTTP {
        name: "e_smime_aia_ca_issuers_non_http",
        description: "An AIA id-ad-caIssuers location is not an HTTP URI (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(c)(2)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.aia_prohibited_uri_scheme",
            "cabf.smime.aia_prohibited_generalname_type",
            "cabf.aia_ca_issuers_has_no_http_uri"
        ],
        zlint: ["e_smime_strict_aia_shall_have_http_only"],
        catalog: ["e_smime_aia_ca_issuers_non_http"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_aia_ca_issuers_non_http,
    }
}

fn check_aia_ocsp_no_http_legacy(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_OCSP, Quantifier::AtLeastOne)
}

lint! {
    /// ## What it checks
    /// In Legacy certificates with id-ad-ocsp entries, at least one of them is an HTTP URI.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(1) table: for Legacy, when provided, at least one id-ad-ocsp accessMethod
    /// SHALL have the URI scheme HTTP; other schemes MAY be present.
    ///
    /// ## Example
    /// A Legacy certificate whose only OCSP location is `https://ocsp.example.com`.
    ///
    /// ## Differences from pkilint
    /// pkilint also rejects Legacy locations whose scheme is not `http`, `ldap` or `ftp`; the SBR
    /// allows other schemes next to the HTTP one, so smimelint does not.
    E_SMIME_AIA_OCSP_NO_HTTP_LEGACY {
        name: "e_smime_aia_ocsp_no_http_legacy",
        description: "No AIA id-ad-ocsp location is an HTTP URI (Legacy)",
        citation: "SBR 7.1.2.3(c)(1)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.aia_ocsp_has_no_http_uri"],
        zlint: ["e_smime_legacy_aia_shall_have_one_http"],
        catalog: ["e_smime_aia_ocsp_no_http_legacy"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_aia_ocsp_no_http_legacy,
    }
}

fn check_aia_ca_issuers_no_http_legacy(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_CA_ISSUERS, Quantifier::AtLeastOne)
}

lint! {
    /// ## What it checks
    /// In Legacy certificates with id-ad-caIssuers entries, at least one of them is an HTTP URI.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(2) table: for Legacy, when provided, at least one id-ad-caIssuers
    /// accessMethod SHALL have the URI scheme HTTP; other schemes MAY be present.
    ///
    /// ## Example
    /// A Legacy certificate whose only caIssuers location is an LDAP URI.
    ///
    /// ## Differences from pkilint
    /// pkilint also rejects Legacy locations whose scheme is not `http`, `ldap` or `ftp`; the SBR
    /// allows other schemes next to the HTTP one, so smimelint does not.
    E_SMIME_AIA_CA_ISSUERS_NO_HTTP_LEGACY {
        name: "e_smime_aia_ca_issuers_no_http_legacy",
        description: "No AIA id-ad-caIssuers location is an HTTP URI (Legacy)",
        citation: "SBR 7.1.2.3(c)(2)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.aia_ca_issuers_has_no_http_uri"],
        zlint: ["e_smime_legacy_aia_shall_have_one_http"],
        catalog: ["e_smime_aia_ca_issuers_no_http_legacy"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_aia_ca_issuers_no_http_legacy,
    }
}

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
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext::{aia, CA_ISSUERS, OCSP};
    use smimelint_factory::{ext_values, gn, name, CertBuilder};

    const OCSP_URL: &str = "http://ocsp.example.com";
    const CA_URL: &str = "http://ca.example.com/smime.crt";

    fn with_aia(b: CertBuilder, entries: &[(&str, &str)]) -> CertBuilder {
        b.ext(&oid::AUTHORITY_INFO_ACCESS, false, aia(entries))
    }
    fn strict() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }
    fn legacy() -> CertBuilder {
        CertBuilder::subscriber("mailbox-legacy")
    }

    #[test]
    fn aia_missing() {
        assert_lint(
            "w_smime_aia_missing",
            &strict().without_ext(&oid::AUTHORITY_INFO_ACCESS).build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn aia_critical() {
        assert_lint(
            "e_smime_aia_critical",
            &strict().critical(&oid::AUTHORITY_INFO_ACCESS, true).build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn aia_ca_issuers_missing() {
        assert_lint(
            "w_smime_aia_ca_issuers_missing",
            &with_aia(strict(), &[(OCSP, OCSP_URL)]).build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn aia_ocsp_non_http() {
        assert_lint(
            "e_smime_aia_ocsp_non_http",
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (OCSP, "https://ocsp.example.com"),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (OCSP, "http://ocsp2.example.com"),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &[],
        );
        // A location that is not a URI has no HTTP scheme either.
        let dir = gn::directory_name(&name(&[("CN", "OCSP")]));
        assert_lint(
            "e_smime_aia_ocsp_non_http",
            &strict()
                .ext(
                    &oid::AUTHORITY_INFO_ACCESS,
                    false,
                    ext_values::aia_raw(&[(OCSP, dir), (CA_ISSUERS, gn::uri(CA_URL))]),
                )
                .build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn aia_ca_issuers_non_http() {
        assert_lint(
            "e_smime_aia_ca_issuers_non_http",
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, "ldap://ldap.example.com/cn=CA"),
                ],
            )
            .build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn aia_ocsp_no_http_legacy() {
        assert_lint(
            "e_smime_aia_ocsp_no_http_legacy",
            &with_aia(
                legacy(),
                &[(OCSP, "https://ocsp.example.com"), (CA_ISSUERS, CA_URL)],
            )
            .build(),
            &with_aia(
                legacy(),
                &[
                    (OCSP, "https://ocsp.example.com"),
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &[],
        );
    }

    #[test]
    fn aia_ca_issuers_no_http_legacy() {
        assert_lint(
            "e_smime_aia_ca_issuers_no_http_legacy",
            &with_aia(
                legacy(),
                &[
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, "ldap://ldap.example.com/cn=CA"),
                ],
            )
            .build(),
            &with_aia(
                legacy(),
                &[
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, "ldap://ldap.example.com/cn=CA"),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &[],
        );
    }

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
