//! keyUsage in subscriber certificates (SBR 7.1.2.3(e), SMC013 PQC rows, RFC 5280 §4.2.1.3).
//!
//! The per-algorithm, per-generation tables of SBR 7.1.2.3(e) are data: `KU_TABLE` holds one
//! `KuProfile` per (key family, generations) row, and one evaluator applies any row.
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;
use smimelint_cert::ext::KeyUsage;
use smimelint_cert::spki::KeyFamily;

const DS: u32 = 1 << 0;
const NR: u32 = 1 << 1;
const KE: u32 = 1 << 2;
const DE: u32 = 1 << 3;
const KA: u32 = 1 << 4;

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

const DIGITAL_SIGNATURE: u32 = 1;

mod e_der_named_bit_list_trailing_zeros;
mod e_smime_ca_key_usage_invalid;
mod e_smime_key_usage_ca_bits;
mod e_smime_key_usage_ec;
mod e_smime_key_usage_ec_encipher_and_decipher_only;
mod e_smime_key_usage_eddsa;
mod e_smime_key_usage_missing;
mod e_smime_key_usage_ml_dsa;
mod e_smime_key_usage_ml_kem;
mod e_smime_key_usage_rsa_multipurpose_legacy;
mod e_smime_key_usage_rsa_strict;
mod e_smime_rfc5280_key_usage_no_bits;
mod n_smime_ca_key_usage_no_digital_signature;
mod w_smime_key_usage_not_critical;

#[cfg(test)]
mod tests {
    use super::*;

    use smimelint_cert::spki::KeyFamily;
    use smimelint_engine::detect::Generation;

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
}
