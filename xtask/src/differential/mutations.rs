//! The certificates the generator builds: a baseline per type and key, changed by up to three
//! [`MUTATIONS`], each a compliant variation or a violation of one rule.

use smimelint::cert::oid;
use smimelint::detect::{CertType, Generation, Validation};
use smimelint_factory::{der, ext, gn, ku, name, CertBuilder, KeyAlg};

/// Deterministic pseudo-random numbers (SplitMix64).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

type Apply = fn(CertBuilder, CertType) -> CertBuilder;
type When = fn(CertType, KeyAlg) -> bool;

/// One change to the baseline certificate.
pub(super) struct Mutation {
    pub(super) family: &'static str,
    pub(super) name: &'static str,
    /// Whether the result still satisfies every SHALL and SHOULD.
    pub(super) compliant: bool,
    pub(super) when: When,
    pub(super) apply: Apply,
}

fn always(_: CertType, _: KeyAlg) -> bool {
    true
}
fn not_strict(t: CertType, _: KeyAlg) -> bool {
    t.generation != Generation::Strict
}
fn strict(t: CertType, _: KeyAlg) -> bool {
    t.generation == Generation::Strict
}
fn not_legacy(t: CertType, _: KeyAlg) -> bool {
    t.generation != Generation::Legacy
}
fn legacy(t: CertType, _: KeyAlg) -> bool {
    t.generation == Generation::Legacy
}
fn rsa(_: CertType, k: KeyAlg) -> bool {
    matches!(k, KeyAlg::Rsa2048 | KeyAlg::Rsa3072 | KeyAlg::Rsa4096)
}
fn rsa_strict(t: CertType, k: KeyAlg) -> bool {
    rsa(t, k) && strict(t, k)
}
fn org(t: CertType, _: KeyAlg) -> bool {
    matches!(
        t.validation,
        Validation::Organization | Validation::Sponsored
    )
}
fn person(t: CertType, _: KeyAlg) -> bool {
    matches!(t.validation, Validation::Individual | Validation::Sponsored)
}
fn mailbox(t: CertType, _: KeyAlg) -> bool {
    t.validation == Validation::Mailbox
}
fn mailbox_or_individual(t: CertType, k: KeyAlg) -> bool {
    mailbox(t, k) || t.validation == Validation::Individual
}
fn not_mailbox(t: CertType, k: KeyAlg) -> bool {
    !mailbox(t, k)
}

/// The factory's baseline subject attributes for a type.
fn base_subject(t: CertType) -> Vec<(&'static str, &'static str)> {
    match t.validation {
        Validation::Mailbox => vec![("CN", MAILBOX)],
        Validation::Organization => vec![
            ("C", "GB"),
            ("O", "Example Ltd"),
            ("organizationIdentifier", "NTRGB-12345678"),
            ("CN", "Example Ltd"),
        ],
        Validation::Sponsored => vec![
            ("C", "GB"),
            ("O", "Example Ltd"),
            ("organizationIdentifier", "NTRGB-12345678"),
            ("GN", "Alice"),
            ("SN", "Smith"),
            ("CN", "Alice Smith"),
        ],
        Validation::Individual => vec![
            ("C", "GB"),
            ("GN", "Alice"),
            ("SN", "Smith"),
            ("CN", "Alice Smith"),
        ],
    }
}

/// The baseline subject plus extra `(attribute, value)` pairs.
fn subject_with(t: CertType, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut attrs = base_subject(t);
    attrs.extend_from_slice(extra);
    name(&attrs)
}

/// The baseline subject without the attributes `drop` names, plus `extra`.
fn subject_without(t: CertType, drop: &[&str], extra: &[(&str, &str)]) -> Vec<u8> {
    let mut attrs = base_subject(t);
    attrs.retain(|(k, _)| !drop.contains(k));
    attrs.extend_from_slice(extra);
    name(&attrs)
}

