use super::*;
use smimelint_cert::ext::KeyUsage;

const KCS: u32 = 1 << 5;
const CRL: u32 = 1 << 6;

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
