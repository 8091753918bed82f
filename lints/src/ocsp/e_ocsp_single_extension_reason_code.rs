use super::*;

fn check_no_reason_code(ctx: &OcspContext<'_>) -> Outcome {
    each_response(ctx, |s| {
        Some(match s.extensions.iter().any(|e| e.is(&oid::REASON_CODE)) {
            true => Err("singleExtensions contains reasonCode".into()),
            false => Ok(()),
        })
    })
}

lint! {
    /// ## What it checks
    /// No SingleResponse has a reasonCode (2.5.29.21) singleExtension.
    ///
    /// ## Why
    /// SBR 7.3.2: "The singleExtensions of an OCSP response SHALL NOT contain the reasonCode
    /// (OID 2.5.29.21) CRL entry extension." The reason belongs in RevokedInfo's
    /// revocationReason.
    ///
    /// ## Example
    /// singleExtensions `a1 0c 30 0a 30 08 06 03 55 1d 15 04 01 …`.
    E_OCSP_SINGLE_EXTENSION_REASON_CODE {
        name: "e_ocsp_single_extension_reason_code",
        description: "A SingleResponse has a reasonCode singleExtension",
        citation: "SBR 7.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_no_reason_code,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_single_extension_reason_code";

    #[test]
    fn reason_code_is_not_a_single_extension() {
        let bad = response()
            .each_response(|s| s.revoked(PRODUCED_AT - DAY, Some(1)).reason_code_ext(1))
            .build();
        assert_eq!(status_of(&bad, L), Status::Error);
        let good = response()
            .each_response(|s| s.revoked(PRODUCED_AT - DAY, Some(1)))
            .build();
        assert_eq!(status_of(&good, L), Status::Pass);
    }
}
