use super::*;

fn check_number_out_of_range(ctx: &CrlContext<'_>) -> Outcome {
    let Some(Ok(c)) = ctx.crl.integer_extension(&oid::CRL_NUMBER) else {
        return Outcome::NotApplicable;
    };
    if c.is_empty() {
        return Outcome::NotApplicable;
    }
    if is_negative(c) {
        return fail!("cRLNumber is negative (content {})", hex_full(c));
    }
    if longer_than_20_octets(c) {
        return fail!(
            "cRLNumber needs more than 20 octets ({} content octets: {})",
            c.len(),
            hex_full(c)
        );
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// The CRL's cRLNumber is in `0..MAX` and fits in 20 octets (below 2^159).
    ///
    /// ## Why
    /// RFC 5280 §5.2.3: `CRLNumber ::= INTEGER (0..MAX)`, and "Conforming CRL issuers MUST NOT
    /// use CRLNumber values longer than 20 octets"; relying parties need handle no more.
    ///
    /// ## Example
    /// cRLNumber `02 01 f0` (−16), or 21 content octets.
    ///
    /// ## Differences from pkilint
    /// Same range (`pkix.crl_number_out_of_range`).
    E_CRL_NUMBER_OUT_OF_RANGE {
        name: "e_crl_number_out_of_range",
        description: "The CRL's cRLNumber is negative or longer than 20 octets",
        citation: "RFC 5280 5.2.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_number_out_of_range"],
        zlint: ["e_crl_number_out_of_range"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_number_out_of_range,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_number_out_of_range";

    #[test]
    fn crl_number_is_in_range() {
        for content in [&[0xf0][..], &[0x11; 21]] {
            let bad = base().crl_number(content).build();
            assert_only(&bad, LINT);
        }
        for content in [&[0x00][..], &[0x7f; 20]] {
            let good = base().crl_number(content).build();
            assert_eq!(status_of(&good, LINT), Status::Pass, "{content:02x?}");
        }
    }
}
