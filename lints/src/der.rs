//! X.690 DER encoding rules, checked by the walker over every byte of the certificate and of
//! each extension value.

use super::prelude::*;
use smimelint_cert::GeneralName;
use smimelint_cert::{EncodedDefault, ViolationKind};

/// Reports every walker violation of one kind, naming the field it occurred in.
fn report(ctx: &LintContext<'_>, kind: ViolationKind) -> Outcome {
    report_where(ctx, kind, |_| true)
}

/// [`report`], for the violations at offsets `at` accepts.
fn report_where(ctx: &LintContext<'_>, kind: ViolationKind, at: impl Fn(usize) -> bool) -> Outcome {
    let cert = ctx.cert;
    let found: Vec<String> = cert
        .violations
        .iter()
        .filter(|v| v.kind == kind && at(v.offset))
        .map(|v| {
            format!(
                "{} at offset {} ({})",
                v.detail,
                v.offset,
                cert.locate(v.offset)
            )
        })
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

fn check_der_length_not_minimal(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonMinimalLength)
}

lint! {
    /// ## What it checks
    /// Every TLV length uses the short form below 128 and otherwise the long form with no leading zero octets.
    ///
    /// ## Why
    /// DER requires a single encoding for every value. Signatures, fingerprints and byte comparisons of names depend on it, and strict decoders (x509-cert, Go) reject such certificates.
    ///
    /// ## Example
    /// `30 81 05 …` for a 5-byte SEQUENCE (the short form `30 05` is required).
    E_DER_LENGTH_NOT_MINIMAL {
        name: "e_der_length_not_minimal",
        description: "A length is not encoded in the minimum number of octets",
        citation: "X.690 10.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_length_not_minimal,
    }
}

fn check_der_indefinite_length(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::IndefiniteLength)
}

lint! {
    /// ## What it checks
    /// No TLV uses the indefinite length form (`80` … `00 00`).
    ///
    /// ## Why
    /// Indefinite lengths are BER only; DER forbids them.
    ///
    /// ## Example
    /// `30 80 02 01 05 00 00`.
    E_DER_INDEFINITE_LENGTH {
        name: "e_der_indefinite_length",
        description: "A value uses the BER indefinite length form",
        citation: "X.690 10.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_indefinite_length,
    }
}

fn check_der_tag_not_minimal(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonMinimalTag)
}

lint! {
    /// ## What it checks
    /// Tag numbers below 31 use the one-octet form and high tag numbers have no leading 0x80 octet.
    ///
    /// ## Why
    /// Only one encoding of each tag is valid in DER.
    ///
    /// ## Example
    /// `1f 02` for INTEGER instead of `02`.
    E_DER_TAG_NOT_MINIMAL {
        name: "e_der_tag_not_minimal",
        description: "A tag number is not minimally encoded",
        citation: "X.690 8.1.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_tag_not_minimal,
    }
}

fn check_der_truncated(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::Truncated)
}

lint! {
    /// ## What it checks
    /// Every TLV's declared length fits inside the enclosing value.
    ///
    /// ## Why
    /// A length that overruns its container makes the rest of the structure unreadable; smimelint lints whatever it could still reach.
    ///
    /// ## Example
    /// `30 05 02 01` (five content octets declared, two present).
    E_DER_TRUNCATED {
        name: "e_der_truncated",
        description: "A value's length runs past the end of the data that holds it",
        citation: "X.690 8.1.3",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_truncated,
    }
}

fn check_der_trailing_data(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::TrailingData)
}

lint! {
    /// ## What it checks
    /// Nothing follows the certificate's outer SEQUENCE, and nothing follows the single value inside an extension's extnValue OCTET STRING.
    ///
    /// ## Why
    /// Trailing bytes are not covered by the signature structure in a defined way and strict decoders reject them.
    ///
    /// ## Example
    /// A certificate followed by a stray `00`; an extnValue holding a SEQUENCE and two extra bytes.
    E_DER_TRAILING_DATA {
        name: "e_der_trailing_data",
        description: "Bytes follow the end of a complete structure",
        citation: "X.690 8.1.1; RFC 5280 4.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_trailing_data,
    }
}

fn check_der_boolean_not_canonical(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonDerBoolean)
}

lint! {
    /// ## What it checks
    /// BOOLEAN content is exactly one octet, `00` (FALSE) or `FF` (TRUE).
    ///
    /// ## Why
    /// DER allows only FF for TRUE; BER's other non-zero values make the encoding ambiguous.
    ///
    /// ## Example
    /// `01 01 01` as the critical flag of an extension.
    E_DER_BOOLEAN_NOT_CANONICAL {
        name: "e_der_boolean_not_canonical",
        description: "A BOOLEAN is not encoded as 00 or FF",
        citation: "X.690 11.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_boolean_not_canonical,
    }
}

