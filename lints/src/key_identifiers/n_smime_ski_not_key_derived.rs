use super::*;

fn check_ski_not_key_derived(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, ski) = ctx.cert.ski() else {
        return Outcome::NotApplicable;
    };
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    if key_derived(ski, spki.public_key, spki.tlv.raw) {
        Outcome::Pass
    } else {
        fail!(
            "subjectKeyIdentifier {} ({} octets) matches no known derivation from the public key",
            smimelint_cert::der_text::hex(ski),
            ski.len()
        )
    }
}

lint! {
    /// ## What it checks
    /// The subjectKeyIdentifier is one of the usual derivations from the certificate's public key:
    /// SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1), its 60-bit form with the
    /// `0100` prefix (method 2), the leftmost 160 bits of SHA-256, SHA-384 or SHA-512 of those
    /// bits (RFC 7093 methods 1–3), or SHA-1/SHA-256/SHA-384/SHA-512 of the whole
    /// SubjectPublicKeyInfo (RFC 7093 method 4).
    ///
    /// ## Why
    /// SBR 7.1.2.3(n): the extension SHOULD contain a value derived from the public key. Other
    /// derivations are possible (RFC 5280 allows any method producing unique values), so a
    /// mismatch is only a notice: look at how the CA computes it.
    ///
    /// ## Example
    /// A random 16-octet keyIdentifier; a copy of the issuer's key identifier.
    ///
    /// ## Differences from pkilint
    /// pkilint recognises RFC 5280 methods 1 and 2 and RFC 7093 methods 1–3; smimelint also
    /// accepts RFC 7093 method 4 (a hash of the whole SubjectPublicKeyInfo), so such identifiers
    /// get no notice here.
    N_SMIME_SKI_NOT_KEY_DERIVED {
        name: "n_smime_ski_not_key_derived",
        description: "subjectKeyIdentifier is not derived from the public key by a known method",
        citation: "SBR 7.1.2.3(n); RFC 5280 4.2.1.2; RFC 7093 2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.unknown_subject_key_identifier_calculation_method"],
        zlint: [],
        catalog: ["n_smime_ski_not_key_derived"],
        applies: Applies::SUBSCRIBER,
        check: check_ski_not_key_derived,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;
    use sha1::Sha1;
    use sha2::Digest;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext, KeyAlg, KeyPair, SUBJECT_SEED};

    #[test]
    fn ski_not_key_derived() {
        let key = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED);
        let sha1_id = Sha1::digest(key.public_key_bytes()).to_vec();
        assert_lint(
            "n_smime_ski_not_key_derived",
            &base()
                .ext(&oid::SUBJECT_KEY_IDENTIFIER, false, ext::ski(&[0x42; 16]))
                .build(),
            &base()
                .ext(&oid::SUBJECT_KEY_IDENTIFIER, false, ext::ski(&sha1_id))
                .build(),
            &[],
        );
    }
}
