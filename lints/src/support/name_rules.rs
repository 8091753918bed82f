//! The rule engine behind the subject and SAN directoryName lints. No lints here.
//!
//! Every attribute rule is a function over one [`Name`] and the certificate's type ([`NameCtx`]).
//! The subject lints call a rule on the subject; the directoryName lints (SBR 7.1.4.2.1 as
//! clarified by SMC012) call the same rules on each `directoryName` of the subjectAltName. The
//! per-type attribute tables of SBR 7.1.4.2.3–7.1.4.2.6 are data ([`MATRIX`], [`OTHER`]).

use const_oid::ObjectIdentifier;
use smimelint_cert::der_text::tag;
use smimelint_cert::time::UnixTime;
use smimelint_cert::{oid, Attribute, Cert, GeneralName, Name};
use smimelint_engine::detect::{CertType, Generation, Validation};
use smimelint_engine::lint_context::LintContext;
use smimelint_engine::registry::Outcome;
use std::borrow::Cow;
use std::fmt;

/// Where a Name sits in the certificate, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    Subject,
    /// The n-th (1-based) directoryName entry of the subjectAltName.
    DirectoryName(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Subject => f.write_str("subject"),
            Place::DirectoryName(n) => write!(f, "subjectAltName directoryName #{n}"),
        }
    }
}

/// One Name under examination, with what the rules need to know about the certificate.
pub(crate) struct NameCtx<'c> {
    pub name: &'c Name<'c>,
    pub place: Place,
    pub cert: &'c Cert<'c>,
    /// None only for subscribers of unknown type (type-dependent lints do not run then).
    pub cert_type: Option<CertType>,
    pub at: UnixTime,
}

impl<'c> NameCtx<'c> {
    /// All attributes of one type.
    pub fn all(&self, o: &'static ObjectIdentifier) -> impl Iterator<Item = &'c Attribute<'c>> {
        self.name.attributes.iter().filter(move |a| a.is(o))
    }
    pub fn has(&self, o: &'static ObjectIdentifier) -> bool {
        self.all(o).next().is_some()
    }
}

/// A rule appends one message per violation it finds.
pub(crate) type Rule = fn(&NameCtx<'_>, &mut Vec<String>);

/// RFC 2119 keyword of one cell of the attribute tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Presence {
    Shall,
    May,
    ShallNot,
}

use Presence::{May, Shall, ShallNot};

/// One row of the tables in SBR 7.1.4.2.3–7.1.4.2.6; each cell is Legacy, Multipurpose, Strict.
pub(crate) struct AttrRow {
    pub oid: &'static ObjectIdentifier,
    pub mailbox: [Presence; 3],
    pub organization: [Presence; 3],
    pub sponsored: [Presence; 3],
    pub individual: [Presence; 3],
}

impl AttrRow {
    pub fn cell(&self, t: CertType) -> Presence {
        let row = match t.validation {
            Validation::Mailbox => &self.mailbox,
            Validation::Organization => &self.organization,
            Validation::Sponsored => &self.sponsored,
            Validation::Individual => &self.individual,
        };
        row[generation_index(t.generation)]
    }
}

fn generation_index(g: Generation) -> usize {
    match g {
        Generation::Legacy => 0,
        Generation::Multipurpose => 1,
        Generation::Strict => 2,
    }
}

const ALL_MAY: [Presence; 3] = [May, May, May];
const NEVER: [Presence; 3] = [ShallNot, ShallNot, ShallNot];
const REQUIRED: [Presence; 3] = [Shall, Shall, Shall];
const NOT_STRICT: [Presence; 3] = [May, May, ShallNot];