fn check_der_integer_not_minimal(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonMinimalInteger)
}

lint! {
    /// ## What it checks
    /// INTEGER and ENUMERATED content is non-empty and has no redundant leading `00` or `FF` octet.
    ///
    /// ## Why
    /// Non-minimal integers are not DER; serial numbers compared byte-wise would not match.
    ///
    /// ## Example
    /// `02 02 00 05` for the serial number 5.
    E_DER_INTEGER_NOT_MINIMAL {
        name: "e_der_integer_not_minimal",
        description: "An INTEGER has redundant leading octets or no content",
        citation: "X.690 8.3.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_integer_not_minimal,
    }
}

fn check_der_wrong_form(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::WrongForm)
}

lint! {
    /// ## What it checks
    /// Strings, OCTET STRING and BIT STRING are primitive; SEQUENCE and SET are constructed.
    ///
    /// ## Why
    /// Constructed strings are BER only.
    ///
    /// ## Example
    /// `24 03 04 01 00` (a constructed OCTET STRING).
    E_DER_WRONG_FORM {
        name: "e_der_wrong_form",
        description: "A value uses the constructed form where DER requires the primitive one, or the reverse",
        citation: "X.690 10.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_wrong_form,
    }
}

fn check_der_unknown_tag(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::UnknownTag)
}

lint! {
    /// ## What it checks
    /// Every universal tag is one X.509 uses. UniversalString (tag 28), which RFC 5280 keeps only for backward compatibility, and reserved or unused universal tags are reported.
    ///
    /// ## Why
    /// x509-cert/der and other strict decoders reject these tags outright, so relying parties cannot read the certificate; RFC 5280 requires PrintableString or UTF8String for new DirectoryString values.
    ///
    /// ## Example
    /// A subject commonName encoded as UniversalString `1c 10 00 00 00 41 …`.
    E_DER_UNKNOWN_TAG {
        name: "e_der_unknown_tag",
        description: "A universal tag that X.509 DER decoders do not accept",
        citation: "X.690 8.1.2; RFC 5280 4.1.2.6",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_unknown_tag,
    }
}

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
    }
}

fn check_der_oid_invalid(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::InvalidOid)
}

lint! {
    /// ## What it checks
    /// OID content is non-empty, ends on a complete sub-identifier, and no sub-identifier starts with `80`.
    ///
    /// ## Why
    /// Non-minimal arcs give one OID several encodings, so byte comparisons (policy OIDs, EKUs) fail.
    ///
    /// ## Example
    /// `06 03 55 80 1d` for 2.5.29.
    E_DER_OID_INVALID {
        name: "e_der_oid_invalid",
        description: "An OBJECT IDENTIFIER is empty, truncated or has non-minimal sub-identifiers",
        citation: "X.690 8.19.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_oid_invalid,
    }
}

fn check_der_bit_string_invalid(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::InvalidBitString)
}

lint! {
    /// ## What it checks
    /// BIT STRING content starts with an unused-bits count of 0–7, an empty bit string declares 0, and the unused bits are zero.
    ///
    /// ## Why
    /// DER requires zero padding bits; anything else is a second encoding of the same value.
    ///
    /// ## Example
    /// `03 02 01 01` (one unused bit that is set).
    E_DER_BIT_STRING_INVALID {
        name: "e_der_bit_string_invalid",
        description: "A BIT STRING has an invalid unused-bits octet or non-zero padding bits",
        citation: "X.690 8.6.2, 11.2.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_bit_string_invalid,
    }
}

fn check_der_null_not_empty(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonEmptyNull)
}

lint! {
    /// ## What it checks
    /// NULL has no content octets.
    ///
    /// ## Why
    /// `05 00` is the only encoding of NULL.
    ///
    /// ## Example
    /// `05 01 00`.
    E_DER_NULL_NOT_EMPTY {
        name: "e_der_null_not_empty",
        description: "A NULL has content",
        citation: "X.690 8.8.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_null_not_empty,
    }
}

