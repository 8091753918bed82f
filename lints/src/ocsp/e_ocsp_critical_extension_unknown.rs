use super::*;
use const_oid::ObjectIdentifier;

/// Extensions RFC 6960 4.4 defines for responses and single responses.
const OCSP_EXTENSIONS: [&ObjectIdentifier; 5] = [
    &oid::OCSP_NONCE,
    &oid::OCSP_CRL_ID,
    &oid::OCSP_ARCHIVE_CUTOFF,
    &oid::OCSP_SERVICE_LOCATOR,
    &oid::OCSP_EXTENDED_REVOKE,
];

/// CRL entry extensions, which RFC 6960 4.4.5 also admits as singleExtensions.
const ENTRY_EXTENSIONS: [&ObjectIdentifier; 4] = [
    &oid::REASON_CODE,
    &oid::INVALIDITY_DATE,
    &oid::CERTIFICATE_ISSUER,
    &oid::HOLD_INSTRUCTION_CODE,
];

fn unknown_critical(extensions: &[Extension<'_>], known: &[&ObjectIdentifier]) -> Vec<String> {
    extensions
        .iter()
        .filter(|e| e.critical && !known.iter().any(|k| e.is(k)))
        .map(|e| oid::describe_extension(e.oid))
        .collect()
}

fn check_critical_known(ctx: &OcspContext<'_>) -> Outcome {
    if !ctx.ocsp.has_response_data() {
        return Outcome::NotApplicable;
    }
    let mut found: Vec<String> = unknown_critical(&ctx.ocsp.extensions, &OCSP_EXTENSIONS)
        .into_iter()
        .map(|e| format!("responseExtensions: {e}"))
        .collect();
    let single_known: Vec<&ObjectIdentifier> = OCSP_EXTENSIONS
        .into_iter()
        .chain(ENTRY_EXTENSIONS)
        .collect();
    for s in &ctx.ocsp.responses {
        for e in unknown_critical(&s.extensions, &single_known) {
            found.push(format!("{} singleExtensions: {e}", s.label()));
        }
    }
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "critical extension unknown to smimelint: {}",
            found.join("; ")
        )
    }
}

lint! {
    /// ## What it checks
    /// Every critical responseExtension and singleExtension is one RFC 6960 4.4 defines (nonce,
    /// CRL references, archive cutoff, service locator, extended revoke) or, for
    /// singleExtensions, a CRL entry extension (reasonCode, invalidityDate, certificateIssuer,
    /// holdInstructionCode), which RFC 6960 4.4.5 admits.
    ///
    /// ## Why
    /// RFC 6960 4.4 builds OCSP extensions on the X.509 extension model of RFC 5280 4.2: a
    /// relying party that meets a critical extension it does not recognize must reject the
    /// response, so an unknown critical extension makes the response unusable to clients that
    /// follow the rule.
    ///
    /// ## Example
    /// responseExtensions with `1.3.6.1.4.1.99999.8` marked critical.
    E_OCSP_CRITICAL_EXTENSION_UNKNOWN {
        name: "e_ocsp_critical_extension_unknown",
        description: "An OCSP response has a critical extension smimelint does not know",
        citation: "RFC 6960 4.4; RFC 5280 4.2",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_critical_known,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use const_oid::ObjectIdentifier;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{details_of, status_of};
    use smimelint_factory::der;

    const L: &str = "e_ocsp_critical_extension_unknown";

    #[test]
    fn critical_extensions_are_known() {
        let unknown = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.8");
        let bad = response().ext(&unknown, true, der::null()).build();
        assert_eq!(status_of(&bad, L), Status::Error);
        let single = response()
            .each_response(|s| s.ext(&unknown, true, der::null()))
            .build();
        assert!(details_of(&single, L).contains("singleExtensions"));
        let non_critical = response().ext(&unknown, false, der::null()).build();
        assert_eq!(status_of(&non_critical, L), Status::Pass);
        let critical_nonce = response()
            .ext(&smimelint_factory::ocsp::NONCE, true, der::octets(&[1; 16]))
            .build();
        assert_eq!(status_of(&critical_nonce, L), Status::Pass);
    }
}
