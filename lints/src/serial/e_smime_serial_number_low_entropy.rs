use super::*;
use smimelint_cert::der_text::hex;

/// Bit length of a big-endian magnitude, leading zero octets ignored.
fn significant_bits(c: &[u8]) -> usize {
    let start = c.iter().position(|&b| b != 0).unwrap_or(c.len());
    c.get(start).map_or(0, |&first| {
        (c.len() - start - 1) * 8 + (8 - first.leading_zeros() as usize)
    })
}

/// A positive serial must be at least 2^63: 9 content octets in minimal DER.
const MIN_BITS: usize = 64;

fn check_serial_number_low_entropy(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = ctx.cert.serial.map(|t| t.content).filter(|c| !c.is_empty()) else {
        return Outcome::NotApplicable;
    };
    // Zero and negative serials are e_smime_serial_number_not_positive's finding.
    if c[0] & 0x80 != 0 || c.iter().all(|&b| b == 0) {
        return Outcome::NotApplicable;
    }
    let bits = significant_bits(c);
    if bits >= MIN_BITS {
        return Outcome::Pass;
    }
    let octets = bits / 8 + 1;
    let plural = if octets == 1 { "" } else { "s" };
    fail!(
        "tbsCertificate.serialNumber {} has {bits} significant bits ({octets} content octet{plural} in minimal DER); a positive serial holding 64 CSPRNG bits needs 9 content octets (a value of at least 2^63)",
        hex(c)
    )
}

lint! {
    /// ## What it checks
    /// The serial number, a positive INTEGER, is at least 2^63: at least 64 significant bits,
    /// which is 9 content octets in minimal DER. Shorter serials cannot hold 64 bits of CSPRNG
    /// output next to the sign.
    ///
    /// How the threshold follows from the encoding: DER encodes INTEGER in two's complement, so
    /// the top bit of the first content octet is the sign and must be 0 for the positive serial
    /// SBR 7.1 requires. Eight content octets therefore carry at most 63 value bits, and a
    /// serial of 8 octets or fewer is below 2^63. A CA that puts 64 random bits in a
    /// fixed-length serial either adds a leading `00` octet (9 octets) or forces the top random
    /// bit to 0 and keeps only 63 random bits — the "63-bit serial" defect that led several
    /// CAs to revoke certificates in 2019. So 9 content octets is the shortest serial that can
    /// contain 64 random bits and still be positive.
    ///
    /// Limits: a single certificate shows one value, not the generator. A generator that draws
    /// exactly 64 bits and drops leading zero octets yields a value below 2^63 half the time,
    /// and is reported then; use more random bits (most CAs use 128 to 159) so that a short
    /// serial never occurs. A long serial is no proof of entropy either (a counter padded to 20
    /// octets passes), and sequential serials can only be seen across many certificates.
    /// Zero and negative serials are left to `e_smime_serial_number_not_positive`.
    ///
    /// ## Why
    /// SBR 7.1: CAs SHALL generate non-sequential serial numbers "greater than zero (0)
    /// containing at least 64 bits of output from a CSPRNG". Unpredictable serials defeat
    /// chosen-prefix collision attacks on the certificate signature.
    ///
    /// ## Example
    /// `02 08 7f 3a …` (8 content octets: at most 63 bits); `02 04 00 bc 61 4e` (a 4-octet
    /// counter value).
    ///
    /// ## Differences from pkilint
    /// pkilint checks only the range of the serial (`pkix.certificate_serial_number_out_of_range`),
    /// not whether it can hold 64 random bits.
    E_SMIME_SERIAL_NUMBER_LOW_ENTROPY {
        name: "e_smime_serial_number_low_entropy",
        description: "The serial number is too short to contain 64 bits of CSPRNG output",
        citation: "SBR 7.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_serial_number_low_entropy"],
        applies: Applies::ALL,
        check: check_serial_number_low_entropy,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::{der, CertBuilder};

    #[test]
    fn serial_holds_64_bits() {
        // 8 content octets: at most 63 bits next to the sign bit.
        let short = with_serial(&[0x7f, 0xa1, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]);
        // 2^63 and up: 9 content octets (00 80 …).
        let long = with_serial(&[0x80, 0, 0, 0, 0, 0, 0, 0]);
        assert_lint(LINT, &short, &long, &[]);
        let r = lint_all(&short);
        let d = r
            .findings
            .iter()
            .find(|f| f.lint == LINT)
            .and_then(|f| f.details.clone());
        assert_eq!(
            d.as_deref(),
            Some("tbsCertificate.serialNumber 7fa1020304050607 has 63 significant bits (8 content octets in minimal DER); a positive serial holding 64 CSPRNG bits needs 9 content octets (a value of at least 2^63)")
        );
        // A counter.
        assert_lint(LINT, &with_serial(&[0x01, 0x2c]), &long, &[]);
        // Zero and negative serials are another lint's finding.
        let zero = CertBuilder::subscriber("mailbox-strict")
            .serial_raw(der::int(0))
            .build();
        assert_eq!(status_of(&zero, LINT), Status::NotApplicable);
    }

    const LINT: &str = "e_smime_serial_number_low_entropy";

    fn with_serial(magnitude: &[u8]) -> Vec<u8> {
        CertBuilder::subscriber("mailbox-strict")
            .serial_raw(der::uint(magnitude))
            .build()
    }
}
