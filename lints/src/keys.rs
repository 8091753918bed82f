//! Subject public keys (SBR 6.1.5 and 6.1.6, as amended by SMC013): RSA modulus and exponent,
//! EC points on their named curve, EdDSA points, ML-DSA / ML-KEM key lengths.
//!
//! Each lint looks at one key family and is not applicable to the others. The AlgorithmIdentifier
//! itself is `e_smime_spki_algorithm_encoding_not_allowed`'s business (lints/algorithms.rs); the
//! checks here read the key whatever its parameters, so a key with a wrong encoding and a bad
//! value gets both findings.

use super::prelude::*;
use smimelint_cert::keymath::bignum::bit_length;
use smimelint_cert::keymath::ec::{point_form, NistCurve};
use smimelint_cert::keymath::edwards::{ed25519_decodes, ed448_decodes};
use smimelint_cert::keymath::rsa::RsaPublicKey;
use smimelint_cert::keymath::unused_bits_note;
use smimelint_cert::spki::{KeyFamily, Spki};

/// The SPKI when it decodes and its algorithm is of `family`.
fn spki_of<'c>(ctx: &'c LintContext<'_>, family: KeyFamily) -> Option<&'c Spki<'c>> {
    match ctx.cert.spki_view() {
        Some(Ok(spki)) if spki.family() == family => Some(spki),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// RSA
// ---------------------------------------------------------------------------------------------

/// Runs `check` on the RSA key; NA for other keys and for an RSAPublicKey that does not decode
/// (that is `e_smime_rsa_public_key_invalid`'s finding).
fn with_rsa(ctx: &LintContext<'_>, check: impl Fn(&RsaPublicKey<'_>) -> Outcome) -> Outcome {
    match spki_of(ctx, KeyFamily::Rsa).map(RsaPublicKey::of) {
        Some(Ok(key)) => check(&key),
        _ => Outcome::NotApplicable,
    }
}

/// Decimal for small values, else the bit length.
fn int_text(magnitude: &[u8]) -> String {
    if magnitude.len() <= 8 {
        magnitude
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    } else {
        format!("a {}-bit value", bit_length(magnitude))
    }
}

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

fn check_rsa_modulus_too_small(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.modulus) {
        bits if bits < 2048 => fail!("RSA modulus has {bits} bits; at least 2048 are required"),
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is at least 2048 bits long (its bit length, leading zero octets
    /// ignored).
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the modulus size, when encoded, is at least 2048
    /// bits". 1024-bit moduli are within reach of factoring.
    ///
    /// ## Example
    /// A 1024-bit RSA key.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this and a size not divisible by 8 under one code,
    /// `cabf.rsa_modulus_invalid_length`.
    E_SMIME_RSA_MODULUS_TOO_SMALL {
        name: "e_smime_rsa_modulus_too_small",
        description: "The RSA modulus is shorter than 2048 bits",
        citation: "SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_invalid_length"],
        zlint: ["e_rsa_mod_less_than_2048_bits"],
        catalog: ["e_smime_rsa_modulus_too_small"],
        applies: Applies::ALL,
        check: check_rsa_modulus_too_small,
    }
}

fn check_rsa_modulus_not_multiple_of_8(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.modulus) {
        bits if !bits.is_multiple_of(8) => {
            fail!("RSA modulus has {bits} bits, not a multiple of 8")
        }
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The bit length of the RSA modulus is divisible by 8.
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the modulus size, in bits, is evenly divisible by
    /// 8". Key generators produce whole-octet moduli; an odd size points at a broken or
    /// hand-made key.
    ///
    /// ## Example
    /// A 2047-bit modulus (top octet `7f`).
    E_SMIME_RSA_MODULUS_NOT_MULTIPLE_OF_8 {
        name: "e_smime_rsa_modulus_not_multiple_of_8",
        description: "The RSA modulus size in bits is not divisible by 8",
        citation: "SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_invalid_length"],
        zlint: [],
        catalog: ["e_smime_rsa_modulus_not_multiple_of_8"],
        applies: Applies::ALL,
        check: check_rsa_modulus_not_multiple_of_8,
    }
}