/// SBR 7.1.4.2.3 (MV), 7.1.4.2.4 (OV), 7.1.4.2.5 (SV), 7.1.4.2.6 (IV), unchanged since v1.0.0.
pub(crate) static MATRIX: [AttrRow; 15] = [
    row(&oid::AT_COMMON_NAME, ALL_MAY, ALL_MAY, ALL_MAY, ALL_MAY),
    row(&oid::AT_ORGANIZATION, NEVER, REQUIRED, REQUIRED, NEVER),
    row(&oid::AT_ORGANIZATIONAL_UNIT, NEVER, ALL_MAY, ALL_MAY, NEVER),
    row(
        &oid::AT_ORGANIZATION_IDENTIFIER,
        NEVER,
        REQUIRED,
        REQUIRED,
        NEVER,
    ),
    row(&oid::AT_GIVEN_NAME, NEVER, NEVER, ALL_MAY, ALL_MAY),
    row(&oid::AT_SURNAME, NEVER, NEVER, ALL_MAY, ALL_MAY),
    row(&oid::AT_PSEUDONYM, NEVER, NEVER, ALL_MAY, ALL_MAY),
    row(&oid::AT_SERIAL_NUMBER, ALL_MAY, ALL_MAY, ALL_MAY, ALL_MAY),
    row(&oid::AT_EMAIL_ADDRESS, ALL_MAY, ALL_MAY, ALL_MAY, ALL_MAY),
    row(&oid::AT_TITLE, NEVER, NEVER, ALL_MAY, ALL_MAY),
    row(&oid::AT_STREET, NEVER, NOT_STRICT, NOT_STRICT, NOT_STRICT),
    row(&oid::AT_LOCALITY, NEVER, ALL_MAY, ALL_MAY, ALL_MAY),
    row(&oid::AT_STATE, NEVER, ALL_MAY, ALL_MAY, ALL_MAY),
    row(
        &oid::AT_POSTAL_CODE,
        NEVER,
        NOT_STRICT,
        NOT_STRICT,
        NOT_STRICT,
    ),
    row(&oid::AT_COUNTRY, NEVER, ALL_MAY, ALL_MAY, ALL_MAY),
];

const fn row(
    oid: &'static ObjectIdentifier,
    mailbox: [Presence; 3],
    organization: [Presence; 3],
    sponsored: [Presence; 3],
    individual: [Presence; 3],
) -> AttrRow {
    AttrRow {
        oid,
        mailbox,
        organization,
        sponsored,
        individual,
    }
}

/// The "Other" row (any attribute type not in [`MATRIX`]): MV, OV, SV, IV by generation.
pub(crate) static OTHER: [[Presence; 3]; 4] = [
    NEVER,
    [May, ShallNot, ShallNot],
    [May, ShallNot, ShallNot],
    [May, ShallNot, ShallNot],
];

/// The "Other" cell for a certificate type.
pub(crate) fn other_cell(t: CertType) -> Presence {
    let v = match t.validation {
        Validation::Mailbox => 0,
        Validation::Organization => 1,
        Validation::Sponsored => 2,
        Validation::Individual => 3,
    };
    OTHER[v][generation_index(t.generation)]
}

/// The table row of an attribute type, or None for "Other".
pub(crate) fn matrix_row(attr_oid: &[u8]) -> Option<&'static AttrRow> {
    MATRIX.iter().find(|r| r.oid.as_bytes() == attr_oid)
}

/// Attribute types outside the SBR tables that findings name with their OID beside the name.
static NAMED_WITH_OID: [&ObjectIdentifier; 11] = [
    &oid::AT_DESCRIPTION,
    &oid::AT_BUSINESS_CATEGORY,
    &oid::AT_NAME,
    &oid::AT_INITIALS,
    &oid::AT_GENERATION_QUALIFIER,
    &oid::AT_DN_QUALIFIER,
    &oid::AT_UID,
    &oid::AT_DOMAIN_COMPONENT,
    &oid::AT_JURISDICTION_LOCALITY,
    &oid::AT_JURISDICTION_STATE,
    &oid::AT_JURISDICTION_COUNTRY,
];

/// Human name of an attribute type: the registry's name for the SBR tables' types, name and OID
/// for a few well-known others, else the OID.
pub(crate) fn attr_name(attr_oid: &[u8]) -> Cow<'static, str> {
    if let Some(r) = matrix_row(attr_oid) {
        return Cow::Borrowed(oid::attribute_name(r.oid));
    }
    let dotted = oid::dotted(attr_oid);
    match NAMED_WITH_OID.iter().find(|o| o.as_bytes() == attr_oid) {
        Some(o) => Cow::Owned(format!("{} ({dotted})", oid::attribute_name(o))),
        None => Cow::Owned(dotted),
    }
}

