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
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;
use smimelint_cert::{Element, PolicyInfo, Qualifier, UserNotice};
use smimelint_engine::detect::CertType;

/// Reserved policy OIDs of a policy list, in order.
fn reserved<'p, 'a>(list: &'p [PolicyInfo<'a>]) -> impl Iterator<Item = &'a [u8]> + 'p {
    list.iter()
        .map(|p| p.oid)
        .filter(|o| CertType::from_policy_oid(o).is_some())
}

/// Every qualifier of a policy list with the policy it belongs to.
pub(crate) fn qualifiers<'p, 'a>(
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

/// A qualifier RFC 5280 4.2.1.4 defines (id-qt-cps, id-qt-unotice).
fn is_known_qualifier(q: &Qualifier<'_>) -> bool {
    q.id == oid::QT_CPS.as_bytes() || q.id == oid::QT_UNOTICE.as_bytes()
}

mod e_smime_certificate_policies_missing;
mod e_smime_cps_qualifier_not_http_url;
mod e_smime_legacy_generation_after_sunset;
mod e_smime_multiple_reserved_policy_oids;
mod e_smime_reserved_policy_oid_missing;
mod e_smime_rfc5280_any_policy_disallowed_qualifier;
mod e_smime_rfc5280_duplicate_policy_oid;
mod e_smime_rfc5280_explicit_text_encoding;
mod e_smime_subca_certificate_policies_missing;
mod e_smime_subca_policy_oids_invalid;
mod e_smime_user_notice_has_notice_ref;
mod e_smime_user_notice_missing_explicit_text;
mod n_smime_policy_qualifier_present;
mod n_smime_subca_any_policy_affiliate_only;
mod w_smime_certificate_policies_critical;
mod w_smime_policy_qualifier_unrecognized;
mod w_smime_reserved_policy_oid_before_publication;
mod w_smime_rfc5280_explicit_text_control_characters;
mod w_smime_rfc5280_explicit_text_not_utf8;
mod w_smime_root_certificate_policies_present;
mod w_smime_subca_certificate_policies_critical;
mod w_smime_subscriber_any_policy_present;
mod w_smime_unlisted_oid_in_smime_arc;

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::{assert_lint, findings};
    use smimelint_factory::{der, ext};

    #[test]
    fn clean_sub_ca_is_classified_and_clean() {
        let r = smimelint_engine::testing::lint_all(&good());
        assert_eq!(r.kind, Some(smimelint_engine::detect::Kind::SubordinateCa));
        assert_eq!(findings(&good()), Vec::<&str>::new());
    }

    #[test]
    fn qualifier_rules_apply_to_sub_cas() {
        let bad = sub()
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::user_notice(
                        Some(der::seq(&[der::utf8("Org"), der::seq(&[der::int(1)])])),
                        Some(der::utf8("Notice")),
                    )],
                )]),
            )
            .build();
        let ok = sub()
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::user_notice(None, Some(der::utf8("Notice")))],
                )]),
            )
            .build();
        assert_lint(
            "e_smime_user_notice_has_notice_ref",
            &bad,
            &ok,
            &["n_smime_policy_qualifier_present"],
        );
        let cps = |uri: &str| {
            sub()
                .ext(
                    &oid::CERTIFICATE_POLICIES,
                    false,
                    der::seq(&[ext::policy_info(
                        "2.23.140.1.5.1.3",
                        &[ext::cps_qualifier(uri)],
                    )]),
                )
                .build()
        };
        assert_lint(
            "e_smime_cps_qualifier_not_http_url",
            &cps("ldap://ldap.example.com/cps"),
            &cps("https://example.com/cps"),
            &["n_smime_policy_qualifier_present"],
        );
        let empty_notice = sub()
            .ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::user_notice(None, None)],
                )]),
            )
            .build();
        assert_lint(
            "e_smime_user_notice_missing_explicit_text",
            &empty_notice,
            &ok,
            &["n_smime_policy_qualifier_present"],
        );
    }
}
