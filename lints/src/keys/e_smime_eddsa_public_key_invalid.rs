use super::*;
use smimelint_cert::keymath::edwards::{ed25519_decodes, ed448_decodes};
use smimelint_cert::keymath::unused_bits_note;
use smimelint_cert::spki::KeyFamily;

/// Whether a key of the right length decodes to a point.
type PointCheck = fn(&[u8]) -> bool;

fn check_eddsa_public_key_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(spki) = spki_of(ctx, KeyFamily::EdDsa) else {
        return Outcome::NotApplicable;
    };
    let (name, len, decodes): (&str, usize, PointCheck) =
        if spki.algorithm_oid == oid::ED25519.as_bytes() {
            ("Ed25519", 32, ed25519_decodes)
        } else {
            ("Ed448", 57, ed448_decodes)
        };
    let key = spki.public_key;
    if let Some(note) = unused_bits_note(spki) {
        fail!("{name} key: {note}")
    } else if key.len() != len {
        fail!("{name} key has {} octets; {len} are required", key.len())
    } else if !decodes(key) {
        fail!("{name} key does not decode to a point on the curve")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// An id-Ed25519 key is 32 octets and an id-Ed448 key 57 octets (RFC 8410 §3), and the
    /// octets decode to a curve point as RFC 8032 §5.1.3 / §5.2.3 decode it: the y coordinate
    /// is below the field prime (checked here, because ed25519-dalek accepts non-canonical y
    /// the way ZIP-215 does), the unused bits of the last Ed448 octet are zero, and an x
    /// exists for y, and x = 0 does not come with the sign bit set. Ed25519 keys are decoded
    /// by ed25519-dalek. For Ed448 the existence of x is decided without computing it: x² =
    /// (y² − 1)/(d·y² − 1) has a solution exactly when (y² − 1)(d·y² − 1) is a square modulo
    /// p (its Legendre symbol is not −1). The Ed448 identity (y = 1) is reported as not a
    /// valid key (as ed448-goldilocks reports it); the Ed25519 one passes (ed25519-dalek
    /// accepts it).
    ///
    /// Like RFC 8032 decoding, and like the Ed25519 check, the lint does not test whether the
    /// point lies in the prime-order subgroup: a low-order or mixed-order point that decodes
    /// passes, such as (0, −1) for Ed448 (ed448-goldilocks' `VerifyingKey::from_bytes`
    /// refuses points with a torsion component; this lint does not).
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the key represents a valid point on the curve25519
    /// or curve 448 elliptic curve".
    ///
    /// ## Example
    /// A 31-octet Ed25519 key; 32 octets whose y coordinate has no matching x.
    E_SMIME_EDDSA_PUBLIC_KEY_INVALID {
        name: "e_smime_eddsa_public_key_invalid",
        description: "The EdDSA public key has the wrong length or is not a curve point",
        citation: "SBR 6.1.5; RFC 8410 3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_eddsa_public_key_invalid"],
        applies: Applies::ALL,
        check: check_eddsa_public_key_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, with_key};

    use smimelint_cert::keymath::edwards::{ed25519_decodes, ed448_decodes, P25519, P448};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::keys::spki_algorithm;
    use smimelint_factory::{KeyAlg, KeyPair, SUBJECT_SEED};

    #[test]
    fn eddsa_keys_decode() {
        let lint = "e_smime_eddsa_public_key_invalid";
        for (alg, len) in [(KeyAlg::Ed25519, 32), (KeyAlg::Ed448, 57)] {
            let key = KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
            let short = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &key[..len - 1])
                .build();
            assert_lint(lint, &short, &with_key(alg).build(), &[]);
            assert!(
                details(&short, lint).contains(&format!("{} octets; {len} are required", len - 1))
            );
            // A y coordinate with no x on the curve.
            let bad = (2u8..=255)
                .map(|y| {
                    let mut k = vec![0u8; len];
                    k[0] = y;
                    k
                })
                .find(|k| !(ed25519_decodes(k) || ed448_decodes(k)))
                .expect("a non-point");
            let off_curve = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &bad)
                .build();
            assert_lint(lint, &off_curve, &with_key(alg).build(), &[]);
            assert!(details(&off_curve, lint).contains("does not decode"));
        }
        // y = p + 1 encodes y = 1 (the identity's y) non-canonically.
        let mut y = P25519;
        y[0] += 1;
        assert!(ed25519_dalek::VerifyingKey::from_bytes(&y).is_ok());
        let non_canonical = with_key(KeyAlg::Ed25519)
            .subject_key_raw(spki_algorithm(KeyAlg::Ed25519), 0, &y)
            .build();
        assert!(details(&non_canonical, lint).contains("does not decode"));
        // The unused bits of the last Ed448 octet.
        let mut key = KeyPair::get(KeyAlg::Ed448, SUBJECT_SEED).public_key_bytes();
        key[56] |= 0x01;
        let stray = with_key(KeyAlg::Ed448)
            .subject_key_raw(spki_algorithm(KeyAlg::Ed448), 0, &key)
            .build();
        assert!(details(&stray, lint).contains("does not decode"));
        // Ed448 keys with y ≥ p, the identity (y = 1), and x = 0 with the sign bit set
        // (y = p − 1 with 0x80) fail; (0, −1) decodes: the lint makes no subgroup check.
        let ed448 = |y: [u8; 56], sign: u8| {
            let mut key = y.to_vec();
            key.push(sign);
            with_key(KeyAlg::Ed448)
                .subject_key_raw(spki_algorithm(KeyAlg::Ed448), 0, &key)
                .build()
        };
        let mut one = [0u8; 56];
        one[0] = 1;
        let mut minus_one = P448;
        minus_one[0] -= 1;
        let mut ed25519_identity = [0u8; 32];
        ed25519_identity[0] = 1;
        assert!(ed25519_decodes(&ed25519_identity));
        for (y, sign) in [(P448, 0x00), (one, 0x00), (minus_one, 0x80)] {
            assert_lint(lint, &ed448(y, sign), &ed448(minus_one, 0x00), &[]);
            assert!(details(&ed448(y, sign), lint).contains("does not decode"));
        }
    }
}
