use super::*;
use smimelint_cert::Name;

/// Visits every empty SIZE (1..MAX) collection of the certificate.
fn visit_empty_collections(cert: &Cert<'_>, report: &mut dyn FnMut(String)) {
    for place in &cert.empty_collections {
        report(format!("{place} is empty"));
    }
    let names: [(&str, Option<&Result<Name<'_>, String>>); 2] = [
        ("tbsCertificate.issuer", cert.issuer_name()),
        ("tbsCertificate.subject", cert.subject_name()),
    ];
    for (field, name) in names {
        if let Some(Ok(name)) = name {
            for rdn in &name.empty_rdns {
                report(format!(
                    "{field}: RDN {rdn} (RelativeDistinguishedName ::= SET SIZE (1..MAX)) is an empty SET"
                ));
            }
        }
    }
    for e in &cert.extensions {
        e.empty_collections(&mut |what| {
            report(format!(
                "tbsCertificate.extensions[{}] {}: {what}",
                e.index,
                oid::describe_extension(e.oid)
            ))
        });
    }
}

/// The empty places of a CRL's or OCSP response's own lists and of its extensions.
fn empty_places(places: &[String], exts: &[Extension<'_>], field: &str) -> Outcome {
    let mut found: Vec<String> = places.iter().map(|p| format!("{p} is empty")).collect();
    for e in exts {
        e.empty_collections(&mut |what| {
            found.push(format!(
                "{field}[{}] {}: {what}",
                e.index,
                oid::describe_extension(e.oid)
            ))
        });
    }
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

fn crl_empty_sequence(ctx: &CrlContext<'_>) -> Outcome {
    empty_places(
        &ctx.crl.empty_collections,
        &ctx.crl.extensions,
        "tbsCertList.crlExtensions",
    )
}

fn ocsp_empty_sequence(ctx: &OcspContext<'_>) -> Outcome {
    empty_places(
        &ctx.ocsp.empty_collections,
        &ctx.ocsp.extensions,
        "tbsResponseData.responseExtensions",
    )
}

fn check_empty_sequence(ctx: &LintContext<'_>) -> Outcome {
    // Messages are formatted only when an empty place is found, and Vec::new does not
    // allocate, so a clean certificate costs no allocation.
    let mut found = Vec::new();
    visit_empty_collections(ctx.cert, &mut |place| found.push(place));
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// No SEQUENCE or SET that the ASN.1 declares `SIZE (1..MAX)` is empty:
    /// * the Extensions list inside `[3]`;
    /// * every RelativeDistinguishedName SET of the issuer and subject;
    /// * the whole value of subjectAltName and issuerAltName (GeneralNames), extKeyUsage,
    ///   certificatePolicies, cRLDistributionPoints, freshestCRL, authorityInformationAccess,
    ///   subjectInformationAccess, policyMappings and subjectDirectoryAttributes;
    /// * inside them: each policyQualifiers list, each distribution point's fullName,
    ///   nameRelativeToCRLIssuer and cRLIssuer, the nameConstraints subtrees, and the
    ///   authorityKeyIdentifier authorityCertIssuer.
    ///
    /// Every empty place is named.
    ///
    /// ## Why
    /// RFC 5280 (§4.1, §4.1.2.4, §4.2.1.x and Appendix A; SBR §7.1.2.4) gives these types a
    /// minimum size of one. An empty one is not a valid value of its type and means nothing:
    /// an empty subjectAltName names nobody, an empty extKeyUsage is read by some software as
    /// "no restriction" and by other software as "no usage". x509-cert decodes all of them
    /// without complaint.
    ///
    /// ## Example
    /// extKeyUsage `30 00`; a subject `… 31 00 …` (an empty RDN); `[3]` holding `30 00`.
    E_SMIME_RFC5280_EMPTY_SEQUENCE {
        name: "e_smime_rfc5280_empty_sequence",
        description: "A SEQUENCE or SET declared SIZE (1..MAX) is empty",
        citation: "RFC 5280 4.1, 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: ["e_ext_cannot_be_empty_sequence", "e_ext_san_no_entries", "e_ext_ian_no_entries"],
        catalog: [],
        applies: Applies::ALL,
        check: check_empty_sequence,
        crl_check: crl_empty_sequence,
        ocsp_check: ocsp_empty_sequence,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good, EMPTY};
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, ext, gn};

    #[test]
    fn sized_collections_are_not_empty() {
        let bad = base().issuer_raw(issuer_with_empty_rdn()).build();
        assert_lint(EMPTY, &bad, &good(), &[]);
        assert_eq!(
            details(&bad, EMPTY),
            "tbsCertificate.issuer: RDN 1 (RelativeDistinguishedName ::= SET SIZE (1..MAX)) is an empty SET"
        );

        let policy = "2.23.140.1.5.1.3";
        let mut no_extensions = base();
        no_extensions.extensions_raw = Some(der::explicit(3, &der::seq(&[])));
        let cases: [(Vec<u8>, &str); 8] = [
            (
                base().ext(&oid::EXT_KEY_USAGE, false, der::seq(&[])).build(),
                "tbsCertificate.extensions[1] extKeyUsage (2.5.29.37): ExtKeyUsageSyntax is an empty SEQUENCE",
            ),
            (
                base().ext(&oid::SUBJECT_ALT_NAME, false, ext::general_names(&[])).build(),
                "subjectAltName (2.5.29.17): GeneralNames is an empty SEQUENCE",
            ),
            (
                base().ext(&oid::AUTHORITY_INFO_ACCESS, false, der::seq(&[])).build(),
                "authorityInformationAccess (1.3.6.1.5.5.7.1.1): AuthorityInfoAccessSyntax is an empty SEQUENCE",
            ),
            (
                base()
                    .ext(
                        &oid::CERTIFICATE_POLICIES,
                        false,
                        der::seq(&[der::seq(&[der::oid(policy), der::seq(&[])])]),
                    )
                    .build(),
                "PolicyInformation[0] (2.23.140.1.5.1.3): policyQualifiers is an empty SEQUENCE",
            ),
            (
                base()
                    .ext(
                        &oid::CRL_DISTRIBUTION_POINTS,
                        false,
                        der::seq(&[der::seq(&[der::explicit(0, &der::explicit(0, &[]))])]),
                    )
                    .build(),
                "DistributionPoint[0]: distributionPoint.fullName (GeneralNames) is empty",
            ),
            (
                base()
                    .ext(&oid::CRL_DISTRIBUTION_POINTS, false, der::seq(&[]))
                    .build(),
                "CRLDistributionPoints is an empty SEQUENCE",
            ),
            (
                base().subject_raw(der::seq(&[der::set(&[])])).build(),
                "tbsCertificate.subject: RDN 0",
            ),
            (no_extensions.build(), "tbsCertificate.extensions (Extensions ::= SEQUENCE SIZE (1..MAX)) is empty"),
        ];
        for (der, expected) in cases {
            let d = details(&der, EMPTY);
            assert!(d.contains(expected), "{d}");
        }

        // Several empty places are all named.
        let two = base()
            .issuer_raw(issuer_with_empty_rdn())
            .ext(&oid::EXT_KEY_USAGE, false, der::seq(&[]))
            .build();
        assert_eq!(details(&two, EMPTY).matches("empty").count(), 2);

        // A SAN with one name passes.
        let one_name = base()
            .ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                ext::general_names(&[gn::rfc822("a@example.com")]),
            )
            .build();
        assert_eq!(status_of(&one_name, EMPTY), Status::Pass);
    }

    /// The baseline issuer with an empty RDN between C and CN.
    fn issuer_with_empty_rdn() -> Vec<u8> {
        let atv = |o: &ObjectIdentifier, v: Vec<u8>| der::set(&[der::seq(&[der::oid_of(o), v])]);
        der::seq(&[
            atv(&oid::AT_COUNTRY, der::printable("GB")),
            der::set(&[]),
            atv(&oid::AT_COMMON_NAME, der::utf8("Example S/MIME CA")),
        ])
    }
}
