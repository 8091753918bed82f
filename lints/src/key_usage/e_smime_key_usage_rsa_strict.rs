use super::*;
use smimelint_cert::spki::KeyFamily;

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

#[cfg(test)]
mod tests {

    use crate::test_support::key_usage::ku;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ku::{DIGITAL_SIGNATURE, *};
    use smimelint_factory::CertBuilder;

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
}
