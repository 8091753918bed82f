//! certificatePolicies: the reserved S/MIME policy OIDs and the Legacy sunset (SBR 7.1.2.3(a),
//! 7.1.6.1, 7.1.6.4) and the policy qualifiers (SBR 7.1.2.2(a), 7.1.2.3(a); RFC 5280 4.2.1.4 as
//! updated by RFC 6818 §3).
//!
//! The presence lint reads the extension list; every other lint reads the decoded
//! `ctx.cert.policies()` view and returns NA when the extension is absent (reported by
//! `e_smime_certificate_policies_missing`) or undecodable (reported by `e_asn1_field_invalid`).
//!
//! Qualifier contents are decoded here. x509-cert decodes a qualifier as an open type, so a
//! UserNotice or CPS pointer of the wrong shape is reported by the qualifier lints below rather
//! than by the structural lint.
//!
//! Not checked: RFC 6818 asks that UTF8String and BMPString explicitText be normalized to
//! Unicode NFC (SHOULD). Deciding that needs the Unicode composition tables, which smimelint
//! does not carry.

use super::prelude::*;
use smimelint_cert::der_text::tag;
use smimelint_cert::{Element, UserNotice};
use smimelint_cert::{PolicyInfo, Qualifier};
use smimelint_engine::detect::{CertType, Generation};

/// Reserved policy OIDs of a policy list, in order.
fn reserved<'p, 'a>(list: &'p [PolicyInfo<'a>]) -> impl Iterator<Item = &'a [u8]> + 'p {
    list.iter()
        .map(|p| p.oid)
        .filter(|o| CertType::from_policy_oid(o).is_some())
}

/// Every qualifier of a policy list with the policy it belongs to.
fn qualifiers<'p, 'a>(
    list: &'p [PolicyInfo<'a>],
) -> impl Iterator<Item = (&'p PolicyInfo<'a>, &'p Qualifier<'a>)> + 'p {
    list.iter()
        .flat_map(|p| p.qualifiers.iter().flatten().map(move |q| (p, q)))
}

/// Passes when nothing was found, else fails with the findings joined.
fn report(found: Vec<String>) -> Outcome {
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

/// Dotted OIDs, comma-separated.
fn dotted_list<'a>(oids: impl Iterator<Item = &'a [u8]>) -> String {
    oids.map(oid::dotted).collect::<Vec<_>>().join(", ")
}

fn check_certificate_policies_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a certificatePolicies extension (2.5.29.32).
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) says the extension SHALL be present: the reserved policy OID in it is
    /// what states that the certificate was issued under the S/MIME Baseline Requirements, and
    /// which type and generation it follows. Without it smimelint has to guess the type from the
    /// subject (as a Legacy certificate).
    ///
    /// ## Example
    /// A certificate with keyUsage, extKeyUsage and subjectAltName but no certificatePolicies.
    E_SMIME_CERTIFICATE_POLICIES_MISSING {
        name: "e_smime_certificate_policies_missing",
        description: "A subscriber certificate has no certificatePolicies extension",
        citation: "SBR 7.1.2.3(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_policies_extension_missing"],
        zlint: ["e_exactly_one_smime_policy"],
        catalog: ["e_smime_certificate_policies_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_certificate_policies_missing,
    }
}

fn check_reserved_policy_oid_missing(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    if reserved(list).next().is_some() {
        return Outcome::Pass;
    }
    if list.is_empty() {
        fail!("certificatePolicies is empty, so it holds none of the reserved S/MIME policy OIDs")
    } else {
        fail!(
            "certificatePolicies holds none of the reserved S/MIME policy OIDs 2.23.140.1.5.T.G; \
             found: {}",
            dotted_list(list.iter().map(|p| p.oid))
        )
    }
}

lint! {
    /// ## What it checks
    /// certificatePolicies contains one of the twelve reserved policy identifiers of SBR
    /// 7.1.6.1 (`2.23.140.1.5.T.G`: T = 1 mailbox, 2 organization, 3 sponsor, 4 individual;
    /// G = 1 Legacy, 2 Multipurpose, 3 Strict).
    ///
    /// Other policy OIDs next to the reserved one are allowed and never reported: SBR 7.1.2.3(a)
    /// and 7.1.6.4 let the certificate carry any number of additional identifiers documented by
    /// the CA in its CP and/or CPS (SMC09 reworded 7.1.6.4 to say exactly that).
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) and 7.1.6.4: the certificate SHALL include a reserved identifier. It is the
    /// only statement in the certificate of the SBR profile it follows; without it smimelint
    /// guesses the type from the subject, as a Legacy certificate.
    ///
    /// ## Example
    /// certificatePolicies holding only the CA's own OID `1.3.6.1.4.1.99999.1.2`.
    ///
    /// ## Differences from pkilint
    /// When told the type (`-t`), pkilint requires the reserved OID of that type and reports
    /// `cabf.smime.no_required_reserved_policy_oid` also when the certificate carries another
    /// reserved OID. This lint checks the certificate alone: any one of the twelve satisfies it,
    /// whatever `--type` says.
    E_SMIME_RESERVED_POLICY_OID_MISSING {
        name: "e_smime_reserved_policy_oid_missing",
        description: "certificatePolicies contains none of the reserved S/MIME policy OIDs",
        citation: "SBR 7.1.2.3(a), 7.1.6.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.no_required_reserved_policy_oid"],
        zlint: ["e_exactly_one_smime_policy"],
        catalog: ["e_smime_reserved_policy_oid_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_reserved_policy_oid_missing,
    }
}

fn check_multiple_reserved_policy_oids(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let Some(first) = reserved(list).next() else {
        return Outcome::Pass;
    };
    if reserved(list).all(|o| o == first) {
        return Outcome::Pass;
    }
    let mut distinct: Vec<&[u8]> = Vec::new();
    for o in reserved(list) {
        if !distinct.contains(&o) {
            distinct.push(o);
        }
    }
    let types: Vec<String> = distinct
        .iter()
        .filter_map(|o| CertType::from_policy_oid(o))
        .map(|t| format!("{} ({t})", t.policy_oid()))
        .collect();
    fail!(
        "certificatePolicies holds {} different reserved S/MIME policy OIDs: {}",
        types.len(),
        types.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// certificatePolicies contains at most one distinct reserved S/MIME policy identifier
    /// (`2.23.140.1.5.T.G`). The same reserved OID listed twice is an RFC 5280 defect reported
    /// by `e_smime_rfc5280_duplicate_policy_oid` instead.
    ///
    /// Additional non-reserved policy OIDs documented by the CA in its CP and/or CPS are
    /// allowed next to the one reserved OID (SBR 7.1.6.4, as reworded by SMC09) and are not
    /// counted.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a): the extension SHALL include *exactly one* of the reserved identifiers.
    /// Two of them claim two types or two generations at once, with contradicting profiles
    /// (for example Strict and Legacy extKeyUsage rules). smimelint lints such a certificate as
    /// the type of the first reserved OID.
    ///
    /// ## Example
    /// `2.23.140.1.5.3.3` (sponsor-validated Strict) together with `2.23.140.1.5.2.3`
    /// (organization-validated Strict).
    E_SMIME_MULTIPLE_RESERVED_POLICY_OIDS {
        name: "e_smime_multiple_reserved_policy_oids",
        description: "certificatePolicies contains more than one reserved S/MIME policy OID",
        citation: "SBR 7.1.2.3(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.multiple_reserved_policy_oids"],
        zlint: ["e_exactly_one_smime_policy"],
        catalog: ["e_smime_multiple_reserved_policy_oids"],
        applies: Applies::SUBSCRIBER,
        check: check_multiple_reserved_policy_oids,
    }
}

