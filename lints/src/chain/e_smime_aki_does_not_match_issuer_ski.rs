use super::*;
use smimelint_cert::der_text::hex;

fn check_aki_does_not_match_issuer_ski(ctx: &LintContext<'_>) -> Outcome {
    let Some(issuer) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let (Ext::Present(_, aki), Ext::Present(_, ski)) = (ctx.cert.aki(), issuer.ski()) else {
        return Outcome::NotApplicable;
    };
    let Some(key_id) = aki.key_id else {
        return Outcome::NotApplicable;
    };
    if key_id == *ski {
        Outcome::Pass
    } else {
        fail!(
            "authorityKeyIdentifier keyIdentifier {} differs from the issuing CA's \
             subjectKeyIdentifier {}",
            hex(key_id),
            hex(ski)
        )
    }
}

lint! {
    /// ## What it checks
    /// The keyIdentifier of the certificate's authorityKeyIdentifier equals the
    /// subjectKeyIdentifier of the issuing CA's certificate (given with `--issuer`).
    ///
    /// ## Why
    /// SBR 7.1.2.1(e) and 7.1.2.2(i): a CA's subjectKeyIdentifier SHALL be the value included in
    /// the keyIdentifier of the certificates it issues. Path building uses the pair to find the
    /// issuing key; a mismatch sends it to the wrong certificate or none.
    ///
    /// ## Example
    /// A subscriber whose AKI was computed with SHA-256 while the CA's SKI uses SHA-1.
    E_SMIME_AKI_DOES_NOT_MATCH_ISSUER_SKI {
        name: "e_smime_aki_does_not_match_issuer_ski",
        description: "authorityKeyIdentifier does not match the issuing CA's subjectKeyIdentifier",
        citation: "SBR 7.1.2.1(e); 7.1.2.2(i)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_aki_does_not_match_issuer_ski"],
        applies: Applies::ALL,
        check: check_aki_does_not_match_issuer_ski,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::chain::assert_chain_lint;
    use smimelint_cert::oid;

    use smimelint_factory::{ext, Hierarchy, KeyAlg};

    #[test]
    fn aki_does_not_match_issuer_ski() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        assert_chain_lint(
            "e_smime_aki_does_not_match_issuer_ski",
            &h.subscriber
                .clone()
                .ext(
                    &oid::AUTHORITY_KEY_IDENTIFIER,
                    false,
                    ext::aki_key_id(&[7; 20]),
                )
                .build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }
}
