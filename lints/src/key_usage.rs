//! keyUsage in subscriber certificates (SBR 7.1.2.3(e), SMC013 PQC rows, RFC 5280 §4.2.1.3).
//!
//! The per-algorithm, per-generation tables of SBR 7.1.2.3(e) are data: `KU_TABLE` holds one
//! `KuProfile` per (key family, generations) row, and one evaluator applies any row.

use super::prelude::*;
use smimelint_cert::ext::KeyUsage;
use smimelint_cert::spki::KeyFamily;

const DS: u32 = 1 << 0;
const NR: u32 = 1 << 1;
const KE: u32 = 1 << 2;
const DE: u32 = 1 << 3;
const KA: u32 = 1 << 4;
const KCS: u32 = 1 << 5;
const CRL: u32 = 1 << 6;
const EO: u32 = 1 << 7;
const DO: u32 = 1 << 8;

/// One row of the SBR keyUsage table.
struct KuProfile {
    /// At least one of these bits must be set: the signing bit and/or the key-management bit
    /// that makes the certificate a signing, key-management or dual-use certificate.
    one_of: u32,
    /// Bits that may be set. Every other bit position SHALL NOT be set.
    allowed: u32,
    /// `(bit, needs)`: `bit` may be set only together with one of the bits in `needs`.
    needs: &'static [(u32, u32)],
    /// At most one of these bits may be set.
    at_most_one: u32,
}

/// Signing only: digitalSignature, optionally nonRepudiation (EdDSA, ML-DSA).
const SIGNING_ONLY: KuProfile = KuProfile {
    one_of: DS,
    allowed: DS | NR,
    needs: &[(NR, DS)],
    at_most_one: 0,
};

/// (family, generations the row covers, profile).
const KU_TABLE: [(KeyFamily, &[Generation], KuProfile); 6] = [
    (
        KeyFamily::Rsa,
        &[Generation::Strict],
        KuProfile {
            one_of: DS | KE,
            allowed: DS | NR | KE,
            needs: &[(NR, DS)],
            at_most_one: 0,
        },
    ),
    (
        KeyFamily::Rsa,
        &[Generation::Multipurpose, Generation::Legacy],
        KuProfile {
            one_of: DS | KE,
            allowed: DS | NR | KE | DE,
            needs: &[(NR, DS), (DE, KE)],
            at_most_one: 0,
        },
    ),
    (
        KeyFamily::Ec,
        &Generation::ALL,
        KuProfile {
            one_of: DS | KA,
            allowed: DS | NR | KA | EO | DO,
            needs: &[(NR, DS), (EO, KA), (DO, KA)],
            at_most_one: EO | DO,
        },
    ),
    (KeyFamily::EdDsa, &Generation::ALL, SIGNING_ONLY),
    (KeyFamily::MlDsa, &Generation::ALL, SIGNING_ONLY),
    (
        KeyFamily::MlKem,
        &Generation::ALL,
        KuProfile {
            one_of: KE,
            allowed: KE,
            needs: &[],
            at_most_one: 0,
        },
    ),
];

fn profile_for(family: KeyFamily, generation: Generation) -> Option<&'static KuProfile> {
    KU_TABLE
        .iter()
        .find(|(f, gens, _)| *f == family && gens.contains(&generation))
        .map(|(_, _, p)| p)
}

/// Which part of a row a lint enforces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Required, allowed and dependent bits.
    Table,
    /// The at-most-one rule (encipherOnly / decipherOnly).
    Exclusive,
}