fn ku_bits(b: CertBuilder, bits: &[u32]) -> CertBuilder {
    b.ext(&oid::KEY_USAGE, true, ext::key_usage(bits))
}

/// The subject key's SPKI with an rsaEncryption AlgorithmIdentifier that lacks the NULL.
fn spki_without_null(b: CertBuilder) -> CertBuilder {
    let mut outer = smimelint::walk::Reader::new(&b.spki);
    let spki = outer.read().expect("SubjectPublicKeyInfo");
    let mut fields = spki.children();
    let _algorithm = fields.read().expect("algorithm");
    let key = fields.read().expect("subjectPublicKey").raw.to_vec();
    let rebuilt = der::seq(&[der::unhex("300b06092a864886f70d010101"), key]);
    b.spki_raw(rebuilt)
}

fn policies_with(t: CertType, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut infos = vec![der::seq(&[der::oid(&t.policy_oid())])];
    infos.extend(extra);
    der::seq(&infos)
}

fn aia(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    smimelint_factory::ext_values::aia_raw(entries)
}

const MAILBOX: &str = "alice@example.com";

/// Every change the generator chooses from. Families name the rule family a mutation exercises.
pub(super) const MUTATIONS: &[Mutation] = &[
    // Compliant variations.
    Mutation {
        family: "variant",
        name: "eku_client_auth_extra",
        compliant: true,
        when: not_strict,
        apply: |b, _| b.eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH]),
    },
    Mutation {
        family: "variant",
        name: "subject_email_address",
        compliant: true,
        when: always,
        apply: |b, t| b.subject_raw(subject_with(t, &[("emailAddress", MAILBOX)])),
    },
    Mutation {
        family: "variant",
        name: "subject_serial_number",
        compliant: true,
        when: always,
        apply: |b, t| b.subject_raw(subject_with(t, &[("serialNumber", "A12345")])),
    },
    Mutation {
        family: "variant",
        name: "subject_org_unit",
        compliant: true,
        when: org,
        apply: |b, t| b.subject_raw(subject_with(t, &[("OU", "Research")])),
    },
    Mutation {
        family: "variant",
        name: "subject_locality_state",
        compliant: true,
        when: not_mailbox,
        apply: |b, t| b.subject_raw(subject_with(t, &[("L", "London"), ("ST", "London")])),
    },
    Mutation {
        family: "variant",
        name: "san_second_mailbox",
        compliant: true,
        when: always,
        apply: |b, _| b.san(&[gn::rfc822(MAILBOX), gn::rfc822("alice.smith@example.org")]),
    },
    Mutation {
        family: "variant",
        name: "san_smtp_utf8_mailbox",
        compliant: true,
        when: always,
        apply: |b, _| {
            b.san(&[
                gn::rfc822(MAILBOX),
                gn::smtp_utf8_mailbox("алиса@example.com"),
            ])
        },
    },
    Mutation {
        family: "variant",
        name: "policy_extra_ca_oid",
        compliant: true,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                policies_with(t, vec![der::seq(&[der::oid("1.3.6.1.4.1.99999.1.2")])]),
            )
        },
    },
    Mutation {
        family: "variant",
        name: "policy_cps_http",
        compliant: true,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    &t.policy_oid(),
                    &[ext::cps_qualifier("http://example.com/cps")],
                )]),
            )
        },
    },
    Mutation {
        family: "variant",
        name: "basic_constraints_ca_false",
        compliant: true,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                ext::basic_constraints(false, None),
            )
        },
    },
    Mutation {
        family: "variant",
        name: "ku_rsa_sign_nonrepudiation",
        compliant: true,
        when: rsa,
        apply: |b, _| {
            ku_bits(
                b,
                &[
                    ku::DIGITAL_SIGNATURE,
                    ku::NON_REPUDIATION,
                    ku::KEY_ENCIPHERMENT,
                ],
            )
        },
    },
    Mutation {
        family: "variant",
        name: "ku_rsa_key_encipherment_only",
        compliant: true,
        when: rsa,
        apply: |b, _| ku_bits(b, &[ku::KEY_ENCIPHERMENT]),
    },
    Mutation {
        family: "variant",
        name: "crldp_two_http",
        compliant: true,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&[
                    "http://crl.example.com/a.crl",
                    "http://crl2.example.com/a.crl",
                ]),
            )
        },
    },
    // Certificate policies.
    Mutation {
        family: "policies",
        name: "policies_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::CERTIFICATE_POLICIES),
    },
    Mutation {
        family: "policies",
        name: "policies_reserved_oid_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.policies(&["1.3.6.1.4.1.99999.1.2"]),
    },
    Mutation {
        family: "policies",
        name: "policies_two_reserved",
        compliant: false,
        when: always,
        apply: |b, t| {
            let other = if t.generation == Generation::Strict {
                "2.23.140.1.5.1.2"
            } else {
                "2.23.140.1.5.1.3"
            };
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                policies_with(t, vec![der::seq(&[der::oid(other)])]),
            )
        },
    },
    Mutation {
        family: "policies",
        name: "policies_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::CERTIFICATE_POLICIES, true),
    },
    Mutation {
        family: "policies",
        name: "policies_any_policy",
        compliant: false,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                policies_with(t, vec![der::seq(&[der::oid("2.5.29.32.0")])]),
            )
        },
    },
    Mutation {
        family: "policies",
        name: "policies_cps_ftp",
        compliant: false,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    &t.policy_oid(),
                    &[ext::cps_qualifier("ftp://example.com/cps")],
                )]),
            )
        },
    },
    Mutation {
        family: "policies",
        name: "policies_notice_ref",
        compliant: false,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    &t.policy_oid(),
                    &[ext::user_notice(
                        Some(der::seq(&[der::utf8("Example"), der::seq(&[der::int(1)])])),
                        Some(der::utf8("Notice")),
                    )],
                )]),
            )
        },
    },
    // Extended key usage.
    Mutation {
        family: "eku",
        name: "eku_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::EXT_KEY_USAGE),
    },
    Mutation {
        family: "eku",
        name: "eku_no_email_protection",
        compliant: false,
        when: always,
        apply: |b, _| b.eku(&[&oid::KP_CLIENT_AUTH]),
    },
    Mutation {
        family: "eku",
        name: "eku_server_auth",
        compliant: false,
        when: always,
        apply: |b, _| b.eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH]),
    },
    Mutation {
        family: "eku",
        name: "eku_client_auth_strict",
        compliant: false,
        when: strict,
        apply: |b, _| b.eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH]),
    },
    Mutation {
        family: "eku",
        name: "eku_ocsp_signing",
        compliant: false,
        when: not_strict,
        apply: |b, _| b.eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_OCSP_SIGNING]),
    },
    // Key usage.
    Mutation {
        family: "key_usage",
        name: "ku_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::KEY_USAGE),
    },
    Mutation {
        family: "key_usage",
        name: "ku_not_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::KEY_USAGE, false),
    },
    Mutation {
        family: "key_usage",
        name: "ku_rsa_data_encipherment_strict",
        compliant: false,
        when: rsa_strict,
        apply: |b, _| {
            ku_bits(
                b,
                &[
                    ku::DIGITAL_SIGNATURE,
                    ku::KEY_ENCIPHERMENT,
                    ku::DATA_ENCIPHERMENT,
                ],
            )
        },
    },
    Mutation {
        family: "key_usage",
        name: "ku_key_cert_sign",
        compliant: false,
        when: always,
        apply: |b, _| ku_bits(b, &[ku::DIGITAL_SIGNATURE, ku::KEY_CERT_SIGN]),
    },
    // Subject alternative name.
    Mutation {
        family: "san",
        name: "san_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::SUBJECT_ALT_NAME),
    },
    Mutation {
        family: "san",
        name: "san_dns_name",
        compliant: false,
        when: always,
        apply: |b, _| b.san(&[gn::rfc822(MAILBOX), gn::dns("example.com")]),
    },
    Mutation {
        family: "san",
        name: "san_uri",
        compliant: false,
        when: always,
        apply: |b, _| b.san(&[gn::rfc822(MAILBOX), gn::uri("https://example.com/")]),
    },
    Mutation {
        family: "san",
        name: "san_upn_strict",
        compliant: false,
        when: strict,
        apply: |b, _| {
            b.san(&[
                gn::rfc822(MAILBOX),
                gn::other_name("1.3.6.1.4.1.311.20.2.3", &der::utf8(MAILBOX)),
            ])
        },
    },
    Mutation {
        family: "san",
        name: "san_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::SUBJECT_ALT_NAME, true),
    },
    Mutation {
        family: "san",
        name: "san_rfc822_display_name",
        compliant: false,
        when: not_mailbox,
        apply: |b, _| b.san(&[gn::rfc822("Alice <alice@example.com>")]),
    },
    Mutation {
        family: "san",
        name: "san_smtp_utf8_ascii",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.san(&[
                gn::rfc822(MAILBOX),
                gn::smtp_utf8_mailbox("bob@example.com"),
            ])
        },
    },
    // Subject.
    Mutation {
        family: "subject",
        name: "subject_org_in_mailbox_or_individual",
        compliant: false,
        when: mailbox_or_individual,
        apply: |b, t| b.subject_raw(subject_with(t, &[("O", "Example Ltd")])),
    },
    Mutation {
        family: "subject",
        name: "subject_org_identifier_missing",
        compliant: false,
        when: org,
        apply: |b, t| b.subject_raw(subject_without(t, &["organizationIdentifier"], &[])),
    },
    Mutation {
        family: "subject",
        name: "subject_email_not_in_san",
        compliant: false,
        when: always,
        apply: |b, t| b.subject_raw(subject_with(t, &[("emailAddress", "carol@example.com")])),
    },
    Mutation {
        family: "subject",
        name: "subject_country_invalid",
        compliant: false,
        when: not_mailbox,
        apply: |b, t| b.subject_raw(subject_without(t, &["C"], &[("C", "ZZ")])),
    },
    Mutation {
        family: "subject",
        name: "subject_street_strict",
        compliant: false,
        when: |t, k| strict(t, k) && not_mailbox(t, k),
        apply: |b, t| b.subject_raw(subject_with(t, &[("L", "London"), ("street", "1 Main St")])),
    },
    Mutation {
        family: "subject",
        name: "subject_metadata_only",
        compliant: false,
        when: not_mailbox,
        apply: |b, t| b.subject_raw(subject_with(t, &[("L", "-")])),
    },
    Mutation {
        family: "subject",
        name: "subject_locality_without_country",
        compliant: false,
        when: not_mailbox,
        apply: |b, t| b.subject_raw(subject_without(t, &["C"], &[("L", "London")])),
    },
    Mutation {
        family: "subject",
        name: "subject_person_name_missing",
        compliant: false,
        when: |t, k| person(t, k) && not_legacy(t, k),
        apply: |b, t| b.subject_raw(subject_without(t, &["GN", "SN"], &[])),
    },
    Mutation {
        family: "subject",
        name: "subject_cn_not_mailbox_mv",
        compliant: false,
        when: mailbox,
        apply: |b, _| b.subject(&[("CN", "Alice Smith")]),
    },
    // cRLDistributionPoints.
    Mutation {
        family: "crldp",
        name: "crldp_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::CRL_DISTRIBUTION_POINTS),
    },
    Mutation {
        family: "crldp",
        name: "crldp_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::CRL_DISTRIBUTION_POINTS, true),
    },
    Mutation {
        family: "crldp",
        name: "crldp_ldap_extra",
        compliant: false,
        when: not_legacy,
        apply: |b, _| {
            b.ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&[
                    "http://crl.example.com/a.crl",
                    "ldap://ldap.example.com/cn=CA",
                ]),
            )
        },
    },
    Mutation {
        family: "crldp",
        name: "crldp_https_only",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&["https://crl.example.com/a.crl"]),
            )
        },
    },
    Mutation {
        family: "crldp",
        name: "crldp_ldap_extra_legacy",
        compliant: true,
        when: legacy,
        apply: |b, _| {
            b.ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&[
                    "http://crl.example.com/a.crl",
                    "ldap://ldap.example.com/cn=CA",
                ]),
            )
        },
    },
    Mutation {
        family: "crldp",
        name: "crldp_gopher_extra_legacy",
        compliant: true,
        when: legacy,
        apply: |b, _| {
            b.ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                ext::crl_distribution_points(&[
                    "http://crl.example.com/a.crl",
                    "gopher://crl.example.com/a.crl",
                ]),
            )
        },
    },
    Mutation {
        family: "variant",
        name: "san_upper_case_domain",
        compliant: true,
        when: always,
        apply: |b, _| b.san(&[gn::rfc822(MAILBOX), gn::rfc822("bob@EXAMPLE.COM")]),
    },
    Mutation {
        family: "variant",
        name: "org_vat_el_with_gr",
        compliant: true,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["C", "organizationIdentifier"],
                &[("C", "GR"), ("organizationIdentifier", "VATEL-123456789")],
            ))
        },
    },
    Mutation {
        family: "aia",
        name: "aia_ca_issuers_https",
        compliant: false,
        when: not_legacy,
        apply: |b, _| {
            b.ext(
                &oid::AUTHORITY_INFO_ACCESS,
                false,
                aia(&[
                    (ext::OCSP, gn::uri("http://ocsp.example.com")),
                    (ext::CA_ISSUERS, gn::uri("https://ca.example.com/ca.crt")),
                ]),
            )
        },
    },
    // authorityInformationAccess.
    Mutation {
        family: "aia",
        name: "aia_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::AUTHORITY_INFO_ACCESS),
    },
    Mutation {
        family: "aia",
        name: "aia_no_ca_issuers",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::AUTHORITY_INFO_ACCESS,
                false,
                aia(&[(ext::OCSP, gn::uri("http://ocsp.example.com"))]),
            )
        },
    },
    Mutation {
        family: "aia",
        name: "aia_ocsp_ldap_extra",
        compliant: false,
        when: not_legacy,
        apply: |b, _| {
            b.ext(
                &oid::AUTHORITY_INFO_ACCESS,
                false,
                aia(&[
                    (ext::OCSP, gn::uri("http://ocsp.example.com")),
                    (ext::OCSP, gn::uri("ldap://ldap.example.com/cn=CA")),
                    (ext::CA_ISSUERS, gn::uri("http://ca.example.com/ca.crt")),
                ]),
            )
        },
    },
    Mutation {
        family: "aia",
        name: "aia_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::AUTHORITY_INFO_ACCESS, true),
    },
    // Key identifiers and basicConstraints.
    Mutation {
        family: "key_identifiers",
        name: "aki_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::AUTHORITY_KEY_IDENTIFIER),
    },
    Mutation {
        family: "key_identifiers",
        name: "aki_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::AUTHORITY_KEY_IDENTIFIER, true),
    },
    Mutation {
        family: "key_identifiers",
        name: "ski_missing",
        compliant: false,
        when: always,
        apply: |b, _| b.without_ext(&oid::SUBJECT_KEY_IDENTIFIER),
    },
    Mutation {
        family: "key_identifiers",
        name: "ski_critical",
        compliant: false,
        when: always,
        apply: |b, _| b.critical(&oid::SUBJECT_KEY_IDENTIFIER, true),
    },
    Mutation {
        family: "basic_constraints",
        name: "basic_constraints_path_len",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                ext::basic_constraints(false, Some(0)),
            )
        },
    },
    // Other subscriber extensions.
    Mutation {
        family: "extensions",
        name: "lei_in_mailbox_or_individual",
        compliant: false,
        when: mailbox_or_individual,
        apply: |b, _| b.ext(&oid::LEI, false, der::printable("5493001KJTIIGC8Y1R12")),
    },
    Mutation {
        family: "extensions",
        name: "lei_bad_checksum",
        compliant: false,
        when: org,
        apply: |b, _| b.ext(&oid::LEI, false, der::printable("5493001KJTIIGC8Y1R13")),
    },
    Mutation {
        family: "extensions",
        name: "adobe_timestamp_strict",
        compliant: false,
        when: strict,
        apply: |b, _| {
            b.ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                smimelint_factory::ext_values::adobe_timestamp(gn::uri("http://ts.example.com")),
            )
        },
    },
    Mutation {
        family: "extensions",
        name: "subject_directory_attributes_strict",
        compliant: false,
        when: strict,
        apply: |b, _| {
            b.ext(
                &oid::SUBJECT_DIRECTORY_ATTRIBUTES,
                false,
                der::seq(&[der::seq(&[
                    der::oid("1.3.6.1.5.5.7.9.4"),
                    der::set(&[der::printable("GB")]),
                ])]),
            )
        },
    },
    Mutation {
        family: "extensions",
        name: "smime_capabilities_critical",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::SMIME_CAPABILITIES,
                true,
                der::seq(&[der::seq(&[der::oid("2.16.840.1.101.3.4.1.42")])]),
            )
        },
    },
    Mutation {
        family: "extensions",
        name: "qc_statements_critical",
        compliant: false,
        when: org,
        apply: |b, _| {
            b.ext(
                &oid::QC_STATEMENTS,
                true,
                der::seq(&[der::seq(&[der::oid("0.4.0.1862.1.1")])]),
            )
        },
    },
    Mutation {
        family: "extensions",
        name: "name_constraints_in_end_entity",
        compliant: false,
        when: always,
        apply: |b, _| {
            let permitted = der::seq(&[der::explicit(0, &der::seq(&[gn::rfc822("example.com")]))]);
            b.ext(&oid::NAME_CONSTRAINTS, true, permitted)
        },
    },
    Mutation {
        family: "extensions",
        name: "policy_constraints_in_end_entity",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.ext(
                &oid::POLICY_CONSTRAINTS,
                true,
                der::seq(&[der::implicit(0, &[0])]),
            )
        },
    },
    // More probes of the name, key usage and extension rules.
    Mutation {
        family: "subject",
        name: "subject_pseudonym_with_given_name",
        compliant: false,
        when: person,
        apply: |b, t| b.subject_raw(subject_with(t, &[("pseudonym", "Ally")])),
    },
    Mutation {
        family: "variant",
        name: "subject_pseudonym_only",
        compliant: true,
        when: person,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["GN", "SN", "CN"],
                &[("pseudonym", "Ally"), ("CN", "Ally")],
            ))
        },
    },
    Mutation {
        family: "subject",
        name: "subject_ov_cn_other_name",
        compliant: false,
        when: |t, _| t.validation == Validation::Organization,
        apply: |b, t| b.subject_raw(subject_without(t, &["CN"], &[("CN", "Other Ltd")])),
    },
    Mutation {
        family: "variant",
        name: "org_id_lei",
        compliant: true,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["organizationIdentifier"],
                &[("organizationIdentifier", "LEIXG-5493001KJTIIGC8Y1R12")],
            ))
        },
    },
    Mutation {
        family: "variant",
        name: "org_id_ntr_subdivision",
        compliant: true,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["C", "organizationIdentifier"],
                &[("C", "US"), ("organizationIdentifier", "NTRUS+CA-12345678")],
            ))
        },
    },
    Mutation {
        family: "variant",
        name: "org_id_gov",
        compliant: true,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["organizationIdentifier"],
                &[("organizationIdentifier", "GOVGB")],
            ))
        },
    },
    Mutation {
        family: "variant",
        name: "org_id_euid_de",
        compliant: true,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["C", "organizationIdentifier"],
                &[
                    ("C", "DE"),
                    ("organizationIdentifier", "NTRDE-DER3306.HRB12345"),
                ],
            ))
        },
    },
    Mutation {
        family: "subject",
        name: "org_id_de_not_euid",
        compliant: false,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["C", "organizationIdentifier"],
                &[("C", "DE"), ("organizationIdentifier", "NTRDE-HRB12345")],
            ))
        },
    },
    Mutation {
        family: "subject",
        name: "org_id_unknown_scheme",
        compliant: false,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["organizationIdentifier"],
                &[("organizationIdentifier", "ABCGB-12345678")],
            ))
        },
    },
    Mutation {
        family: "subject",
        name: "org_id_country_mismatch",
        compliant: false,
        when: org,
        apply: |b, t| {
            b.subject_raw(subject_without(
                t,
                &["organizationIdentifier"],
                &[("organizationIdentifier", "NTRFR-12345678")],
            ))
        },
    },
    Mutation {
        family: "variant",
        name: "subject_title_person",
        compliant: true,
        when: person,
        apply: |b, t| b.subject_raw(subject_with(t, &[("title", "Engineer")])),
    },
    Mutation {
        family: "subject",
        name: "subject_title_organization",
        compliant: false,
        when: |t, _| t.validation == Validation::Organization,
        apply: |b, t| b.subject_raw(subject_with(t, &[("title", "Engineer")])),
    },
    Mutation {
        family: "variant",
        name: "subject_country_xx",
        compliant: true,
        when: not_mailbox,
        apply: |b, t| {
            let keep_org_id = matches!(
                t.validation,
                Validation::Organization | Validation::Sponsored
            );
            if keep_org_id {
                b.subject_raw(subject_without(
                    t,
                    &["C", "organizationIdentifier"],
                    &[
                        ("C", "XX"),
                        ("organizationIdentifier", "LEIXG-5493001KJTIIGC8Y1R12"),
                    ],
                ))
            } else {
                b.subject_raw(subject_without(t, &["C"], &[("C", "XX")]))
            }
        },
    },
    Mutation {
        family: "variant",
        name: "subject_serial_number_npi",
        compliant: true,
        when: person,
        apply: |b, t| b.subject_raw(subject_with(t, &[("serialNumber", "PASGB-123456789")])),
    },
    Mutation {
        family: "san",
        name: "san_smtp_utf8_upper_case_domain",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.san(&[
                gn::rfc822(MAILBOX),
                gn::smtp_utf8_mailbox("алиса@EXAMPLE.com"),
            ])
        },
    },
    Mutation {
        family: "variant",
        name: "san_upn_multipurpose",
        compliant: true,
        when: not_strict,
        apply: |b, _| {
            b.san(&[
                gn::rfc822(MAILBOX),
                gn::other_name("1.3.6.1.4.1.311.20.2.3", &der::utf8(MAILBOX)),
            ])
        },
    },
    Mutation {
        family: "key_usage",
        name: "ku_encipher_only_without_key_agreement",
        compliant: false,
        when: |_, k| matches!(k, KeyAlg::P256 | KeyAlg::P384 | KeyAlg::P521),
        apply: |b, _| ku_bits(b, &[ku::DIGITAL_SIGNATURE, ku::ENCIPHER_ONLY]),
    },
    Mutation {
        family: "key_usage",
        name: "ku_ec_key_encipherment",
        compliant: false,
        when: |_, k| matches!(k, KeyAlg::P256 | KeyAlg::P384 | KeyAlg::P521),
        apply: |b, _| ku_bits(b, &[ku::DIGITAL_SIGNATURE, ku::KEY_ENCIPHERMENT]),
    },
    Mutation {
        family: "key_identifiers",
        name: "aki_issuer_and_serial",
        compliant: false,
        when: always,
        apply: |b, _| {
            let id = [7u8; 20];
            let issuer = gn::directory_name(&name(&[("CN", "Example Root")]));
            b.ext(
                &oid::AUTHORITY_KEY_IDENTIFIER,
                false,
                smimelint_factory::ext_values::aki(Some(&id), &[issuer], Some(&[1])),
            )
        },
    },
    Mutation {
        family: "eku",
        name: "eku_time_stamping",
        compliant: false,
        when: always,
        apply: |b, _| b.eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_TIME_STAMPING]),
    },
    Mutation {
        family: "eku",
        name: "eku_any",
        compliant: false,
        when: always,
        apply: |b, _| b.eku(&[&oid::KP_EMAIL_PROTECTION, &oid::ANY_EKU]),
    },
    Mutation {
        family: "extensions",
        name: "unknown_critical_extension",
        compliant: false,
        when: always,
        apply: |b, _| {
            b.ext(
                &const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.7"),
                true,
                der::null(),
            )
        },
    },
    Mutation {
        family: "extensions",
        name: "subject_directory_attributes_mailbox_legacy",
        compliant: false,
        when: |t, k| legacy(t, k) && mailbox(t, k),
        apply: |b, _| {
            b.ext(
                &oid::SUBJECT_DIRECTORY_ATTRIBUTES,
                false,
                der::seq(&[der::seq(&[
                    der::oid("1.3.6.1.5.5.7.9.4"),
                    der::set(&[der::printable("GB")]),
                ])]),
            )
        },
    },
    Mutation {
        family: "policies",
        name: "policies_explicit_text_visible",
        compliant: false,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    &t.policy_oid(),
                    &[ext::user_notice(None, Some(der::visible("Notice")))],
                )]),
            )
        },
    },
    Mutation {
        family: "variant",
        name: "policies_cps_https_and_notice",
        compliant: true,
        when: always,
        apply: |b, t| {
            b.ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    &t.policy_oid(),
                    &[
                        ext::cps_qualifier("https://example.com/cps"),
                        ext::user_notice(None, Some(der::utf8("Notice"))),
                    ],
                )]),
            )
        },
    },
    // Generation dates.
    Mutation {
        family: "policies",
        name: "legacy_after_sunset",
        compliant: false,
        when: legacy,
        apply: |b, _| {
            b.validity(
                smimelint::time::date(2025, 8, 1),
                smimelint::time::date(2026, 7, 31),
            )
        },
    },
    // Keys, algorithms and validity.
    Mutation {
        family: "keys",
        name: "validity_900_days",
        compliant: false,
        when: always,
        apply: |b, t| {
            let nb = if t.generation == Generation::Legacy {
                smimelint_factory::LEGACY_NOT_BEFORE
            } else {
                smimelint_factory::DEFAULT_NOT_BEFORE
            };
            b.validity(nb, nb + 900 * 86_400)
        },
    },
    Mutation {
        family: "keys",
        name: "rsa_spki_without_null",
        compliant: false,
        when: rsa,
        apply: |b, _| spki_without_null(b),
    },
];

/// Key algorithms the generator draws from (P-521 is allowed by the SBR, rejected by pkilint).
pub(super) const KEYS: &[KeyAlg] = &[
    KeyAlg::Rsa2048,
    KeyAlg::Rsa2048,
    KeyAlg::Rsa3072,
    KeyAlg::P256,
    KeyAlg::P384,
    KeyAlg::P521,
    KeyAlg::Ed25519,
    KeyAlg::MlDsa44,
    KeyAlg::MlKem768,
];