/// `name "value"` for messages; undecodable values are shown by their type.
pub(crate) fn describe(a: &Attribute<'_>) -> String {
    match a.text() {
        Some(t) => format!("{} {:?}", attr_name(a.oid), t),
        None => format!(
            "{} ({} value)",
            attr_name(a.oid),
            smimelint_cert::der_text::tag_name(a.value.tag)
        ),
    }
}

/// Runs `rule` on the subject. NA when the subject is absent or cannot be decoded (reported by
/// the structure lints).
pub(crate) fn on_subject(ctx: &LintContext<'_>, rule: Rule) -> Outcome {
    let Some(Ok(name)) = ctx.cert.subject_name() else {
        return Outcome::NotApplicable;
    };
    let nctx = NameCtx {
        name,
        place: Place::Subject,
        cert: ctx.cert,
        cert_type: ctx.cert_type(),
        at: ctx.at,
    };
    let mut out = Vec::new();
    rule(&nctx, &mut out);
    finish(Place::Subject, out)
}

fn finish(place: Place, out: Vec<String>) -> Outcome {
    if out.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(format!("{place}: {}", out.join("; ")))
    }
}

/// The decodable directoryName entries of the SAN with their 1-based ordinal.
pub(crate) fn directory_names<'c>(
    cert: &'c Cert<'c>,
) -> impl Iterator<Item = (usize, &'c Name<'c>)> + 'c {
    cert.san()
        .value()
        .into_iter()
        .flatten()
        .filter_map(|gn| match gn {
            GeneralName::DirectoryName(n) => Some(n.as_ref().ok()),
            _ => None,
        })
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (i + 1, n)))
}

/// Runs, on every SAN directoryName, the rules of the named subject lints that are in scope and
/// in effect for this certificate. Messages name the subject lint whose rule failed.
pub(crate) fn on_directory_names_as(
    ctx: &LintContext<'_>,
    subject_lints: &[(&str, Rule)],
) -> Outcome {
    let mut any = false;
    let mut failures: Vec<String> = Vec::new();
    for (n, name) in directory_names(ctx.cert) {
        any = true;
        let nctx = NameCtx {
            name,
            place: Place::DirectoryName(n),
            cert: ctx.cert,
            cert_type: ctx.cert_type(),
            at: ctx.at,
        };
        for (lint_name, rule) in subject_lints {
            if !in_force(ctx, lint_name) {
                continue;
            }
            let mut out = Vec::new();
            rule(&nctx, &mut out);
            if !out.is_empty() {
                failures.push(format!("{} ({lint_name}): {}", nctx.place, out.join("; ")));
            }
        }
    }
    if !any {
        Outcome::NotApplicable
    } else if failures.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(failures.join(" | "))
    }
}

/// Whether the lint `name` applies to this certificate and is in effect at `ctx.at`.
fn in_force(ctx: &LintContext<'_>, name: &str) -> bool {
    let Some(l) = smimelint_engine::registry::find(name) else {
        debug_assert!(false, "no lint named {name}");
        return false;
    };
    l.applies.matches(&ctx.profile)
        && ctx.at >= l.effective
        && l.ineffective.is_none_or(|end| ctx.at < end)
}

