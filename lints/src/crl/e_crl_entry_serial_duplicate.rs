use super::*;

fn check_entry_serial_duplicate(ctx: &CrlContext<'_>) -> Outcome {
    let stats = ctx.entries();
    if stats.count < 2 {
        return Outcome::NotApplicable;
    }
    match stats.duplicate {
        Some((first, second)) => fail!(
            "entries #{} and #{} revoke the same certificate (same serial number and certificate issuer)",
            first + 1,
            second + 1
        ),
        None if stats.untracked > 0 => Outcome::Fatal(format!(
            "not evaluated: the check records at most {} entries and {} more were not compared",
            smimelint_revocation::crl::MAX_TRACKED,
            stats.untracked
        )),
        None => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// No two entries name the same certificate: the same serial number under the same
    /// certificate issuer (in an indirect CRL the certificateIssuer in force).
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.6: "Certificates are uniquely identified by the combination of the
    /// issuer name and serial number", and each revoked certificate is listed with its
    /// revocation date and reason. Two entries for one certificate give two dates and possibly
    /// two reasons; which one a relying party uses is undefined.
    ///
    /// Memory for the check is bounded: it keeps a 16-octet fingerprint per entry for at most
    /// 2^25 entries (512 MiB); a CRL with more is reported `fatal` here (not evaluated) rather
    /// than passed.
    ///
    /// ## Example
    /// Entries #1 and #2 both with userCertificate `02 02 61 01`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it; zlint warns (`e_crl_unique_revoked_certificate`).
    E_CRL_ENTRY_SERIAL_DUPLICATE {
        name: "e_crl_entry_serial_duplicate",
        description: "Two CRL entries revoke the same certificate",
        citation: "RFC 5280 5.1.2.6",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: ["e_crl_unique_revoked_certificate"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_entry_serial_duplicate,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_entry_serial_duplicate";

    #[test]
    fn each_certificate_is_listed_once() {
        let twice = base()
            .entries(vec![entry(), entry().reason(reason::SUPERSEDED, false)])
            .build();
        assert_only(&twice, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
