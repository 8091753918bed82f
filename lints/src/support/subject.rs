//! Helpers of the subject rules that other topics use too.

use crate::prelude::*;
use crate::support::name_rules::{describe, matrix_row, other_cell, NameCtx, Presence, MATRIX};

/// The SBR section holding the table for a certificate type.
pub(crate) fn table_section(v: Validation) -> &'static str {
    match v {
        Validation::Mailbox => "7.1.4.2.3",
        Validation::Organization => "7.1.4.2.4",
        Validation::Sponsored => "7.1.4.2.5",
        Validation::Individual => "7.1.4.2.6",
    }
}

/// Attributes the table marks SHALL NOT for this type and generation.
pub(crate) fn rule_attribute_prohibited(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(t) = n.cert_type else { return };
    for row in MATRIX.iter().filter(|r| r.cell(t) == Presence::ShallNot) {
        let count = n.all(row.oid).count();
        if count > 0 {
            out.push(format!(
                "{} is not allowed in {t} certificates (SBR {}){}",
                oid::attribute_name(row.oid),
                table_section(t.validation),
                if count > 1 {
                    format!(" ({count} present)")
                } else {
                    String::new()
                }
            ));
        }
    }
}

/// Attribute types outside the table where "Other" is SHALL NOT.
pub(crate) fn rule_other_attribute_prohibited(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(t) = n.cert_type else { return };
    if other_cell(t) != Presence::ShallNot {
        return;
    }
    let mut seen: Vec<&[u8]> = Vec::new();
    for a in &n.name.attributes {
        if matrix_row(a.oid).is_none() && !seen.contains(&a.oid) {
            seen.push(a.oid);
            out.push(format!(
                "{} is not one of the attributes SBR {} allows in {t} certificates",
                describe(a),
                table_section(t.validation)
            ));
        }
    }
}

/// Attributes the table marks SHALL for this type and generation.
pub(crate) fn rule_required_attribute_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(t) = n.cert_type else { return };
    for row in MATRIX.iter().filter(|r| r.cell(t) == Presence::Shall) {
        if !n.has(row.oid) {
            out.push(format!(
                "{} is required in {t} certificates (SBR {})",
                oid::attribute_name(row.oid),
                table_section(t.validation)
            ));
        }
    }
}

/// Multipurpose/Strict SV and IV: givenName and/or surname, or pseudonym.
pub(crate) fn rule_natural_person_name_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if !(n.has(&oid::AT_GIVEN_NAME) || n.has(&oid::AT_SURNAME) || n.has(&oid::AT_PSEUDONYM)) {
        out.push("none of givenName, surname or pseudonym is present".into());
    }
}

/// Legacy SV and IV: at least a commonName when the name attributes are omitted.
pub(crate) fn rule_legacy_natural_person_name_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if !(n.has(&oid::AT_GIVEN_NAME)
        || n.has(&oid::AT_SURNAME)
        || n.has(&oid::AT_PSEUDONYM)
        || n.has(&oid::AT_COMMON_NAME))
    {
        out.push("none of givenName, surname, pseudonym or commonName is present".into());
    }
}

/// streetAddress only with localityName or stateOrProvinceName.
pub(crate) fn rule_street_without_locality_or_state(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if n.has(&oid::AT_STREET) && !n.has(&oid::AT_LOCALITY) && !n.has(&oid::AT_STATE) {
        out.push("streetAddress is present without localityName or stateOrProvinceName".into());
    }
}

pub(crate) fn requires_country(
    n: &NameCtx<'_>,
    out: &mut Vec<String>,
    o: &'static const_oid::ObjectIdentifier,
    name: &str,
) {
    if n.has(o) && !n.has(&oid::AT_COUNTRY) {
        out.push(format!("{name} is present without countryName"));
    }
}

pub(crate) fn rule_locality_without_country(n: &NameCtx<'_>, out: &mut Vec<String>) {
    requires_country(n, out, &oid::AT_LOCALITY, "localityName");
}

pub(crate) fn rule_state_without_country(n: &NameCtx<'_>, out: &mut Vec<String>) {
    requires_country(n, out, &oid::AT_STATE, "stateOrProvinceName");
}

pub(crate) fn rule_postal_code_without_country(n: &NameCtx<'_>, out: &mut Vec<String>) {
    requires_country(n, out, &oid::AT_POSTAL_CODE, "postalCode");
}
