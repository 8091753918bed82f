use super::*;

fn check_entry_serial_too_long(entry: &RevokedEntry<'_>) -> Outcome {
    let Some(c) = entry.serial.map(|s| s.content).filter(|c| !c.is_empty()) else {
        return Outcome::NotApplicable;
    };
    if longer_than_20_octets(c) {
        return fail!(
            "userCertificate needs more than 20 octets (content {} octets: {})",
            c.len(),
            hex_full(c)
        );
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// Every entry's userCertificate serial number fits in 20 octets: a positive value below
    /// 2^159. (Negative values are `e_crl_entry_serial_not_positive`'s finding, redundant
    /// leading octets `e_der_integer_not_minimal`'s.)
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.2: "Conforming CAs MUST NOT use serialNumber values longer than 20
    /// octets", and certificate users must handle up to 20. A CRL entry for a longer value names
    /// no conforming certificate and may not be matched by relying parties.
    ///
    /// ## Example
    /// userCertificate with 21 content octets `41 41 … 41`.
    ///
    /// ## Differences from pkilint
    /// Same limit (`pkix.certificate_serial_number_out_of_range`, 1 to 2^159 − 1).
    E_CRL_ENTRY_SERIAL_TOO_LONG {
        name: "e_crl_entry_serial_too_long",
        description: "A CRL entry's serial number is longer than 20 octets",
        citation: "RFC 5280 4.1.2.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.certificate_serial_number_out_of_range"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_entry_serial_too_long,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_entry_serial_too_long";

    #[test]
    fn serial_fits_in_20_octets() {
        let long = with_entry(entry().serial_raw(&[0x41; 21]));
        assert_only(&long, LINT);
        // 2^159 - 1: twenty octets, the largest value allowed.
        let mut max = vec![0xff; 20];
        max[0] = 0x7f;
        assert_eq!(
            status_of(&with_entry(entry().serial_raw(&max)), LINT),
            Status::Pass
        );
        // 2^159 needs a leading zero octet: 21 octets.
        let mut over = vec![0x00, 0x80];
        over.extend([0; 19]);
        assert_only(&with_entry(entry().serial_raw(&over)), LINT);
    }
}