/// Evaluates the row for `family` on this certificate's keyUsage. NA when the key is of another
/// family, or keyUsage, the SPKI or the type is missing or unreadable.
fn check_family(ctx: &LintContext<'_>, family: KeyFamily, part: Part) -> Outcome {
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    if spki.family() != family {
        return Outcome::NotApplicable;
    }
    let Ext::Present(_, ku) = ctx.cert.key_usage() else {
        return Outcome::NotApplicable;
    };
    let Some(profile) = ctx.generation().and_then(|g| profile_for(family, g)) else {
        return Outcome::NotApplicable;
    };
    let problems = match part {
        Part::Table => table_problems(ku, profile),
        Part::Exclusive => exclusive_problem(ku, profile),
    };
    match problems {
        None => Outcome::Pass,
        Some(text) => fail!("{} key with keyUsage {{{}}}: {text}", family.as_str(), {
            let set = KeyUsage::names(ku.bits);
            if ku.high_bits {
                set + ", bits beyond 31"
            } else {
                set
            }
        }),
    }
}

/// The families [`KU_TABLE`] has rows for.
const FAMILIES: [KeyFamily; 5] = [
    KeyFamily::Rsa,
    KeyFamily::Ec,
    KeyFamily::EdDsa,
    KeyFamily::MlDsa,
    KeyFamily::MlKem,
];

/// The one check behind every per-algorithm keyUsage lint: the lint names its key family as a
/// const argument (an enum cannot be a const parameter, so its discriminant) and whether it
/// enforces the at-most-one rule instead of the bit table; the row itself comes from
/// [`KU_TABLE`] by family and generation.
fn check_row<const FAMILY: u8, const EXCLUSIVE: bool>(ctx: &LintContext<'_>) -> Outcome {
    let Some(family) = FAMILIES.into_iter().find(|f| *f as u8 == FAMILY) else {
        return Outcome::NotApplicable;
    };
    let part = if EXCLUSIVE {
        Part::Exclusive
    } else {
        Part::Table
    };
    check_family(ctx, family, part)
}

fn table_problems(ku: &KeyUsage, p: &KuProfile) -> Option<String> {
    let bits = ku.bits;
    let prohibited = bits & !p.allowed;
    let missing = bits & p.one_of == 0;
    let unmet = p
        .needs
        .iter()
        .filter(|(bit, needs)| bits & bit != 0 && bits & needs == 0)
        .fold(0, |acc, (bit, _)| acc | bit);
    if prohibited == 0 && !missing && unmet == 0 && !ku.high_bits {
        return None;
    }
    let mut parts = Vec::new();
    if missing {
        parts.push(format!(
            "none of {} is set, so it is neither a signing nor a key-management certificate",
            KeyUsage::names(p.one_of)
        ));
    }
    if prohibited != 0 {
        parts.push(format!("not allowed: {}", KeyUsage::names(prohibited)));
    }
    if ku.high_bits {
        parts.push("not allowed: bits beyond 31".into());
    }
    for (bit, needs) in p.needs {
        if unmet & bit != 0 {
            parts.push(format!(
                "{} only with {}",
                KeyUsage::names(*bit),
                KeyUsage::names(*needs)
            ));
        }
    }
    Some(parts.join("; "))
}

fn exclusive_problem(ku: &KeyUsage, p: &KuProfile) -> Option<String> {
    let both = ku.bits & p.at_most_one;
    (p.at_most_one != 0 && both.count_ones() > 1)
        .then(|| format!("at most one of {} may be set", KeyUsage::names(both)))
}

fn check_key_usage_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a keyUsage extension (2.5.29.15).
    ///
    /// ## Why
    /// SBR 7.1.2.3(e): keyUsage SHALL be present. Without it the key may be used for anything its
    /// algorithm allows, and the signing / key-management split of the SBR tables cannot hold.
    ///
    /// ## Example
    /// An RSA subscriber certificate with extKeyUsage emailProtection but no keyUsage.
    E_SMIME_KEY_USAGE_MISSING {
        name: "e_smime_key_usage_missing",
        description: "Subscriber certificate has no keyUsage extension",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.key_usage_extension_missing"],
        zlint: ["e_key_usage_presence"],
        catalog: ["e_smime_key_usage_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_key_usage_missing,
    }
}

