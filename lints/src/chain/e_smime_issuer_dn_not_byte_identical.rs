use super::*;

fn check_issuer_dn_not_byte_identical(ctx: &LintContext<'_>) -> Outcome {
    let (Some(issuer), Some(name)) = (ctx.issuer, ctx.cert.issuer) else {
        return Outcome::NotApplicable;
    };
    let Some(subject) = issuer.subject else {
        return Outcome::NotApplicable;
    };
    if name.raw == subject.raw {
        Outcome::Pass
    } else {
        fail!(
            "the issuer field ({} octets) differs from the issuing CA's subject ({} octets){}",
            name.raw.len(),
            subject.raw.len(),
            first_difference(name.raw, subject.raw)
        )
    }
}

/// Where two encodings first differ, for messages.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => format!(" from octet {i}"),
        None => String::new(),
    }
}

lint! {
    /// ## What it checks
    /// The certificate's issuer field is byte-for-byte identical to the subject field of the
    /// issuing CA's certificate (given with `--issuer`).
    ///
    /// ## Why
    /// SBR 7.1.4.1: in every certification path, the encoded issuer DN of a certificate SHALL be
    /// identical to the encoded subject DN of its issuing CA certificate. Software that compares
    /// names as bytes (rather than with RFC 5280 §7.1 matching) fails to build the path when,
    /// for example, one side uses PrintableString and the other UTF8String.
    ///
    /// ## Example
    /// Issuer `O=Example CA Ltd` as UTF8String while the CA's subject has it as PrintableString.
    E_SMIME_ISSUER_DN_NOT_BYTE_IDENTICAL {
        name: "e_smime_issuer_dn_not_byte_identical",
        description: "Issuer DN is not byte-identical to the issuing CA's subject DN",
        citation: "SBR 7.1.4.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_issuer_dn_not_byte_identical"],
        applies: Applies::ALL,
        check: check_issuer_dn_not_byte_identical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::chain::assert_chain_lint;
    use smimelint_cert::oid;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{findings_with_issuer, status_with_issuer};
    use smimelint_factory::{der, Hierarchy, KeyAlg};

    #[test]
    fn hierarchies_verify_in_every_algorithm() {
        for alg in [
            KeyAlg::Rsa2048,
            KeyAlg::P256,
            KeyAlg::P384,
            KeyAlg::P521,
            KeyAlg::Ed25519,
            KeyAlg::Ed448,
            KeyAlg::MlDsa44,
            KeyAlg::MlDsa65,
            KeyAlg::MlDsa87,
        ] {
            let h = Hierarchy::new(alg);
            let (root, sub, leaf) = (h.root.build(), h.sub_ca.build(), h.subscriber.build());
            for (cert, issuer) in [(&root, &root), (&sub, &root), (&leaf, &sub)] {
                assert_eq!(
                    findings_with_issuer(cert, issuer),
                    Vec::<&str>::new(),
                    "{alg:?}"
                );
                for lint in CHAIN_LINTS {
                    // The root has no authorityKeyIdentifier (RFC 5280 §4.2.1.1 lets a
                    // self-signed certificate omit it).
                    let na = (cert == issuer && lint.contains("aki"))
                        || (cert != &leaf && lint == "e_smime_issued_by_non_compliant_ca");
                    let expected = if na {
                        Status::NotApplicable
                    } else {
                        Status::Pass
                    };
                    assert_eq!(
                        status_with_issuer(cert, issuer, lint),
                        expected,
                        "{alg:?} {lint}"
                    );
                }
            }
        }
    }

    #[test]
    fn without_an_issuer_chain_lints_are_na() {
        let leaf = Hierarchy::new(KeyAlg::Rsa2048).subscriber.build();
        for lint in CHAIN_LINTS {
            assert_eq!(
                smimelint_engine::testing::status_of(&leaf, lint),
                Status::NotApplicable,
                "{lint}"
            );
        }
    }

    #[test]
    fn issuer_dn_not_byte_identical() {
        let h = Hierarchy::new(KeyAlg::P384);
        let sub = h.sub_ca.build();
        // The same name with O as PrintableString: equal under RFC 5280 §7.1, not byte-identical.
        let issuer = smimelint_factory::name_raw(&[
            (&oid::AT_COUNTRY, der::printable("GB")),
            (&oid::AT_ORGANIZATION, der::printable("Example CA Ltd")),
            (&oid::AT_COMMON_NAME, der::utf8("Example S/MIME CA")),
        ]);
        assert_chain_lint(
            "e_smime_issuer_dn_not_byte_identical",
            &h.subscriber.clone().issuer_raw(issuer).build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }

    const CHAIN_LINTS: [&str; 6] = [
        "e_smime_issued_by_non_compliant_ca",
        "e_smime_issuer_dn_not_byte_identical",
        "e_smime_aki_does_not_match_issuer_ski",
        "e_smime_signature_algorithm_issuer_key_mismatch",
        "e_smime_signature_invalid",
        "w_smime_validity_outside_issuer",
    ];
}
