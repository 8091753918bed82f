use super::*;
use crate::support::rfc5280::hex_full;

/// Decimal value when it fits in 64 bits, else the octet count.
fn serial_value_text(c: &[u8]) -> String {
    match smimelint_cert::int_value(c) {
        Some(v) => v.to_string(),
        None => format!("a {}-octet value", c.len()),
    }
}

fn check_serial_number_not_positive(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = serial_content(ctx.cert) else {
        return Outcome::NotApplicable;
    };
    if c[0] & 0x80 != 0 {
        return fail!(
            "tbsCertificate.serialNumber is negative: {} (content {})",
            serial_value_text(c),
            hex_full(c)
        );
    }
    if c.iter().all(|&b| b == 0) {
        return fail!(
            "tbsCertificate.serialNumber is zero (content {})",
            hex_full(c)
        );
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// `serialNumber`, read as the two's complement INTEGER it is, is greater than zero. Zero
    /// (including a padded `00 00`) and every value whose first content octet has the high bit
    /// set (negative) are reported. An INTEGER with no content is left to
    /// `e_der_integer_not_minimal`.
    ///
    /// ## Why
    /// SBR §7.1: CAs SHALL generate serial numbers "greater than zero (0)"; RFC 5280 §4.1.2.2
    /// says the same ("MUST be a positive integer"). x509-cert decodes zero and negative serials
    /// without complaint, and a high first octet without the leading `00` is a classic
    /// encoding mistake that turns a random serial negative.
    ///
    /// ## Example
    /// `02 01 00` (zero); `02 01 fb` (−5); `02 10 9c …` (a 16-octet random value whose top bit
    /// is set and that lacks the `00` octet that keeps it positive).
    E_SMIME_SERIAL_NUMBER_NOT_POSITIVE {
        name: "e_smime_serial_number_not_positive",
        description: "The serial number is zero or negative",
        citation: "SBR 7.1; RFC 5280 4.1.2.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_serial_number_out_of_range"],
        zlint: ["e_serial_number_not_positive"],
        catalog: ["e_smime_serial_number_not_positive"],
        applies: Applies::ALL,
        check: check_serial_number_not_positive,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn serial_must_be_positive() {
        let lint = "e_smime_serial_number_not_positive";
        let zero = base().serial_raw(der::int(0)).build();
        assert_lint(lint, &zero, &good(), &[]);
        assert!(details(&zero, lint).contains("zero"));

        let negative = base().serial_raw(der::int(-5)).build();
        assert_lint(lint, &negative, &good(), &[]);
        assert!(details(&negative, lint).contains("negative: -5"));

        // A random 16-octet serial whose top bit is set but which lacks the 00 sign octet.
        let mut raw = vec![0x9c; 16];
        raw[15] = 0x01;
        let unsigned = base().serial_raw(der::tlv(0x02, &raw)).build();
        assert_lint(lint, &unsigned, &good(), &[]);
        assert!(details(&unsigned, lint).contains("negative"));

        let one = base().serial_raw(der::int(1)).build();
        assert_eq!(status_of(&one, lint), Status::Pass);
    }
}
