use super::*;
use smimelint_cert::{GeneralName, ViolationKind};

fn check_der_string_invalid(ctx: &LintContext<'_>) -> Outcome {
    let walker = report(ctx, ViolationKind::InvalidString);
    // rfc822Name, dNSName and uniformResourceIdentifier are IA5String under an implicit tag,
    // which the walker cannot recognise; every GeneralName of the certificate is checked here.
    let mut found: Vec<String> = Vec::new();
    ctx.cert.for_each_general_name(&mut |field, gn| {
        let content = match gn {
            GeneralName::Rfc822Name(c) | GeneralName::DnsName(c) | GeneralName::Uri(c) => c,
            _ => return,
        };
        if !content.is_ascii() {
            found.push(format!(
                "{field} {} (IA5String) has non-ASCII octets: {}",
                gn.kind(),
                smimelint_cert::der_text::hex(content)
            ));
        }
    });
    match (walker, found.is_empty()) {
        (walker, true) => walker,
        (Outcome::Fail(d), false) => fail!("{d}; {}", found.join("; ")),
        (_, false) => fail!("{}", found.join("; ")),
    }
}

fn crl_der_string_invalid(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::InvalidString)
}

fn ocsp_der_string_invalid(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::InvalidString)
}

lint! {
    /// ## What it checks
    /// PrintableString holds only its character set, IA5String only ASCII, NumericString digits and space, VisibleString visible ASCII, UTF8String valid UTF-8, BMPString an even number of octets without surrogates. The implicitly tagged IA5Strings of every GeneralName (rfc822Name, dNSName, uniformResourceIdentifier in subjectAltName, issuerAltName, cRLDistributionPoints, authority/subjectInfoAccess, authorityKeyIdentifier and nameConstraints) hold only ASCII.
    ///
    /// ## Why
    /// A value outside its type's alphabet is not a valid encoding of that type and decoders reject or misread it.
    ///
    /// ## Example
    /// `13 01 40` (`@` is not a PrintableString character); an odd-length BMPString.
    E_DER_STRING_INVALID {
        name: "e_der_string_invalid",
        description: "A string's content is not valid for its string type",
        citation: "X.680 41; RFC 5280 4.1.2.6",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_string_invalid,
        crl_check: crl_der_string_invalid,
        ocsp_check: ocsp_der_string_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::der::base;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::der;

    #[test]
    fn implicit_ia5_strings_of_general_names_are_ascii() {
        const L: &str = "e_der_string_invalid";
        let crldp = |uri: &[u8]| {
            let v = smimelint_factory::ext_values::crldp_full_names(&[vec![der::implicit(6, uri)]]);
            base().ext(&oid::CRL_DISTRIBUTION_POINTS, false, v).build()
        };
        assert_eq!(
            status_of(&crldp(b"http://crl.example.com/\xe9.crl"), L),
            Status::Error
        );
        assert_eq!(
            status_of(&crldp(b"http://crl.example.com/e.crl"), L),
            Status::Pass
        );
        let aia = |uri: &[u8]| {
            let v = smimelint_factory::ext_values::aia_raw(&[(
                "1.3.6.1.5.5.7.48.2",
                der::implicit(6, uri),
            )]);
            base().ext(&oid::AUTHORITY_INFO_ACCESS, false, v).build()
        };
        assert_eq!(
            status_of(&aia(b"http://ca.\xff.example/ca.crt"), L),
            Status::Error
        );
        assert_eq!(
            status_of(&aia(b"http://ca.example/ca.crt"), L),
            Status::Pass
        );
    }
}
