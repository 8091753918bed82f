use super::*;
use crate::support::rfc5280::hex_full;

fn check_certificate_not_v3(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    match cert.version_number() {
        Some(2) => Outcome::Pass,
        Some(n) => fail!(
            "tbsCertificate.version is {}; X.509 v3 (INTEGER 2) is required",
            version_text(cert, n)
        ),
        None => fail!(
            "tbsCertificate.version does not hold a readable INTEGER ({}); X.509 v3 (INTEGER 2) is required",
            cert.version.map_or_else(String::new, |v| hex_full(v.raw))
        ),
    }
}

lint! {
    /// ## What it checks
    /// `tbsCertificate.version` is present and holds INTEGER 2 (X.509 v3). An absent field (the
    /// DEFAULT, v1), INTEGER 1 (v2), INTEGER 3 or more (a "v4" that does not exist) and negative
    /// values are reported with the version found.
    ///
    /// ## Why
    /// SBR §7.1.1: "Certificates SHALL be of type X.509 v3." Extensions, which every S/MIME
    /// profile needs, exist only in v3 (RFC 5280 §4.1.2.1, §4.1.2.9).
    ///
    /// ## Example
    /// `a0 03 02 01 01` (v2); `a0 03 02 01 03` (INTEGER 3, which x509-cert also rejects); a
    /// TBSCertificate that starts directly with the serial number (v1).
    E_SMIME_CERTIFICATE_NOT_V3 {
        name: "e_smime_certificate_not_v3",
        description: "The certificate is not X.509 v3",
        citation: "SBR 7.1.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_version_is_not_v3"],
        zlint: ["e_invalid_certificate_version"],
        catalog: ["e_smime_certificate_not_v3"],
        applies: Applies::ALL,
        check: check_certificate_not_v3,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good, ASN1};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn version_must_be_v3() {
        let v4 = base()
            .version_raw(Some(der::explicit(0, &der::int(3))))
            .build();
        // x509-cert's Version has no fourth value.
        assert_lint(NOT_V3, &v4, &good(), &[ASN1, EXTS_NOT_V3]);
        assert!(details(&v4, NOT_V3).contains("v4 (INTEGER 3)"));

        let v2 = base()
            .version_raw(Some(der::explicit(0, &der::int(1))))
            .build();
        assert_lint(NOT_V3, &v2, &good(), &[EXTS_NOT_V3]);
        assert!(details(&v2, NOT_V3).contains("v2 (INTEGER 1)"));

        let v1 = base().version_raw(None).build();
        assert_lint(NOT_V3, &v1, &good(), &[EXTS_NOT_V3]);
        assert!(details(&v1, NOT_V3).contains("v1 (the version field is absent)"));

        let negative = base()
            .version_raw(Some(der::explicit(0, &der::int(-1))))
            .build();
        assert!(details(&negative, NOT_V3).contains("no X.509 version"));
    }

    #[test]
    fn extensions_only_in_v3() {
        let v2 = base()
            .version_raw(Some(der::explicit(0, &der::int(1))))
            .build();
        assert_lint(EXTS_NOT_V3, &v2, &good(), &[NOT_V3]);
        assert!(details(&v2, EXTS_NOT_V3).contains("v2"));
        // A v1 certificate without extensions is not this lint's business.
        let mut v1_plain = base().version_raw(None);
        v1_plain.extensions.clear();
        assert_eq!(
            status_of(&v1_plain.build(), EXTS_NOT_V3),
            Status::NotApplicable
        );
    }

    const NOT_V3: &str = "e_smime_certificate_not_v3";
    const EXTS_NOT_V3: &str = "e_smime_rfc5280_extensions_in_non_v3_certificate";
}
