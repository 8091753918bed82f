use super::*;
use smimelint_cert::EncodedDefault;
use smimelint_revocation::ocsp::OcspDefault;

fn check_der_default_value_encoded(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    let label = |i: usize| oid::describe_extension(cert.extensions[i].oid);
    let found: Vec<String> = cert
        .encoded_defaults()
        .into_iter()
        .map(|d| match d {
            EncodedDefault::VersionV1 => {
                "version v1 is encoded although it is the DEFAULT".to_string()
            }
            EncodedDefault::CriticalFalse(i) => format!("{}: critical FALSE is encoded", label(i)),
            EncodedDefault::CaFalse(i) => format!("{}: cA FALSE is encoded", label(i)),
            EncodedDefault::SubtreeMinimumZero(i) => {
                format!("{}: GeneralSubtree minimum 0 is encoded", label(i))
            }
        })
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

fn crl_der_default_value_encoded(ctx: &CrlContext<'_>) -> Outcome {
    let crl = ctx.crl;
    let mut found: Vec<String> = crl
        .extensions
        .iter()
        .filter(|e| smimelint_revocation::critical_false(e))
        .map(|e| {
            format!(
                "tbsCertList.crlExtensions: {}: critical FALSE is encoded",
                oid::describe_extension(e.oid)
            )
        })
        .collect();
    if let Some(Ok(idp)) = crl.issuing_distribution_point() {
        found.extend(
            idp.false_encoded
                .iter()
                .map(|f| format!("issuingDistributionPoint: {f} FALSE is encoded")),
        );
    }
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

fn ocsp_der_default_value_encoded(ctx: &OcspContext<'_>) -> Outcome {
    let found: Vec<String> = ctx
        .ocsp
        .encoded_defaults()
        .into_iter()
        .map(|d| match d {
            OcspDefault::VersionV1 => {
                "tbsResponseData.version v1 is encoded although it is the DEFAULT".to_string()
            }
            OcspDefault::CriticalFalse { single, extension } => {
                let place = match single {
                    Some(i) => format!("tbsResponseData.responses[{i}].singleExtensions"),
                    None => "tbsResponseData.responseExtensions".to_string(),
                };
                format!(
                    "{place}: {}: critical FALSE is encoded",
                    oid::describe_extension(extension.oid)
                )
            }
        })
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// No field whose value equals its DEFAULT is encoded: the version v1, an extension's
    /// `critical` FALSE, basicConstraints `cA` FALSE, a GeneralSubtree's `minimum` 0.
    ///
    /// ## Why
    /// X.690 11.5: "The encoding of a set value or sequence value shall not include an
    /// encoding for any component value which is equal to its default value." RFC 5280 4.1
    /// and 4.2 define these DEFAULTs; strict decoders reject their explicit encoding. In OCSP
    /// responses: the ResponseData version v1 and the `critical` FALSE of response and single
    /// extensions (RFC 6960 4.2.1). In CRLs: the `critical` FALSE of CRL extensions and the
    /// FALSE booleans of issuingDistributionPoint (RFC 5280 5.2.5); the entries' extensions are
    /// not checked here, as entries are read one at a time.
    ///
    /// ## Example
    /// An extension encoded `30 0c 06 03 55 1d 0f 01 01 00 04 …` (critical FALSE spelled out).
    E_DER_DEFAULT_VALUE_ENCODED {
        name: "e_der_default_value_encoded",
        description: "A field equal to its DEFAULT value is encoded",
        citation: "X.690 11.5; RFC 5280 4.1, 4.2, 5.2.5; RFC 6960 4.2.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_default_value_encoded,
        crl_check: crl_der_default_value_encoded,
        ocsp_check: ocsp_der_default_value_encoded,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::der::base;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, CertBuilder};

    #[test]
    fn default_values_are_not_encoded() {
        const L: &str = "e_der_default_value_encoded";
        let good = base().build();
        // Extension critical FALSE written out (X.690 11.5, RFC 5280 4.1 `critical BOOLEAN DEFAULT FALSE`).
        let mut b = base();
        let mut spelled_once = false;
        let items: Vec<Vec<u8>> = b
            .extensions
            .iter()
            .map(|e| {
                let mut parts = vec![der::tlv(0x06, &e.oid)];
                if e.critical {
                    parts.push(der::boolean(true));
                } else if !spelled_once {
                    spelled_once = true;
                    parts.push(der::boolean(false));
                }
                parts.push(der::octets(&e.value));
                der::seq(&parts)
            })
            .collect();
        assert!(spelled_once, "the baseline has a non-critical extension");
        b.extensions_raw = Some(der::explicit(3, &der::seq(&items)));
        assert_lint(L, &b.build(), &good, &[]);
        // Version v1 written out: [0] INTEGER 0 (no extensions, else the version lints fire too).
        let bad = base()
            .version_raw(Some(der::explicit(0, &der::int(0))))
            .build();
        assert_eq!(status_of(&bad, L), Status::Error);
        // basicConstraints cA FALSE written out.
        let bc = |content: Vec<Vec<u8>>| {
            base()
                .ext(&oid::BASIC_CONSTRAINTS, true, der::seq(&content))
                .build()
        };
        assert_eq!(status_of(&bc(vec![der::boolean(false)]), L), Status::Error);
        assert_eq!(status_of(&bc(vec![]), L), Status::Pass);
        // GeneralSubtree minimum 0 written out (RFC 5280 4.2.1.10 `minimum [0] BaseDistance DEFAULT 0`).
        let nc = |extra: Vec<u8>| {
            let subtree = [smimelint_factory::gn::dns("example.com"), extra].concat();
            let v = der::seq(&[der::explicit(0, &der::seq(&[subtree]))]);
            CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256)
                .ext(&oid::NAME_CONSTRAINTS, true, v)
                .build()
        };
        assert_eq!(status_of(&nc(der::implicit(0, &[0x00])), L), Status::Error);
        assert_eq!(status_of(&nc(vec![]), L), Status::Pass);
    }

    #[test]
    fn ocsp_default_values_are_not_encoded() {
        use smimelint_factory::ocsp::{OcspBuilder, NONCE};
        use smimelint_factory::KeyAlg;
        const L: &str = "e_der_default_value_encoded";
        let ca = CertBuilder::sub_ca(KeyAlg::P256);
        let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
        let good = OcspBuilder::new(&ca, &leaf).nonce(&[7; 16]);
        assert_eq!(status_of(&good.build(), L), Status::Pass);
        // RFC 6960 4.2.1 `version [0] EXPLICIT Version DEFAULT v1`.
        let v1 = good
            .clone()
            .version_raw(Some(der::explicit(0, &der::int(0))))
            .build();
        assert_eq!(status_of(&v1, L), Status::Error);
        // A ResponseData whose nonce extension spells out critical FALSE.
        let nonce = der::seq(&[
            der::oid_of(&NONCE),
            der::boolean(false),
            der::octets(&der::octets(&[7; 16])),
        ]);
        let singles: Vec<Vec<u8>> = good.responses.iter().map(|s| s.der()).collect();
        let tbs = der::seq(&[
            good.responder_id.clone(),
            good.produced_at.clone(),
            der::seq(&singles),
            der::explicit(1, &der::seq(&[nonce])),
        ]);
        assert_eq!(status_of(&tbs, L), Status::Error);
        let details = smimelint_engine::testing::details_of(&tbs, L);
        assert!(details.contains("responseExtensions"), "{details}");
        assert_eq!(status_of(&good.build_tbs(), L), Status::Pass);
    }

    #[test]
    fn crl_idp_and_extension_defaults() {
        use smimelint_factory::crl::{CrlBuilder, Idp};
        use smimelint_factory::{CertBuilder, KeyAlg};
        const L: &str = "e_der_default_value_encoded";
        let ca = CertBuilder::sub_ca(KeyAlg::P256);
        let idp = Idp::uris(&["http://crl.example.com/a.crl"]);
        let good = CrlBuilder::new(&ca).idp(&idp, true).build();
        assert_eq!(status_of(&good, L), Status::Pass);
        // RFC 5280 5.2.5 `indirectCRL [4] BOOLEAN DEFAULT FALSE` written out.
        let mut value = idp.der();
        let total = value.len();
        value.extend_from_slice(&[0x84, 0x01, 0x00]);
        value[1] = u8::try_from(total - 2 + 3).unwrap();
        let bad = CrlBuilder::new(&ca)
            .ext(
                &smimelint_cert::oid::ISSUING_DISTRIBUTION_POINT,
                true,
                value,
            )
            .build();
        assert_eq!(status_of(&bad, L), Status::Error);
        assert!(smimelint_engine::testing::details_of(&bad, L).contains("indirectCRL"));
    }
}
