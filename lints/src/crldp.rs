//! cRLDistributionPoints in subscriber certificates (SBR 7.1.2.3(b)).

use super::prelude::*;
use smimelint_cert::ext::DistributionPoint;
use smimelint_cert::GeneralName;

/// The scheme of a URI (RFC 3986 §3.1): what precedes the first `:`, when it is a valid scheme.
pub(super) fn uri_scheme(uri: &[u8]) -> Option<&[u8]> {
    let colon = uri.iter().position(|&b| b == b':')?;
    let scheme = &uri[..colon];
    let valid = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b));
    valid.then_some(scheme)
}

/// A URI with the scheme HTTP (case-insensitive, RFC 3986 §3.1). `https` is a different scheme.
pub(super) fn is_http(uri: &[u8]) -> bool {
    uri_scheme(uri).is_some_and(|s| s.eq_ignore_ascii_case(b"http"))
}

/// A URI for messages, quoted.
pub(super) fn show_uri(uri: &[u8]) -> String {
    format!("\"{}\"", String::from_utf8_lossy(uri))
}

/// Every uniformResourceIdentifier in the fullName of every distribution point.
pub(super) fn full_name_uris<'p, 'a: 'p>(
    points: &'p [DistributionPoint<'a>],
) -> impl Iterator<Item = &'a [u8]> + 'p {
    points
        .iter()
        .filter_map(|p| p.full_name.as_ref())
        .flatten()
        .filter_map(|name| match name {
            GeneralName::Uri(u) => Some(*u),
            _ => None,
        })
}

fn check_crldp_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::CRL_DISTRIBUTION_POINTS)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a cRLDistributionPoints extension (2.5.29.31).
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) heads the extension "SHALL be present": relying parties need a CRL
    /// location to check revocation, and S/MIME has no stapling to fall back on.
    ///
    /// ## Example
    /// A certificate whose only revocation pointer is an OCSP URL in authorityInformationAccess.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.crldp_extension_missing` as a WARNING. The SBR says SHALL, so
    /// smimelint reports an error.
    E_SMIME_CRLDP_MISSING {
        name: "e_smime_crldp_missing",
        description: "Subscriber certificate has no cRLDistributionPoints extension",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.crldp_extension_missing"],
        zlint: ["e_subscribers_shall_have_crl_distribution_points"],
        catalog: ["e_smime_crldp_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_crldp_missing,
    }
}

fn check_crldp_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::CRL_DISTRIBUTION_POINTS)
}