/// In the S/MIME arc 2.23.140.1.5 (or the arc itself) but not one of the twelve reserved OIDs.
fn is_unlisted_smime_oid(o: &[u8]) -> bool {
    (o == oid::SMIME_POLICY_ARC.as_bytes() || oid::is_under(o, &oid::SMIME_POLICY_ARC))
        && CertType::from_policy_oid(o).is_none()
}

fn check_unlisted_oid_in_smime_arc(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    if !list.iter().any(|p| is_unlisted_smime_oid(p.oid)) {
        return Outcome::Pass;
    }
    fail!(
        "policy OID(s) under the S/MIME arc 2.23.140.1.5 that SBR 7.1.6.1 does not reserve: {}",
        dotted_list(
            list.iter()
                .map(|p| p.oid)
                .filter(|o| is_unlisted_smime_oid(o))
        )
    )
}

lint! {
    /// ## What it checks
    /// No policy identifier lies in the CA/Browser Forum S/MIME arc `2.23.140.1.5` without
    /// being one of the twelve OIDs reserved by SBR 7.1.6.1 (`2.23.140.1.5.{1..4}.{1..3}`).
    /// Checked in subscriber and CA certificates: a Root CA certificate that carries the
    /// extension follows the Subordinate CA rules (SBR 7.1.6.2).
    ///
    /// ## Why
    /// The arc belongs to the CA/Browser Forum, so such an OID is neither a reserved identifier
    /// nor one the CA can document in its own CP/CPS (SBR 7.1.6.3, 7.1.6.4). It is almost
    /// always a typo for a reserved OID, in which case the certificate does not say which
    /// profile it follows. The SBR has no sentence forbidding it outright, hence a warning.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.4` (there is no fourth generation) or `2.23.140.1.5.5.1` (no fifth type).
    ///
    /// ## Differences from pkilint
    /// pkilint 0.13.3 reports nothing for such an OID.
    W_SMIME_UNLISTED_OID_IN_SMIME_ARC {
        name: "w_smime_unlisted_oid_in_smime_arc",
        description: "A policy OID in the S/MIME arc 2.23.140.1.5 is not one of the reserved OIDs",
        citation: "SBR 7.1.6.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_unlisted_oid_in_smime_arc"],
        applies: Applies::ALL,
        check: check_unlisted_oid_in_smime_arc,
    }
}

fn check_reserved_policy_oid_before_publication(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let in_arc = |o: &[u8]| {
        o == oid::SMIME_POLICY_ARC.as_bytes() || oid::is_under(o, &oid::SMIME_POLICY_ARC)
    };
    if !list.iter().any(|p| in_arc(p.oid)) {
        return Outcome::Pass;
    }
    // The certificate's own claim, whatever the evaluation time: a notBefore the OIDs postdate.
    let Some(nb) = ctx.cert.not_before_time() else {
        return Outcome::NotApplicable;
    };
    if nb >= dates::SBR_PUBLISHED {
        return Outcome::Pass;
    }
    fail!(
        "policy OID(s) {} of the S/MIME arc in a certificate with notBefore {}, before SBR v1.0.0 \
         defined them (published {}): backdated, or its dates are wrong",
        dotted_list(list.iter().map(|p| p.oid).filter(|o| in_arc(o))),
        smimelint_cert::time::format_date(nb),
        smimelint_cert::time::format_date(dates::SBR_PUBLISHED)
    )
}

lint! {
    /// ## What it checks
    /// A certificate whose certificatePolicies hold a policy OID of the S/MIME arc
    /// `2.23.140.1.5` (the reserved `2.23.140.1.5.T.G` of SBR 7.1.6.1) has a notBefore on or
    /// after 2023-01-01, the publication of SBR v1.0.0. The certificate's notBefore is read
    /// whatever the evaluation time (`--at`). Early adopters, issuing with the reserved OIDs
    /// between publication and the 2023-09-01 effective date, are not reported.
    ///
    /// ## Why
    /// SBR 1.2.1: v1.0.0 (ballot SMC01), which defined the reserved policy identifiers, was
    /// published on January 1, 2023. A certificate dated earlier claims compliance with a
    /// policy that did not exist yet: either it was backdated (its notBefore does not tell when
    /// it was issued) or its dates are wrong. Both undermine every date-based rule, which is
    /// evaluated at the notBefore. No SBR sentence forbids the combination as such (backdating
    /// is a matter of the TLS-style practices the SBR does not restate), hence a warning.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.1` (mailbox-legacy) with notBefore 2022-09-10.
    W_SMIME_RESERVED_POLICY_OID_BEFORE_PUBLICATION {
        name: "w_smime_reserved_policy_oid_before_publication",
        description: "A certificate asserts an S/MIME arc policy OID with a notBefore before SBR v1.0.0 was published (2023-01-01)",
        citation: "SBR 1.2.1, 7.1.6.1",
        source: Source::Sbr,
        effective: dates::ALWAYS,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_reserved_policy_oid_before_publication,
    }
}

fn check_certificate_policies_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// The certificatePolicies extension of a subscriber certificate is not marked critical.
    /// Only the critical flag is read, so the lint also runs when the value is undecodable.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a): the extension SHOULD NOT be marked critical. Relying parties that do not
    /// process policies (most mail clients) must reject a certificate with an unrecognized
    /// critical extension (RFC 5280 4.2).
    ///
    /// ## Example
    /// certificatePolicies with `critical: TRUE`.
    W_SMIME_CERTIFICATE_POLICIES_CRITICAL {
        name: "w_smime_certificate_policies_critical",
        description: "certificatePolicies is marked critical in a subscriber certificate",
        citation: "SBR 7.1.2.3(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.critical_certificate_policies_extension"],
        zlint: [],
        catalog: ["w_smime_certificate_policies_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_certificate_policies_critical,
    }
}

/// Why `uri` is not an absolute http or https URL with a host, or None when it is one.
fn http_url_problem(uri: &[u8]) -> Option<&'static str> {
    if uri.is_empty() {
        return Some("it is empty");
    }
    if uri.iter().any(|b| !(0x21..=0x7e).contains(b)) {
        return Some("it contains a space, a control character or a non-ASCII character");
    }
    let Some(colon) = uri.iter().position(|&b| b == b':') else {
        return Some("it has no scheme");
    };
    let scheme = &uri[..colon];
    if !scheme.eq_ignore_ascii_case(b"http") && !scheme.eq_ignore_ascii_case(b"https") {
        return Some("its scheme is not http or https");
    }
    let Some(rest) = uri[colon + 1..].strip_prefix(b"//") else {
        return Some("it has no authority (\"//host\") after the scheme");
    };
    let end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let host_port = match authority.iter().rposition(|&b| b == b'@') {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    let host = if host_port.first() == Some(&b'[') {
        match host_port.iter().position(|&b| b == b']') {
            Some(close) => &host_port[1..close],
            None => return Some("its IPv6 host has no closing bracket"),
        }
    } else {
        match host_port.iter().position(|&b| b == b':') {
            Some(colon) => &host_port[..colon],
            None => host_port,
        }
    };
    if host.is_empty() {
        return Some("it has no host");
    }
    None
}