fn check_der_set_not_sorted(ctx: &LintContext<'_>) -> Outcome {
    let walker = report(ctx, ViolationKind::UnsortedSet);
    // nameRelativeToCRLIssuer is a SET OF under the implicit tag [1], which the walker cannot
    // recognise as a SET.
    let mut unsorted = false;
    ctx.cert
        .for_each_relative_name(&mut |rdn| unsorted |= !rdn.sorted);
    match (walker, unsorted) {
        (walker, false) => walker,
        (Outcome::Fail(d), true) => {
            fail!("{d}; a nameRelativeToCRLIssuer SET OF is not sorted by its encodings")
        }
        (_, true) => fail!("a nameRelativeToCRLIssuer SET OF is not sorted by its encodings"),
    }
}

lint! {
    /// ## What it checks
    /// The elements of every SET OF (for example a multi-valued RDN, and the implicitly tagged nameRelativeToCRLIssuer of a CRL distribution point) appear in ascending order of their DER encodings.
    ///
    /// ## Why
    /// DER fixes the order so that equal sets have equal encodings.
    ///
    /// ## Example
    /// A multi-valued RDN whose second attribute sorts before the first.
    E_DER_SET_NOT_SORTED {
        name: "e_der_set_not_sorted",
        description: "SET OF elements are not in ascending order of their encodings",
        citation: "X.690 11.6",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_set_not_sorted,
    }
}

fn check_der_nesting_too_deep(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::TooDeep)
}

lint! {
    /// ## What it checks
    /// Nesting stays within 64 levels.
    ///
    /// ## Why
    /// No certificate structure nests that deep; such input is hostile or broken and smimelint stops descending rather than exhaust its stack.
    ///
    /// ## Example
    /// 200 SEQUENCEs nested inside each other.
    E_DER_NESTING_TOO_DEEP {
        name: "e_der_nesting_too_deep",
        description: "Values are nested deeper than smimelint follows",
        citation: "X.690 8.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_nesting_too_deep,
    }
}

fn check_der_time_invalid(ctx: &LintContext<'_>) -> Outcome {
    // Validity times have their own, stricter RFC 5280 lint.
    let validity = ctx
        .cert
        .validity
        .map_or(0..0, |v| v.offset..v.offset + v.raw.len());
    report_where(ctx, ViolationKind::InvalidTime, |offset| {
        !validity.contains(&offset)
    })
}

lint! {
    /// ## What it checks
    /// Every UTCTime and GeneralizedTime outside the validity field (for example in
    /// privateKeyUsagePeriod, subjectDirectoryAttributes dateOfBirth or a Name attribute) has
    /// the one DER form: UTCTime `YYMMDDHHMMSSZ`; GeneralizedTime `YYYYMMDDHHMMSSZ`, optionally
    /// with a `.` fraction of a second that has no trailing zeros.
    ///
    /// The validity times are checked, with the RFC 5280 profile on top, by
    /// `e_smime_rfc5280_validity_time_encoding`.
    ///
    /// ## Why
    /// X.690 11.7 and 11.8 leave each time one encoding: the `Z`, the seconds and the fraction
    /// rules. Offsets, missing seconds and padded fractions are BER only.
    ///
    /// ## Example
    /// privateKeyUsagePeriod notAfter `20300101000000.50Z`.
    E_DER_TIME_INVALID {
        name: "e_der_time_invalid",
        description: "A UTCTime or GeneralizedTime is not in its DER form",
        citation: "X.690 11.7, 11.8",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_time_invalid,
    }
}

