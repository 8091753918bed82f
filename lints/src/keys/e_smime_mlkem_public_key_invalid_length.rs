use super::*;
use smimelint_cert::spki::KeyFamily;

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
