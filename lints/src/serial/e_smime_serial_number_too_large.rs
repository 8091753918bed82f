use super::*;
use crate::support::rfc5280::hex_full;

/// RFC 5280 §4.1.2.2: at most 20 octets.
const MAX_SERIAL_OCTETS: usize = 20;

/// Bit length of a non-negative big-endian magnitude (leading zero octets do not count).
fn magnitude_bits(c: &[u8]) -> usize {
    let start = c.iter().position(|&b| b != 0).unwrap_or(c.len());
    match c.get(start) {
        None => 0,
        Some(&first) => (c.len() - start - 1) * 8 + (8 - first.leading_zeros() as usize),
    }
}

fn check_serial_number_too_large(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = serial_content(ctx.cert) else {
        return Outcome::NotApplicable;
    };
    let negative = c[0] & 0x80 != 0;
    // 2^159 is the smallest value with a bit length of 160.
    let bits = magnitude_bits(c);
    if !negative && bits >= 160 {
        return fail!(
            "tbsCertificate.serialNumber has {bits} significant bits in {} content octets (content {}): its value is at least 2^159, and RFC 5280 allows at most 20 octets",
            c.len(),
            hex_full(c)
        );
    }
    if c.len() > MAX_SERIAL_OCTETS {
        return fail!(
            "tbsCertificate.serialNumber is encoded in {} content octets (content {}); RFC 5280 allows at most {MAX_SERIAL_OCTETS}",
            c.len(),
            hex_full(c)
        );
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// `serialNumber` is less than 2^159 and its encoding has at most 20 content octets.
    ///
    /// The two limits are one limit for a positive, minimally encoded INTEGER. DER encodes
    /// INTEGER in two's complement, so 20 content octets hold 160 bits of which the first is
    /// the sign bit: the largest positive 20-octet value is 2^159 − 1. A serial of 2^159 or
    /// more needs a 21st octet (the leading `00` that keeps the sign bit clear), so "less than
    /// 2^159" (SBR §7.1) and "no longer than 20 octets" (RFC 5280 §4.1.2.2) accept exactly the
    /// same positive serials. They part only for encodings DER forbids: a small value padded
    /// with leading `00` octets past 20 is below 2^159 but longer than RFC 5280 allows. It is
    /// reported too (the padding itself is `e_der_integer_not_minimal`). A negative value is
    /// reported here only when it is longer than 20 octets; its sign is
    /// `e_smime_serial_number_not_positive`.
    ///
    /// ## Why
    /// SBR §7.1 bounds serials by 2^159; RFC 5280 §4.1.2.2 says CAs "MUST NOT use serialNumber
    /// values longer than 20 octets", and relying parties may reject longer ones. A CA that
    /// fills a serial with 20 random octets must clear the top bit of the first one.
    ///
    /// ## Example
    /// `02 15 00 80 …` (21 content octets: 20 random octets whose top bit is set, plus the
    /// sign octet).
    ///
    /// ## Differences from pkilint
    /// pkilint reports both this and the not-positive case as
    /// `pkix.certificate_serial_number_out_of_range`, from the decoded value only, so it does
    /// not see over-long padded encodings.
    E_SMIME_SERIAL_NUMBER_TOO_LARGE {
        name: "e_smime_serial_number_too_large",
        description: "The serial number is 2^159 or more, or longer than 20 octets",
        citation: "SBR 7.1; RFC 5280 4.1.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_serial_number_out_of_range"],
        zlint: ["e_serial_number_longer_than_20_octets"],
        catalog: ["e_smime_serial_number_too_large"],
        applies: Applies::ALL,
        check: check_serial_number_too_large,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn serial_must_be_below_2_pow_159() {
        let lint = "e_smime_serial_number_too_large";
        // 2^159 + …: 20 octets with the top bit set need a 21st (sign) octet.
        let big = base().serial_raw(der::uint(&[0x80; 20])).build();
        // 2^159 - 1, the largest allowed value: exactly 20 content octets.
        let mut max = vec![0xff; 20];
        max[0] = 0x7f;
        let largest = base().serial_raw(der::uint(&max)).build();
        assert_lint(lint, &big, &largest, &[]);
        assert!(details(&big, lint).contains("160 significant bits in 21 content octets"));

        // Small value padded past 20 octets: below 2^159, yet longer than RFC 5280 allows.
        let mut padded = vec![0; 21];
        padded[20] = 5;
        let padded = base().serial_raw(der::tlv(0x02, &padded)).build();
        // Its value, 5, is also far too small to hold 64 random bits.
        assert_lint(
            lint,
            &padded,
            &largest,
            &[
                "e_der_integer_not_minimal",
                "e_smime_serial_number_low_entropy",
            ],
        );
        assert!(details(&padded, lint).contains("21 content octets"));
    }
}
