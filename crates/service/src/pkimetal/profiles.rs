//! The `profile` parameter: `autodetect`, smimelint's certificate types and the S/MIME profile
//! names pkimetal uses for the same things.

use serde::Serialize;
use smimelint_engine::detect::{CertType, Generation, Kind, Validation};
use smimelint_engine::options::DocumentKind;
use smimelint_engine::revocation_context::Scope;

/// What a request asks the certificate to be linted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Requested {
    Autodetect,
    /// A subscriber type: detection is overridden.
    Type(CertType),
    /// A CA profile: smimelint decides root or subordinate from the certificate itself, so the
    /// profile is a claim that is checked rather than an override.
    Ca(Kind),
    /// One of pkimetal's CRL or OCSP profiles: the document kind it is for and the scope it
    /// sets (an ARL reports on CA certificates; a CRL profile on subscriber certificates).
    Revocation(DocumentKind, Option<Scope>),
}

/// pkimetal's CRL and OCSP profiles (linter/profile.go): name, what it stands for, description,
/// and whether pkimetal's autodetection picks it.
const REVOCATION: [(&str, DocumentKind, Option<Scope>, &str, bool); 5] = [
    (
        "rfc5280_crl",
        DocumentKind::Crl,
        Some(Scope::Subscriber),
        "Certificate Revocation List (RFC5280): linted as a CRL for subscriber certificates",
        true,
    ),
    (
        "rfc5280_arl",
        DocumentKind::Crl,
        Some(Scope::Ca),
        "Authority Revocation List (RFC5280): linted as a CRL for CA certificates",
        false,
    ),
    (
        "tbr_crl",
        DocumentKind::Crl,
        Some(Scope::Subscriber),
        "Certificate Revocation List (TLS BRs): linted as a CRL for subscriber certificates",
        false,
    ),
    (
        "tbr_arl",
        DocumentKind::Crl,
        Some(Scope::Ca),
        "Authority Revocation List (TLS BRs): linted as a CRL for CA certificates",
        false,
    ),
    (
        "rfc6960_ocspresponse",
        DocumentKind::Ocsp,
        None,
        "OCSP Response (RFC6960)",
        true,
    ),
];

/// One entry of `GET /profiles` (pkimetal's `LintProfile`, with its extra fields).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct ProfileInfo {
    pub name: String,
    pub source: &'static str,
    pub description: String,
    pub autodetectable: bool,
}

const SOURCE: &str = "S/MIME BRs";

fn validation_letters(v: Validation) -> &'static str {
    match v {
        Validation::Mailbox => "mv",
        Validation::Organization => "ov",
        Validation::Sponsored => "sv",
        Validation::Individual => "iv",
    }
}

fn validation_words(v: Validation) -> &'static str {
    match v {
        Validation::Mailbox => "Mailbox Validated",
        Validation::Organization => "Organization Validated",
        Validation::Sponsored => "Sponsor Validated",
        Validation::Individual => "Individual Validated",
    }
}

fn generation_word(g: Generation) -> &'static str {
    match g {
        Generation::Legacy => "Legacy",
        Generation::Multipurpose => "Multipurpose",
        Generation::Strict => "Strict",
    }
}

/// pkimetal's name for a subscriber type, e.g. `sbr_leaf_smime_mv_strict`.
pub(crate) fn pkimetal_name(t: CertType) -> String {
    format!(
        "sbr_leaf_smime_{}_{}",
        validation_letters(t.validation),
        t.generation.as_str()
    )
}

fn description(t: CertType) -> String {
    format!(
        "S/MIME Certificate: {}, {}",
        validation_words(t.validation),
        generation_word(t.generation)
    )
}

const ROOT: &str = "sbr_root_smime";
const SUBORDINATE: &str = "sbr_subordinate_smime";

/// Parses a `profile` value; an empty value is `autodetect`, as in pkimetal.
pub(crate) fn parse(name: &str) -> Option<Requested> {
    let name = name.trim();
    if name.is_empty() || name.eq_ignore_ascii_case("autodetect") {
        return Some(Requested::Autodetect);
    }
    if let Some((_, doc, scope, _, _)) = REVOCATION.iter().find(|r| r.0.eq_ignore_ascii_case(name))
    {
        return Some(Requested::Revocation(*doc, *scope));
    }
    match name.to_ascii_lowercase().as_str() {
        ROOT => return Some(Requested::Ca(Kind::RootCa)),
        SUBORDINATE => return Some(Requested::Ca(Kind::SubordinateCa)),
        _ => {}
    }
    if let Ok(t) = name.parse::<CertType>() {
        return Some(Requested::Type(t));
    }
    CertType::all()
        .find(|&t| pkimetal_name(t).eq_ignore_ascii_case(name))
        .map(Requested::Type)
}

