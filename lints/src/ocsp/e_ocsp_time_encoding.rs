use super::*;
use smimelint_cert::TimeField;
use smimelint_revocation::ocsp::CertStatus;

/// Why a time field is not a `YYYYMMDDHHMMSSZ` GeneralizedTime, if it is not.
fn problem(field: &str, t: &TimeField<'_>) -> Option<String> {
    if t.tlv.tag != 0x18 {
        return Some(format!("{field} is a UTCTime, not a GeneralizedTime"));
    }
    (!t.parsed.defects.is_empty()).then(|| format!("{field}: {}", t.parsed.defects.join(", ")))
}

fn check_time_encoding(ctx: &OcspContext<'_>) -> Outcome {
    if !ctx.ocsp.has_response_data() {
        return Outcome::NotApplicable;
    }
    let mut found: Vec<String> = Vec::new();
    if let Some(t) = &ctx.ocsp.produced_at {
        found.extend(problem("producedAt", t));
    }
    for s in &ctx.ocsp.responses {
        let mut fields = vec![("thisUpdate", s.this_update.as_ref())];
        fields.push(("nextUpdate", s.next_update.as_ref()));
        if let Some(CertStatus::Revoked { time, .. }) = &s.status {
            fields.push(("revocationTime", time.as_ref()));
        }
        for (name, t) in fields {
            if let Some(p) = t.and_then(|t| problem(name, t)) {
                found.push(format!("{}: {p}", s.label()));
            }
        }
    }
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// producedAt and every SingleResponse's thisUpdate, nextUpdate and revocationTime are
    /// GeneralizedTime values of the form `YYYYMMDDHHMMSSZ`: UTC (Z), with seconds, without
    /// fractional seconds.
    ///
    /// ## Why
    /// RFC 6960 4.2.1 types the four times as GeneralizedTime, and RFC 6960 4.2.2.1 gives
    /// their format as that of RFC 5280 4.1.2.5.2: Zulu time, with seconds, without fractional
    /// seconds. A UTCTime in their place does not decode as the ASN.1 type (also reported by
    /// e_asn1_field_invalid).
    ///
    /// ## Example
    /// producedAt `18 0e 32 30 32 35 31 30 31 35 31 32 30 30 30 30` ("20251015120000", no Z).
    E_OCSP_TIME_ENCODING {
        name: "e_ocsp_time_encoding",
        description: "An OCSP time is not a YYYYMMDDHHMMSSZ GeneralizedTime",
        citation: "RFC 6960 4.2.1, 4.2.2.1; RFC 5280 4.1.2.5.2",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.generalizedtime_incorrect_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_time_encoding,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{details_of, status_of};
    use smimelint_factory::der;

    const L: &str = "e_ocsp_time_encoding";

    #[test]
    fn times_are_zulu_generalized_time_with_seconds() {
        let no_z = response()
            .produced_at_raw(der::generalized_time("20251015120000"))
            .build();
        assert_eq!(status_of(&no_z, L), Status::Error);
        let utc = response()
            .each_response(|s| s.this_update_raw(der::time(PRODUCED_AT)))
            .build();
        assert_eq!(status_of(&utc, L), Status::Error);
        assert!(details_of(&utc, L).contains("thisUpdate is a UTCTime"));
        let fraction = response()
            .each_response(|s| {
                s.status(CertStatus::Revoked {
                    time: der::generalized_time("20251013120000.5Z"),
                    reason: Some(1),
                })
            })
            .build();
        assert_eq!(status_of(&fraction, L), Status::Error);
        assert!(details_of(&fraction, L).contains("revocationTime"));
        assert_eq!(status_of(&response().build(), L), Status::Pass);
    }
}
