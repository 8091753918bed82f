use super::*;
use smimelint_cert::verify::Verdict;

fn check_signature_invalid(ctx: &CrlContext<'_>) -> Outcome {
    match ctx.issuer_signature() {
        None | Some(Verdict::Unsupported(_)) => Outcome::NotApplicable,
        Some(Verdict::Valid) => Outcome::Pass,
        Some(Verdict::Invalid(why)) => {
            fail!("the CRL's signature does not verify with the issuer certificate's key: {why}")
        }
    }
}

lint! {
    /// ## What it checks
    /// With the issuing CA's certificate (`--issuer`): the CRL's signatureValue verifies over
    /// the TBSCertList with the CA's public key and the CRL's signatureAlgorithm. Without
    /// `--issuer`, for an unsigned TBSCertList, or for an algorithm smimelint cannot verify, the
    /// lint does not run.
    ///
    /// ## Why
    /// RFC 5280 §5.1.1.3: the signatureValue is "a digital signature computed upon the ASN.1
    /// DER encoded tbsCertList", made with the CRL issuer's key. A CRL that does not verify
    /// with the CA's key is useless to relying parties, who must reject it — and with it, they
    /// may fail every revocation check of the CA.
    ///
    /// ## Example
    /// A CRL naming the CA as issuer but signed with another key.
    ///
    /// ## Differences from pkilint
    /// pkilint does not verify signatures.
    E_CRL_SIGNATURE_INVALID {
        name: "e_crl_signature_invalid",
        description: "The CRL's signature does not verify with the issuing CA's key",
        citation: "RFC 5280 5.1.1.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_signature_invalid,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_signature_invalid";

    #[test]
    fn signature_verifies_with_the_issuer_key() {
        let forged = base().signing_key(KeyAlg::P256, 77).build();
        assert_eq!(status_with_issuer(&forged, &ca_der(), LINT), Status::Error);
        assert_eq!(
            status_with_issuer(&base().build(), &ca_der(), LINT),
            Status::Pass
        );
        assert_eq!(status_of(&forged, LINT), Status::NotApplicable);
        let rsa = CertBuilder::sub_ca(KeyAlg::Rsa2048);
        let rsa_crl = CrlBuilder::new(&rsa).build();
        assert_eq!(
            status_with_issuer(&rsa_crl, &rsa.build(), LINT),
            Status::Pass
        );
    }
}
