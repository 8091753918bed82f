use super::*;
use smimelint_cert::time::TimeKind;

fn check_invalidity_date_not_generalized(entry: &RevokedEntry<'_>) -> Outcome {
    let t = match entry.invalidity_date_time() {
        None => return Outcome::NotApplicable,
        Some(Err(e)) => return fail!("invalidityDate holds {e}"),
        Some(Ok(t)) => t,
    };
    if t.parsed.kind != TimeKind::Generalized {
        return fail!(
            "invalidityDate is a {} instead of a GeneralizedTime",
            time_text(&t)
        );
    }
    match t.parsed.defects.first() {
        Some(d) => fail!("invalidityDate: {d} ({})", time_text(&t)),
        None => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// Every invalidityDate entry extension holds a GeneralizedTime of the form
    /// `YYYYMMDDHHMMSSZ`.
    ///
    /// ## Why
    /// RFC 5280 §5.3.2: `InvalidityDate ::= GeneralizedTime`, and "GeneralizedTime values
    /// included in this field MUST be expressed in Greenwich Mean Time (Zulu), and MUST be
    /// specified and interpreted as defined in Section 4.1.2.5.2." Unlike the other CRL times,
    /// it is GeneralizedTime whatever the year.
    ///
    /// ## Example
    /// invalidityDate `UTCTime "251010000000Z"`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports a UTCTime here as undecodable (`itu.invalid_asn1_syntax`) and a malformed
    /// GeneralizedTime with `pkix.generalizedtime_incorrect_syntax`.
    E_CRL_INVALIDITY_DATE_NOT_GENERALIZED {
        name: "e_crl_invalidity_date_not_generalized",
        description: "A CRL entry's invalidityDate is not a GeneralizedTime YYYYMMDDHHMMSSZ",
        citation: "RFC 5280 5.3.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["itu.invalid_asn1_syntax", "pkix.generalizedtime_incorrect_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_invalidity_date_not_generalized,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_invalidity_date_not_generalized";

    #[test]
    fn invalidity_date_is_generalized_time() {
        let when = THIS_UPDATE - 5 * DAY;
        let utc = entry().invalidity_date_raw(der::time(when));
        assert_only(&with_entry(utc), LINT);
        let fraction = entry().invalidity_date_raw(der::tlv(0x18, b"20251010000000.5Z"));
        assert_only(&with_entry(fraction), LINT);
        let good = entry().invalidity_date(when);
        assert_eq!(status_of(&with_entry(good), LINT), Status::Pass);
        assert_eq!(status_of(&with_entry(entry()), LINT), Status::NotApplicable);
    }
}