lint! {
    /// ## What it checks
    /// The cRLDistributionPoints extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) and RFC 5280 §4.2.1.13 say it SHOULD NOT be critical: software that does
    /// not process it would otherwise have to reject the certificate.
    ///
    /// ## Example
    /// `30 … 06 03 55 1d 1f 01 01 ff 04 …` (critical TRUE).
    W_SMIME_CRLDP_CRITICAL {
        name: "w_smime_crldp_critical",
        description: "cRLDistributionPoints is marked critical",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.critical_crldp_extension", "pkix.certificate_crldp_extension_critical"],
        zlint: [],
        catalog: ["w_smime_crldp_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_crldp_critical,
    }
}

fn check_crldp_no_http_uri(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, points) = ctx.cert.crl_distribution_points() else {
        return Outcome::NotApplicable;
    };
    if full_name_uris(points).any(is_http) {
        return Outcome::Pass;
    }
    let found: Vec<String> = full_name_uris(points).map(show_uri).collect();
    if found.is_empty() {
        fail!("no distributionPoint has a fullName with a uniformResourceIdentifier")
    } else {
        fail!(
            "no distributionPoint fullName holds an HTTP URI (found {})",
            found.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// At least one distributionPoint has a fullName that includes a uniformResourceIdentifier
    /// with the scheme `http`. Applies to every generation; an `https` URI does not count.
    ///
    /// ## Why
    /// SBR 7.1.2.3(b): the extension SHALL contain a distributionPoint whose fullName includes a
    /// URI where the CRL can be retrieved, and in every generation at least one URI SHALL have
    /// the scheme HTTP. CRLs are signed objects; plain HTTP avoids the circular dependency of
    /// checking a TLS server's certificate to fetch revocation data.
    ///
    /// ## Example
    /// A Legacy certificate whose only CRL location is `ldap://ldap.example.com/cn=CA?certificateRevocationList`;
    /// a distribution point given only as a directoryName.
    E_SMIME_CRLDP_NO_HTTP_URI {
        name: "e_smime_crldp_no_http_uri",
        description: "No cRLDistributionPoints fullName has an HTTP URI",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.no_http_crldp_uri"],
        zlint: ["e_subscribers_crl_distribution_points_are_http"],
        catalog: ["e_smime_crldp_no_http_uri"],
        applies: Applies::SUBSCRIBER,
        check: check_crldp_no_http_uri,
    }
}

fn check_crldp_non_http_uri(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, points) = ctx.cert.crl_distribution_points() else {
        return Outcome::NotApplicable;
    };
    if full_name_uris(points).all(is_http) {
        return Outcome::Pass;
    }
    let bad: Vec<String> = full_name_uris(points)
        .filter(|u| !is_http(u))
        .map(show_uri)
        .collect();
    fail!("URI(s) without the HTTP scheme: {}", bad.join(", "))
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every uniformResourceIdentifier in a
    /// distributionPoint fullName has the scheme `http`: no `https`, `ldap`, `ftp`, `file`, and no
    /// URI without a scheme.
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) table: for Strict and Multipurpose, every uniformResourceIdentifier SHALL
    /// have the URI scheme HTTP and other schemes SHALL NOT be present. Legacy allows other
    /// schemes next to an HTTP one.
    ///
    /// ## Example
    /// fullName `[ http://crl.example.com/ca.crl, https://crl.example.com/ca.crl ]`.
    ///
    /// ## Differences from pkilint
    /// pkilint also restricts Legacy certificates to `http`, `ldap` and `ftp`. The SBR allows any
    /// other scheme in Legacy ("Other schemes (LDAP, FTP, ...) MAY be present"), so smimelint
    /// does not check Legacy here.
    E_SMIME_CRLDP_NON_HTTP_URI {
        name: "e_smime_crldp_non_http_uri",
        description: "A cRLDistributionPoints URI does not have the HTTP scheme (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.crldp_fullname_prohibited_uri_scheme"],
        zlint: ["e_subscribers_crl_distribution_points_are_http"],
        catalog: ["e_smime_crldp_non_http_uri"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_crldp_non_http_uri,
    }
}

