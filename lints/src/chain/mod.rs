//! Lints that compare a certificate with its issuing CA's certificate (`--issuer FILE`, the
//! `issuer` option of the API and service). Without an issuer every lint here is NA.

use crate::prelude::*;

mod e_smime_aki_does_not_match_issuer_ski;
mod e_smime_issued_by_non_compliant_ca;
mod e_smime_issuer_dn_not_byte_identical;
mod e_smime_signature_algorithm_issuer_key_mismatch;
mod e_smime_signature_invalid;
mod w_smime_validity_outside_issuer;

#[cfg(test)]
mod tests {

    use smimelint_cert::oid;

    use smimelint_cert::time::date;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{findings_with_issuer, lint_with_issuer};
    use smimelint_factory::{CertBuilder, Hierarchy, KeyAlg};

    #[test]
    fn public_cas_shaped_like_real_ones_that_comply() {
        // Issued before 2023-09-01 with id-kp-emailProtection and the reserved OIDs: the
        // fourth condition of SBR 1.6.1 fails, so not Extant, and the profile complies.
        for nb in [date(2023, 6, 15), date(2023, 1, 20)] {
            let ca = CertBuilder::public_sub_ca(nb, &[RESERVED[0], RESERVED[1], OWN[0]]);
            assert_eq!(non_compliant_ca_details(&ca), None, "{nb}");
        }
        // anyPolicy (7.1.6.3, affiliates) with id-kp-emailProtection, issued April 2023: the
        // Extant definition matches, but so does the 7.1.2.2 profile.
        let ca = CertBuilder::public_sub_ca(date(2023, 4, 19), &["2.5.29.32.0"]);
        assert_eq!(non_compliant_ca_details(&ca), None);
        // The CA certificate itself is clean against a root of its time, but for the RFC 5280
        // notice on its CPS qualifier, as real ones are.
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048)
            .validity(date(2009, 3, 18), date(2039, 3, 18))
            .build();
        let ca = CertBuilder::public_sub_ca(date(2023, 6, 15), &RESERVED).build();
        assert_eq!(
            findings_with_issuer(&ca, &root),
            vec!["n_smime_policy_qualifier_present"]
        );
    }

    #[test]
    fn public_cas_shaped_like_real_ones_that_do_not_comply() {
        // An Extant S/MIME CA: 2020, id-kp-emailProtection, only the CA's own policy OIDs.
        let extant = CertBuilder::public_sub_ca(date(2020, 9, 16), &OWN);
        let d = non_compliant_ca_details(&extant).expect("error");
        assert!(d.contains("Extant S/MIME CA (SBR 1.6.1)"), "{d}");
        assert!(d.contains("notBefore 2020-09-16"), "{d}");
        assert!(d.contains("id-kp-emailProtection in extKeyUsage"), "{d}");
        assert!(d.contains("only the CA's own policy OIDs"), "{d}");
        assert!(d.contains("(SBR 7.1.6.3)"), "{d}");
        // Extant through the absence of extKeyUsage (condition 2), which 7.1.2.2(g) requires.
        let no_eku = extant.clone().without_ext(&oid::EXT_KEY_USAGE);
        let d = non_compliant_ca_details(&no_eku).expect("error");
        assert!(d.contains("it has no extKeyUsage"), "{d}");
        assert!(d.contains("7.1.2.2(g)"), "{d}");
        // Not Extant (its extKeyUsage lacks emailProtection: condition 2 fails) and not
        // compliant either.
        let client_only = extant.clone().eku(&[&oid::KP_CLIENT_AUTH]);
        let d = non_compliant_ca_details(&client_only).expect("error");
        assert!(!d.contains("Extant"), "{d}");
        assert!(
            d.contains("no extKeyUsage with id-kp-emailProtection"),
            "{d}"
        );
        // Reserved OIDs after the SBR, but serverAuth, which 7.1.2.2(g) prohibits.
        let server = CertBuilder::public_sub_ca(date(2024, 1, 10), &RESERVED)
            .eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH]);
        let d = non_compliant_ca_details(&server).expect("error");
        assert!(!d.contains("Extant"), "{d}");
        assert!(d.contains("id-kp-serverAuth in extKeyUsage"), "{d}");
    }

    /// The details of the non-compliant-CA finding for a subscriber issued after 2024-09-15 by
    /// `ca`, after checking that it is the only finding of the chain.
    fn non_compliant_ca_details(ca: &CertBuilder) -> Option<String> {
        let lint = "e_smime_issued_by_non_compliant_ca";
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let leaf = h.subscriber.clone().issued_by(ca).build();
        let ca = ca.build();
        let result = lint_with_issuer(&leaf, &ca);
        let issues: Vec<&str> = result.issues().map(|f| f.lint).collect();
        let f = result.findings.iter().find(|f| f.lint == lint)?;
        match f.status {
            Status::Pass => {
                assert!(issues.is_empty(), "{issues:?}");
                None
            }
            Status::Error => {
                assert_eq!(issues, vec![lint]);
                f.details.clone()
            }
            other => panic!("{lint}: {other:?}"),
        }
    }

    const RESERVED: [&str; 2] = ["2.23.140.1.5.1.3", "2.23.140.1.5.2.3"];
    const OWN: [&str; 2] = ["1.3.6.1.4.1.99999.1.40", "1.3.6.1.4.1.99999.1.40.10"];
}
