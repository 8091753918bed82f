use super::*;
use smimelint_cert::keymath::ec::{point_form, NistCurve};
use smimelint_cert::keymath::unused_bits_note;
use smimelint_cert::spki::KeyFamily;

fn check_ec_public_key_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(spki) = spki_of(ctx, KeyFamily::Ec) else {
        return Outcome::NotApplicable;
    };
    // Another curve, or parameters that name none, are the encoding lint's finding.
    let Some(curve) = NistCurve::of(spki) else {
        return Outcome::NotApplicable;
    };
    let name = curve.name;
    if let Some(note) = unused_bits_note(spki) {
        return fail!("{name} key: {note}");
    }
    if curve.is_valid_point(spki.public_key) {
        Outcome::Pass
    } else {
        fail!(
            "{name} key is not a valid point on the curve: {} octets, {}",
            spki.public_key.len(),
            point_form(spki.public_key)
        )
    }
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of a P-256, P-384 or P-521 key is a SEC1 point (uncompressed `04`,
    /// or compressed `02`/`03`) of the right length whose coordinates are below the field
    /// prime, that satisfies the curve equation, and that is not the point at infinity. This
    /// is NIST SP 800-56A full public-key validation: on these prime-order curves (cofactor 1)
    /// every point on the curve other than infinity has order n, so the n·Q = O step holds
    /// whenever the others do. The RustCrypto `p256`/`p384`/`p521` decoders perform the checks.
    /// Keys on other curves are left to `e_smime_spki_algorithm_encoding_not_allowed`.
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the key represents a valid point on the NIST
    /// P-256, NIST P-384, or NIST P-521 elliptic curve"; 6.1.6 recommends full or partial
    /// public-key validation. Invalid-curve points leak private keys in ECDH.
    ///
    /// ## Example
    /// An uncompressed P-256 point whose y coordinate was altered; the single octet `00`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports an invalid point as `cabf.ecdsa_key_validation_failed`, a WARNING (the
    /// SHOULD of SBR 6.1.6). SBR 6.1.5 makes "a valid point" a SHALL, so smimelint reports an
    /// error.
    E_SMIME_EC_PUBLIC_KEY_INVALID {
        name: "e_smime_ec_public_key_invalid",
        description: "The EC public key is not a valid point on its named curve",
        citation: "SBR 6.1.5; SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.ecdsa_key_validation_failed"],
        zlint: ["e_ec_improper_curves"],
        catalog: ["e_smime_ec_public_key_invalid", "w_smime_ec_public_key_validation_failed"],
        applies: Applies::ALL,
        check: check_ec_public_key_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, with_key};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::keys::spki_algorithm;
    use smimelint_factory::{KeyAlg, KeyPair, SUBJECT_SEED};

    #[test]
    fn ec_points_are_on_their_curve() {
        let lint = "e_smime_ec_public_key_invalid";
        for alg in [KeyAlg::P256, KeyAlg::P384, KeyAlg::P521] {
            let mut point = KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
            *point.last_mut().expect("point") ^= 0x01;
            let off_curve = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &point)
                .build();
            assert_lint(lint, &off_curve, &with_key(alg).build(), &[]);
            assert!(details(&off_curve, lint).contains("an uncompressed point"));
        }
        let infinity = with_key(KeyAlg::P256)
            .subject_key_raw(spki_algorithm(KeyAlg::P256), 0, &[0x00])
            .build();
        assert!(details(&infinity, lint).contains("the point at infinity"));
        // The compressed form of a valid point is valid.
        let point = KeyPair::get(KeyAlg::P256, SUBJECT_SEED).public_key_bytes();
        let mut compressed = point[..33].to_vec();
        compressed[0] = 0x02 | (point[64] & 1);
        let compressed = with_key(KeyAlg::P256)
            .subject_key_raw(spki_algorithm(KeyAlg::P256), 0, &compressed)
            .build();
        assert_eq!(status_of(&compressed, lint), Status::Pass);
    }
}