fn check_crldp_non_uri_general_name(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, points) = ctx.cert.crl_distribution_points() else {
        return Outcome::NotApplicable;
    };
    let clean = |p: &DistributionPoint<'_>| {
        p.full_name
            .as_ref()
            .is_some_and(|names| names.iter().all(|n| matches!(n, GeneralName::Uri(_))))
    };
    if points.iter().all(clean) {
        return Outcome::Pass;
    }
    let mut bad = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match &p.full_name {
            None if p.relative_name.is_some() => bad.push(format!(
                "distributionPoint {i} uses nameRelativeToCRLIssuer instead of fullName"
            )),
            None => bad.push(format!("distributionPoint {i} has no fullName")),
            Some(names) => bad.extend(
                names
                    .iter()
                    .filter(|n| !matches!(n, GeneralName::Uri(_)))
                    .map(|n| format!("distributionPoint {i} fullName has a {}", n.kind())),
            ),
        }
    }
    fail!("{}", bad.join("; "))
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every distribution point has a fullName and
    /// every fullName entry is a uniformResourceIdentifier (no directoryName, no
    /// nameRelativeToCRLIssuer, no point made only of cRLIssuer).
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) describes CRL locations only as URIs and, for Strict and Multipurpose,
    /// allows HTTP URIs only. A location given another way cannot meet that table. The SBR does not
    /// prohibit such entries in so many words, so this is a warning.
    ///
    /// ## Example
    /// fullName `[ http://crl.example.com/ca.crl, directoryName CN=CRL1,O=Example ]`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.crldp_fullname_prohibited_generalname_type` as an error, in
    /// every generation. smimelint warns, in Strict and Multipurpose only.
    W_SMIME_CRLDP_NON_URI_GENERAL_NAME {
        name: "w_smime_crldp_non_uri_general_name",
        description: "A CRL distribution point is not given as a URI (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.crldp_fullname_prohibited_generalname_type"],
        zlint: [],
        catalog: ["w_smime_crldp_non_uri_general_name"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_crldp_non_uri_general_name,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_http, uri_scheme};
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext, gn, name, CertBuilder};

    fn strict() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }
    fn legacy() -> CertBuilder {
        CertBuilder::subscriber("mailbox-legacy")
    }
    fn crldp(b: CertBuilder, uris: &[&str]) -> CertBuilder {
        b.ext(
            &oid::CRL_DISTRIBUTION_POINTS,
            false,
            ext::crl_distribution_points(uris),
        )
    }

    #[test]
    fn schemes() {
        assert_eq!(uri_scheme(b"http://x"), Some(&b"http"[..]));
        assert_eq!(uri_scheme(b"crl.example.com/x.crl"), None);
        assert_eq!(uri_scheme(b"1http://x"), None);
        assert!(is_http(b"HTTP://crl.example.com/a.crl"));
        assert!(!is_http(b"https://crl.example.com/a.crl"));
        assert!(!is_http(b"httpx://a"));
    }

    #[test]
    fn crldp_missing() {
        assert_lint(
            "e_smime_crldp_missing",
            &strict().without_ext(&oid::CRL_DISTRIBUTION_POINTS).build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn crldp_critical() {
        assert_lint(
            "w_smime_crldp_critical",
            &strict()
                .critical(&oid::CRL_DISTRIBUTION_POINTS, true)
                .build(),
            &strict().build(),
            &[],
        );
    }

    #[test]
    fn crldp_no_http_uri() {
        assert_lint(
            "e_smime_crldp_no_http_uri",
            &crldp(legacy(), &["ldap://ldap.example.com/cn=CA"]).build(),
            &crldp(
                legacy(),
                &[
                    "ldap://ldap.example.com/cn=CA",
                    "http://crl.example.com/a.crl",
                ],
            )
            .build(),
            &[],
        );
        // https is not HTTP; in Strict the same URI also breaks the every-URI rule.
        assert_lint(
            "e_smime_crldp_no_http_uri",
            &crldp(strict(), &["https://crl.example.com/a.crl"]).build(),
            &strict().build(),
            &["e_smime_crldp_non_http_uri"],
        );
    }

    #[test]
    fn crldp_non_http_uri() {
        assert_lint(
            "e_smime_crldp_non_http_uri",
            &crldp(
                strict(),
                &[
                    "http://crl.example.com/a.crl",
                    "https://crl.example.com/a.crl",
                ],
            )
            .build(),
            &crldp(
                strict(),
                &[
                    "http://crl.example.com/a.crl",
                    "http://crl2.example.com/a.crl",
                ],
            )
            .build(),
            &[],
        );
    }

    #[test]
    fn crldp_non_uri_general_name() {
        let dir = gn::directory_name(&name(&[("CN", "CRL1")]));
        let value = smimelint_factory::ext_values::crldp_full_names(&[vec![
            gn::uri("http://crl.example.com/a.crl"),
            dir,
        ]]);
        assert_lint(
            "w_smime_crldp_non_uri_general_name",
            &strict()
                .ext(&oid::CRL_DISTRIBUTION_POINTS, false, value)
                .build(),
            &strict().build(),
            &[],
        );
    }
}
