//! cRLDistributionPoints in subscriber certificates (SBR 7.1.2.3(b)).
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;

mod e_smime_crldp_missing;
mod e_smime_crldp_no_http_uri;
mod e_smime_crldp_non_http_uri;
mod e_smime_subca_crldp_invalid;
mod w_smime_crldp_critical;
mod w_smime_crldp_non_uri_general_name;

#[cfg(test)]
mod tests {

    use crate::support::crldp::{is_http, uri_scheme};

    #[test]
    fn schemes() {
        assert_eq!(uri_scheme(b"http://x"), Some(&b"http"[..]));
        assert_eq!(uri_scheme(b"crl.example.com/x.crl"), None);
        assert_eq!(uri_scheme(b"1http://x"), None);
        assert!(is_http(b"HTTP://crl.example.com/a.crl"));
        assert!(!is_http(b"https://crl.example.com/a.crl"));
        assert!(!is_http(b"httpx://a"));
    }
}
