use super::*;

fn check_basic_constraints_ca_true(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, bc) = ctx.cert.basic_constraints() else {
        return Outcome::NotApplicable;
    };
    if !bc.ca {
        return Outcome::Pass;
    }
    if ctx.is_subscriber() {
        return fail!("basicConstraints asserts cA TRUE in a subscriber certificate");
    }
    // smimelint classifies every certificate with cA TRUE as a CA. One whose keyUsage does not
    // allow certificate signing is an end-entity certificate that wrongly asserts cA.
    match ctx.cert.key_usage() {
        Ext::Present(_, ku) if ku.bits & (1 << 5) == 0 => fail!(
            "basicConstraints asserts cA TRUE, but keyUsage ({}) does not include keyCertSign: \
             an end-entity certificate must not be a CA",
            smimelint_cert::ext::KeyUsage::names(ku.bits)
        ),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate does not assert cA TRUE in basicConstraints.
    ///
    /// smimelint treats every certificate with cA TRUE as a CA certificate, so the check also
    /// looks at those: a certificate with cA TRUE whose keyUsage lacks keyCertSign cannot act as a
    /// CA and is reported here as an end-entity certificate that asserts cA.
    ///
    /// ## Why
    /// SBR 7.1.2.3(d): basicConstraints MAY be present, but "The cA field SHALL NOT be true".
    /// A subscriber key must not be usable to issue certificates.
    ///
    /// ## Example
    /// `basicConstraints: cA TRUE` with keyUsage `digitalSignature, keyEncipherment` and
    /// extKeyUsage emailProtection.
    ///
    /// ## Differences from pkilint
    /// pkilint is told the certificate type, so it reports `cabf.smime.is_ca_certificate` for any
    /// cA TRUE. smimelint detects CA certificates by cA TRUE, and reports only those that
    /// cannot sign certificates (no keyCertSign); a certificate with cA TRUE and keyCertSign is
    /// linted as a CA certificate.
    E_SMIME_BASIC_CONSTRAINTS_CA_TRUE {
        name: "e_smime_basic_constraints_ca_true",
        description: "basicConstraints asserts cA in an end-entity S/MIME certificate",
        citation: "SBR 7.1.2.3(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.is_ca_certificate"],
        zlint: [],
        catalog: ["e_smime_basic_constraints_ca_true"],
        applies: Applies::ALL,
        check: check_basic_constraints_ca_true,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext;

    #[test]
    fn basic_constraints_ca_true() {
        assert_lint(
            "e_smime_basic_constraints_ca_true",
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    true,
                    ext::basic_constraints(true, None),
                )
                .build(),
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    true,
                    ext::basic_constraints(false, None),
                )
                .build(),
            // cA TRUE makes it a CA certificate, so the CA profile applies too: its keyUsage
            // lacks keyCertSign/cRLSign and its subject lacks O and C.
            &[
                "e_smime_ca_key_usage_invalid",
                "e_smime_ca_subject_required_attribute_missing",
            ],
        );
    }
}