/// Whether a value has at least one letter or digit (any script).
pub(crate) fn has_alphanumeric(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

// ---------------------------------------------------------------------------------------------
// Attribute value types, for every Name of a certificate
// ---------------------------------------------------------------------------------------------

/// The ASN.1 type an attribute's definition gives its value, as the identifier octets it admits.
pub(crate) struct AttrSyntax {
    pub oid: &'static ObjectIdentifier,
    pub types: &'static [u8],
    /// The type as the defining text writes it, for messages and docs.
    pub syntax: &'static str,
    pub source: &'static str,
}

/// `DirectoryString ::= CHOICE { teletexString, printableString, universalString, utf8String,
/// bmpString }` (RFC 5280 Appendix A.1; X.520 UnboundedDirectoryString has the same choices).
const DIRECTORY_STRING: &[u8] = &[
    tag::TELETEX_STRING,
    tag::PRINTABLE_STRING,
    tag::UNIVERSAL_STRING,
    tag::UTF8_STRING,
    tag::BMP_STRING,
];
const PRINTABLE: &[u8] = &[tag::PRINTABLE_STRING];
const IA5: &[u8] = &[tag::IA5_STRING];

const fn syntax(
    oid: &'static ObjectIdentifier,
    types: &'static [u8],
    syntax: &'static str,
    source: &'static str,
) -> AttrSyntax {
    AttrSyntax {
        oid,
        types,
        syntax,
        source,
    }
}

const DS: &str = "DirectoryString";
const A1: &str = "RFC 5280 Appendix A.1";
const X520: &str = "X.520 6";

/// Every attribute type of the SBR 7.1.4.2 tables and the others common in certificate Names.
/// Attribute types not listed here have no type check (their definitions are not known).
pub(crate) static ATTRIBUTE_SYNTAX: [AttrSyntax; 32] = [
    syntax(&oid::AT_COMMON_NAME, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_SURNAME, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_SERIAL_NUMBER, PRINTABLE, "PrintableString", A1),
    syntax(
        &oid::AT_COUNTRY,
        PRINTABLE,
        "PrintableString (SIZE (2))",
        A1,
    ),
    syntax(&oid::AT_LOCALITY, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_STATE, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_STREET, DIRECTORY_STRING, DS, X520),
    syntax(&oid::AT_ORGANIZATION, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_ORGANIZATIONAL_UNIT, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_TITLE, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_DESCRIPTION, DIRECTORY_STRING, DS, X520),
    syntax(&oid::AT_BUSINESS_CATEGORY, DIRECTORY_STRING, DS, X520),
    syntax(&oid::AT_POSTAL_CODE, DIRECTORY_STRING, DS, X520),
    syntax(
        &oid::AT_TELEPHONE_NUMBER,
        PRINTABLE,
        "PrintableString",
        X520,
    ),
    syntax(&oid::AT_NAME, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_GIVEN_NAME, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_INITIALS, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_GENERATION_QUALIFIER, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_DN_QUALIFIER, PRINTABLE, "PrintableString", A1),
    syntax(&oid::AT_PSEUDONYM, DIRECTORY_STRING, DS, A1),
    syntax(&oid::AT_ORGANIZATION_IDENTIFIER, DIRECTORY_STRING, DS, X520),
    syntax(&oid::AT_EMAIL_ADDRESS, IA5, "IA5String", A1),
    syntax(&oid::AT_DOMAIN_COMPONENT, IA5, "IA5String", A1),
    syntax(
        &oid::AT_UID,
        DIRECTORY_STRING,
        DS,
        "RFC 4519 2.39; RFC 1274",
    ),
    syntax(
        &oid::AT_JURISDICTION_LOCALITY,
        DIRECTORY_STRING,
        DS,
        "EV Guidelines 9.2.4",
    ),
    syntax(
        &oid::AT_JURISDICTION_STATE,
        DIRECTORY_STRING,
        DS,
        "EV Guidelines 9.2.4",
    ),
    syntax(
        &oid::AT_JURISDICTION_COUNTRY,
        PRINTABLE,
        "PrintableString (SIZE (2))",
        "EV Guidelines 9.2.4",
    ),
    syntax(
        &oid::DATE_OF_BIRTH,
        &[tag::GENERALIZED_TIME],
        "GeneralizedTime",
        "RFC 3739 3.2.2",
    ),
    syntax(&oid::PLACE_OF_BIRTH, DIRECTORY_STRING, DS, "RFC 3739 3.2.2"),
    syntax(
        &oid::GENDER,
        PRINTABLE,
        "PrintableString (SIZE (1))",
        "RFC 3739 3.2.2",
    ),
    syntax(
        &oid::COUNTRY_OF_RESIDENCE,
        PRINTABLE,
        "PrintableString (SIZE (2))",
        "RFC 3739 3.2.2",
    ),
    syntax(
        &oid::COUNTRY_OF_CITIZENSHIP,
        PRINTABLE,
        "PrintableString (SIZE (2))",
        "RFC 3739 3.2.2",
    ),
];

impl AttrSyntax {
    pub fn is_directory_string(&self) -> bool {
        self.types == DIRECTORY_STRING
    }
}

pub(crate) fn attribute_syntax(attr_oid: &[u8]) -> Option<&'static AttrSyntax> {
    ATTRIBUTE_SYNTAX
        .iter()
        .find(|s| s.oid.as_bytes() == attr_oid)
}

