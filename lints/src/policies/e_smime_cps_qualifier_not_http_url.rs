use super::*;
use smimelint_cert::der_text::tag;

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

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{
        base, details, qualifier, with_qualifiers, MAILBOX_STRICT, QUALIFIERS,
    };
    use smimelint_cert::oid;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, ext};

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
}
