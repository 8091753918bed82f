use super::*;

fn check_name_attribute_type_invalid(ctx: &LintContext<'_>) -> Outcome {
    let mut found: Vec<String> = Vec::new();
    crate::support::name_rules::for_each_name(ctx.cert, &mut |place, attrs| {
        for a in attrs {
            if let Some(p) = crate::support::name_rules::attribute_type_problem(a) {
                found.push(format!("{place}: {p}"));
            }
        }
    });
    ctx.cert.for_each_directory_attribute(&mut |a| {
        if let Some(p) = crate::support::name_rules::attribute_type_problem(a) {
            found.push(format!("subjectDirectoryAttributes: {p}"));
        }
    });
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// In every Name of the certificate — issuer, subject, and each directoryName of
    /// subjectAltName, issuerAltName, authorityKeyIdentifier, cRLDistributionPoints and
    /// freshestCRL (with nameRelativeToCRLIssuer), authority/subjectInfoAccess and the
    /// nameConstraints subtrees — and in the values of subjectDirectoryAttributes, each
    /// attribute value has an ASN.1 type its attribute's
    /// definition allows: DirectoryString (TeletexString, PrintableString, UniversalString,
    /// UTF8String, BMPString) for commonName, organizationName, localityName, uid and the other
    /// name attributes; PrintableString for countryName, serialNumber, dnQualifier,
    /// telephoneNumber, jurisdictionCountryName, gender, countryOfCitizenship and
    /// countryOfResidence; IA5String for emailAddress and domainComponent; GeneralizedTime for
    /// dateOfBirth. The table is in docs/conformance.md, "Permitted string types".
    ///
    /// Which of the DirectoryString choices a subscriber's subject may use is the SBR profile's
    /// business (`e_smime_subject_attribute_encoding_invalid`); characters outside the chosen
    /// type's alphabet are `e_der_string_invalid`.
    ///
    /// ## Why
    /// A value of another type is not a value of the attribute at all: strict decoders
    /// (OpenSSL, pkilint's schema) refuse the certificate, and name comparison in path
    /// validation (RFC 5280 7.1) cannot match it. The rule is the same wherever the Name sits,
    /// in subscriber and CA certificates alike.
    ///
    /// ## Example
    /// `DC=com` as a PrintableString; an issuer commonName that is an OBJECT IDENTIFIER; a CA
    /// subject countryName encoded as GeneralizedTime.
    ///
    /// ## Differences from pkilint
    /// pkilint reports these as ASN.1 decoding failures of the whole certificate
    /// (`itu.invalid_asn1_syntax`); smimelint names the attribute and the Name.
    E_SMIME_RFC5280_NAME_ATTRIBUTE_TYPE_INVALID {
        name: "e_smime_rfc5280_name_attribute_type_invalid",
        description: "A Name attribute's value is not of the ASN.1 type its attribute type defines",
        citation: "RFC 5280 4.1.2.4, Appendix A.1; RFC 4519; X.520",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["itu.invalid_asn1_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_name_attribute_type_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details};
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, ext, gn, CertBuilder};

    #[test]
    fn name_attribute_type_every_row_fails_and_passes() {
        let rows = attribute_type_rows();
        // Every attribute type of the lint's table has a row here.
        for s in crate::support::name_rules::ATTRIBUTE_SYNTAX.iter() {
            assert!(
                rows.iter().any(|(o, ..)| *o == s.oid.to_string()),
                "no test row for {}",
                oid::attribute_name(s.oid)
            );
        }
        for (o, good, bad) in rows {
            let o = ObjectIdentifier::new_unwrap(o);
            // The issuer carries the attribute: no other lint looks at its content.
            let with = |v: Vec<u8>| {
                base()
                    .issuer_raw(smimelint_factory::name_raw(&[
                        (&oid::AT_COMMON_NAME, der::utf8("CA")),
                        (&o, v),
                    ]))
                    .build()
            };
            assert_lint(NAME_TYPE, &with(bad), &with(good), &[]);
        }
    }

    #[test]
    fn name_attribute_type_every_name_of_the_certificate() {
        let bad_name = smimelint_factory::name_raw(&[(&oid::AT_COMMON_NAME, der::oid("2.5.4.3"))]);
        let good_name = smimelint_factory::name_raw(&[(&oid::AT_COMMON_NAME, der::utf8("CA"))]);
        let dn = |n: &[u8]| gn::directory_name(n);
        type Build = Box<dyn Fn(&[u8]) -> Vec<u8>>;
        let places: Vec<(&str, Build)> = vec![
            (
                "issuer",
                Box::new(|n: &[u8]| base().issuer_raw(n.to_vec()).build()),
            ),
            (
                "subject",
                Box::new(|n: &[u8]| {
                    CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256)
                        .subject_raw(n.to_vec())
                        .build()
                }),
            ),
            (
                "subject",
                Box::new(|n: &[u8]| {
                    CertBuilder::root_ca(smimelint_factory::KeyAlg::P256)
                        .issuer_raw(n.to_vec())
                        .subject_raw(n.to_vec())
                        .build()
                }),
            ),
            (
                "subjectAltName directoryName #1",
                Box::new(move |n: &[u8]| {
                    base()
                        .san(&[gn::rfc822("alice@example.com"), dn(n)])
                        .build()
                }),
            ),
            (
                "issuerAltName directoryName #1",
                Box::new(move |n: &[u8]| {
                    base()
                        .ext(&oid::ISSUER_ALT_NAME, false, ext::general_names(&[dn(n)]))
                        .build()
                }),
            ),
            (
                "cRLDistributionPoints directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = smimelint_factory::ext_values::crldp_full_names(&[vec![
                        gn::uri("http://crl.example.com/ca.crl"),
                        dn(n),
                    ]]);
                    base().ext(&oid::CRL_DISTRIBUTION_POINTS, false, v).build()
                }),
            ),
            (
                "cRLDistributionPoints directoryName #1",
                Box::new(move |n: &[u8]| {
                    let dp = der::seq(&[
                        der::explicit(
                            0,
                            &der::explicit(0, &gn::uri("http://crl.example.com/ca.crl")),
                        ),
                        der::explicit(2, &dn(n)),
                    ]);
                    base()
                        .ext(&oid::CRL_DISTRIBUTION_POINTS, false, der::seq(&[dp]))
                        .build()
                }),
            ),
            (
                "nameRelativeToCRLIssuer",
                Box::new(move |n: &[u8]| {
                    // The Name's single RDN, implicitly tagged [1].
                    let rdn = content_of(content_of(n));
                    let dp = der::seq(&[der::explicit(0, &der::explicit(1, rdn))]);
                    base()
                        .ext(&oid::FRESHEST_CRL, false, der::seq(&[dp]))
                        .build()
                }),
            ),
            (
                "authorityInformationAccess directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = smimelint_factory::ext_values::aia_raw(&[
                        (
                            "1.3.6.1.5.5.7.48.2",
                            gn::uri("http://ca.example.com/ca.crt"),
                        ),
                        ("1.3.6.1.5.5.7.48.2", dn(n)),
                    ]);
                    base().ext(&oid::AUTHORITY_INFO_ACCESS, false, v).build()
                }),
            ),
            (
                "authorityKeyIdentifier directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = smimelint_factory::ext_values::aki(Some(&[1, 2, 3, 4]), &[dn(n)], None);
                    base().ext(&oid::AUTHORITY_KEY_IDENTIFIER, false, v).build()
                }),
            ),
            (
                "nameConstraints directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = der::seq(&[der::explicit(0, &der::seq(&[dn(n)]))]);
                    CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256)
                        .ext(&oid::NAME_CONSTRAINTS, true, v)
                        .build()
                }),
            ),
        ];
        for (place, build) in places {
            let bad = build(&bad_name);
            let got = details(&bad, NAME_TYPE);
            assert!(
                got.contains(&format!(
                    "{place}: commonName is encoded as OBJECT IDENTIFIER"
                )),
                "{place}: {got}"
            );
            assert_eq!(
                status_of(&build(&good_name), NAME_TYPE),
                Status::Pass,
                "{place}"
            );
        }
    }

    #[test]
    fn name_attribute_type_in_subject_directory_attributes() {
        let sda = |value: Vec<u8>| {
            let attr = der::seq(&[der::oid("1.3.6.1.5.5.7.9.1"), der::set(&[value])]);
            base()
                .ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, der::seq(&[attr]))
                .build()
        };
        let bad = sda(der::utf8("19700101000000Z"));
        assert!(details(&bad, NAME_TYPE)
            .contains("subjectDirectoryAttributes: dateOfBirth is encoded as UTF8String"));
        assert_eq!(
            status_of(&sda(der::generalized_time("19700101000000Z")), NAME_TYPE),
            Status::Pass
        );
    }

    #[test]
    fn name_attribute_type_applies_to_certificates_of_any_date() {
        // RFC 5280 (2008) and X.520 rules do not wait for the SBR's effective date.
        let t = |s: &str| smimelint_cert::time::parse_iso(s).expect("date");
        let old = |dc: Vec<u8>| {
            base()
                .validity(t("2019-03-01T00:00:00Z"), t("2020-03-01T00:00:00Z"))
                .issuer_raw(smimelint_factory::name_raw(&[
                    (&oid::AT_DOMAIN_COMPONENT, dc),
                    (&oid::AT_COMMON_NAME, der::utf8("CA")),
                ]))
                .build()
        };
        assert_eq!(
            status_of(&old(der::printable("com")), NAME_TYPE),
            Status::Error
        );
        assert_eq!(status_of(&old(der::ia5("com")), NAME_TYPE), Status::Pass);
    }

    /// The content of a TLV written by the factory: what follows its minimal header.
    fn content_of(t: &[u8]) -> &[u8] {
        let header = (2..t.len())
            .find(|&h| 1 + der::len(t.len() - h).len() == h)
            .expect("a factory TLV");
        &t[header..]
    }

    const NAME_TYPE: &str = "e_smime_rfc5280_name_attribute_type_invalid";

    /// One row of the "Permitted string types" table of docs/conformance.md: the attribute, a
    /// value of a type its definition allows and one of a type it does not. Written from
    /// RFC 5280 Appendix A.1, X.520, RFC 4519, the EV Guidelines and RFC 3739.
    fn attribute_type_rows() -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
        let gt = der::generalized_time("19700101000000Z");
        let ctx0 = der::implicit(0, b"GB");
        vec![
            ("2.5.4.3", der::utf8("Alice"), der::oid("1.2.3.4")),
            ("2.5.4.4", der::printable("Smith"), der::ia5("Smith")),
            ("2.5.4.5", der::printable("1234"), der::utf8("1234")),
            ("2.5.4.6", der::printable("GB"), gt.clone()),
            ("2.5.4.6", der::printable("GB"), ctx0),
            ("2.5.4.6", der::printable("GB"), der::utf8("GB")),
            ("2.5.4.7", der::tlv(0x14, b"London"), der::ia5("London")),
            ("2.5.4.8", der::bmp("Kent"), der::visible("Kent")),
            ("2.5.4.9", der::utf8("1 High St"), der::ia5("1 High St")),
            ("2.5.4.10", der::utf8("Example"), der::oid("1.2.3.4")),
            ("2.5.4.11", der::utf8("IT"), der::int(5)),
            ("2.5.4.12", der::utf8("Dr"), der::ia5("Dr")),
            ("2.5.4.13", der::utf8("text"), der::ia5("text")),
            ("2.5.4.15", der::utf8("Private"), der::ia5("Private")),
            (
                "2.5.4.17",
                der::printable("SW1A 1AA"),
                der::tlv(0x12, b"12345"),
            ),
            (
                "2.5.4.20",
                der::printable("+44 20 1234"),
                der::utf8("+44 20 1234"),
            ),
            ("2.5.4.41", der::utf8("Alice"), der::ia5("Alice")),
            ("2.5.4.42", der::utf8("Alice"), gt.clone()),
            ("2.5.4.43", der::utf8("A"), der::ia5("A")),
            ("2.5.4.44", der::utf8("Jr"), der::ia5("Jr")),
            ("2.5.4.46", der::printable("q1"), der::utf8("q1")),
            ("2.5.4.65", der::utf8("Al"), der::ia5("Al")),
            (
                "2.5.4.97",
                der::printable("NTRGB-1234"),
                der::ia5("NTRGB-1234"),
            ),
            (
                "1.2.840.113549.1.9.1",
                der::ia5("a@example.com"),
                der::utf8("a@example.com"),
            ),
            (
                "0.9.2342.19200300.100.1.25",
                der::ia5("com"),
                der::printable("com"),
            ),
            (
                "0.9.2342.19200300.100.1.25",
                der::ia5("com"),
                der::utf8("com"),
            ),
            (
                "0.9.2342.19200300.100.1.1",
                der::utf8("alice"),
                der::ia5("alice"),
            ),
            (
                "1.3.6.1.4.1.311.60.2.1.1",
                der::utf8("London"),
                der::ia5("London"),
            ),
            (
                "1.3.6.1.4.1.311.60.2.1.2",
                der::utf8("Kent"),
                der::ia5("Kent"),
            ),
            (
                "1.3.6.1.4.1.311.60.2.1.3",
                der::printable("GB"),
                der::utf8("GB"),
            ),
            ("1.3.6.1.5.5.7.9.1", gt, der::utc_time("700101000000Z")),
            ("1.3.6.1.5.5.7.9.4", der::printable("GB"), der::utf8("GB")),
            ("1.3.6.1.5.5.7.9.2", der::utf8("Leeds"), der::ia5("Leeds")),
            ("1.3.6.1.5.5.7.9.3", der::printable("F"), der::utf8("F")),
            ("1.3.6.1.5.5.7.9.5", der::printable("GB"), der::bmp("GB")),
        ]
    }
}
