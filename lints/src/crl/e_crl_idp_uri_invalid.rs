use super::*;
use smimelint_cert::GeneralName;

/// Why `uri` is not an absolute URI (RFC 3986 §3: `scheme ":" hier-part`, with an authority
/// after "//" when the scheme uses one), or None.
fn uri_problem(uri: &[u8]) -> Option<&'static str> {
    if uri.iter().any(|b| !b.is_ascii_graphic()) {
        return Some("has spaces, control or non-ASCII characters");
    }
    let colon = uri.iter().position(|&b| b == b':')?;
    let scheme = &uri[..colon];
    let valid_scheme = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !valid_scheme {
        return Some("has no valid scheme before ':'");
    }
    let rest = &uri[colon + 1..];
    if rest.is_empty() {
        return Some("has nothing after the scheme");
    }
    let needs_host = [&b"http"[..], b"https", b"ldap", b"ftp"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    if needs_host {
        let host = rest.strip_prefix(b"//").map(|a| {
            a.split(|&b| matches!(b, b'/' | b'?' | b'#'))
                .next()
                .unwrap_or(a)
        });
        if host.is_none_or(|h| h.is_empty() || h.starts_with(b":")) {
            return Some("names no host after '//'");
        }
    }
    None
}

fn check_idp_uri_invalid(ctx: &CrlContext<'_>) -> Outcome {
    let Some(Ok(idp)) = ctx.crl.issuing_distribution_point() else {
        return Outcome::NotApplicable;
    };
    let uris: Vec<&[u8]> = idp
        .full_name
        .iter()
        .flatten()
        .filter_map(|gn| match gn {
            GeneralName::Uri(u) => Some(*u),
            _ => None,
        })
        .collect();
    if uris.is_empty() {
        return Outcome::NotApplicable;
    }
    let bad: Vec<String> = uris
        .iter()
        .map(|u| {
            let shown = String::from_utf8_lossy(u);
            match uri_problem(u) {
                Some(p) => format!("\"{shown}\" {p}"),
                None if !u.contains(&b':') => format!("\"{shown}\" has no scheme"),
                None => String::new(),
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("issuingDistributionPoint fullName: {}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Every uniformResourceIdentifier in the issuingDistributionPoint's fullName is an
    /// absolute URI: a scheme, ':' and the rest, printable ASCII only, and for http, https,
    /// ldap and ftp a host after "//".
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.6 (which §5.2.5 refers to for the names of a distribution point): a
    /// uniformResourceIdentifier "MUST be stored in the uniformResourceIdentifier (an
    /// IA5String)" and "MUST include both a scheme (e.g., "http" or "ftp") and a
    /// scheme-specific-part"; the syntax is RFC 3986's. Relying parties compare this name with
    /// the certificate's cRLDistributionPoints to know the CRL covers it; a name that is not a
    /// URI matches nothing.
    ///
    /// ## Example
    /// fullName `uniformResourceIdentifier: localhost` (pkilint's own test CRL bad_idp_uri).
    ///
    /// ## Differences from pkilint
    /// pkilint validates URIs with a URL library that also rejects some URIs RFC 3986 allows;
    /// this lint checks what RFC 5280 requires.
    E_CRL_IDP_URI_INVALID {
        name: "e_crl_idp_uri_invalid",
        description: "A URI in the CRL's issuingDistributionPoint is not an absolute URI",
        citation: "RFC 5280 4.2.1.6, 5.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.invalid_uri_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_idp_uri_invalid,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_idp_uri_invalid";

    #[test]
    fn idp_uris_are_absolute() {
        for bad in [
            "localhost",
            "http:",
            "http://",
            "crl.example.com/a.crl",
            "http://a b/c",
        ] {
            let crl = base().idp(&Idp::uris(&[bad]), true).build();
            assert_only(&crl, LINT);
        }
        for good in [
            "http://crl.example.com/smime.crl",
            "ldap://ldap.example.com/cn=CA?certificateRevocationList",
        ] {
            let crl = base().idp(&Idp::uris(&[good]), true).build();
            assert_eq!(status_of(&crl, LINT), Status::Pass, "{good}");
        }
    }
}