fn check_rsa_public_exponent_invalid(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let e = key.exponent;
        let even = e.last().is_some_and(|b| b & 1 == 0);
        let below_3 = e.len() == 1 && e[0] < 3;
        match (even, below_3) {
            (false, false) => Outcome::Pass,
            (true, _) => fail!("RSA public exponent {} is even", int_text(e)),
            (false, true) => fail!("RSA public exponent {} is less than 3", int_text(e)),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA public exponent is odd and at least 3.
    ///
    /// ## Why
    /// SBR 6.1.6: "the CA SHALL confirm that the value of the public exponent is an odd number
    /// equal to 3 or more". An even exponent has no inverse modulo λ(n); e = 1 does not
    /// encrypt at all.
    ///
    /// ## Example
    /// publicExponent 1; publicExponent 65536.
    E_SMIME_RSA_PUBLIC_EXPONENT_INVALID {
        name: "e_smime_rsa_public_exponent_invalid",
        description: "The RSA public exponent is even or less than 3",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_exponent_prohibited_value"],
        zlint: ["e_rsa_public_exponent_not_odd", "e_rsa_public_exponent_too_small"],
        catalog: ["e_smime_rsa_public_exponent_invalid"],
        applies: Applies::ALL,
        check: check_rsa_public_exponent_invalid,
    }
}

fn check_rsa_public_exponent_out_of_range(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let e = key.exponent;
        // 2^16 + 1 = 0x010001; 2^256 − 1 has 256 bits.
        let too_small = e.len() < 3 || (e.len() == 3 && e < [0x01, 0x00, 0x01].as_slice());
        let too_large = bit_length(e) > 256;
        match (too_small, too_large) {
            (false, false) => Outcome::Pass,
            (true, _) => fail!(
                "RSA public exponent {} is below 2^16+1 (65537)",
                int_text(e)
            ),
            (false, true) => fail!(
                "RSA public exponent has {} bits; it should be at most 2^256-1",
                bit_length(e)
            ),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA public exponent is in the range [2^16 + 1, 2^256 − 1].
    ///
    /// ## Why
    /// SBR 6.1.6: "the public exponent SHOULD be in the range between 2^16 + 1 and 2^256 - 1"
    /// (NIST SP 800-89 §5.3.3). Small exponents such as 3 make padding mistakes exploitable.
    ///
    /// ## Example
    /// publicExponent 3.
    W_SMIME_RSA_PUBLIC_EXPONENT_OUT_OF_RANGE {
        name: "w_smime_rsa_public_exponent_out_of_range",
        description: "The RSA public exponent is outside [2^16+1, 2^256-1]",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_exponent_not_in_recommended_range"],
        zlint: ["w_rsa_public_exponent_not_in_range"],
        catalog: ["w_smime_rsa_public_exponent_out_of_range"],
        applies: Applies::ALL,
        check: check_rsa_public_exponent_out_of_range,
    }
}

fn check_rsa_modulus_even(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        if key.modulus.last().is_some_and(|b| b & 1 == 0) {
            fail!("RSA modulus ({} bits) is even", bit_length(key.modulus))
        } else {
            Outcome::Pass
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is odd.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD be "an odd number" (NIST SP 800-89 §5.3.3). A product of
    /// two large primes is odd; an even modulus has the factor 2 and is not an RSA modulus.
    ///
    /// ## Example
    /// A modulus ending in the octet `00`.
    W_SMIME_RSA_MODULUS_EVEN {
        name: "w_smime_rsa_modulus_even",
        description: "The RSA modulus is even",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_has_small_prime_factor"],
        zlint: ["w_rsa_mod_not_odd"],
        catalog: ["w_smime_rsa_modulus_even"],
        applies: Applies::ALL,
        check: check_rsa_modulus_even,
    }
}

fn check_rsa_modulus_small_factor(ctx: &LintContext<'_>) -> Outcome {
    let Some(n) = ctx.rsa_modulus() else {
        return Outcome::NotApplicable;
    };
    let factors: Vec<String> = n.small_factors().map(|p| p.to_string()).collect();
    if factors.is_empty() {
        Outcome::Pass
    } else {
        fail!("RSA modulus is divisible by {}", factors.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// The RSA modulus has no odd prime factor below 752: its remainder by each of the 131 odd
    /// primes 3 … 751 is not zero. The factor 2 is `w_smime_rsa_modulus_even`'s finding, so an
    /// even modulus is reported once.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD "have no factors smaller than 752" (NIST SP 800-89
    /// §5.3.3, partial public-key validation). A modulus with a small factor is trivially
    /// factored.
    ///
    /// ## Example
    /// A modulus that is 251 times a 2048-bit RSA modulus.
    ///
    /// ## Differences from pkilint
    /// pkilint's `cabf.rsa_modulus_has_small_prime_factor` also counts the factor 2;
    /// smimelint reports an even modulus once, as `w_smime_rsa_modulus_even`.
    W_SMIME_RSA_MODULUS_SMALL_FACTOR {
        name: "w_smime_rsa_modulus_small_factor",
        description: "The RSA modulus has a prime factor smaller than 752",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_has_small_prime_factor"],
        zlint: ["w_rsa_mod_factors_smaller_than_752"],
        catalog: ["w_smime_rsa_modulus_small_factor"],
        applies: Applies::ALL,
        check: check_rsa_modulus_small_factor,
    }
}

/// Largest modulus the number-theory checks examine. The SBR sets no upper bound, and the
/// prime-power test grows about with the cube of the size (a crafted 16,384-bit modulus cost a
/// second), so a larger one gets a notice instead of the computation.
pub(crate) const MAX_EXAMINED_RSA_BITS: usize = 8192;

fn check_rsa_modulus_too_large(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.modulus) {
        bits if bits > MAX_EXAMINED_RSA_BITS => fail!(
            "RSA modulus has {bits} bits; moduli over {MAX_EXAMINED_RSA_BITS} bits are not examined"
        ),
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is at most 8192 bits long; a longer one gets a notice saying that its
    /// number-theory checks were not run.
    ///
    /// ## Why
    /// The SBR sets no upper bound on the modulus, so a longer key is no defect and this is a
    /// notice, never a warning: real subscriber certificates carry keys of over 16,000 bits.
    /// But the SHOULDs of SBR 6.1.6 can only be verified at a bounded cost:
    /// `w_smime_rsa_modulus_prime_power` takes time growing with about the cube of the size (a
    /// modulus crafted to pass its residue filters costs about 2 ms at 8192 bits). Above 8192
    /// bits that check is NA and this notice says the key went unexamined.
    ///
    /// ## Example
    /// A 16,384-bit modulus.
    N_SMIME_RSA_MODULUS_TOO_LARGE_TO_EXAMINE {
        name: "n_smime_rsa_modulus_too_large_to_examine",
        description: "The RSA modulus is longer than 8192 bits: its number-theory checks are not run",
        citation: "SBR 6.1.6",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_rsa_modulus_too_large,
    }
}

fn check_rsa_modulus_prime_power(ctx: &LintContext<'_>) -> Outcome {
    let Some(n) = ctx.rsa_modulus() else {
        return Outcome::NotApplicable;
    };
    if n.bits() > MAX_EXAMINED_RSA_BITS {
        return Outcome::NotApplicable;
    }
    match n.perfect_power() {
        None => Outcome::Pass,
        Some(how) => fail!("RSA modulus ({} bits) is {how}", n.bits()),
    }
}

lint! {
    /// ## What it checks
    /// The RSA modulus is not a perfect power m^k (k ≥ 2). Every prime power p^k with k ≥ 2 is
    /// one, and a product of two distinct primes never is, so no genuine RSA modulus is
    /// reported. How: a power of 2 or of a prime below 752 is found from the small-factor
    /// remainders by exact division; otherwise m > 751, so only prime exponents
    /// k ≤ log(n)/log(752) can work. For each, the remainders modulo primes q ≡ 1 (mod k)
    /// rule out almost every non-power at once (a k-th power is a k-th power residue mod q;
    /// at least two such q per exponent, below 752 where possible), and the few left are
    /// settled by an exact integer k-th root. A modulus built to pass those public filters
    /// (n ≡ 1 modulo each) meets a further 24 filter primes per exponent drawn at random per
    /// process, which no modulus can target; a true power passes every filter, so the draw
    /// changes the cost, never the result.
    ///
    /// A prime modulus (p^1) is not detected: that needs a primality test on every
    /// certificate. Moduli longer than 8192 bits are not examined (NA; see
    /// `n_smime_rsa_modulus_too_large_to_examine`): the cost grows quickly with the size.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD be "not the power of a prime" (NIST SP 800-89 §5.3.3).
    /// The k-th root of a prime power gives its factor directly.
    ///
    /// ## Example
    /// A 2048-bit modulus that is the square of a 1024-bit prime.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check for prime powers.
    W_SMIME_RSA_MODULUS_PRIME_POWER {
        name: "w_smime_rsa_modulus_prime_power",
        description: "The RSA modulus is a power of a prime (a perfect power)",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_rsa_modulus_prime_power"],
        applies: Applies::ALL,
        check: check_rsa_modulus_prime_power,
    }
}

// ---------------------------------------------------------------------------------------------
// ECDSA
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// EdDSA, ML-DSA, ML-KEM
// ---------------------------------------------------------------------------------------------

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

/// (algorithm OID, parameter set, public key length in octets).
const PQC_LENGTHS: [(&const_oid::ObjectIdentifier, &str, usize); 6] = [
    (&oid::ML_DSA_44, "ML-DSA-44", 1312),
    (&oid::ML_DSA_65, "ML-DSA-65", 1952),
    (&oid::ML_DSA_87, "ML-DSA-87", 2592),
    (&oid::ML_KEM_512, "ML-KEM-512", 800),
    (&oid::ML_KEM_768, "ML-KEM-768", 1184),
    (&oid::ML_KEM_1024, "ML-KEM-1024", 1568),
];

fn check_pqc_length(ctx: &LintContext<'_>, family: KeyFamily) -> Outcome {
    let Some(spki) = spki_of(ctx, family) else {
        return Outcome::NotApplicable;
    };
    let Some(&(_, name, len)) = PQC_LENGTHS
        .iter()
        .find(|(o, _, _)| o.as_bytes() == spki.algorithm_oid)
    else {
        return Outcome::NotApplicable;
    };
    let got = spki.public_key.len();
    if let Some(note) = unused_bits_note(spki) {
        return fail!("{name} key: {note}");
    }
    if got == len {
        return Outcome::Pass;
    }
    let other = PQC_LENGTHS
        .iter()
        .find(|(_, _, l)| *l == got)
        .map_or_else(String::new, |(_, n, _)| format!(" ({n}'s length)"));
    fail!("{name} public key has {got} octets{other}; {name} keys have {len}")
}

fn check_mldsa_public_key_invalid_length(ctx: &LintContext<'_>) -> Outcome {
    check_pqc_length(ctx, KeyFamily::MlDsa)
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of an ML-DSA key holds the raw public key of the parameter set its
    /// OID names (FIPS 204 Table 2): 1312 octets for ML-DSA-44, 1952 for ML-DSA-65, 2592 for
    /// ML-DSA-87, in a BIT STRING without unused bits (no OCTET STRING wrapper).
    ///
    /// ## Why
    /// SBR 6.1.5 as amended by SMC013: the key SHALL use one of the parameter sets ML-DSA-44,
    /// -65 or -87; a key whose length belongs to another set (or to none) does not.
    ///
    /// ## Example
    /// id-ml-dsa-44 with a 1952-octet key (an ML-DSA-65 key under the wrong OID).
    E_SMIME_MLDSA_PUBLIC_KEY_INVALID_LENGTH {
        name: "e_smime_mldsa_public_key_invalid_length",
        description: "The ML-DSA public key length does not match its parameter set",
        citation: "SBR 6.1.5; FIPS 204",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_mldsa_public_key_invalid_length"],
        applies: Applies::ALL,
        check: check_mldsa_public_key_invalid_length,
    }
}

fn check_mlkem_public_key_invalid_length(ctx: &LintContext<'_>) -> Outcome {
    check_pqc_length(ctx, KeyFamily::MlKem)
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of an ML-KEM key holds the raw encapsulation key of the parameter
    /// set its OID names (FIPS 203 Table 3): 800 octets for ML-KEM-512, 1184 for ML-KEM-768,
    /// 1568 for ML-KEM-1024, in a BIT STRING without unused bits.
    ///
    /// ## Why
    /// SBR 6.1.5 as amended by SMC013: the key SHALL use one of the parameter sets ML-KEM-512,
    /// -768 or -1024.
    ///
    /// ## Example
    /// id-alg-ml-kem-768 with an 800-octet key.
    E_SMIME_MLKEM_PUBLIC_KEY_INVALID_LENGTH {
        name: "e_smime_mlkem_public_key_invalid_length",
        description: "The ML-KEM public key length does not match its parameter set",
        citation: "SBR 6.1.5; FIPS 203",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_mlkem_public_key_invalid_length"],
        applies: Applies::ALL,
        check: check_mlkem_public_key_invalid_length,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::keymath::bignum::Big;
    use smimelint_cert::keymath::edwards::{ed25519_decodes, ed448_decodes, P25519, P448};
    use smimelint_engine::detect::CertType;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::keys::{
        crafted_rsa_modulus, rsa_key_of_size, rsa_public_key, spki_algorithm,
    };
    use smimelint_factory::{CertBuilder, KeyAlg, KeyPair, SUBJECT_SEED};

    fn with_key(alg: KeyAlg) -> CertBuilder {
        let t: CertType = "mailbox-strict".parse().expect("type");
        CertBuilder::subscriber_with_key(t, alg)
    }

    /// The baseline certificate with an RSA key made of this modulus and exponent.
    fn rsa(n: &[u8], e: &[u8]) -> Vec<u8> {
        let alg = spki_algorithm(KeyAlg::Rsa2048);
        with_key(KeyAlg::Rsa2048)
            .subject_key_raw(alg, 0, &rsa_public_key(n, e))
            .build()
    }

    fn real_rsa() -> (Vec<u8>, Vec<u8>, Vec<Vec<u8>>) {
        let p = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED)
            .rsa_parts()
            .expect("RSA");
        (p.n, p.e, p.primes)
    }

    fn good() -> Vec<u8> {
        with_key(KeyAlg::Rsa2048).build()
    }

    #[track_caller]
    fn details(der: &[u8], lint: &str) -> String {
        let r = lint_all(der);
        let f = r
            .findings
            .iter()
            .find(|f| f.lint == lint)
            .expect("lint ran");
        assert!(f.status.is_finding(), "{lint}: {:?}", f.status);
        f.details.clone().unwrap_or_default()
    }

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

    #[test]
    fn rsa_modulus_size() {
        let small = rsa_key_of_size(1024, 1);
        let bad = rsa(&small.n, &small.e);
        assert_lint("e_smime_rsa_modulus_too_small", &bad, &good(), &[]);
        assert_eq!(
            details(&bad, "e_smime_rsa_modulus_too_small"),
            "RSA modulus has 1024 bits; at least 2048 are required"
        );
        let odd_size = rsa_key_of_size(2052, 1);
        let bad = rsa(&odd_size.n, &odd_size.e);
        assert_lint("e_smime_rsa_modulus_not_multiple_of_8", &bad, &good(), &[]);
        for alg in [KeyAlg::Rsa3072, KeyAlg::Rsa4096] {
            let der = with_key(alg).build();
            assert_eq!(
                status_of(&der, "e_smime_rsa_modulus_too_small"),
                Status::Pass
            );
            assert_eq!(
                status_of(&der, "w_smime_rsa_modulus_prime_power"),
                Status::Pass
            );
            assert_eq!(
                status_of(&der, "w_smime_rsa_modulus_small_factor"),
                Status::Pass
            );
        }
    }

    #[test]
    fn rsa_exponent() {
        let (n, _, _) = real_rsa();
        let even = rsa(&n, &[0x01, 0x00, 0x02]);
        assert_lint("e_smime_rsa_public_exponent_invalid", &even, &good(), &[]);
        assert_eq!(
            details(&even, "e_smime_rsa_public_exponent_invalid"),
            "RSA public exponent 65538 is even"
        );
        let one = rsa(&n, &[1]);
        assert_lint(
            "e_smime_rsa_public_exponent_invalid",
            &one,
            &good(),
            &["w_smime_rsa_public_exponent_out_of_range"],
        );
        let three = rsa(&n, &[3]);
        assert_lint(
            "w_smime_rsa_public_exponent_out_of_range",
            &three,
            &good(),
            &[],
        );
        // 2^256 + 1 is odd but too large.
        let mut huge = vec![0u8; 33];
        huge[0] = 1;
        huge[32] = 1;
        let huge = rsa(&n, &huge);
        assert_lint(
            "w_smime_rsa_public_exponent_out_of_range",
            &huge,
            &good(),
            &[],
        );
        assert!(details(&huge, "w_smime_rsa_public_exponent_out_of_range").contains("257 bits"));
    }

    #[test]
    fn rsa_modulus_quality() {
        let (n, e, primes) = real_rsa();
        let big_n = Big::from_be(&n);
        // n × 256: 2056 bits, even (the factor 2 is the even lint's finding only).
        let even = rsa(&big_n.mul(&Big::from_u64(256)).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_even", &even, &good(), &[]);
        // n × 251: 2056 bits, divisible by 251.
        let times_251 = rsa(&big_n.mul(&Big::from_u64(251)).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_small_factor", &times_251, &good(), &[]);
        assert_eq!(
            details(&times_251, "w_smime_rsa_modulus_small_factor"),
            "RSA modulus is divisible by 251"
        );
        // The square of one of the key's 1024-bit primes: a 2048-bit prime power.
        let p = Big::from_be(&primes[0]);
        let square = p.mul(&p);
        assert_eq!(square.bits(), 2048);
        let square = rsa(&square.to_be(), &e);
        assert_lint("w_smime_rsa_modulus_prime_power", &square, &good(), &[]);
        // Beyond 8192 bits the check does not run.
        let huge: Vec<u8> = n.iter().cycle().take(2100).copied().collect();
        assert_eq!(
            status_of(&rsa(&huge, &e), "w_smime_rsa_modulus_prime_power"),
            Status::NotApplicable
        );
        assert_eq!(
            details(&square, "w_smime_rsa_modulus_prime_power"),
            "RSA modulus (2048 bits) is a perfect power: m^2 with m of 1024 bits"
        );
    }

    #[test]
    fn rsa_modulus_too_large() {
        let (_, e, _) = real_rsa();
        // Residue 1 modulo every prime below 3000: no filter rules it out as a perfect power.
        let crafted = crafted_rsa_modulus(16_384, 3000);
        assert_eq!(Big::from_be(&crafted).bits(), 16_384);
        assert_eq!(Big::from_be(&crafted).rem_u64(2999), 1);
        let bad = rsa(&crafted, &e);
        assert_lint(
            "n_smime_rsa_modulus_too_large_to_examine",
            &bad,
            &good(),
            &[],
        );
        assert_eq!(
            details(&bad, "n_smime_rsa_modulus_too_large_to_examine"),
            "RSA modulus has 16384 bits; moduli over 8192 bits are not examined"
        );
        assert_eq!(
            status_of(&bad, "w_smime_rsa_modulus_prime_power"),
            Status::NotApplicable
        );
        // 8192 bits is the largest examined size, and 8200 the next multiple of 8.
        let at_bound = rsa(&crafted_rsa_modulus(8192, 3000), &e);
        assert_eq!(
            status_of(&at_bound, "n_smime_rsa_modulus_too_large_to_examine"),
            Status::Pass
        );
        assert_eq!(
            status_of(&at_bound, "w_smime_rsa_modulus_prime_power"),
            Status::Pass
        );
        let over = rsa(&crafted_rsa_modulus(8200, 3000), &e);
        assert!(status_of(&over, "n_smime_rsa_modulus_too_large_to_examine").is_finding());
    }

    #[test]
    fn filter_passing_moduli_are_settled_exactly() {
        let (_, e, _) = real_rsa();
        // m ≡ 1 modulo every prime below 2000, so m^k passes every residue filter for every
        // k, as does the non-power at_bound of rsa_modulus_too_large; only the root decides.
        let m = Big::from_be(&crafted_rsa_modulus(4096, 2000));
        let square = rsa(&m.mul(&m).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_prime_power", &square, &good(), &[]);
        assert_eq!(
            details(&square, "w_smime_rsa_modulus_prime_power"),
            "RSA modulus (8192 bits) is a perfect power: m^2 with m of 4096 bits"
        );
        let m = Big::from_be(&crafted_rsa_modulus(1024, 500));
        let seventh = (0..7).fold(Big::from_u64(1), |acc, _| acc.mul(&m));
        let seventh = rsa(&seventh.to_be(), &e);
        assert!(details(&seventh, "w_smime_rsa_modulus_prime_power")
            .ends_with("is a perfect power: m^7 with m of 1024 bits"));
        // One more than the square of an m ≡ 1 modulo every prime below 500: not a power
        // (no two positive squares are consecutive), yet ≡ 2 modulo each of those primes.
        let near = rsa(&m.mul(&m).add(&Big::from_u64(1)).to_be(), &e);
        assert_eq!(
            status_of(&near, "w_smime_rsa_modulus_prime_power"),
            Status::Pass
        );
    }

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

    #[test]
    fn pqc_key_lengths() {
        let cases = [
            ("e_smime_mldsa_public_key_invalid_length", KeyAlg::MlDsa44, KeyAlg::MlDsa65, "ML-DSA-44 public key has 1952 octets (ML-DSA-65's length); ML-DSA-44 keys have 1312"),
            ("e_smime_mldsa_public_key_invalid_length", KeyAlg::MlDsa87, KeyAlg::MlDsa44, "ML-DSA-87 public key has 1312 octets (ML-DSA-44's length); ML-DSA-87 keys have 2592"),
            ("e_smime_mlkem_public_key_invalid_length", KeyAlg::MlKem768, KeyAlg::MlKem512, "ML-KEM-768 public key has 800 octets (ML-KEM-512's length); ML-KEM-768 keys have 1184"),
            ("e_smime_mlkem_public_key_invalid_length", KeyAlg::MlKem1024, KeyAlg::MlKem768, "ML-KEM-1024 public key has 1184 octets (ML-KEM-768's length); ML-KEM-1024 keys have 1568"),
        ];
        for (lint, alg, other, expected) in cases {
            let key = KeyPair::get(other, SUBJECT_SEED).public_key_bytes();
            let bad = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &key)
                .build();
            assert_lint(lint, &bad, &with_key(alg).build(), &[]);
            assert_eq!(details(&bad, lint), expected);
        }
        // Unused bits in the BIT STRING are reported too.
        let key = KeyPair::get(KeyAlg::MlDsa65, SUBJECT_SEED).public_key_bytes();
        let unused = with_key(KeyAlg::MlDsa65)
            .subject_key_raw(spki_algorithm(KeyAlg::MlDsa65), 4, &key)
            .build();
        assert!(
            details(&unused, "e_smime_mldsa_public_key_invalid_length").contains("4 unused bits")
        );
    }
}
