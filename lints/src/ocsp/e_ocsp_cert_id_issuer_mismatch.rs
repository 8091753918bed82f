use super::*;

fn check_cert_id_issuer(ctx: &OcspContext<'_>) -> Outcome {
    let Some(ca) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    each_response(ctx, |s| {
        let m = s.cert_id?.matches_issuer(ca).ok()?;
        let wrong: Vec<&str> = [(m.name, "issuerNameHash"), (m.key, "issuerKeyHash")]
            .iter()
            .filter(|(ok, _)| !ok)
            .map(|(_, field)| *field)
            .collect();
        Some(if wrong.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "CertID {} is not the {} hash of the CA's ({}) {}",
                wrong.join(" and "),
                m.hash.name(),
                cert_label(ca),
                if m.name {
                    "public key"
                } else if m.key {
                    "subject"
                } else {
                    "subject and public key"
                }
            ))
        })
    })
}

lint! {
    /// ## What it checks
    /// With `--issuer`, every CertID's issuerNameHash and issuerKeyHash equal the hashes, under
    /// the CertID's hashAlgorithm (SHA-1, SHA-256, SHA-384 or SHA-512), of the CA's subject
    /// Name DER and of its subjectPublicKey. Not applicable without an issuer or for other hash
    /// algorithms.
    ///
    /// ## Why
    /// RFC 6960 4.1.1: "issuerNameHash is the hash of the issuer's distinguished name (DN). The
    /// hash shall be calculated over the DER encoding of the issuer's name field in the
    /// certificate being checked. issuerKeyHash is the hash of the issuer's public key." A
    /// client matches the response to its request by these hashes; a response whose CertID
    /// names another issuer answers a question nobody asked that CA.
    ///
    /// ## Example
    /// A CertID whose issuerNameHash was computed over a different Name.
    E_OCSP_CERT_ID_ISSUER_MISMATCH {
        name: "e_ocsp_cert_id_issuer_mismatch",
        description: "A CertID's issuer hashes do not match the issuing CA",
        citation: "RFC 6960 4.1.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_cert_id_issuer,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{details_of, status_of, status_with_issuer};
    use smimelint_factory::{CertBuilder, KeyAlg};

    const L: &str = "e_ocsp_cert_id_issuer_mismatch";

    #[test]
    fn cert_id_hashes_the_issuer() {
        let issuer = ca().build();
        let flipped = response()
            .each_response(|s| {
                let mut id = s.cert_id.clone();
                // First octet of issuerNameHash: after the SEQUENCE header, the 11-octet SHA-1
                // AlgorithmIdentifier and the OCTET STRING header.
                id[15] ^= 0xff;
                s.cert_id_raw(id)
            })
            .build();
        assert_eq!(status_with_issuer(&flipped, &issuer, L), Status::Error);
        assert_eq!(status_of(&flipped, L), Status::NotApplicable);
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048);
        assert!(details_of(&response().build(), L).is_empty());
        let other = smimelint_engine::testing::lint_with_issuer(&response().build(), &root.build());
        let f = other.findings.iter().find(|f| f.lint == L).unwrap();
        assert_eq!(f.status, Status::Error);
        assert!(f
            .details
            .as_deref()
            .unwrap()
            .contains("subject and public key"));
        assert_eq!(
            status_with_issuer(&response().build(), &issuer, L),
            Status::Pass
        );
    }
}
