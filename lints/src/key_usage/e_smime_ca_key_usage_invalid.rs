use super::*;
use smimelint_cert::ext::KeyUsage;

/// keyCertSign and cRLSign.
const CA_KEY_USAGE: u32 = (1 << 5) | (1 << 6);

fn check_key_usage_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::KEY_USAGE) else {
        return fail!("the certificate has no keyUsage extension");
    };
    if !e.critical {
        return fail!("keyUsage is not marked critical");
    }
    match ctx.cert.key_usage() {
        Ext::Present(_, ku) if ku.bits & CA_KEY_USAGE == CA_KEY_USAGE => Outcome::Pass,
        Ext::Present(_, ku) => fail!(
            "keyUsage lacks {}",
            KeyUsage::names(CA_KEY_USAGE & !ku.bits)
        ),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A CA certificate has keyUsage, marked critical, with keyCertSign and cRLSign set.
    ///
    /// ## Why
    /// SBR 7.1.2.1(b) and 7.1.2.2(e): the extension SHALL be present and critical, and the
    /// keyCertSign and cRLSign bits SHALL be set: a CA signs certificates and the CRLs that
    /// revoke them.
    ///
    /// ## Example
    /// A sub-CA with `keyUsage: keyCertSign` only (no cRLSign).
    E_SMIME_CA_KEY_USAGE_INVALID {
        name: "e_smime_ca_key_usage_invalid",
        description: "CA certificate keyUsage is absent, not critical, or lacks keyCertSign/cRLSign",
        citation: "SBR 7.1.2.1(b); 7.1.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.ca_certificate_no_ku_extension", "pkix.ca_certificate_keycertsign_keyusage_not_set"],
        zlint: [],
        catalog: ["e_smime_ca_key_usage_invalid"],
        applies: Applies::CA,
        check: check_key_usage_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext, ku};

    #[test]
    fn key_usage_invalid() {
        let ku = |bits: &[u32], critical: bool| {
            root()
                .ext(&oid::KEY_USAGE, critical, ext::key_usage(bits))
                .build()
        };
        let all = [ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN, ku::CRL_SIGN];
        assert_lint(
            "e_smime_ca_key_usage_invalid",
            &ku(&[ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN], true),
            &ku(&all, true),
            &[],
        );
        assert_lint(
            "e_smime_ca_key_usage_invalid",
            &ku(&all, false),
            &ku(&all, true),
            &[],
        );
        assert_lint(
            "e_smime_ca_key_usage_invalid",
            &root().without_ext(&oid::KEY_USAGE).build(),
            &ku(&all, true),
            &[],
        );
    }
}
