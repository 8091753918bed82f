use super::*;
use crate::support::rfc5280::hex_full;
use smimelint_cert::Form;

/// The algorithm OID of an AlgorithmIdentifier, in dotted form.
fn algorithm_oid(der: &[u8]) -> Option<String> {
    smimelint_cert::alg::leading_oid(der).map(oid::dotted)
}

fn check_signature_algorithm_fields_mismatch(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    if cert.form == Form::Tbs {
        return Outcome::NotApplicable;
    }
    let (Some(outer), Some(inner)) = (cert.signature_algorithm, cert.tbs_signature) else {
        return Outcome::NotApplicable;
    };
    if outer.raw == inner.raw {
        return Outcome::Pass;
    }
    let (a, b) = (algorithm_oid(outer.raw), algorithm_oid(inner.raw));
    match (a, b) {
        (Some(a), Some(b)) if a != b => fail!(
            "signatureAlgorithm is {a} but tbsCertificate.signature is {b} ({} vs {})",
            hex_full(outer.raw),
            hex_full(inner.raw)
        ),
        _ => fail!(
            "signatureAlgorithm and tbsCertificate.signature are encoded differently: {} vs {}",
            hex_full(outer.raw),
            hex_full(inner.raw)
        ),
    }
}

lint! {
    /// ## What it checks
    /// The `signatureAlgorithm` AlgorithmIdentifier of the Certificate is byte-for-byte the
    /// same as `tbsCertificate.signature`, parameters included. Not applicable to an unsigned
    /// TBSCertificate, which has no outer field.
    ///
    /// ## Why
    /// RFC 5280 §4.1.1.2: signatureAlgorithm "MUST contain the same algorithm identifier as the
    /// signature field in the sequence tbsCertificate". Only the inner copy is signed; a
    /// mismatch lets the unsigned outer field claim another algorithm, and verifiers disagree
    /// about which one to use.
    ///
    /// ## Example
    /// tbsCertificate.signature sha256WithRSAEncryption, signatureAlgorithm
    /// sha384WithRSAEncryption; or the same OID once with and once without the NULL parameters.
    E_SMIME_SIGNATURE_ALGORITHM_FIELDS_MISMATCH {
        name: "e_smime_signature_algorithm_fields_mismatch",
        description: "signatureAlgorithm differs from tbsCertificate.signature",
        citation: "RFC 5280 4.1.1.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.certificate_signature_algorithm_mismatch"],
        zlint: ["e_cert_sig_alg_not_match_tbs_sig_alg"],
        catalog: ["e_smime_signature_algorithm_fields_mismatch"],
        applies: Applies::ALL,
        check: check_signature_algorithm_fields_mismatch,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn signature_algorithms_must_match() {
        let lint = "e_smime_signature_algorithm_fields_mismatch";
        let sha384 = der::seq(&[der::oid("1.2.840.113549.1.1.12"), der::null()]);
        let bad = base().signature_algorithm_raw(sha384).build();
        assert_lint(lint, &bad, &good(), &[]);
        assert!(details(&bad, lint)
            .contains("signatureAlgorithm is 1.2.840.113549.1.1.12 but tbsCertificate.signature is 1.2.840.113549.1.1.11"));

        // Same OID, parameters dropped on the outside only.
        let no_null = der::seq(&[der::oid("1.2.840.113549.1.1.11")]);
        let bad = base().signature_algorithm_raw(no_null).build();
        assert!(details(&bad, lint).contains("encoded differently"));

        // An unsigned TBSCertificate has no outer field to compare.
        assert_eq!(status_of(&base().build_tbs(), lint), Status::NotApplicable);
    }
}
