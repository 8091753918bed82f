use super::*;
use smimelint_cert::ViolationKind;

fn check_der_time_invalid(ctx: &LintContext<'_>) -> Outcome {
    // Validity times have their own, stricter RFC 5280 lint.
    let validity = ctx
        .cert
        .validity
        .map_or(0..0, |v| v.offset..v.offset + v.raw.len());
    report_where(ctx, ViolationKind::InvalidTime, |offset| {
        !validity.contains(&offset)
    })
}

/// CRL times (thisUpdate, nextUpdate, and in the entries revocationDate and invalidityDate)
/// have their own RFC 5280 lints.
fn crl_der_time_invalid(ctx: &CrlContext<'_>) -> Outcome {
    let crl = ctx.crl;
    let own = [crl.this_update.as_ref(), crl.next_update.as_ref()]
        .into_iter()
        .flatten()
        .map(|t| t.tlv.offset..t.tlv.offset + t.tlv.raw.len())
        .collect::<Vec<_>>();
    let entries = crl
        .parts
        .revoked
        .and_then(|h| h.end().map(|e| h.offset..e))
        .unwrap_or(0..0);
    report_in(crl, ViolationKind::InvalidTime, |offset| {
        !own.iter().any(|r| r.contains(&offset)) && !entries.contains(&offset)
    })
}

fn ocsp_der_time_invalid(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::InvalidTime)
}

lint! {
    /// ## What it checks
    /// Every UTCTime and GeneralizedTime outside the validity field (for example in
    /// privateKeyUsagePeriod, subjectDirectoryAttributes dateOfBirth or a Name attribute) has
    /// the one DER form: UTCTime `YYMMDDHHMMSSZ`; GeneralizedTime `YYYYMMDDHHMMSSZ`, optionally
    /// with a `.` fraction of a second that has no trailing zeros.
    ///
    /// The validity times are checked, with the RFC 5280 profile on top, by
    /// `e_smime_rfc5280_validity_time_encoding`.
    ///
    /// ## Why
    /// X.690 11.7 and 11.8 leave each time one encoding: the `Z`, the seconds and the fraction
    /// rules. Offsets, missing seconds and padded fractions are BER only.
    ///
    /// ## Example
    /// privateKeyUsagePeriod notAfter `20300101000000.50Z`.
    E_DER_TIME_INVALID {
        name: "e_der_time_invalid",
        description: "A UTCTime or GeneralizedTime is not in its DER form",
        citation: "X.690 11.7, 11.8",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_time_invalid,
        crl_check: crl_der_time_invalid,
        ocsp_check: ocsp_der_time_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::der::base;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn times_outside_validity_are_der() {
        const L: &str = "e_der_time_invalid";
        // privateKeyUsagePeriod ::= SEQUENCE { notBefore [0] GeneralizedTime, … } holds
        // GeneralizedTime implicitly tagged; a Name attribute holds it with its universal tag.
        let with = |t: Vec<u8>| {
            base()
                .issuer_raw(smimelint_factory::name_raw(&[
                    (&oid::AT_COMMON_NAME, der::utf8("CA")),
                    (&oid::DATE_OF_BIRTH, t),
                ]))
                .build()
        };
        assert_lint(
            L,
            &with(der::generalized_time("19700101000000.50Z")),
            &with(der::generalized_time("19700101000000.5Z")),
            &[],
        );
        // Validity times are the RFC 5280 lint's.
        let bad = base()
            .times_raw(der::utc_time("2510010000Z"), der::utc_time("260930235959Z"))
            .build();
        assert_eq!(status_of(&bad, L), Status::Pass);
        assert_eq!(
            status_of(&bad, "e_smime_rfc5280_validity_time_encoding"),
            Status::Error
        );
    }
}
