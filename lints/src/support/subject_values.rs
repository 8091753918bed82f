//! Helpers of the subject values rules that other topics use too.

use crate::prelude::*;
use crate::support::mailbox::Charset;
use crate::support::name_rules::{attr_name, describe, has_alphanumeric, NameCtx};
use crate::support::{countries, mailbox};
use smimelint_cert::der_text::tag;
use std::borrow::Cow;

/// The text of every commonName that is not a Mailbox Address.
pub(crate) fn non_mailbox_common_names<'c>(
    n: &NameCtx<'c>,
) -> impl Iterator<Item = Cow<'c, str>> + 'c {
    n.name
        .attributes
        .iter()
        .filter(|a| a.is(&oid::AT_COMMON_NAME))
        .filter_map(|a| a.text())
        .filter(|t| !mailbox::is_mailbox(t))
}

pub(crate) fn rule_pseudonym_with_given_name_or_surname(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if n.has(&oid::AT_PSEUDONYM) && (n.has(&oid::AT_GIVEN_NAME) || n.has(&oid::AT_SURNAME)) {
        let with = match (n.has(&oid::AT_GIVEN_NAME), n.has(&oid::AT_SURNAME)) {
            (true, true) => "givenName and surname",
            (true, false) => "givenName",
            _ => "surname",
        };
        out.push(format!("pseudonym is present together with {with}"));
    }
}

pub(crate) fn rule_cn_mv_not_mailbox(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for t in non_mailbox_common_names(n) {
        out.push(format!(
            "commonName {t:?} is not a Mailbox Address, the only content allowed in \
             Mailbox-validated certificates"
        ));
    }
}

pub(crate) fn rule_cn_ov_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for t in non_mailbox_common_names(n) {
        let is_org = n
            .all(&oid::AT_ORGANIZATION)
            .any(|o| o.text().as_deref() == Some(&*t));
        if !is_org {
            out.push(format!(
                "commonName {t:?} is neither an organizationName value nor a Mailbox Address"
            ));
        }
    }
}

pub(crate) fn rule_cn_pseudonym_mismatch(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(first) = n.all(&oid::AT_PSEUDONYM).find_map(|p| p.text()) else {
        return;
    };
    for t in non_mailbox_common_names(n) {
        let contains = n
            .all(&oid::AT_PSEUDONYM)
            .filter_map(|p| p.text())
            .any(|p| t.contains(&*p));
        if !contains {
            out.push(format!(
                "commonName {t:?} neither contains the pseudonym {first:?} nor is a Mailbox \
                 Address; a Personal Name in commonName excludes a pseudonym attribute"
            ));
        }
    }
}

/// Whether a value that is not one Mailbox looks like several (a list or a display form).
pub(crate) fn looks_like_several(t: &str) -> bool {
    t.matches('@').count() > 1 || t.contains([',', ';', '<', '>'])
}

pub(crate) fn rule_email_address_not_single(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_EMAIL_ADDRESS) {
        let Some(t) = a.text() else { continue };
        if !mailbox::is_mailbox(&t) && looks_like_several(&t) {
            out.push(format!(
                "emailAddress {t:?} is not a single Mailbox Address (list, separator or display form)"
            ));
        }
    }
}

pub(crate) fn rule_email_address_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_EMAIL_ADDRESS) {
        let Some(t) = a.text() else { continue };
        if looks_like_several(&t) && !mailbox::is_mailbox(&t) {
            continue;
        }
        if let Err(why) = mailbox::parse(&t, Charset::Utf8) {
            out.push(format!(
                "emailAddress {t:?} is not a Mailbox Address: {why}"
            ));
        }
    }
}

pub(crate) fn rule_country_name_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_COUNTRY) {
        let Some(t) = a.text() else {
            out.push(format!("{} is not a string", describe(a)));
            continue;
        };
        if t != "XX" && !countries::is_assigned(&t) {
            out.push(format!(
                "countryName {t:?} is not an assigned ISO 3166-1 alpha-2 code (upper case) or XX"
            ));
        }
    }
}

/// Values that say a field is absent or not applicable (compared ignoring ASCII case).
pub(crate) const PLACEHOLDERS: [&str; 17] = [
    "n/a",
    "n.a.",
    "n.a",
    "none",
    "null",
    "nil",
    "unknown",
    "not applicable",
    "not available",
    "not specified",
    "unspecified",
    "undefined",
    "tbd",
    "empty",
    "blank",
    "(none)",
    "-none-",
];

pub(crate) fn rule_attribute_metadata_only(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in &n.name.attributes {
        let Some(t) = a.text() else { continue };
        let trimmed = t.trim();
        if !has_alphanumeric(trimmed) {
            out.push(format!(
                "{} {t:?} holds no letter or digit, only metadata",
                attr_name(a.oid)
            ));
        } else if PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(trimmed)) {
            out.push(format!(
                "{} {t:?} says the value is absent or not applicable",
                attr_name(a.oid)
            ));
        }
    }
}

/// RFC 5280 Appendix A upper bounds (X.520 for streetAddress and postalCode), in characters.
pub(crate) fn upper_bound(attr_oid: &[u8]) -> Option<usize> {
    let table: [(&const_oid::ObjectIdentifier, usize); 13] = [
        (&oid::AT_COMMON_NAME, 64),
        (&oid::AT_ORGANIZATION, 64),
        (&oid::AT_ORGANIZATIONAL_UNIT, 64),
        (&oid::AT_TITLE, 64),
        (&oid::AT_SERIAL_NUMBER, 64),
        (&oid::AT_LOCALITY, 128),
        (&oid::AT_STATE, 128),
        (&oid::AT_STREET, 128),
        (&oid::AT_POSTAL_CODE, 40),
        (&oid::AT_PSEUDONYM, 128),
        (&oid::AT_GIVEN_NAME, 32768),
        (&oid::AT_SURNAME, 32768),
        (&oid::AT_EMAIL_ADDRESS, 255),
    ];
    table
        .iter()
        .find(|(o, _)| o.as_bytes() == attr_oid)
        .map(|(_, n)| *n)
}

pub(crate) fn rule_attribute_too_long(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in &n.name.attributes {
        let (Some(max), Some(t)) = (upper_bound(a.oid), a.text()) else {
            continue;
        };
        let len = t.chars().count();
        if len > max {
            out.push(format!(
                "{} is {len} characters long, more than the upper bound of {max}",
                attr_name(a.oid)
            ));
        }
    }
}

pub(crate) fn rule_attribute_encoding_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in &n.name.attributes {
        let t = a.value.tag;
        let directory_string = crate::support::name_rules::attribute_syntax(a.oid)
            .is_some_and(|s| s.is_directory_string())
            // Its two permitted types are e_smime_subject_org_identifier_encoding's.
            && !a.is(&oid::AT_ORGANIZATION_IDENTIFIER);
        if directory_string
            && matches!(
                t,
                tag::TELETEX_STRING | tag::BMP_STRING | tag::UNIVERSAL_STRING
            )
        {
            out.push(format!(
                "{} is a {}; new certificates use PrintableString or UTF8String \
                 (RFC 5280 4.1.2.6)",
                attr_name(a.oid),
                smimelint_cert::der_text::tag_name(t)
            ));
        }
    }
}
