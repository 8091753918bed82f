use super::*;
use smimelint_cert::keymath::rsa::RsaPublicKey;
use smimelint_cert::spki::KeyFamily;

fn check_rsa_public_key_invalid(ctx: &LintContext<'_>) -> Outcome {
    match spki_of(ctx, KeyFamily::Rsa).map(RsaPublicKey::of) {
        None => Outcome::NotApplicable,
        Some(Ok(_)) => Outcome::Pass,
        Some(Err(e)) => fail!("{e}"),
    }
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of an rsaEncryption key is an RSAPublicKey: a SEQUENCE of two
    /// positive INTEGERs (modulus, publicExponent) and nothing else, in a BIT STRING without
    /// unused bits. The other RSA lints read the key only when it decodes.
    ///
    /// ## Why
    /// RFC 8017 A.1.1 and RFC 3279 §2.3.1 define the encoding; SBR 6.1.5 and 6.1.6 put
    /// requirements on the modulus and exponent, which a key that does not decode cannot meet.
    ///
    /// ## Example
    /// A subjectPublicKey holding a bare INTEGER; a negative modulus (`02 82 01 00 c3 …`
    /// without the leading `00`).
    E_SMIME_RSA_PUBLIC_KEY_INVALID {
        name: "e_smime_rsa_public_key_invalid",
        description: "The RSA subjectPublicKey is not a valid RSAPublicKey",
        citation: "SBR 6.1.5; RFC 8017 A.1.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_rsa_public_key_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, good, real_rsa, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::keys::spki_algorithm;
    use smimelint_factory::KeyAlg;

    #[test]
    fn rsa_public_key_decodes() {
        let lint = "e_smime_rsa_public_key_invalid";
        let alg = spki_algorithm(KeyAlg::Rsa2048);
        let (n, _, _) = real_rsa();
        let bare = with_key(KeyAlg::Rsa2048)
            .subject_key_raw(alg, 0, &smimelint_factory::der::uint(&n))
            .build();
        assert_lint(lint, &bare, &good(), &[]);
        assert!(details(&bare, lint).contains("not an RSAPublicKey"));
        // The modulus without its sign octet is negative.
        let negative = with_key(KeyAlg::Rsa2048)
            .subject_key_raw(
                alg,
                0,
                &smimelint_factory::der::seq(&[
                    smimelint_factory::der::tlv(0x02, &n),
                    smimelint_factory::der::int(65537),
                ]),
            )
            .build();
        assert!(details(&negative, lint).contains("modulus is not a positive INTEGER"));
    }
}