fn check_key_usage_not_critical(ctx: &LintContext<'_>) -> Outcome {
    require_critical(ctx, &oid::KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// The keyUsage extension is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.3: conforming CAs SHOULD mark keyUsage critical, so that software that
    /// ignores it cannot use the key for other purposes; SBR 7.1.2.3(e) repeats the SHOULD. The
    /// rule is RFC 5280's, so it applies whatever the certificate's notBefore.
    ///
    /// ## Example
    /// keyUsage `digitalSignature, keyEncipherment` with critical FALSE.
    W_SMIME_KEY_USAGE_NOT_CRITICAL {
        name: "w_smime_key_usage_not_critical",
        description: "keyUsage is not marked critical",
        citation: "RFC 5280 4.2.1.3; SBR 7.1.2.3(e)",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["cabf.smime.ku_extension_not_critical", "pkix.key_usage_extension_not_critical"],
        zlint: ["w_key_usage_criticality"],
        catalog: ["w_smime_key_usage_not_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_key_usage_not_critical,
    }
}

lint! {
    /// ## What it checks
    /// For an rsaEncryption key in a Strict certificate, keyUsage is one of: signing only
    /// (digitalSignature, optionally nonRepudiation), key management only (keyEncipherment), or
    /// dual use (digitalSignature and keyEncipherment, optionally nonRepudiation). No other bit
    /// is set; in particular not dataEncipherment.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), Strict row of the rsaEncryption column; "Other bit positions SHALL NOT be
    /// set".
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment, dataEncipherment`; `nonRepudiation` alone.
    E_SMIME_KEY_USAGE_RSA_STRICT {
        name: "e_smime_key_usage_rsa_strict",
        description: "keyUsage bits of an RSA key do not match the Strict table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_rsa"
        ],
        zlint: ["e_rsa_key_usage_strict", "e_rsa_other_key_usages"],
        catalog: ["e_smime_key_usage_rsa_strict"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict]),
        check: check_row::<{ KeyFamily::Rsa as u8 }, false>,
    }
}

lint! {
    /// ## What it checks
    /// For an rsaEncryption key in a Multipurpose or Legacy certificate, keyUsage is one of:
    /// signing only (digitalSignature, optionally nonRepudiation), key management only
    /// (keyEncipherment, optionally dataEncipherment), or dual use (both, optionally
    /// nonRepudiation and dataEncipherment). nonRepudiation needs digitalSignature,
    /// dataEncipherment needs keyEncipherment, and no other bit is set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), Multipurpose and Legacy row of the rsaEncryption column; "Other bit
    /// positions SHALL NOT be set".
    ///
    /// ## Example
    /// `digitalSignature, dataEncipherment` (dataEncipherment without keyEncipherment);
    /// `keyAgreement`.
    E_SMIME_KEY_USAGE_RSA_MULTIPURPOSE_LEGACY {
        name: "e_smime_key_usage_rsa_multipurpose_legacy",
        description: "keyUsage bits of an RSA key do not match the Multipurpose/Legacy table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_rsa"
        ],
        zlint: ["e_rsa_key_usage_legacy_multipurpose", "e_rsa_other_key_usages"],
        catalog: ["e_smime_key_usage_rsa_multipurpose_legacy"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_row::<{ KeyFamily::Rsa as u8 }, false>,
    }
}

lint! {
    /// ## What it checks
    /// For an id-ecPublicKey key, keyUsage is one of: signing only (digitalSignature, optionally
    /// nonRepudiation), key management only (keyAgreement, optionally encipherOnly or
    /// decipherOnly), or dual use (digitalSignature and keyAgreement with the same options).
    /// nonRepudiation needs digitalSignature; encipherOnly and decipherOnly need keyAgreement;
    /// keyEncipherment, dataEncipherment and every other bit are not set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-ecPublicKey column (the same in every generation); "Other bit positions
    /// SHALL NOT be set". RFC 8813 likewise forbids keyEncipherment and dataEncipherment for EC
    /// keys.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on a P-256 key; `decipherOnly` without keyAgreement.
    E_SMIME_KEY_USAGE_EC {
        name: "e_smime_key_usage_ec",
        description: "keyUsage bits of an EC key do not match the SBR table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_ec"
        ],
        zlint: ["e_ecpublickey_key_usages", "e_ec_other_key_usages"],
        catalog: ["e_smime_key_usage_ec"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::Ec as u8 }, false>,
    }
}

lint! {
    /// ## What it checks
    /// An id-ecPublicKey certificate does not set both encipherOnly and decipherOnly.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e) allows "encipherOnly **or** decipherOnly". Under RFC 5280 §4.2.1.3 each bit
    /// restricts key agreement to one direction, so both together leave nothing usable.
    ///
    /// ## Example
    /// `keyAgreement, encipherOnly, decipherOnly`.
    E_SMIME_KEY_USAGE_EC_ENCIPHER_AND_DECIPHER_ONLY {
        name: "e_smime_key_usage_ec_encipher_and_decipher_only",
        description: "keyUsage of an EC key sets both encipherOnly and decipherOnly",
        citation: "SBR 7.1.2.3(e); RFC 5280 4.2.1.3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.both_encipheronly_and_decipheronly_ku_set"],
        zlint: [],
        catalog: ["e_smime_key_usage_ec_encipher_and_decipher_only"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::Ec as u8 }, true>,
    }
}

lint! {
    /// ## What it checks
    /// For an id-Ed25519 or id-Ed448 key, digitalSignature is set, nonRepudiation may be set, and
    /// no other bit is set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-Ed25519 and id-Ed448 column (added in v1.0.1, SMC03); "Other bit
    /// positions SHALL NOT be set". EdDSA keys can only sign.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on an Ed25519 key.
    E_SMIME_KEY_USAGE_EDDSA {
        name: "e_smime_key_usage_eddsa",
        description: "keyUsage bits of an EdDSA key do not match the SBR table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC03",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_edwards_curve",
            "pkix.key_usage_value_required_but_missing_for_edwards_curve",
        ],
        zlint: ["e_edwardspublickey_key_usages"],
        catalog: ["e_smime_key_usage_eddsa"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::EdDsa as u8 }, false>,
    }
}

lint! {
    /// ## What it checks
    /// For an id-ml-dsa-44/65/87 key, digitalSignature is set, nonRepudiation may be set, and no
    /// other bit is set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-ml-dsa column added by ballot SMC013 (v1.0.11, in every generation):
    /// "Bit positions SHALL be set for digitalSignature and MAY be set for nonRepudiation. Other
    /// bit positions SHALL NOT be set." ML-DSA is a signature scheme only.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on an ML-DSA-44 key.
    E_SMIME_KEY_USAGE_ML_DSA {
        name: "e_smime_key_usage_ml_dsa",
        description: "keyUsage bits of an ML-DSA key do not match the SBR table",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_mldsa"
        ],
        zlint: [],
        catalog: ["e_smime_key_usage_ml_dsa"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::MlDsa as u8 }, false>,
    }
}

lint! {
    /// ## What it checks
    /// For an id-alg-ml-kem-512/768/1024 key, keyEncipherment is the only bit set.
    ///
    /// ## Why
    /// SBR 7.1.2.3(e), id-ml-kem column added by ballot SMC013 (v1.0.11, in every generation):
    /// "keyEncipherment SHALL be the only key usage set". ML-KEM is a key encapsulation
    /// mechanism; it cannot sign.
    ///
    /// ## Example
    /// `digitalSignature, keyEncipherment` on an ML-KEM-768 key.
    E_SMIME_KEY_USAGE_ML_KEM {
        name: "e_smime_key_usage_ml_kem",
        description: "keyUsage of an ML-KEM key is not keyEncipherment alone",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [
            "cabf.smime.prohibited_ku_present",
            "cabf.smime.unknown_certificate_key_usage_type",
            "pkix.key_usage_value_prohibited_for_mlkem"
        ],
        zlint: [],
        catalog: ["e_smime_key_usage_ml_kem"],
        applies: Applies::SUBSCRIBER,
        check: check_row::<{ KeyFamily::MlKem as u8 }, false>,
    }
}

fn check_key_usage_ca_bits(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, ku) = ctx.cert.key_usage() else {
        return Outcome::NotApplicable;
    };
    match ku.bits & (KCS | CRL) {
        0 => Outcome::Pass,
        set => fail!("subscriber keyUsage sets {}", KeyUsage::names(set)),
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate's keyUsage sets neither keyCertSign nor cRLSign, whatever its key
    /// algorithm.
    ///
    /// ## Why
    /// No column of the SBR 7.1.2.3(e) table allows them and "Other bit positions SHALL NOT be
    /// set"; RFC 5280 §4.2.1.9 also forbids keyCertSign without cA. This check does not depend on
    /// recognising the key algorithm.
    ///
    /// ## Example
    /// `digitalSignature, keyCertSign` in an end-entity certificate.
    E_SMIME_KEY_USAGE_CA_BITS {
        name: "e_smime_key_usage_ca_bits",
        description: "Subscriber keyUsage sets keyCertSign or cRLSign",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.ee_certificate_keycertsign_keyusage_set", "cabf.smime.prohibited_ku_present"],
        zlint: [
            "e_rsa_key_usage_strict",
            "e_rsa_key_usage_legacy_multipurpose",
            "e_rsa_other_key_usages",
            "e_ecpublickey_key_usages",
            "e_ec_other_key_usages",
            "e_edwardspublickey_key_usages",
        ],
        catalog: ["e_smime_key_usage_ca_bits"],
        applies: Applies::SUBSCRIBER,
        check: check_key_usage_ca_bits,
    }
}

fn check_key_usage_no_bits(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, ku) = ctx.cert.key_usage() else {
        return Outcome::NotApplicable;
    };
    if ku.bits == 0 && !ku.high_bits {
        fail!("keyUsage has no bit set")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A keyUsage extension has at least one bit set.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.3: "When the keyUsage extension appears in a certificate, at least one of
    /// the bits MUST be set to 1." SBR 7.1.2.4 makes RFC 5280 binding.
    ///
    /// ## Example
    /// keyUsage `03 01 00` (an empty BIT STRING).
    E_SMIME_RFC5280_KEY_USAGE_NO_BITS {
        name: "e_smime_rfc5280_key_usage_no_bits",
        description: "keyUsage has no bit set",
        citation: "RFC 5280 4.2.1.3; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.no_ku_bits_set"],
        zlint: [],
        catalog: ["e_smime_rfc5280_key_usage_no_bits"],
        applies: Applies::ALL,
        check: check_key_usage_no_bits,
    }
}

fn check_named_bit_list_trailing_zeros(ctx: &LintContext<'_>) -> Outcome {
    let ku = match ctx.cert.key_usage() {
        Ext::Present(_, ku) => ku.trailing_zeros,
        _ => false,
    };
    let reasons = match ctx.cert.crl_distribution_points() {
        Ext::Present(_, points) => points
            .iter()
            .filter_map(|p| p.reasons)
            .any(|r| !smimelint_cert::ext::named_bits_minimal(r.content)),
        _ => false,
    };
    match (ku, reasons) {
        (false, false) => Outcome::Pass,
        (true, false) => fail!("keyUsage keeps trailing zero bits"),
        (false, true) => fail!("cRLDistributionPoints reasons keeps trailing zero bits"),
        (true, true) => {
            fail!("keyUsage and cRLDistributionPoints reasons keep trailing zero bits")
        }
    }
}

lint! {
    /// ## What it checks
    /// Named bit lists (keyUsage, the reasons of a CRL distribution point) are encoded with their
    /// trailing zero bits removed: the last bit of the BIT STRING is 1, or the BIT STRING is
    /// empty.
    ///
    /// ## Why
    /// X.690 11.2.2: in DER, a named bit list has all trailing 0 bits removed before encoding.
    /// `03 02 05 a0` and `03 03 07 a0 00` carry the same keyUsage, but only the first is DER,
    /// so the second changes the certificate's bytes without changing its meaning.
    ///
    /// ## Example
    /// keyUsage digitalSignature encoded `03 02 00 80` (seven trailing zero bits kept) instead
    /// of `03 02 07 80`.
    E_DER_NAMED_BIT_LIST_TRAILING_ZEROS {
        name: "e_der_named_bit_list_trailing_zeros",
        description: "A named bit list (keyUsage, reasons) keeps trailing zero bits",
        citation: "X.690 11.2.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_named_bit_list_trailing_zeros,
    }
}

#[cfg(test)]
mod tests {
    use super::{profile_for, FAMILIES, KU_TABLE};
    use smimelint_cert::oid;
    use smimelint_cert::spki::KeyFamily;
    use smimelint_engine::detect::{CertType, Generation};
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::*;
    use smimelint_factory::{der, ext, CertBuilder, KeyAlg};

    fn with_key(t: &str, alg: KeyAlg) -> CertBuilder {
        let t: CertType = t.parse().expect("type");
        CertBuilder::subscriber_with_key(t, alg)
    }
    fn ku(b: CertBuilder, bits: &[u32]) -> CertBuilder {
        b.ext(&oid::KEY_USAGE, true, ext::key_usage(bits))
    }

    #[test]
    fn table_covers_every_family_and_generation_once() {
        for family in FAMILIES {
            for g in Generation::ALL {
                let rows = KU_TABLE
                    .iter()
                    .filter(|(f, gens, _)| *f == family && gens.contains(&g))
                    .count();
                assert_eq!(rows, 1, "{family:?} {g:?}");
            }
        }
        assert!(profile_for(KeyFamily::Other, Generation::Strict).is_none());
    }

    #[test]
    fn key_usage_missing() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        assert_lint(
            "e_smime_key_usage_missing",
            &b().without_ext(&oid::KEY_USAGE).build(),
            &b().build(),
            &[],
        );
    }

    #[test]
    fn key_usage_not_critical() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        assert_lint(
            "w_smime_key_usage_not_critical",
            &b().critical(&oid::KEY_USAGE, false).build(),
            &b().build(),
            &[],
        );
    }

    #[test]
    fn rsa_strict() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        let name = "e_smime_key_usage_rsa_strict";
        assert_lint(
            name,
            &ku(
                b(),
                &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT, DATA_ENCIPHERMENT],
            )
            .build(),
            &ku(b(), &[DIGITAL_SIGNATURE, NON_REPUDIATION, KEY_ENCIPHERMENT]).build(),
            &[],
        );
        assert_lint(
            name,
            &ku(b(), &[NON_REPUDIATION, KEY_ENCIPHERMENT]).build(),
            &ku(b(), &[KEY_ENCIPHERMENT]).build(),
            &[],
        );
        assert_lint(
            name,
            &ku(b(), &[KEY_AGREEMENT]).build(),
            &ku(b(), &[DIGITAL_SIGNATURE]).build(),
            &[],
        );
    }

    #[test]
    fn rsa_multipurpose_legacy() {
        let name = "e_smime_key_usage_rsa_multipurpose_legacy";
        for t in ["mailbox-multipurpose", "organization-legacy"] {
            let b = || CertBuilder::subscriber(t);
            assert_lint(
                name,
                &ku(b(), &[DIGITAL_SIGNATURE, DATA_ENCIPHERMENT]).build(),
                &ku(
                    b(),
                    &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT, DATA_ENCIPHERMENT],
                )
                .build(),
                &[],
            );
            assert_lint(
                name,
                &ku(b(), &[KEY_ENCIPHERMENT, ENCIPHER_ONLY]).build(),
                &ku(b(), &[KEY_ENCIPHERMENT, DATA_ENCIPHERMENT]).build(),
                &[],
            );
        }
    }

    #[test]
    fn ec() {
        let b = || with_key("mailbox-strict", KeyAlg::P256);
        let name = "e_smime_key_usage_ec";
        assert_lint(
            name,
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_AGREEMENT]).build(),
            &[],
        );
        assert_lint(
            name,
            &ku(b(), &[DIGITAL_SIGNATURE, DECIPHER_ONLY]).build(),
            &ku(b(), &[KEY_AGREEMENT, DECIPHER_ONLY]).build(),
            &[],
        );
        assert_lint(
            name,
            &ku(b(), &[NON_REPUDIATION, KEY_AGREEMENT]).build(),
            &ku(
                b(),
                &[
                    DIGITAL_SIGNATURE,
                    NON_REPUDIATION,
                    KEY_AGREEMENT,
                    ENCIPHER_ONLY,
                ],
            )
            .build(),
            &[],
        );
    }

    #[test]
    fn ec_encipher_and_decipher_only() {
        let b = || with_key("mailbox-legacy", KeyAlg::P384);
        assert_lint(
            "e_smime_key_usage_ec_encipher_and_decipher_only",
            &ku(b(), &[KEY_AGREEMENT, ENCIPHER_ONLY, DECIPHER_ONLY]).build(),
            &ku(b(), &[KEY_AGREEMENT, ENCIPHER_ONLY]).build(),
            &[],
        );
    }

    #[test]
    fn eddsa() {
        for alg in [KeyAlg::Ed25519, KeyAlg::Ed448] {
            let b = || with_key("organization-strict", alg);
            assert_lint(
                "e_smime_key_usage_eddsa",
                &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
                &ku(b(), &[DIGITAL_SIGNATURE, NON_REPUDIATION]).build(),
                &[],
            );
        }
    }

    #[test]
    fn ml_dsa() {
        let b = || with_key("organization-strict", KeyAlg::MlDsa44);
        assert_lint(
            "e_smime_key_usage_ml_dsa",
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
            &ku(b(), &[DIGITAL_SIGNATURE, NON_REPUDIATION]).build(),
            &[],
        );
        assert_lint(
            "e_smime_key_usage_ml_dsa",
            &ku(b(), &[NON_REPUDIATION]).build(),
            &b().build(),
            &[],
        );
    }

    #[test]
    fn ml_kem() {
        let b = || with_key("sponsored-multipurpose", KeyAlg::MlKem768);
        assert_lint(
            "e_smime_key_usage_ml_kem",
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_ENCIPHERMENT]).build(),
            &b().build(),
            &[],
        );
        assert_lint(
            "e_smime_key_usage_ml_kem",
            &ku(b(), &[KEY_ENCIPHERMENT, DATA_ENCIPHERMENT]).build(),
            &b().build(),
            &[],
        );
    }

    #[test]
    fn ca_bits() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        assert_lint(
            "e_smime_key_usage_ca_bits",
            &ku(b(), &[DIGITAL_SIGNATURE, KEY_CERT_SIGN]).build(),
            &b().build(),
            &["e_smime_key_usage_rsa_strict"],
        );
    }

    #[test]
    fn no_bits() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        assert_lint(
            "e_smime_rfc5280_key_usage_no_bits",
            &ku(b(), &[]).build(),
            &b().build(),
            &["e_smime_key_usage_rsa_strict"],
        );
    }

    #[test]
    fn named_bit_list_trailing_zeros() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        // digitalSignature with the seven zero bits of its octet kept.
        let padded = der::tlv(0x03, &[0x00, 0x80]);
        assert_lint(
            "e_der_named_bit_list_trailing_zeros",
            &b().ext(&oid::KEY_USAGE, true, padded).build(),
            &ku(b(), &[DIGITAL_SIGNATURE]).build(),
            &[],
        );
        let two_octets = der::tlv(0x03, &[0x07, 0xa0, 0x00]);
        assert_lint(
            "e_der_named_bit_list_trailing_zeros",
            &b().ext(&oid::KEY_USAGE, true, two_octets).build(),
            &b().build(),
            &[],
        );
    }
}
