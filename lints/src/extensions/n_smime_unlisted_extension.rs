use super::*;
use const_oid::ObjectIdentifier;

/// Extensions SBR 7.1.2.3 specifies for subscriber certificates. subjectDirectoryAttributes,
/// the LEI pair and the Adobe pair are listed too: where they are not allowed, more specific
/// lints report them.
const LISTED: [&ObjectIdentifier; 16] = [
    &oid::CERTIFICATE_POLICIES,
    &oid::CRL_DISTRIBUTION_POINTS,
    &oid::AUTHORITY_INFO_ACCESS,
    &oid::BASIC_CONSTRAINTS,
    &oid::KEY_USAGE,
    &oid::EXT_KEY_USAGE,
    &oid::AUTHORITY_KEY_IDENTIFIER,
    &oid::SUBJECT_ALT_NAME,
    &oid::SMIME_CAPABILITIES,
    &oid::SUBJECT_DIRECTORY_ATTRIBUTES,
    &oid::QC_STATEMENTS,
    &oid::LEI,
    &oid::LEI_ROLE,
    &oid::ADOBE_TIMESTAMP,
    &oid::ADOBE_ARCHIVE_REV_INFO,
    &oid::SUBJECT_KEY_IDENTIFIER,
];

fn is_listed(e: &Extension<'_>) -> bool {
    LISTED.iter().any(|o| e.is(o))
}

fn check_unlisted_extension(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert.extensions.iter().all(is_listed) {
        return Outcome::Pass;
    }
    let found: Vec<String> = ctx
        .cert
        .extensions
        .iter()
        .filter(|e| !is_listed(e))
        .map(|e| {
            let mut s = oid::describe_extension(e.oid);
            if e.critical {
                s.push_str(" [critical]");
            }
            s
        })
        .collect();
    fail!(
        "extension(s) not specified by SBR 7.1.2.3: {}",
        found.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// Every extension of a subscriber certificate is one SBR 7.1.2.3 specifies:
    /// certificatePolicies, cRLDistributionPoints, authorityInformationAccess, basicConstraints,
    /// keyUsage, extKeyUsage, authorityKeyIdentifier, subjectAltName, smimeCapabilities,
    /// subjectDirectoryAttributes, qcStatements, the LEI and LEI Role extensions, the Adobe
    /// Time-stamp and ArchiveRevInfo extensions, and subjectKeyIdentifier. Anything else is
    /// reported: nameConstraints, policyConstraints, subjectInfoAccess, privateKeyUsagePeriod,
    /// issuerAltName, private OIDs, and the RFC 6962 precertificate poison and SCT list.
    ///
    /// ## Why
    /// SBR 7.1.2.4: the CA SHALL NOT include an extension not specified in 7.1.2.3 unless it is
    /// aware of a reason for including it, and it SHALL document how it validates it in its CP
    /// or CPS. A linter cannot see that reason, so this is a notice for review.
    ///
    /// The precertificate poison is expected in a precertificate and is critical by design
    /// (RFC 6962 §3.1); it is reported here as a notice like the SCT list, and smimelint knows
    /// it, so it does not count as an unknown critical extension.
    ///
    /// ## Example
    /// A subscriber certificate with subjectInfoAccess; a precertificate with
    /// 1.3.6.1.4.1.11129.2.4.3.
    N_SMIME_UNLISTED_EXTENSION {
        name: "n_smime_unlisted_extension",
        description: "Extension that SBR 7.1.2.3 does not specify for subscriber certificates",
        citation: "SBR 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: [],
        zlint: [],
        catalog: ["n_smime_unlisted_extension"],
        applies: Applies::SUBSCRIBER,
        check: check_unlisted_extension,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn unlisted_extension() {
        // A precertificate: the poison is critical, and reported only as unlisted.
        assert_lint(
            "n_smime_unlisted_extension",
            &base().ext(&oid::CT_POISON, true, der::null()).build(),
            &base().build(),
            &[],
        );
        assert_lint(
            "n_smime_unlisted_extension",
            &base()
                .ext(
                    &oid::SUBJECT_INFO_ACCESS,
                    false,
                    smimelint_factory::ext::aia(&[(
                        "1.3.6.1.5.5.7.48.5",
                        "http://repo.example.com/",
                    )]),
                )
                .build(),
            &base()
                .ext(
                    &oid::SMIME_CAPABILITIES,
                    false,
                    der::seq(&[der::seq(&[der::oid("2.16.840.1.101.3.4.1.42")])]),
                )
                .build(),
            &[],
        );
    }
}
