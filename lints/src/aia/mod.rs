//! authorityInformationAccess in subscriber certificates (SBR 7.1.2.3(c)).
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;
use crate::support::crldp::{is_http, show_uri};
use const_oid::ObjectIdentifier;
use smimelint_cert::ext::AccessDescription;
use smimelint_cert::GeneralName;

/// How the HTTP rule of SBR 7.1.2.3(c) quantifies over the locations of one access method.
#[derive(Clone, Copy)]
enum Quantifier {
    /// Strict and Multipurpose: every location SHALL be an HTTP URI.
    Every,
    /// Legacy: at least one location SHALL be an HTTP URI.
    AtLeastOne,
}

fn is_http_location(ad: &AccessDescription<'_>) -> bool {
    matches!(ad.location, GeneralName::Uri(u) if is_http(u))
}

fn describe_location(ad: &AccessDescription<'_>) -> String {
    match ad.location {
        GeneralName::Uri(u) => show_uri(u),
        ref other => format!("a {}", other.kind()),
    }
}

/// The HTTP rule for the entries of `method`, when the extension has any.
fn check_method(ctx: &LintContext<'_>, method: &ObjectIdentifier, q: Quantifier) -> Outcome {
    let Ext::Present(_, entries) = ctx.cert.aia() else {
        return Outcome::NotApplicable;
    };
    let mut of_method = entries.iter().filter(|ad| ad.method == method.as_bytes());
    let ok = match q {
        Quantifier::Every => of_method.all(is_http_location),
        Quantifier::AtLeastOne => {
            let mut any = false;
            let mut http = false;
            for ad in of_method {
                any = true;
                http |= is_http_location(ad);
            }
            if !any {
                return Outcome::NotApplicable;
            }
            http
        }
    };
    if ok {
        return Outcome::Pass;
    }
    let name = oid::dotted(method.as_bytes());
    let listed = |only_bad: bool| -> String {
        entries
            .iter()
            .filter(|ad| ad.method == method.as_bytes())
            .filter(|ad| !only_bad || !is_http_location(ad))
            .map(describe_location)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match q {
        Quantifier::Every => fail!(
            "{name} location(s) that are not HTTP URIs: {}",
            listed(true)
        ),
        Quantifier::AtLeastOne => fail!(
            "no {name} location is an HTTP URI (found {})",
            listed(false)
        ),
    }
}

mod e_smime_aia_ca_issuers_no_http_legacy;
mod e_smime_aia_ca_issuers_non_http;
mod e_smime_aia_critical;
mod e_smime_aia_ocsp_no_http_legacy;
mod e_smime_aia_ocsp_non_http;
mod e_smime_subca_aia_critical;
mod n_smime_aia_unlisted_access_method;
mod w_smime_aia_ca_issuers_missing;
mod w_smime_aia_missing;
mod w_smime_subca_aia_ca_issuers_http_missing;
mod w_smime_subca_aia_missing;
