//! OCSP responses: the RFC 6960 profile and SBR 4.9.9, 4.9.10 and 7.3.
//!
//! Every lint reads an [`OcspContext`]; the rules on single responses report the first failing
//! `responses[N]` and how many others fail the same way.

use crate::prelude::*;
use smimelint_revocation::ocsp::SingleResponse;

mod e_ocsp_ca_revocation_reason_missing;
mod e_ocsp_cert_id_issuer_mismatch;
mod e_ocsp_critical_extension_unknown;
mod e_ocsp_error_response_has_bytes;
mod e_ocsp_next_update_before_this_update;
mod e_ocsp_next_update_missing;
mod e_ocsp_responder_eku_missing;
mod e_ocsp_responder_key_hash_not_sha1;
mod e_ocsp_responder_not_authorized;
mod e_ocsp_response_status_invalid;
mod e_ocsp_response_type_not_basic;
mod e_ocsp_revocation_reason_not_permitted;
mod e_ocsp_signature_algorithm_not_allowed;
mod e_ocsp_signature_invalid;
mod e_ocsp_single_extension_reason_code;
mod e_ocsp_successful_without_bytes;
mod e_ocsp_time_encoding;
mod e_ocsp_validity_over_10_days;
mod e_ocsp_validity_under_8_hours;
mod e_ocsp_version_not_v1;
mod n_ocsp_responder_no_check_missing;
mod n_ocsp_response_not_successful;
mod n_ocsp_scope_unknown;
#[cfg(test)]
mod samples;
mod w_ocsp_certs_empty;

/// Runs `rule` on every SingleResponse: NA when it applies to none (returns None for all),
/// else fails with the first failing response and the number of others.
fn each_response(
    ctx: &OcspContext<'_>,
    rule: impl Fn(&SingleResponse<'_>) -> Option<Result<(), String>>,
) -> Outcome {
    let mut checked = 0;
    let mut failed: Vec<String> = Vec::new();
    for s in &ctx.ocsp.responses {
        match rule(s) {
            None => {}
            Some(Ok(())) => checked += 1,
            Some(Err(why)) => {
                checked += 1;
                failed.push(format!("{}: {why}", s.label()));
            }
        }
    }
    match failed.len() {
        _ if checked == 0 => Outcome::NotApplicable,
        0 => Outcome::Pass,
        1 => fail!("{}", failed[0]),
        2 => fail!("{} (and 1 more response)", failed[0]),
        n => fail!("{} (and {} more responses)", failed[0], n - 1),
    }
}

/// The validity interval of SBR 4.9.10 in seconds: thisUpdate through nextUpdate inclusive,
/// `nextUpdate − thisUpdate + 1`. None when either time is absent or unreadable.
fn validity_interval(s: &SingleResponse<'_>) -> Option<i64> {
    Some(s.next_update_time()? - s.this_update_time()? + 1)
}

/// "7 hours 1 second" for a number of seconds.
fn duration(seconds: i64) -> String {
    let parts = [
        (seconds / 86_400, "day"),
        (seconds % 86_400 / 3600, "hour"),
        (seconds % 3600 / 60, "minute"),
        (seconds % 60, "second"),
    ];
    let text: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n != 0)
        .map(|(n, unit)| format!("{n} {unit}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    if text.is_empty() {
        "0 seconds".into()
    } else {
        text.join(" ")
    }
}

/// The delegated responder certificate: the certificate in `certs` that responderID names,
/// unless it is the CA itself (the `--issuer` CA, or any CA certificate when no issuer was
/// given, since a CA signs with its own authority).
fn delegated_responder<'c>(ctx: &OcspContext<'c>) -> Option<&'c Cert<'c>> {
    let ocsp: &'c Ocsp<'c> = ctx.ocsp;
    if ctx.issuer.is_some_and(|ca| ocsp.responder_is(ca)) {
        return None;
    }
    ocsp.responder_cert().filter(|c| !c.is_ca())
}

/// Whether the certificate's extKeyUsage lists id-kp-OCSPSigning.
fn has_ocsp_signing(cert: &Cert<'_>) -> bool {
    matches!(cert.eku(), Ext::Present(_, ekus) if ekus.contains(&oid::KP_OCSP_SIGNING.as_bytes()))
}

/// "the certificate CN=…" (or without a CN, "the certificate") for messages.
fn cert_label(cert: &Cert<'_>) -> String {
    let cn = match cert.subject_name() {
        Some(Ok(n)) => n
            .all(&oid::AT_COMMON_NAME)
            .next()
            .and_then(|a| a.text())
            .map(|t| t.into_owned()),
        _ => None,
    };
    cn.map_or_else(
        || "the certificate".into(),
        |cn| format!("the certificate CN={cn}"),
    )
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! The sub-CA, subscriber and responses the OCSP lint tests start from.

    use smimelint_engine::registry::Status;
    use smimelint_engine::revocation_context::Scope;
    use smimelint_engine::testing::status_in_scope;
    pub use smimelint_factory::ocsp::{
        by_key, by_name, responder_cert, CertStatus, OcspBuilder, PRODUCED_AT,
    };
    use smimelint_factory::{CertBuilder, KeyAlg};

    pub const HOUR: i64 = 3600;
    pub const DAY: i64 = 86_400;

    pub fn ca() -> CertBuilder {
        CertBuilder::sub_ca(KeyAlg::P256)
    }

    pub fn leaf() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict").issued_by(&ca())
    }

    /// A good response signed by the CA itself.
    pub fn response() -> OcspBuilder {
        OcspBuilder::new(&ca(), &leaf())
    }

    /// A good response signed by a delegated responder.
    pub fn delegated() -> OcspBuilder {
        OcspBuilder::delegated(&ca(), &leaf())
    }

    pub fn subscriber(der: &[u8], lint: &str) -> Status {
        status_in_scope(der, Scope::Subscriber, lint)
    }

    pub fn for_ca(der: &[u8], lint: &str) -> Status {
        status_in_scope(der, Scope::Ca, lint)
    }
}