fn check_der_default_value_encoded(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    let label = |i: usize| oid::describe_extension(cert.extensions[i].oid);
    let found: Vec<String> = cert
        .encoded_defaults()
        .into_iter()
        .map(|d| match d {
            EncodedDefault::VersionV1 => {
                "version v1 is encoded although it is the DEFAULT".to_string()
            }
            EncodedDefault::CriticalFalse(i) => format!("{}: critical FALSE is encoded", label(i)),
            EncodedDefault::CaFalse(i) => format!("{}: cA FALSE is encoded", label(i)),
            EncodedDefault::SubtreeMinimumZero(i) => {
                format!("{}: GeneralSubtree minimum 0 is encoded", label(i))
            }
        })
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// No field whose value equals its DEFAULT is encoded: the version v1, an extension's
    /// `critical` FALSE, basicConstraints `cA` FALSE, a GeneralSubtree's `minimum` 0.
    ///
    /// ## Why
    /// X.690 11.5: "The encoding of a set value or sequence value shall not include an
    /// encoding for any component value which is equal to its default value." RFC 5280 4.1
    /// and 4.2 define these DEFAULTs; strict decoders reject their explicit encoding.
    ///
    /// ## Example
    /// An extension encoded `30 0c 06 03 55 1d 0f 01 01 00 04 …` (critical FALSE spelled out).
    E_DER_DEFAULT_VALUE_ENCODED {
        name: "e_der_default_value_encoded",
        description: "A field equal to its DEFAULT value is encoded",
        citation: "X.690 11.5; RFC 5280 4.1, 4.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_default_value_encoded,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, CertBuilder};

    fn base() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }

    #[test]
    fn default_values_are_not_encoded() {
        const L: &str = "e_der_default_value_encoded";
        let good = base().build();
        // Extension critical FALSE written out (X.690 11.5, RFC 5280 4.1 `critical BOOLEAN DEFAULT FALSE`).
        let mut b = base();
        let mut spelled_once = false;
        let items: Vec<Vec<u8>> = b
            .extensions
            .iter()
            .map(|e| {
                let mut parts = vec![der::tlv(0x06, &e.oid)];
                if e.critical {
                    parts.push(der::boolean(true));
                } else if !spelled_once {
                    spelled_once = true;
                    parts.push(der::boolean(false));
                }
                parts.push(der::octets(&e.value));
                der::seq(&parts)
            })
            .collect();
        assert!(spelled_once, "the baseline has a non-critical extension");
        b.extensions_raw = Some(der::explicit(3, &der::seq(&items)));
        assert_lint(L, &b.build(), &good, &[]);
        // Version v1 written out: [0] INTEGER 0 (no extensions, else the version lints fire too).
        let bad = base()
            .version_raw(Some(der::explicit(0, &der::int(0))))
            .build();
        assert_eq!(status_of(&bad, L), Status::Error);
        // basicConstraints cA FALSE written out.
        let bc = |content: Vec<Vec<u8>>| {
            base()
                .ext(&oid::BASIC_CONSTRAINTS, true, der::seq(&content))
                .build()
        };
        assert_eq!(status_of(&bc(vec![der::boolean(false)]), L), Status::Error);
        assert_eq!(status_of(&bc(vec![]), L), Status::Pass);
        // GeneralSubtree minimum 0 written out (RFC 5280 4.2.1.10 `minimum [0] BaseDistance DEFAULT 0`).
        let nc = |extra: Vec<u8>| {
            let subtree = [smimelint_factory::gn::dns("example.com"), extra].concat();
            let v = der::seq(&[der::explicit(0, &der::seq(&[subtree]))]);
            CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256)
                .ext(&oid::NAME_CONSTRAINTS, true, v)
                .build()
        };
        assert_eq!(status_of(&nc(der::implicit(0, &[0x00])), L), Status::Error);
        assert_eq!(status_of(&nc(vec![]), L), Status::Pass);
    }

    #[test]
    fn times_outside_validity_are_der() {
        const L: &str = "e_der_time_invalid";
        // privateKeyUsagePeriod ::= SEQUENCE { notBefore [0] GeneralizedTime, … } holds
        // GeneralizedTime implicitly tagged; a Name attribute holds it with its universal tag.
        let with = |t: Vec<u8>| {
            base()
                .issuer_raw(smimelint_factory::name_raw(&[
                    (&oid::AT_COMMON_NAME, der::utf8("CA")),
                    (&oid::DATE_OF_BIRTH, t),
                ]))
                .build()
        };
        assert_lint(
            L,
            &with(der::generalized_time("19700101000000.50Z")),
            &with(der::generalized_time("19700101000000.5Z")),
            &[],
        );
        // Validity times are the RFC 5280 lint's.
        let bad = base()
            .times_raw(der::utc_time("2510010000Z"), der::utc_time("260930235959Z"))
            .build();
        assert_eq!(status_of(&bad, L), Status::Pass);
        assert_eq!(
            status_of(&bad, "e_smime_rfc5280_validity_time_encoding"),
            Status::Error
        );
    }

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

    #[test]
    fn implicit_set_of_is_sorted() {
        const L: &str = "e_der_set_not_sorted";
        let atv =
            |o: &const_oid::ObjectIdentifier, v: &str| der::seq(&[der::oid_of(o), der::utf8(v)]);
        let (a, b) = (
            atv(&oid::AT_COMMON_NAME, "CRL"),
            atv(&oid::AT_ORGANIZATION, "Example"),
        );
        assert!(a < b, "commonName sorts first");
        let with = |rdn: Vec<u8>| {
            let dp = der::seq(&[der::explicit(0, &der::explicit(1, &rdn))]);
            base()
                .ext(&oid::FRESHEST_CRL, false, der::seq(&[dp]))
                .build()
        };
        assert_eq!(
            status_of(&with([b.clone(), a.clone()].concat()), L),
            Status::Error
        );
        assert_eq!(status_of(&with([a, b].concat()), L), Status::Pass);
    }
}
