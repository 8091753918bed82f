//! Helpers of the crldp rules that other topics use too.

use smimelint_cert::ext::DistributionPoint;
use smimelint_cert::GeneralName;

/// The scheme of a URI (RFC 3986 §3.1): what precedes the first `:`, when it is a valid scheme.
pub(crate) fn uri_scheme(uri: &[u8]) -> Option<&[u8]> {
    let colon = uri.iter().position(|&b| b == b':')?;
    let scheme = &uri[..colon];
    let valid = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b));
    valid.then_some(scheme)
}

/// A URI with the scheme HTTP (case-insensitive, RFC 3986 §3.1). `https` is a different scheme.
pub(crate) fn is_http(uri: &[u8]) -> bool {
    uri_scheme(uri).is_some_and(|s| s.eq_ignore_ascii_case(b"http"))
}

/// A URI for messages, quoted.
pub(crate) fn show_uri(uri: &[u8]) -> String {
    format!("\"{}\"", String::from_utf8_lossy(uri))
}

/// Every uniformResourceIdentifier in the fullName of every distribution point.
pub(crate) fn full_name_uris<'p, 'a: 'p>(
    points: &'p [DistributionPoint<'a>],
) -> impl Iterator<Item = &'a [u8]> + 'p {
    points
        .iter()
        .filter_map(|p| p.full_name.as_ref())
        .flatten()
        .filter_map(|name| match name {
            GeneralName::Uri(u) => Some(*u),
            _ => None,
        })
}