/// Why an attribute's value is not of the type its definition gives, if it is not.
pub(crate) fn attribute_type_problem(a: &Attribute<'_>) -> Option<String> {
    let s = attribute_syntax(a.oid)?;
    if s.types.contains(&a.value.tag) {
        return None;
    }
    Some(format!(
        "{} is encoded as {}; {} defines it as {}",
        oid::attribute_name(s.oid),
        smimelint_cert::der_text::tag_name(a.value.tag),
        s.source,
        s.syntax
    ))
}

/// Where a Name sits, for messages of the lints that look at every Name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NamePlace {
    pub field: &'static str,
    /// 1-based position among the Names of the same field (0: the field is one Name).
    pub ordinal: usize,
}

impl fmt::Display for NamePlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ordinal == 0 {
            f.write_str(self.field)
        } else {
            write!(f, "{} directoryName #{}", self.field, self.ordinal)
        }
    }
}

/// Calls `visit` with the attributes of every Name in the certificate: issuer, subject, each
/// directoryName that `Cert::for_each_general_name` finds, and nameRelativeToCRLIssuer.
/// Names that cannot be decoded are skipped: the structure lints report them.
pub(crate) fn for_each_name<'a>(
    cert: &Cert<'a>,
    visit: &mut dyn FnMut(NamePlace, &[Attribute<'a>]),
) {
    let whole = |field| NamePlace { field, ordinal: 0 };
    if let Some(Ok(n)) = cert.issuer_name() {
        visit(whole("issuer"), &n.attributes);
    }
    if let Some(Ok(n)) = cert.subject_name() {
        visit(whole("subject"), &n.attributes);
    }
    let mut last: Option<&'static str> = None;
    let mut count = 0;
    cert.for_each_general_name(&mut |field, gn| {
        if let GeneralName::DirectoryName(Ok(n)) = gn {
            if last != Some(field) {
                last = Some(field);
                count = 0;
            }
            count += 1;
            visit(
                NamePlace {
                    field,
                    ordinal: count,
                },
                &n.attributes,
            );
        }
    });
    cert.for_each_relative_name(&mut |rdn| {
        visit(whole("nameRelativeToCRLIssuer"), &rdn.attributes);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_matches_the_sbr_tables() {
        let t = |s: &str| s.parse::<CertType>().unwrap();
        let cell = |o: &ObjectIdentifier, ty: &str| matrix_row(o.as_bytes()).unwrap().cell(t(ty));
        assert_eq!(cell(&oid::AT_ORGANIZATION, "organization-strict"), Shall);
        assert_eq!(cell(&oid::AT_ORGANIZATION, "mailbox-legacy"), ShallNot);
        assert_eq!(cell(&oid::AT_STREET, "sponsored-multipurpose"), May);
        assert_eq!(cell(&oid::AT_STREET, "individual-strict"), ShallNot);
        assert_eq!(cell(&oid::AT_TITLE, "organization-legacy"), ShallNot);
        assert_eq!(cell(&oid::AT_TITLE, "sponsored-legacy"), May);
        assert_eq!(cell(&oid::AT_EMAIL_ADDRESS, "mailbox-strict"), May);
        assert_eq!(other_cell(t("individual-legacy")), May);
        assert_eq!(other_cell(t("individual-multipurpose")), ShallNot);
        assert_eq!(other_cell(t("mailbox-legacy")), ShallNot);
        // Exactly two SHALL rows, for OV and SV only.
        for ty in CertType::all() {
            let shall = MATRIX.iter().filter(|r| r.cell(ty) == Shall).count();
            let expected = match ty.validation {
                Validation::Organization | Validation::Sponsored => 2,
                _ => 0,
            };
            assert_eq!(shall, expected, "{ty}");
        }
    }

    #[test]
    fn names_attributes() {
        assert_eq!(attr_name(oid::AT_COUNTRY.as_bytes()), "countryName");
        let desc = ObjectIdentifier::new_unwrap("2.5.4.13");
        assert_eq!(attr_name(desc.as_bytes()), "description (2.5.4.13)");
        let x = ObjectIdentifier::new_unwrap("1.2.3.4");
        assert_eq!(attr_name(x.as_bytes()), "1.2.3.4");
        assert_eq!(
            Place::DirectoryName(2).to_string(),
            "subjectAltName directoryName #2"
        );
    }
}
