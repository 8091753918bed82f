use super::*;
use smimelint_revocation::ocsp::CertStatus;
use smimelint_revocation::reason;

fn check_reason_permitted(ctx: &OcspContext<'_>) -> Outcome {
    let for_ca = ctx.scope == Some(Scope::Ca);
    each_response(ctx, |s| {
        let Some(CertStatus::Revoked {
            reason: Some(value),
            ..
        }) = &s.status
        else {
            return None;
        };
        Some(match value {
            Err(e) => Err(format!("revocationReason does not decode: {e}")),
            Ok(reason::UNSPECIFIED) => Err(
                "revocationReason is unspecified (0); SBR 7.2.2 says to omit the reason instead"
                    .into(),
            ),
            Ok(v) if reason::name(*v).is_none() => {
                Err(format!("revocationReason is {}", reason::describe(*v)))
            }
            Ok(reason::CERTIFICATE_HOLD) if for_ca => {
                Err("revocationReason certificateHold (6) for a CA certificate".into())
            }
            Ok(_) => Ok(()),
        })
    })
}

lint! {
    /// ## What it checks
    /// Every `revocationReason` is a CRLReason the SBR permits for CRLs: not unspecified (0),
    /// a value RFC 5280 defines (not 7, not above 10), and not certificateHold (6) when the
    /// response is about CA certificates (scope CA).
    ///
    /// ## Why
    /// SBR 7.3: "The CRLReason indicated SHALL contain a value permitted for CRLs, as specified
    /// in Section 7.2.2." SBR 7.2.2: "The CRLReason indicated SHALL NOT be unspecified (0)" and
    /// "The CRLReason of certificateHold (6) SHALL NOT be used for Root CA or Subordinate CA
    /// Certificates"; RFC 5280 5.3.1 defines the values. certificateHold is also forbidden for
    /// Strict-generation subscriber certificates, which a response cannot show.
    ///
    /// ## Example
    /// `a0 03 0a 01 00` (revocationReason unspecified).
    ///
    /// pkilint's OCSP profile does not check revocationReason values.
    E_OCSP_REVOCATION_REASON_NOT_PERMITTED {
        name: "e_ocsp_revocation_reason_not_permitted",
        description: "revocationReason is not a CRLReason the SBR permits",
        citation: "SBR 7.3, 7.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_reason_permitted,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_revocation_reason_not_permitted";

    fn revoked(reason: u8) -> Vec<u8> {
        response()
            .each_response(move |s| s.revoked(PRODUCED_AT - DAY, Some(reason)))
            .build()
    }

    #[test]
    fn reasons_follow_sbr_7_2_2() {
        assert_eq!(status_of(&revoked(0), L), Status::Error);
        assert_eq!(status_of(&revoked(7), L), Status::Error);
        assert_eq!(status_of(&revoked(11), L), Status::Error);
        assert_eq!(for_ca(&revoked(6), L), Status::Error);
        assert_eq!(subscriber(&revoked(6), L), Status::Pass);
        assert_eq!(status_of(&revoked(1), L), Status::Pass);
        assert_eq!(status_of(&response().build(), L), Status::NotApplicable);
    }
}