fn check_cps_qualifier_not_http_url(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, q) in qualifiers(list).filter(|(_, q)| q.id == oid::QT_CPS.as_bytes()) {
        seen = true;
        let problem = match q.value {
            None => Some("the qualifier has no value".to_string()),
            Some(v) if v.tag != tag::IA5_STRING => Some(format!(
                "the CPS pointer is a {}, not an IA5String URL",
                smimelint_cert::der_text::tag_name(v.tag)
            )),
            Some(v) => http_url_problem(v.content).map(|why| {
                format!(
                    "\"{}\" is not an HTTP or HTTPS URL: {why}",
                    String::from_utf8_lossy(v.content).escape_debug()
                )
            }),
        };
        if let Some(problem) = problem {
            found.push(format!(
                "policy {}: id-qt-cps {problem}",
                oid::dotted(p.oid)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// Every `id-qt-cps` (1.3.6.1.5.5.7.2.1) policy qualifier holds an IA5String that is an
    /// absolute `http://` or `https://` URL: the scheme is compared case-insensitively, an
    /// authority with a non-empty host must follow, and the string must not contain spaces,
    /// control characters or non-ASCII bytes. Checked in subscriber and CA certificates.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) for subscribers and 7.1.2.2(a) for subordinate CAs (and through 7.1.6.2
    /// for roots that carry the extension): the value of a CPS qualifier SHALL be an HTTP or
    /// HTTPS URL pointing to the CA's CP/CPS, relying party agreement or other online policy
    /// information. Relying parties cannot fetch `ldap:`, `file:` or relative references, and
    /// RFC 5280 4.2.1.4 defines the pointer as an IA5String URI.
    ///
    /// ## Example
    /// `ftp://ftp.example.com/cps.pdf`; `https:///cps` (no host); `www.example.com/cps` (no
    /// scheme); the URL encoded as a UTF8String.
    ///
    /// ## Differences from pkilint
    /// pkilint 0.13.3 reports a non-HTTP scheme as `cabf.cps_uri_is_not_http`; a pointer with an
    /// HTTP scheme but no host (`https:///cps`) it reports only through its generic
    /// `pkix.invalid_uri_syntax` and `cabf.internal_domain_name` findings. smimelint reports
    /// every way the value fails to be an HTTP(S) URL under this lint.
    E_SMIME_CPS_QUALIFIER_NOT_HTTP_URL {
        name: "e_smime_cps_qualifier_not_http_url",
        description: "An id-qt-cps policy qualifier is not an HTTP or HTTPS URL",
        citation: "SBR 7.1.2.3(a), 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.cps_uri_is_not_http"],
        zlint: [],
        catalog: ["e_smime_cps_qualifier_not_http_url"],
        applies: Applies::ALL,
        check: check_cps_qualifier_not_http_url,
    }
}

/// Every well-formed UserNotice of a policy list, with its policy.
fn user_notices<'p, 'a>(
    list: &'p [PolicyInfo<'a>],
) -> impl Iterator<Item = (&'p PolicyInfo<'a>, UserNotice<'a>)> + 'p {
    qualifiers(list)
        .filter(|(_, q)| q.id == oid::QT_UNOTICE.as_bytes())
        .filter_map(|(p, q)| q.user_notice().ok().map(|n| (p, n)))
}

/// Every explicitText of a policy list, with its policy.
fn explicit_texts<'p, 'a>(
    list: &'p [PolicyInfo<'a>],
) -> impl Iterator<Item = (&'p PolicyInfo<'a>, Element<'a>)> + 'p {
    user_notices(list).filter_map(|(p, n)| n.explicit_text.map(|t| (p, t)))
}

fn check_user_notice_missing_explicit_text(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, q) in qualifiers(list).filter(|(_, q)| q.id == oid::QT_UNOTICE.as_bytes()) {
        seen = true;
        let problem = match q.user_notice() {
            Ok(UserNotice {
                explicit_text: Some(_),
                ..
            }) => continue,
            Ok(_) => "has no explicitText",
            Err(why) => why,
        };
        found.push(format!(
            "policy {}: id-qt-unotice qualifier {problem}",
            oid::dotted(p.oid)
        ));
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// Every `id-qt-unotice` (1.3.6.1.5.5.7.2.2) policy qualifier is a UserNotice SEQUENCE that
    /// contains `explicitText`. A qualifier value that is not a UserNotice at all (not a
    /// SEQUENCE, or with elements after explicitText) is reported here too, since it contains
    /// no readable explicitText. Checked in subscriber and CA certificates.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) and 7.1.2.2(a): a user notice qualifier SHALL contain explicitText. A
    /// notice without text (or with only a noticeRef, which the SBR forbids separately) shows
    /// the relying party nothing.
    ///
    /// ## Example
    /// A UserNotice that is an empty SEQUENCE `30 00`.
    ///
    /// ## Differences from pkilint
    /// pkilint 0.13.3 has no finding for a UserNotice without explicitText.
    E_SMIME_USER_NOTICE_MISSING_EXPLICIT_TEXT {
        name: "e_smime_user_notice_missing_explicit_text",
        description: "An id-qt-unotice policy qualifier has no explicitText",
        citation: "SBR 7.1.2.3(a), 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_user_notice_missing_explicit_text"],
        applies: Applies::ALL,
        check: check_user_notice_missing_explicit_text,
    }
}

fn check_user_notice_has_notice_ref(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, notice) in user_notices(list) {
        seen = true;
        if notice.notice_ref.is_some() {
            found.push(format!(
                "policy {}: the UserNotice contains a noticeRef",
                oid::dotted(p.oid)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// No UserNotice policy qualifier contains the `noticeRef` field. Checked in subscriber and
    /// CA certificates.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) and 7.1.2.2(a): a user notice SHALL NOT contain noticeRef. The notice
    /// reference points to text kept outside the certificate that relying parties have no
    /// standard way to obtain; RFC 5280 4.2.1.4 already asks CAs not to use it (SHOULD NOT).
    /// This lint reports both requirements at the SBR's level.
    ///
    /// ## Example
    /// A UserNotice `SEQUENCE { noticeRef SEQUENCE { "Example CA", { 1 } }, explicitText … }`.
    E_SMIME_USER_NOTICE_HAS_NOTICE_REF {
        name: "e_smime_user_notice_has_notice_ref",
        description: "A UserNotice policy qualifier contains noticeRef",
        citation: "SBR 7.1.2.3(a), 7.1.2.2(a); RFC 5280 4.2.1.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.usernotice_has_noticeref",
            "pkix.certificate_policies_usernotice_has_noticeref",
        ],
        zlint: ["w_ext_cert_policy_contains_noticeref"],
        catalog: ["e_smime_user_notice_has_notice_ref"],
        applies: Applies::ALL,
        check: check_user_notice_has_notice_ref,
    }
}

fn check_subscriber_any_policy_present(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    if list.iter().any(|p| p.oid == oid::ANY_POLICY.as_bytes()) {
        fail!("certificatePolicies contains anyPolicy (2.5.29.32.0)")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate does not assert the special policy anyPolicy (2.5.29.32.0).
    ///
    /// ## Why
    /// SBR 7.1.6.4 lets a subscriber certificate carry, next to its reserved OID, additional
    /// policy identifiers *documented by the Issuing CA in its CP and/or CPS*. anyPolicy is not
    /// such an identifier: it tells relying parties that the certificate may be used under any
    /// policy at all, which dilutes the reserved OID's statement of the profile followed.
    ///
    /// ## Example
    /// certificatePolicies `{ 2.23.140.1.5.1.3, 2.5.29.32.0 }`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.anypolicy_present` as an ERROR. The SBR contains no
    /// prohibition of anyPolicy for subscriber certificates: the only sentence that forbids it
    /// is in 7.1.6.3, and it covers Subordinate CA certificates issued to non-affiliates
    /// (affiliated Subordinate CAs may even use anyPolicy alone). For subscribers the text
    /// requires the reserved OID and permits additional CA-documented OIDs, so anyPolicy is a
    /// questionable extra value rather than a violated SHALL: smimelint warns.
    W_SMIME_SUBSCRIBER_ANY_POLICY_PRESENT {
        name: "w_smime_subscriber_any_policy_present",
        description: "A subscriber certificate asserts anyPolicy",
        citation: "SBR 7.1.6.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.anypolicy_present"],
        zlint: [],
        catalog: ["w_smime_subscriber_any_policy_present"],
        applies: Applies::SUBSCRIBER,
        check: check_subscriber_any_policy_present,
    }
}

fn check_legacy_generation_after_sunset(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let legacy = reserved(list)
        .find_map(|o| CertType::from_policy_oid(o).filter(|t| t.generation == Generation::Legacy));
    match legacy {
        None => Outcome::Pass,
        Some(t) => fail!(
            "Legacy generation policy OID {} ({t}) on or after the {} sunset; {}",
            t.policy_oid(),
            smimelint_cert::time::format_date(dates::LEGACY_SUNSET),
            dates::evaluation_time(ctx.at, ctx.cert.not_before_time())
        ),
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate whose notBefore (or the `--at` time) is on or after
    /// 2025-07-15T00:00:00Z does not carry a Legacy generation reserved policy OID
    /// (`2.23.140.1.5.1.1`, `2.23.140.1.5.2.1`, `2.23.140.1.5.3.1`, `2.23.140.1.5.4.1`).
    ///
    /// The lint reads the reserved OID in the certificate. A certificate that smimelint lints
    /// as Legacy only because it guessed the type from the subject (no reserved OID) is not
    /// reported: it was not issued *using* a Legacy profile OID, and its missing OID is
    /// reported by `e_smime_reserved_policy_oid_missing`. A `--type` override does not hide a
    /// Legacy OID that the certificate carries.
    ///
    /// ## Why
    /// SBR 7.1.6.1, added by ballot SMC08: effective July 15, 2025, S/MIME subscriber
    /// certificates SHALL NOT be issued using the Legacy generation profiles.
    ///
    /// ## Example
    /// A certificate with policy `2.23.140.1.5.4.1` (individual-validated Legacy) and notBefore
    /// 2025-10-01.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.legacy_generation_certificate_issued_after_prohibition`
    /// whenever it lints a certificate as Legacy, including when it only guessed the Legacy
    /// generation because the certificate has no reserved OID (or no certificatePolicies at
    /// all). The SBR prohibits issuing *using* the Legacy profile OIDs, so smimelint reports
    /// only certificates that carry one.
    E_SMIME_LEGACY_GENERATION_AFTER_SUNSET {
        name: "e_smime_legacy_generation_after_sunset",
        description: "A Legacy generation subscriber certificate issued on or after 2025-07-15",
        citation: "SBR 7.1.6.1",
        source: Source::Sbr,
        effective: dates::LEGACY_SUNSET,
        ballot: "SMC08",
        pkilint: ["cabf.smime.legacy_generation_certificate_issued_after_prohibition"],
        zlint: ["e_legacy_generation_deprecated"],
        catalog: ["e_smime_legacy_generation_after_sunset"],
        applies: Applies::SUBSCRIBER,
        check: check_legacy_generation_after_sunset,
    }
}

fn check_duplicate_policy_oid(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut groups = repeated_groups(list.len(), |i| list[i].oid);
    if groups.is_empty() {
        return Outcome::Pass;
    }
    // Each repeated OID once, in the order of its first repetition.
    groups.sort_unstable_by_key(|g| g[1]);
    let counts: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({} times)", oid::dotted(list[g[0]].oid), g.len()))
        .collect();
    fail!("policy OID(s) listed more than once: {}", counts.join(", "))
}

lint! {
    /// ## What it checks
    /// No policy identifier appears in more than one PolicyInformation of certificatePolicies.
    /// Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: a certificate policy OID MUST NOT appear more than once in a
    /// certificate policies extension; SBR 7.1.2.4 requires every extension to follow RFC 5280.
    /// Qualifiers for one policy belong in that policy's single PolicyInformation.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.3` listed twice, once bare and once with a CPS qualifier.
    E_SMIME_RFC5280_DUPLICATE_POLICY_OID {
        name: "e_smime_rfc5280_duplicate_policy_oid",
        description: "A policy OID appears more than once in certificatePolicies",
        citation: "RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.duplicate_certificate_policy_oids"],
        zlint: ["e_ext_cert_policy_duplicate"],
        catalog: ["e_smime_rfc5280_duplicate_policy_oid"],
        applies: Applies::ALL,
        check: check_duplicate_policy_oid,
    }
}

/// The DisplayText CHOICE alternatives.
fn is_display_text(t: u8) -> bool {
    matches!(
        t,
        tag::IA5_STRING | tag::VISIBLE_STRING | tag::BMP_STRING | tag::UTF8_STRING
    )
}

/// Number of characters of a DisplayText value, or None when its content is not valid for its
/// type (reported by `e_der_string_invalid`).
fn display_text_chars(t: &Element<'_>) -> Option<usize> {
    match t.tag {
        tag::UTF8_STRING => std::str::from_utf8(t.content)
            .ok()
            .map(|s| s.chars().count()),
        tag::BMP_STRING => t
            .content
            .len()
            .is_multiple_of(2)
            .then_some(t.content.len() / 2),
        tag::IA5_STRING | tag::VISIBLE_STRING => Some(t.content.len()),
        _ => None,
    }
}

/// DisplayText ::= CHOICE { … (SIZE (1..200)) }.
const EXPLICIT_TEXT_MAX: usize = 200;

fn check_explicit_text_encoding(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, text) in explicit_texts(list) {
        seen = true;
        let problem = if text.tag == tag::IA5_STRING {
            Some("is an IA5String".to_string())
        } else if !is_display_text(text.tag) {
            Some(format!(
                "is a {}, which is not a DisplayText type",
                smimelint_cert::der_text::tag_name(text.tag)
            ))
        } else {
            match display_text_chars(&text) {
                Some(0) => Some("is empty".to_string()),
                Some(n) if n > EXPLICIT_TEXT_MAX => Some(format!(
                    "has {n} characters (at most {EXPLICIT_TEXT_MAX} allowed)"
                )),
                _ => None,
            }
        };
        if let Some(problem) = problem {
            found.push(format!(
                "policy {}: explicitText {problem}",
                oid::dotted(p.oid)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// Every UserNotice explicitText is encoded as one of the DisplayText types other than
    /// IA5String (that is UTF8String, VisibleString or BMPString) and holds 1 to 200
    /// characters. Checked in every certificate.
    ///
    /// VisibleString and BMPString are reported as warnings by
    /// `w_smime_rfc5280_explicit_text_not_utf8`, since RFC 6818 only discourages them.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4 as replaced by RFC 6818 §3: conforming CAs MUST NOT encode explicitText
    /// as IA5String, and explicitText is a string of at most 200 characters (`DisplayText`
    /// is `SIZE (1..200)` in every alternative; RFC 5280 calls CAs that exceed it
    /// non-conforming). SBR 7.1.2.4 requires every extension to follow RFC 5280, and the SBR
    /// title of 7.1.2 names RFC 6818 as applying.
    ///
    /// ## Example
    /// `explicitText: IA5String "Any use of this certificate …"`; a UTF8String of 250
    /// characters; a PrintableString.
    ///
    /// ## Differences from pkilint
    /// pkilint reports IA5String as `pkix.rfc6818_certificate_policies_invalid_explicit_text_encoding`,
    /// as here, but additionally reports VisibleString and BMPString as errors under the
    /// original RFC 5280 wording (`pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding`),
    /// which RFC 6818 replaced in 2013. smimelint warns for those (see
    /// `w_smime_rfc5280_explicit_text_not_utf8`).
    ///
    /// pkilint cannot decode an explicitText longer than 200 characters and reports
    /// `itu.invalid_asn1_syntax` (FATAL) for the whole certificate instead.
    E_SMIME_RFC5280_EXPLICIT_TEXT_ENCODING {
        name: "e_smime_rfc5280_explicit_text_encoding",
        description: "A UserNotice explicitText is an IA5String, not a DisplayText type, or longer than 200 characters",
        citation: "RFC 5280 4.2.1.4; RFC 6818 3; SBR 7.1.2.4",
        source: Source::Rfc6818,
        effective: dates::RFC_6818,
        ballot: "SMC01",
        pkilint: ["pkix.rfc6818_certificate_policies_invalid_explicit_text_encoding"],
        zlint: [
            "e_ext_cert_policy_explicit_text_ia5_string",
            "e_ext_cert_policy_explicit_text_too_long",
        ],
        catalog: ["e_smime_rfc5280_explicit_text_encoding"],
        applies: Applies::ALL,
        check: check_explicit_text_encoding,
    }
}

fn check_explicit_text_not_utf8(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, text) in explicit_texts(list) {
        seen = true;
        if matches!(text.tag, tag::VISIBLE_STRING | tag::BMP_STRING) {
            found.push(format!(
                "policy {}: explicitText is a {}",
                oid::dotted(p.oid),
                smimelint_cert::der_text::tag_name(text.tag)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// No UserNotice explicitText is a VisibleString or BMPString. (IA5String and non-DisplayText
    /// types are errors, reported by `e_smime_rfc5280_explicit_text_encoding`.) Checked in every
    /// certificate.
    ///
    /// ## Why
    /// RFC 6818 §3, replacing the RFC 5280 4.2.1.4 paragraph: conforming CAs SHOULD use
    /// UTF8String for explicitText; VisibleString or BMPString are acceptable but less preferred
    /// alternatives. UTF8String is the encoding every relying party displays correctly.
    ///
    /// ## Example
    /// `explicitText: VisibleString "Any use of this certificate …"`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports VisibleString and BMPString as an ERROR
    /// (`pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding`, "Conforming CAs MUST
    /// NOT encode explicitText as VisibleString or BMPString"). That is the RFC 5280 text of
    /// 2008, which RFC 6818 §3 replaced ("This paragraph is replaced with") by the SHOULD
    /// above. The SBR applies RFC 6818 (title of 7.1.2). The SBR's definition of an Extant
    /// S/MIME CA (1.6.1) still describes these encodings as "not permitted by RFC 5280", but
    /// only to excuse them in pre-2023 CA certificates; it states no requirement of its own, so
    /// smimelint follows the updated RFC keyword and warns.
    W_SMIME_RFC5280_EXPLICIT_TEXT_NOT_UTF8 {
        name: "w_smime_rfc5280_explicit_text_not_utf8",
        description: "A UserNotice explicitText is a VisibleString or BMPString instead of a UTF8String",
        citation: "RFC 6818 3; RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc6818,
        effective: dates::RFC_6818,
        ballot: "SMC01",
        pkilint: ["pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding"],
        zlint: ["w_ext_cert_policy_explicit_text_not_utf8"],
        catalog: [],
        applies: Applies::ALL,
        check: check_explicit_text_not_utf8,
    }
}

/// C0 controls, DEL and C1 controls: U+0000–U+001F and U+007F–U+009F.
fn is_control(cp: u32) -> bool {
    cp <= 0x1f || (0x7f..=0x9f).contains(&cp)
}

/// The first control character of a DisplayText value, when it has one.
fn first_control(t: &Element<'_>) -> Option<u32> {
    match t.tag {
        tag::UTF8_STRING => std::str::from_utf8(t.content)
            .ok()?
            .chars()
            .map(u32::from)
            .find(|&c| is_control(c)),
        tag::BMP_STRING => t
            .content
            .chunks_exact(2)
            .map(|u| u32::from(u16::from_be_bytes([u[0], u[1]])))
            .find(|&c| is_control(c)),
        tag::IA5_STRING | tag::VISIBLE_STRING => t
            .content
            .iter()
            .map(|&b| u32::from(b))
            .find(|&c| is_control(c)),
        _ => None,
    }
}

fn check_explicit_text_control_characters(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut seen = false;
    let mut found = Vec::new();
    for (p, text) in explicit_texts(list) {
        seen = true;
        if let Some(c) = first_control(&text) {
            found.push(format!(
                "policy {}: explicitText contains the control character U+{c:04X}",
                oid::dotted(p.oid)
            ));
        }
    }
    if !seen {
        return Outcome::NotApplicable;
    }
    report(found)
}

lint! {
    /// ## What it checks
    /// No UserNotice explicitText contains a control character (U+0000–U+001F, U+007F–U+009F),
    /// line breaks and tabs included. Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4 (kept by RFC 6818 §3): the explicitText string SHOULD NOT include any
    /// control characters. Relying parties display the text to users; control characters
    /// render inconsistently or can be used to disguise it.
    ///
    /// ## Example
    /// `explicitText: UTF8String "Line one\nLine two"`.
    W_SMIME_RFC5280_EXPLICIT_TEXT_CONTROL_CHARACTERS {
        name: "w_smime_rfc5280_explicit_text_control_characters",
        description: "A UserNotice explicitText contains control characters",
        citation: "RFC 5280 4.2.1.4; RFC 6818 3; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_policies_explicit_text_has_control_character"],
        zlint: ["w_ext_cert_policy_explicit_text_includes_control"],
        catalog: [],
        applies: Applies::ALL,
        check: check_explicit_text_control_characters,
    }
}

fn check_policy_qualifier_present(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let has_qualifiers = |p: &PolicyInfo<'_>| p.qualifiers.as_ref().is_some_and(|q| !q.is_empty());
    if !list.iter().any(has_qualifiers) {
        return Outcome::Pass;
    }
    fail!(
        "policies with qualifiers: {}",
        dotted_list(list.iter().filter(|p| has_qualifiers(p)).map(|p| p.oid))
    )
}

lint! {
    /// ## What it checks
    /// Reports each policy that carries policy qualifiers (CPS pointers, user notices or
    /// others) rather than a bare OID. Checked in every certificate. This is a notice: the SBR
    /// allows both qualifiers it names.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: to promote interoperability, the profile RECOMMENDS that policy
    /// information terms consist of only an OID. Qualifiers make certificates larger and are
    /// ignored by most S/MIME clients.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.3` with a CPS qualifier `https://example.com/cps`.
    N_SMIME_POLICY_QUALIFIER_PRESENT {
        name: "n_smime_policy_qualifier_present",
        description: "A certificate policy carries policy qualifiers",
        citation: "RFC 5280 4.2.1.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_policies_policy_has_qualifier"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_policy_qualifier_present,
    }
}

/// A qualifier RFC 5280 4.2.1.4 defines (id-qt-cps, id-qt-unotice).
fn is_known_qualifier(q: &Qualifier<'_>) -> bool {
    q.id == oid::QT_CPS.as_bytes() || q.id == oid::QT_UNOTICE.as_bytes()
}

fn check_policy_qualifier_unrecognized(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let unknown = |(p, q): &(&PolicyInfo<'_>, &Qualifier<'_>)| {
        p.oid != oid::ANY_POLICY.as_bytes() && !is_known_qualifier(q)
    };
    if !qualifiers(list).any(|pq| unknown(&pq)) {
        return Outcome::Pass;
    }
    let found: Vec<String> = qualifiers(list)
        .filter(unknown)
        .map(|(p, q)| {
            format!(
                "policy {}: qualifier {}",
                oid::dotted(p.oid),
                oid::dotted(q.id)
            )
        })
        .collect();
    fail!(
        "policy qualifiers other than id-qt-cps and id-qt-unotice: {}",
        found.join("; ")
    )
}

lint! {
    /// ## What it checks
    /// Every policy qualifier is an `id-qt-cps` (1.3.6.1.5.5.7.2.1) or `id-qt-unotice`
    /// (1.3.6.1.5.5.7.2.2) qualifier. Qualifiers of anyPolicy are left to
    /// `e_smime_rfc5280_any_policy_disallowed_qualifier`. Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: where an OID alone is insufficient, the profile strongly recommends that
    /// qualifiers be limited to the two it defines. The SBR specifies only these two
    /// (7.1.2.2(a), 7.1.2.3(a)), and 7.1.2.4 forbids data the SBR does not specify unless the
    /// CA has a reason for it. Relying parties cannot interpret other qualifiers.
    ///
    /// ## Example
    /// A qualifier with policyQualifierId `1.3.6.1.4.1.99999.7` and a UTF8String value.
    ///
    /// ## Differences from pkilint
    /// pkilint reports such a qualifier only through its generic notice
    /// `pkix.certificate_policies_policy_has_qualifier` (see `n_smime_policy_qualifier_present`).
    W_SMIME_POLICY_QUALIFIER_UNRECOGNIZED {
        name: "w_smime_policy_qualifier_unrecognized",
        description: "A policy qualifier is neither id-qt-cps nor id-qt-unotice",
        citation: "RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_policy_qualifier_unrecognized,
    }
}

fn check_any_policy_disallowed_qualifier(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let any_policy = oid::ANY_POLICY.as_bytes();
    if !list.iter().any(|p| p.oid == any_policy) {
        return Outcome::NotApplicable;
    }
    let bad =
        |(p, q): &(&PolicyInfo<'_>, &Qualifier<'_>)| p.oid == any_policy && !is_known_qualifier(q);
    if !qualifiers(list).any(|pq| bad(&pq)) {
        return Outcome::Pass;
    }
    fail!(
        "anyPolicy (2.5.29.32.0) has qualifier(s) other than id-qt-cps and id-qt-unotice: {}",
        dotted_list(qualifiers(list).filter(bad).map(|(_, q)| q.id))
    )
}

lint! {
    /// ## What it checks
    /// When the special policy anyPolicy (2.5.29.32.0) has qualifiers, they are only
    /// `id-qt-cps` and `id-qt-unotice`. Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: when qualifiers are used with anyPolicy, they MUST be limited to the
    /// qualifiers identified in that section. SBR 7.1.2.4 requires every extension to follow
    /// RFC 5280.
    ///
    /// ## Example
    /// anyPolicy with a qualifier `1.3.6.1.4.1.99999.7`.
    E_SMIME_RFC5280_ANY_POLICY_DISALLOWED_QUALIFIER {
        name: "e_smime_rfc5280_any_policy_disallowed_qualifier",
        description: "anyPolicy carries a qualifier other than id-qt-cps or id-qt-unotice",
        citation: "RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_policies_anypolicy_has_prohibited_qualifier"],
        zlint: ["e_ext_cert_policy_disallowed_any_policy_qualifier"],
        catalog: [],
        applies: Applies::ALL,
        check: check_any_policy_disallowed_qualifier,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_cert::time::{date, UnixTime};
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, findings, lint_all, status_of};
    use smimelint_factory::{der, ext, CertBuilder};

    const MAILBOX_STRICT: &str = "2.23.140.1.5.1.3";
    const CA_OID: &str = "1.3.6.1.4.1.99999.1.2";
    const ANY_POLICY: &str = "2.5.29.32.0";
    const QUALIFIERS: &str = "n_smime_policy_qualifier_present";

    fn base() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }

    /// mailbox-strict with certificatePolicies made of these PolicyInformation TLVs.
    fn with_infos(infos: &[Vec<u8>]) -> Vec<u8> {
        base()
            .ext(&oid::CERTIFICATE_POLICIES, false, der::seq(infos))
            .build()
    }

    /// mailbox-strict whose reserved policy carries these qualifiers.
    fn with_qualifiers(qualifiers: &[Vec<u8>]) -> Vec<u8> {
        with_infos(&[ext::policy_info(MAILBOX_STRICT, qualifiers)])
    }

    fn notice(text: Vec<u8>) -> Vec<u8> {
        ext::user_notice(None, Some(text))
    }

    fn notice_ref() -> Vec<u8> {
        der::seq(&[der::utf8("Example CA"), der::seq(&[der::int(1)])])
    }

    fn qualifier(id: &str, value: Vec<u8>) -> Vec<u8> {
        der::seq(&[der::oid(id), value])
    }

    fn details(cert: &[u8], lint: &str) -> String {
        lint_all(cert)
            .findings
            .into_iter()
            .find(|f| f.lint == lint)
            .and_then(|f| f.details)
            .unwrap_or_default()
    }

    #[test]
    fn reserved_policy_oid_before_publication() {
        let lint = "w_smime_reserved_policy_oid_before_publication";
        let legacy = || CertBuilder::subscriber("mailbox-legacy");
        // Dated before SBR v1.0.0 existed: SBR rules are NE then, this one is not.
        let bad = legacy()
            .validity(date(2022, 9, 10), date(2023, 9, 10))
            .build();
        // An early adopter between publication and the effective date.
        let good = legacy()
            .validity(date(2023, 3, 1), date(2024, 3, 1))
            .build();
        assert_lint(lint, &bad, &good, &[]);
        let d = details(&bad, lint);
        assert!(d.contains("2.23.140.1.5.1.1"), "{d}");
        assert!(d.contains("notBefore 2022-09-10"), "{d}");
        // Publication day itself is fine; the day before is not.
        let on = legacy()
            .validity(smimelint_engine::dates::SBR_PUBLISHED, date(2024, 1, 1))
            .build();
        assert_eq!(status_of(&on, lint), Status::Pass);
        let before = legacy()
            .validity(smimelint_engine::dates::SBR_PUBLISHED - 1, date(2024, 1, 1))
            .build();
        assert_eq!(status_of(&before, lint), Status::Warn);
        // The claim is the certificate's own: today's rules (--at) still see it.
        assert!(details_at(&bad, lint, date(2026, 12, 4)).contains("notBefore 2022-09-10"));
        // Without an S/MIME arc OID there is nothing to claim.
        let own = legacy()
            .validity(date(2019, 3, 1), date(2020, 3, 1))
            .policies(&[CA_OID])
            .build();
        assert_eq!(status_of(&own, lint), Status::Pass);
    }

    /// The details of `lint` on `cert` evaluated at `at` (`--at`) instead of its notBefore.
    fn details_at(cert: &[u8], lint: &str, at: UnixTime) -> String {
        let opts = smimelint_engine::linter::Options {
            at: Some(at),
            include_passes: true,
            ..Default::default()
        };
        smimelint_engine::linter::Linter::new(opts)
            .lint_der("test".into(), cert)
            .findings
            .into_iter()
            .find(|f| f.lint == lint)
            .and_then(|f| f.details)
            .unwrap_or_default()
    }

    #[test]
    fn legacy_after_sunset_under_at_names_the_evaluation_time_and_the_real_not_before() {
        let lint = "e_smime_legacy_generation_after_sunset";
        let legacy = CertBuilder::subscriber("individual-legacy").build();
        let d = details_at(&legacy, lint, date(2026, 12, 4));
        assert!(d.contains("evaluated at 2026-12-04"), "{d}");
        assert!(d.contains("notBefore is 2025-03-01"), "{d}");
        assert!(!d.contains("issued 2026-12-04"), "{d}");
        // Evaluated at its own notBefore, the certificate's issuance date is named as such.
        let (from, to) = year_from(date(2025, 10, 1));
        let late = CertBuilder::subscriber("individual-legacy")
            .validity(from, to)
            .build();
        let d = details(&late, lint);
        assert!(d.contains("issued 2025-10-01 (notBefore)"), "{d}");
    }

    fn year_from(start: UnixTime) -> (UnixTime, UnixTime) {
        (start, start + 365 * 86_400 - 1)
    }

    #[test]
    fn certificate_policies_missing() {
        let bad = base().without_ext(&oid::CERTIFICATE_POLICIES).build();
        assert_lint(
            "e_smime_certificate_policies_missing",
            &bad,
            &base().build(),
            &[],
        );
    }

    #[test]
    fn reserved_policy_oid_missing() {
        let bad = base().policies(&[CA_OID]).build();
        // SMC09: a CA-documented OID next to the reserved one is fine, and nothing flags it.
        let good = base().policies(&[CA_OID, MAILBOX_STRICT]).build();
        assert_lint("e_smime_reserved_policy_oid_missing", &bad, &good, &[]);
        assert_eq!(findings(&good), Vec::<&str>::new());
        assert!(details(&bad, "e_smime_reserved_policy_oid_missing").contains(CA_OID));
    }

    #[test]
    fn multiple_reserved_policy_oids() {
        let b = || CertBuilder::subscriber("sponsored-strict");
        let bad = b()
            .policies(&["2.23.140.1.5.3.3", CA_OID, "2.23.140.1.5.2.3"])
            .build();
        let good = b().policies(&["2.23.140.1.5.3.3", CA_OID]).build();
        assert_lint("e_smime_multiple_reserved_policy_oids", &bad, &good, &[]);
        let d = details(&bad, "e_smime_multiple_reserved_policy_oids");
        assert!(
            d.contains("2.23.140.1.5.3.3") && d.contains("2.23.140.1.5.2.3"),
            "{d}"
        );
        assert!(!d.contains(CA_OID), "{d}");
        // The same reserved OID twice is a duplicate, not two reserved OIDs.
        let twice = base().policies(&[MAILBOX_STRICT, MAILBOX_STRICT]).build();
        assert_eq!(
            status_of(&twice, "e_smime_multiple_reserved_policy_oids"),
            Status::Pass
        );
    }

    #[test]
    fn unlisted_oid_in_smime_arc() {
        let bad = base()
            .policies(&[MAILBOX_STRICT, "2.23.140.1.5.1.4"])
            .build();
        assert_lint(
            "w_smime_unlisted_oid_in_smime_arc",
            &bad,
            &base().build(),
            &[],
        );
        assert!(details(&bad, "w_smime_unlisted_oid_in_smime_arc").contains("2.23.140.1.5.1.4"));
        let arc_itself = base().policies(&[MAILBOX_STRICT, "2.23.140.1.5"]).build();
        assert_eq!(
            status_of(&arc_itself, "w_smime_unlisted_oid_in_smime_arc"),
            Status::Warn
        );
        // Neighbouring arcs are not the S/MIME arc.
        for other in ["2.23.140.1.50.1", "2.23.140.1.2.1", "2.23.140.1.640.1"] {
            let cert = base().policies(&[MAILBOX_STRICT, other]).build();
            assert_eq!(
                status_of(&cert, "w_smime_unlisted_oid_in_smime_arc"),
                Status::Pass,
                "{other}"
            );
        }
    }

    #[test]
    fn certificate_policies_critical() {
        let bad = base().critical(&oid::CERTIFICATE_POLICIES, true).build();
        assert_lint(
            "w_smime_certificate_policies_critical",
            &bad,
            &base().build(),
            &[],
        );
    }

    #[test]
    fn cps_qualifier_not_http_url() {
        let lint = "e_smime_cps_qualifier_not_http_url";
        let bad = with_qualifiers(&[ext::cps_qualifier("ftp://ftp.example.com/cps.pdf")]);
        let good = with_qualifiers(&[ext::cps_qualifier("https://www.example.com/cps")]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        let d = details(&bad, lint);
        assert!(
            d.contains("ftp://ftp.example.com/cps.pdf") && d.contains(MAILBOX_STRICT),
            "{d}"
        );

        let cases = [
            ("HTTP://WWW.EXAMPLE.COM/CPS", Status::Pass),
            ("Https://example.com", Status::Pass),
            ("https://user@example.com:8443/cps?v=1#top", Status::Pass),
            ("http://[2001:db8::1]/cps", Status::Pass),
            ("https:///cps", Status::Error),
            ("https://:443/cps", Status::Error),
            ("https://user@/cps", Status::Error),
            ("http://[2001:db8::1/cps", Status::Error),
            ("https:example.com/cps", Status::Error),
            ("www.example.com/cps", Status::Error),
            ("httpx://example.com/cps", Status::Error),
            ("ldap://ldap.example.com/cn=CPS", Status::Error),
            ("http://exa mple.com/cps", Status::Error),
            ("", Status::Error),
        ];
        for (uri, want) in cases {
            let cert = with_qualifiers(&[ext::cps_qualifier(uri)]);
            assert_eq!(status_of(&cert, lint), want, "{uri:?}");
        }
        // One bad pointer among good ones is enough.
        let mixed = with_qualifiers(&[
            ext::cps_qualifier("https://www.example.com/cps"),
            ext::cps_qualifier("file:///etc/cps"),
        ]);
        assert_eq!(status_of(&mixed, lint), Status::Error);
        // The pointer must be an IA5String.
        let utf8 = with_qualifiers(&[qualifier(
            "1.3.6.1.5.5.7.2.1",
            der::utf8("https://example.com/cps"),
        )]);
        assert_eq!(status_of(&utf8, lint), Status::Error);
        assert!(details(&utf8, lint).contains("UTF8String"));
        // No CPS qualifier: nothing to check.
        assert_eq!(status_of(&base().build(), lint), Status::NotApplicable);
        // CA certificates are checked too.
        let ca = base()
            .ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                ext::basic_constraints(true, None),
            )
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    MAILBOX_STRICT,
                    &[ext::cps_qualifier("ftp://x.example/")],
                )]),
            )
            .build();
        assert_eq!(status_of(&ca, lint), Status::Error);
    }

    #[test]
    fn user_notice_missing_explicit_text() {
        let lint = "e_smime_user_notice_missing_explicit_text";
        let bad = with_qualifiers(&[ext::user_notice(None, None)]);
        let good = with_qualifiers(&[notice(der::utf8("Relying party terms apply."))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        // A qualifier value that is not a UserNotice SEQUENCE has no explicitText either.
        let not_a_notice = with_qualifiers(&[qualifier("1.3.6.1.5.5.7.2.2", der::utf8("text"))]);
        assert_eq!(status_of(&not_a_notice, lint), Status::Error);
        let trailing = with_qualifiers(&[qualifier(
            "1.3.6.1.5.5.7.2.2",
            der::seq(&[der::utf8("text"), der::utf8("more")]),
        )]);
        assert_eq!(status_of(&trailing, lint), Status::Error);
        assert_eq!(status_of(&base().build(), lint), Status::NotApplicable);
    }

    #[test]
    fn user_notice_has_notice_ref() {
        let lint = "e_smime_user_notice_has_notice_ref";
        let bad = with_qualifiers(&[ext::user_notice(
            Some(notice_ref()),
            Some(der::utf8("Terms")),
        )]);
        let good = with_qualifiers(&[notice(der::utf8("Terms"))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        // noticeRef alone: both SBR requirements are broken.
        let only_ref = with_qualifiers(&[ext::user_notice(Some(notice_ref()), None)]);
        assert_eq!(status_of(&only_ref, lint), Status::Error);
        assert_eq!(
            status_of(&only_ref, "e_smime_user_notice_missing_explicit_text"),
            Status::Error
        );
    }

    #[test]
    fn subscriber_any_policy_present() {
        let bad = base().policies(&[MAILBOX_STRICT, ANY_POLICY]).build();
        assert_lint(
            "w_smime_subscriber_any_policy_present",
            &bad,
            &base().build(),
            &[],
        );
    }

    #[test]
    fn legacy_generation_after_sunset() {
        let lint = "e_smime_legacy_generation_after_sunset";
        let (from, to) = year_from(date(2025, 10, 1));
        let bad = CertBuilder::subscriber("individual-legacy")
            .validity(from, to)
            .build();
        let good = CertBuilder::subscriber("individual-strict").build();
        assert_lint(lint, &bad, &good, &[]);
        assert!(details(&bad, lint).contains("2.23.140.1.5.4.1"));

        // Before the sunset, Legacy is allowed; the boundary is 2025-07-15T00:00:00Z.
        let legacy = CertBuilder::subscriber("individual-legacy");
        assert_eq!(status_of(&legacy.build(), lint), Status::NotEffective);
        let sunset = smimelint_engine::dates::LEGACY_SUNSET;
        let (from, to) = year_from(sunset - 1);
        assert_eq!(
            status_of(&legacy.clone().validity(from, to).build(), lint),
            Status::NotEffective
        );
        let (from, to) = year_from(sunset);
        assert_eq!(
            status_of(&legacy.validity(from, to).build(), lint),
            Status::Error
        );

        // A Legacy generation guessed from the subject (no reserved OID) is not a Legacy OID.
        let guessed = CertBuilder::subscriber("individual-strict")
            .policies(&[CA_OID])
            .build();
        let result = lint_all(&guessed);
        assert_eq!(
            result.cert_type.map(|t| t.to_string()).as_deref(),
            Some("individual-legacy")
        );
        assert_eq!(status_of(&guessed, lint), Status::Pass);
    }

    #[test]
    fn duplicate_policy_oid() {
        let lint = "e_smime_rfc5280_duplicate_policy_oid";
        let bad = base()
            .policies(&[MAILBOX_STRICT, CA_OID, MAILBOX_STRICT])
            .build();
        let good = base().policies(&[MAILBOX_STRICT, CA_OID]).build();
        assert_lint(lint, &bad, &good, &[]);
        assert!(details(&bad, lint).contains("2.23.140.1.5.1.3 (2 times)"));
        let bare_and_qualified = with_infos(&[
            ext::policy_info(CA_OID, &[]),
            ext::policy_info(MAILBOX_STRICT, &[]),
            ext::policy_info(CA_OID, &[ext::cps_qualifier("https://example.com/cps")]),
        ]);
        assert_eq!(status_of(&bare_and_qualified, lint), Status::Error);
    }

    #[test]
    fn explicit_text_encoding() {
        let lint = "e_smime_rfc5280_explicit_text_encoding";
        let bad = with_qualifiers(&[notice(der::ia5("Relying party terms apply."))]);
        let good = with_qualifiers(&[notice(der::utf8("Relying party terms apply."))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        assert!(details(&bad, lint).contains("IA5String"));

        let cases = [
            (der::utf8(&"a".repeat(201)), Status::Error),
            (der::utf8(&"é".repeat(200)), Status::Pass),
            (der::bmp(&"é".repeat(201)), Status::Error),
            (der::visible(&"a".repeat(200)), Status::Pass),
            (der::bmp("Terms"), Status::Pass),
            (der::utf8(""), Status::Error),
            (der::printable("Terms"), Status::Error),
        ];
        for (text, want) in cases {
            let cert = with_qualifiers(&[notice(text.clone())]);
            assert_eq!(status_of(&cert, lint), want, "{text:02x?}");
        }
        assert_eq!(status_of(&base().build(), lint), Status::NotApplicable);
    }

    #[test]
    fn explicit_text_not_utf8() {
        let lint = "w_smime_rfc5280_explicit_text_not_utf8";
        let bad = with_qualifiers(&[notice(der::visible("Relying party terms apply."))]);
        let good = with_qualifiers(&[notice(der::utf8("Relying party terms apply."))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        let bmp = with_qualifiers(&[notice(der::bmp("Terms"))]);
        assert_eq!(status_of(&bmp, lint), Status::Warn);
        // IA5String is an error, reported once by the e_ lint.
        let ia5 = with_qualifiers(&[notice(der::ia5("Terms"))]);
        assert_eq!(status_of(&ia5, lint), Status::Pass);
    }

    #[test]
    fn explicit_text_control_characters() {
        let lint = "w_smime_rfc5280_explicit_text_control_characters";
        let bad = with_qualifiers(&[notice(der::utf8("Line one\nLine two"))]);
        let good = with_qualifiers(&[notice(der::utf8("Line one, line two"))]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        assert!(details(&bad, lint).contains("U+000A"));
        let c1 = with_qualifiers(&[notice(der::bmp("Next\u{85}line"))]);
        assert_eq!(status_of(&c1, lint), Status::Warn);
        let non_ascii = with_qualifiers(&[notice(der::utf8("Conditions générales"))]);
        assert_eq!(status_of(&non_ascii, lint), Status::Pass);
    }

    #[test]
    fn policy_qualifier_present() {
        let bad = with_qualifiers(&[ext::cps_qualifier("https://www.example.com/cps")]);
        assert_lint(QUALIFIERS, &bad, &base().build(), &[]);
        assert!(details(&bad, QUALIFIERS).contains(MAILBOX_STRICT));
    }

    #[test]
    fn policy_qualifier_unrecognized() {
        let lint = "w_smime_policy_qualifier_unrecognized";
        let bad = with_qualifiers(&[qualifier("1.3.6.1.4.1.99999.7", der::utf8("x"))]);
        let good = with_qualifiers(&[
            ext::cps_qualifier("https://www.example.com/cps"),
            notice(der::utf8("Terms")),
        ]);
        assert_lint(lint, &bad, &good, &[QUALIFIERS]);
        assert!(details(&bad, lint).contains("1.3.6.1.4.1.99999.7"));
    }

    #[test]
    fn any_policy_disallowed_qualifier() {
        let lint = "e_smime_rfc5280_any_policy_disallowed_qualifier";
        let unknown = qualifier("1.3.6.1.4.1.99999.7", der::utf8("x"));
        let bad = with_infos(&[
            ext::policy_info(MAILBOX_STRICT, &[]),
            ext::policy_info(ANY_POLICY, std::slice::from_ref(&unknown)),
        ]);
        let good = with_infos(&[
            ext::policy_info(MAILBOX_STRICT, &[]),
            ext::policy_info(
                ANY_POLICY,
                &[ext::cps_qualifier("https://www.example.com/cps")],
            ),
        ]);
        assert_lint(
            lint,
            &bad,
            &good,
            &[QUALIFIERS, "w_smime_subscriber_any_policy_present"],
        );
        // The same qualifier on another policy is only a warning, even next to anyPolicy.
        let beside = with_infos(&[
            ext::policy_info(MAILBOX_STRICT, std::slice::from_ref(&unknown)),
            ext::policy_info(ANY_POLICY, &[]),
        ]);
        assert_eq!(status_of(&beside, lint), Status::Pass);
        let elsewhere = with_infos(&[ext::policy_info(MAILBOX_STRICT, &[unknown])]);
        assert_eq!(status_of(&elsewhere, lint), Status::NotApplicable);
        assert_eq!(
            status_of(&elsewhere, "w_smime_policy_qualifier_unrecognized"),
            Status::Warn
        );
    }
}
