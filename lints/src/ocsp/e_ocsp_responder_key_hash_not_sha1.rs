use super::*;
use smimelint_revocation::ocsp::ResponderId;

fn check_key_hash_length(ctx: &OcspContext<'_>) -> Outcome {
    match ctx.ocsp.responder_id {
        Some(ResponderId::ByKey(k)) if k.content.len() == 20 => Outcome::Pass,
        Some(ResponderId::ByKey(k)) => fail!(
            "responderID byKey holds {} octets; a SHA-1 KeyHash has 20",
            k.content.len()
        ),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A responderID `byKey` holds 20 octets, the length of a SHA-1 hash.
    ///
    /// ## Why
    /// RFC 6960 4.2.1 defines `KeyHash ::= OCTET STRING -- SHA-1 hash of responder's public
    /// key`; clients compute SHA-1 to find the responder, so a hash of another length (e.g.
    /// SHA-256) names no key they can find.
    ///
    /// ## Example
    /// `a2 22 04 20 …` (a 32-octet KeyHash).
    E_OCSP_RESPONDER_KEY_HASH_NOT_SHA1 {
        name: "e_ocsp_responder_key_hash_not_sha1",
        description: "responderID byKey is not a 20-octet SHA-1 hash",
        citation: "RFC 6960 4.2.1, 4.2.2.3",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.ocsp_responderid_keyhash_is_not_sha1"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_key_hash_length,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::der;

    const L: &str = "e_ocsp_responder_key_hash_not_sha1";

    #[test]
    fn key_hash_is_sha1_sized() {
        let bad = response()
            .responder_id_raw(der::explicit(2, &der::octets(&[0x4b; 32])))
            .build();
        assert_eq!(status_of(&bad, L), Status::Error);
        assert_eq!(status_of(&response().build(), L), Status::Pass);
        let named = response().responder_id_raw(by_name(&ca().subject)).build();
        assert_eq!(status_of(&named, L), Status::NotApplicable);
    }
}