/// Every accepted profile name: `autodetect`, smimelint's types, pkimetal's names for them, then
/// pkimetal's CRL and OCSP profiles.
pub(crate) fn all() -> Vec<ProfileInfo> {
    let mut out = vec![ProfileInfo {
        name: "autodetect".into(),
        source: "",
        description: "AUTO-DETECT".into(),
        autodetectable: false,
    }];
    out.extend(CertType::all().map(|t| ProfileInfo {
        name: t.to_string(),
        source: SOURCE,
        description: description(t),
        autodetectable: true,
    }));
    out.push(ProfileInfo {
        name: ROOT.into(),
        source: SOURCE,
        description: "S/MIME Root CA Certificate".into(),
        autodetectable: true,
    });
    out.push(ProfileInfo {
        name: SUBORDINATE.into(),
        source: SOURCE,
        description: "S/MIME Subordinate CA Certificate".into(),
        autodetectable: true,
    });
    out.extend(CertType::all().map(|t| ProfileInfo {
        name: pkimetal_name(t),
        source: SOURCE,
        description: format!("{} (the same as {t})", description(t)),
        autodetectable: true,
    }));
    out.extend(
        REVOCATION
            .iter()
            .map(|(name, doc, _, description, autodetectable)| ProfileInfo {
                name: (*name).into(),
                source: match doc {
                    DocumentKind::Ocsp => "RFC6960",
                    _ if name.starts_with("tbr_") => "TLS BRs",
                    _ => "RFC5280",
                },
                description: (*description).into(),
                autodetectable: *autodetectable,
            }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// pkimetal's S/MIME profile names (linter/profile.go, "CABForum S/MIME Baseline
    /// Requirements") and the SBR 1.2 types they stand for.
    #[test]
    fn pkimetal_names_map_to_the_same_types() {
        let pkimetal = [
            ("sbr_leaf_smime_mv_legacy", "mailbox-legacy"),
            ("sbr_leaf_smime_mv_multipurpose", "mailbox-multipurpose"),
            ("sbr_leaf_smime_mv_strict", "mailbox-strict"),
            ("sbr_leaf_smime_ov_legacy", "organization-legacy"),
            (
                "sbr_leaf_smime_ov_multipurpose",
                "organization-multipurpose",
            ),
            ("sbr_leaf_smime_ov_strict", "organization-strict"),
            ("sbr_leaf_smime_sv_legacy", "sponsored-legacy"),
            ("sbr_leaf_smime_sv_multipurpose", "sponsored-multipurpose"),
            ("sbr_leaf_smime_sv_strict", "sponsored-strict"),
            ("sbr_leaf_smime_iv_legacy", "individual-legacy"),
            ("sbr_leaf_smime_iv_multipurpose", "individual-multipurpose"),
            ("sbr_leaf_smime_iv_strict", "individual-strict"),
        ];
        for (theirs, ours) in pkimetal {
            let t: CertType = ours.parse().unwrap();
            assert_eq!(parse(theirs), Some(Requested::Type(t)), "{theirs}");
            assert_eq!(parse(ours), Some(Requested::Type(t)), "{ours}");
        }
        assert_eq!(parse("sbr_root_smime"), Some(Requested::Ca(Kind::RootCa)));
        assert_eq!(
            parse("sbr_subordinate_smime"),
            Some(Requested::Ca(Kind::SubordinateCa))
        );
        assert_eq!(parse(""), Some(Requested::Autodetect));
        assert_eq!(parse("autodetect"), Some(Requested::Autodetect));
        assert_eq!(parse("tbr_leaf_tlsserver_dv"), None);
        // pkimetal-revocation-api.txt: `_arl` profiles are for CA certificates, `_crl` ones for
        // subscriber certificates.
        let crl = |scope| Some(Requested::Revocation(DocumentKind::Crl, Some(scope)));
        assert_eq!(parse("rfc5280_crl"), crl(Scope::Subscriber));
        assert_eq!(parse("tbr_crl"), crl(Scope::Subscriber));
        assert_eq!(parse("rfc5280_arl"), crl(Scope::Ca));
        assert_eq!(parse("TBR_ARL"), crl(Scope::Ca));
        assert_eq!(
            parse("rfc6960_ocspresponse"),
            Some(Requested::Revocation(DocumentKind::Ocsp, None))
        );
        // Every listed name parses.
        for p in all() {
            assert!(parse(&p.name).is_some(), "{}", p.name);
        }
    }
}
