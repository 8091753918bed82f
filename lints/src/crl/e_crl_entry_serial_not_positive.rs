use super::*;

fn check_entry_serial_not_positive(entry: &RevokedEntry<'_>) -> Outcome {
    let Some(c) = entry.serial.map(|s| s.content).filter(|c| !c.is_empty()) else {
        return Outcome::NotApplicable;
    };
    if is_negative(c) {
        return fail!("userCertificate is negative (content {})", hex_full(c));
    }
    if c.iter().all(|&b| b == 0) {
        return fail!("userCertificate is zero");
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// Every entry's userCertificate serial number is greater than zero.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.6 identifies revoked certificates by their serial number, and §4.1.2.2
    /// requires serial numbers to be positive integers. An entry with zero or a negative value
    /// names no certificate a conforming CA issued.
    ///
    /// ## Example
    /// userCertificate `02 02 c3 01` (negative) or `02 01 00`.
    ///
    /// ## Differences from pkilint
    /// Same range check, reported with `pkix.certificate_serial_number_out_of_range` together
    /// with the 20-octet limit.
    E_CRL_ENTRY_SERIAL_NOT_POSITIVE {
        name: "e_crl_entry_serial_not_positive",
        description: "A CRL entry's serial number is zero or negative",
        citation: "RFC 5280 4.1.2.2, 5.1.2.6",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.certificate_serial_number_out_of_range"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_entry_serial_not_positive,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_entry_serial_not_positive";

    #[test]
    fn serial_is_positive() {
        for content in [&[0xc3, 0x01][..], &[0x00]] {
            let bad = with_entry(entry().serial_raw(content));
            assert_only(&bad, LINT);
        }
        let one = with_entry(entry().serial_raw(&[0x01]));
        assert_eq!(status_of(&one, LINT), Status::Pass);
    }
}
