use super::*;
use crate::support::rfc5280::hex_full;

fn check_unique_identifier_present(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    let fields = [
        ("issuerUniqueID", cert.issuer_unique_id),
        ("subjectUniqueID", cert.subject_unique_id),
    ];
    if fields.iter().all(|(_, f)| f.is_none()) {
        return Outcome::Pass;
    }
    let found: Vec<String> = fields
        .iter()
        .filter_map(|(name, f)| {
            f.map(|t| {
                format!(
                    "tbsCertificate.{name} ({} content octets: {})",
                    t.content.len(),
                    hex_full(t.content)
                )
            })
        })
        .collect();
    fail!(
        "{} present; CAs conforming to RFC 5280 must not generate unique identifiers",
        found.join(" and ")
    )
}

lint! {
    /// ## What it checks
    /// `tbsCertificate.issuerUniqueID` (`[1]`) and `subjectUniqueID` (`[2]`) are absent.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.8: "CAs conforming to this profile MUST NOT generate certificates with
    /// unique identifiers." They date from X.509 v2, have no processing rules, and the SBR
    /// profiles (§7.1.2) do not list them.
    ///
    /// ## Example
    /// `81 02 00 ab` (an issuerUniqueID BIT STRING) after subjectPublicKeyInfo.
    E_SMIME_RFC5280_UNIQUE_IDENTIFIER_PRESENT {
        name: "e_smime_rfc5280_unique_identifier_present",
        description: "issuerUniqueID or subjectUniqueID is present",
        citation: "RFC 5280 4.1.2.8; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.issuer_unique_id_present", "pkix.subject_unique_id_present"],
        zlint: ["e_cert_contains_unique_identifier"],
        catalog: ["e_smime_rfc5280_unique_identifier_present"],
        applies: Applies::ALL,
        check: check_unique_identifier_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn unique_identifiers_are_absent() {
        let lint = "e_smime_rfc5280_unique_identifier_present";
        let mut issuer_uid = base();
        issuer_uid.issuer_unique_id = Some(der::implicit(1, &[0x00, 0xab]));
        let issuer_uid = issuer_uid.build();
        assert_lint(lint, &issuer_uid, &good(), &[]);
        assert!(details(&issuer_uid, lint).starts_with("tbsCertificate.issuerUniqueID"));

        let mut subject_uid = base();
        subject_uid.subject_unique_id = Some(der::implicit(2, &[0x00, 0xcd]));
        let subject_uid = subject_uid.build();
        assert_lint(lint, &subject_uid, &good(), &[]);
        assert!(details(&subject_uid, lint).starts_with("tbsCertificate.subjectUniqueID"));
    }
}
