//! RFC 5280 certificate structure (incorporated by SBR §7.1.2.4) and the SBR's own rules on
//! version and serial number (§7.1, §7.1.1): the defects x509-cert decodes without complaint —
//! zero or negative serials, duplicate extensions, empty SIZE (1..MAX) collections, unknown
//! critical extensions — and the ones it rejects outright but that deserve a precise name.

use super::prelude::*;
use smimelint_cert::time::{format_iso, TimeKind};
use smimelint_cert::{Form, Name, TimeField};

/// Lowercase hex of up to 96 bytes (AlgorithmIdentifiers and serials fit whole), for messages.
fn hex_full(b: &[u8]) -> String {
    const CAP: usize = 96;
    let mut s: String = b.iter().take(CAP).map(|x| format!("{x:02x}")).collect();
    if b.len() > CAP {
        s.push('…');
    }
    s
}

/// "v3" for INTEGER 2, and so on; a negative value is no version at all.
fn version_text(cert: &Cert<'_>, n: i64) -> String {
    if cert.version.is_none() {
        "v1 (the version field is absent)".into()
    } else if n >= 0 {
        format!("v{} (INTEGER {n})", n + 1)
    } else {
        format!("INTEGER {n}, which is no X.509 version")
    }
}

// ---------------------------------------------------------------------------------------------
// Version
// ---------------------------------------------------------------------------------------------

fn check_certificate_not_v3(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    match cert.version_number() {
        Some(2) => Outcome::Pass,
        Some(n) => fail!(
            "tbsCertificate.version is {}; X.509 v3 (INTEGER 2) is required",
            version_text(cert, n)
        ),
        None => fail!(
            "tbsCertificate.version does not hold a readable INTEGER ({}); X.509 v3 (INTEGER 2) is required",
            cert.version.map_or_else(String::new, |v| hex_full(v.raw))
        ),
    }
}

lint! {
    /// ## What it checks
    /// `tbsCertificate.version` is present and holds INTEGER 2 (X.509 v3). An absent field (the
    /// DEFAULT, v1), INTEGER 1 (v2), INTEGER 3 or more (a "v4" that does not exist) and negative
    /// values are reported with the version found.
    ///
    /// ## Why
    /// SBR §7.1.1: "Certificates SHALL be of type X.509 v3." Extensions, which every S/MIME
    /// profile needs, exist only in v3 (RFC 5280 §4.1.2.1, §4.1.2.9).
    ///
    /// ## Example
    /// `a0 03 02 01 01` (v2); `a0 03 02 01 03` (INTEGER 3, which x509-cert also rejects); a
    /// TBSCertificate that starts directly with the serial number (v1).
    E_SMIME_CERTIFICATE_NOT_V3 {
        name: "e_smime_certificate_not_v3",
        description: "The certificate is not X.509 v3",
        citation: "SBR 7.1.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_version_is_not_v3"],
        zlint: ["e_invalid_certificate_version"],
        catalog: ["e_smime_certificate_not_v3"],
        applies: Applies::ALL,
        check: check_certificate_not_v3,
    }
}

fn check_extensions_in_non_v3(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    if cert.extensions_field.is_none() {
        return Outcome::NotApplicable;
    }
    match cert.version_number() {
        Some(2) => Outcome::Pass,
        // An unreadable version is e_smime_certificate_not_v3's finding.
        None => Outcome::NotApplicable,
        Some(n) => fail!(
            "tbsCertificate.extensions ({} extension(s)) is present in a certificate whose version is {}; extensions are allowed only in v3",
            cert.extensions.len(),
            version_text(cert, n)
        ),
    }
}

lint! {
    /// ## What it checks
    /// When the `[3] extensions` field is present, the version is v3 (INTEGER 2). An unreadable
    /// version is left to `e_smime_certificate_not_v3`.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.9: the extensions field "MUST only appear if the version is 3". Software
    /// that honours the version ignores or rejects the extensions of a v1/v2 certificate, so
    /// its key usage, policies and names are lost.
    ///
    /// ## Example
    /// A certificate with `a0 03 02 01 01` (v2), or with no version field (v1), that carries
    /// keyUsage and subjectAltName.
    E_SMIME_RFC5280_EXTENSIONS_IN_NON_V3_CERTIFICATE {
        name: "e_smime_rfc5280_extensions_in_non_v3_certificate",
        description: "Extensions are present but the certificate is not v3",
        citation: "RFC 5280 4.1.2.9; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: ["e_cert_extensions_version_not_3"],
        catalog: [],
        applies: Applies::ALL,
        check: check_extensions_in_non_v3,
    }
}

// ---------------------------------------------------------------------------------------------
// Serial number
// ---------------------------------------------------------------------------------------------

/// Content octets of the serial number; None when absent or empty (reported elsewhere).
fn serial_content<'a>(cert: &Cert<'a>) -> Option<&'a [u8]> {
    cert.serial.map(|t| t.content).filter(|c| !c.is_empty())
}

/// Decimal value when it fits in 64 bits, else the octet count.
fn serial_value_text(c: &[u8]) -> String {
    match smimelint_cert::int_value(c) {
        Some(v) => v.to_string(),
        None => format!("a {}-octet value", c.len()),
    }
}

fn check_serial_number_not_positive(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = serial_content(ctx.cert) else {
        return Outcome::NotApplicable;
    };
    if c[0] & 0x80 != 0 {
        return fail!(
            "tbsCertificate.serialNumber is negative: {} (content {})",
            serial_value_text(c),
            hex_full(c)
        );
    }
    if c.iter().all(|&b| b == 0) {
        return fail!(
            "tbsCertificate.serialNumber is zero (content {})",
            hex_full(c)
        );
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// `serialNumber`, read as the two's complement INTEGER it is, is greater than zero. Zero
    /// (including a padded `00 00`) and every value whose first content octet has the high bit
    /// set (negative) are reported. An INTEGER with no content is left to
    /// `e_der_integer_not_minimal`.
    ///
    /// ## Why
    /// SBR §7.1: CAs SHALL generate serial numbers "greater than zero (0)"; RFC 5280 §4.1.2.2
    /// says the same ("MUST be a positive integer"). x509-cert decodes zero and negative serials
    /// without complaint, and a high first octet without the leading `00` is a classic
    /// encoding mistake that turns a random serial negative.
    ///
    /// ## Example
    /// `02 01 00` (zero); `02 01 fb` (−5); `02 10 9c …` (a 16-octet random value whose top bit
    /// is set and that lacks the `00` octet that keeps it positive).
    E_SMIME_SERIAL_NUMBER_NOT_POSITIVE {
        name: "e_smime_serial_number_not_positive",
        description: "The serial number is zero or negative",
        citation: "SBR 7.1; RFC 5280 4.1.2.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_serial_number_out_of_range"],
        zlint: ["e_serial_number_not_positive"],
        catalog: ["e_smime_serial_number_not_positive"],
        applies: Applies::ALL,
        check: check_serial_number_not_positive,
    }
}

/// RFC 5280 §4.1.2.2: at most 20 octets.
const MAX_SERIAL_OCTETS: usize = 20;

/// Bit length of a non-negative big-endian magnitude (leading zero octets do not count).
fn magnitude_bits(c: &[u8]) -> usize {
    let start = c.iter().position(|&b| b != 0).unwrap_or(c.len());
    match c.get(start) {
        None => 0,
        Some(&first) => (c.len() - start - 1) * 8 + (8 - first.leading_zeros() as usize),
    }
}

fn check_serial_number_too_large(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = serial_content(ctx.cert) else {
        return Outcome::NotApplicable;
    };
    let negative = c[0] & 0x80 != 0;
    // 2^159 is the smallest value with a bit length of 160.
    let bits = magnitude_bits(c);
    if !negative && bits >= 160 {
        return fail!(
            "tbsCertificate.serialNumber has {bits} significant bits in {} content octets (content {}): its value is at least 2^159, and RFC 5280 allows at most 20 octets",
            c.len(),
            hex_full(c)
        );
    }
    if c.len() > MAX_SERIAL_OCTETS {
        return fail!(
            "tbsCertificate.serialNumber is encoded in {} content octets (content {}); RFC 5280 allows at most {MAX_SERIAL_OCTETS}",
            c.len(),
            hex_full(c)
        );
    }
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// `serialNumber` is less than 2^159 and its encoding has at most 20 content octets.
    ///
    /// The two limits are one limit for a positive, minimally encoded INTEGER. DER encodes
    /// INTEGER in two's complement, so 20 content octets hold 160 bits of which the first is
    /// the sign bit: the largest positive 20-octet value is 2^159 − 1. A serial of 2^159 or
    /// more needs a 21st octet (the leading `00` that keeps the sign bit clear), so "less than
    /// 2^159" (SBR §7.1) and "no longer than 20 octets" (RFC 5280 §4.1.2.2) accept exactly the
    /// same positive serials. They part only for encodings DER forbids: a small value padded
    /// with leading `00` octets past 20 is below 2^159 but longer than RFC 5280 allows. It is
    /// reported too (the padding itself is `e_der_integer_not_minimal`). A negative value is
    /// reported here only when it is longer than 20 octets; its sign is
    /// `e_smime_serial_number_not_positive`.
    ///
    /// ## Why
    /// SBR §7.1 bounds serials by 2^159; RFC 5280 §4.1.2.2 says CAs "MUST NOT use serialNumber
    /// values longer than 20 octets", and relying parties may reject longer ones. A CA that
    /// fills a serial with 20 random octets must clear the top bit of the first one.
    ///
    /// ## Example
    /// `02 15 00 80 …` (21 content octets: 20 random octets whose top bit is set, plus the
    /// sign octet).
    ///
    /// ## Differences from pkilint
    /// pkilint reports both this and the not-positive case as
    /// `pkix.certificate_serial_number_out_of_range`, from the decoded value only, so it does
    /// not see over-long padded encodings.
    E_SMIME_SERIAL_NUMBER_TOO_LARGE {
        name: "e_smime_serial_number_too_large",
        description: "The serial number is 2^159 or more, or longer than 20 octets",
        citation: "SBR 7.1; RFC 5280 4.1.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_serial_number_out_of_range"],
        zlint: ["e_serial_number_longer_than_20_octets"],
        catalog: ["e_smime_serial_number_too_large"],
        applies: Applies::ALL,
        check: check_serial_number_too_large,
    }
}

// ---------------------------------------------------------------------------------------------
// Signature AlgorithmIdentifier
// ---------------------------------------------------------------------------------------------

/// The algorithm OID of an AlgorithmIdentifier, in dotted form.
fn algorithm_oid(der: &[u8]) -> Option<String> {
    smimelint_cert::alg::leading_oid(der).map(oid::dotted)
}

fn check_signature_algorithm_fields_mismatch(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    if cert.form == Form::Tbs {
        return Outcome::NotApplicable;
    }
    let (Some(outer), Some(inner)) = (cert.signature_algorithm, cert.tbs_signature) else {
        return Outcome::NotApplicable;
    };
    if outer.raw == inner.raw {
        return Outcome::Pass;
    }
    let (a, b) = (algorithm_oid(outer.raw), algorithm_oid(inner.raw));
    match (a, b) {
        (Some(a), Some(b)) if a != b => fail!(
            "signatureAlgorithm is {a} but tbsCertificate.signature is {b} ({} vs {})",
            hex_full(outer.raw),
            hex_full(inner.raw)
        ),
        _ => fail!(
            "signatureAlgorithm and tbsCertificate.signature are encoded differently: {} vs {}",
            hex_full(outer.raw),
            hex_full(inner.raw)
        ),
    }
}

lint! {
    /// ## What it checks
    /// The `signatureAlgorithm` AlgorithmIdentifier of the Certificate is byte-for-byte the
    /// same as `tbsCertificate.signature`, parameters included. Not applicable to an unsigned
    /// TBSCertificate, which has no outer field.
    ///
    /// ## Why
    /// RFC 5280 §4.1.1.2: signatureAlgorithm "MUST contain the same algorithm identifier as the
    /// signature field in the sequence tbsCertificate". Only the inner copy is signed; a
    /// mismatch lets the unsigned outer field claim another algorithm, and verifiers disagree
    /// about which one to use.
    ///
    /// ## Example
    /// tbsCertificate.signature sha256WithRSAEncryption, signatureAlgorithm
    /// sha384WithRSAEncryption; or the same OID once with and once without the NULL parameters.
    E_SMIME_SIGNATURE_ALGORITHM_FIELDS_MISMATCH {
        name: "e_smime_signature_algorithm_fields_mismatch",
        description: "signatureAlgorithm differs from tbsCertificate.signature",
        citation: "RFC 5280 4.1.1.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.certificate_signature_algorithm_mismatch"],
        zlint: ["e_cert_sig_alg_not_match_tbs_sig_alg"],
        catalog: ["e_smime_signature_algorithm_fields_mismatch"],
        applies: Applies::ALL,
        check: check_signature_algorithm_fields_mismatch,
    }
}

// ---------------------------------------------------------------------------------------------
// Validity
// ---------------------------------------------------------------------------------------------

/// `UTCTime "251001000000Z"`, for messages.
fn time_text(f: &TimeField<'_>) -> String {
    let kind = match f.parsed.kind {
        TimeKind::Utc => "UTCTime",
        TimeKind::Generalized => "GeneralizedTime",
    };
    format!("{kind} {:?}", String::from_utf8_lossy(f.tlv.content))
}

/// The four-digit year at the start of GeneralizedTime content.
fn generalized_year(content: &[u8]) -> Option<u32> {
    let y = content.get(..4)?;
    y.iter()
        .all(u8::is_ascii_digit)
        .then(|| y.iter().fold(0, |acc, &d| acc * 10 + u32::from(d - b'0')))
}

/// GeneralizedTime used for a year UTCTime must carry (1950–2049).
fn generalized_too_early(f: &TimeField<'_>) -> Option<u32> {
    if f.parsed.kind != TimeKind::Generalized {
        return None;
    }
    generalized_year(f.tlv.content).filter(|y| (1950..2050).contains(y))
}

fn time_defects(name: &str, field: &Option<TimeField<'_>>, out: &mut Vec<String>) {
    let Some(f) = field else { return };
    for d in &f.parsed.defects {
        out.push(format!("{name}: {d} ({})", time_text(f)));
    }
    if let Some(year) = generalized_too_early(f) {
        out.push(format!(
            "{name}: year {year} is encoded as GeneralizedTime, but dates through 2049 must be UTCTime ({})",
            time_text(f)
        ));
    }
}

fn time_is_clean(field: &Option<TimeField<'_>>) -> bool {
    field
        .as_ref()
        .is_none_or(|f| f.parsed.defects.is_empty() && generalized_too_early(f).is_none())
}

fn check_validity_time_encoding(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    if cert.not_before.is_none() && cert.not_after.is_none() {
        return Outcome::NotApplicable;
    }
    if time_is_clean(&cert.not_before) && time_is_clean(&cert.not_after) {
        return Outcome::Pass;
    }
    let mut found = Vec::new();
    time_defects("notBefore", &cert.not_before, &mut found);
    time_defects("notAfter", &cert.not_after, &mut found);
    fail!("{}", found.join("; "))
}

lint! {
    /// ## What it checks
    /// notBefore and notAfter follow the RFC 5280 time profile: UTCTime (`YYMMDDHHMMSSZ`) for
    /// dates through 2049 and GeneralizedTime (`YYYYMMDDHHMMSSZ`) from 2050; always in UTC with
    /// the `Z` suffix (no local time, no offset), always with seconds, never with fractional
    /// seconds; and a real calendar date and time (no 30 February, no hour 24). Each defect is
    /// named with its field.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.5, §4.1.2.5.1 and §4.1.2.5.2 (SBR §7.1.2.4). Each deviation is a second
    /// way to write the same instant, which DER-based software rejects (x509-cert refuses
    /// UTCTime without seconds) or misreads (a GeneralizedTime year before 2050 where UTCTime is
    /// expected).
    ///
    /// ## Example
    /// `17 0b "2510010000Z"` (notBefore: seconds are missing); `18 0f "20261001000000Z"`
    /// (a 2026 date as GeneralizedTime); `"20501001000000.5Z"` (fractional seconds).
    E_SMIME_RFC5280_VALIDITY_TIME_ENCODING {
        name: "e_smime_rfc5280_validity_time_encoding",
        description: "notBefore or notAfter is not encoded as RFC 5280 requires",
        citation: "RFC 5280 4.1.2.5; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [
            "pkix.wrong_time_useful_type",
            "pkix.invalid_time_syntax",
            "pkix.utctime_incorrect_syntax",
            "pkix.generalizedtime_incorrect_syntax",
        ],
        zlint: [
            "e_wrong_time_format_pre2050",
            "e_utc_time_not_in_zulu",
            "e_utc_time_does_not_include_seconds",
            "e_generalized_time_not_in_zulu",
            "e_generalized_time_does_not_include_seconds",
            "e_generalized_time_includes_fraction_seconds",
        ],
        catalog: ["e_smime_rfc5280_validity_time_encoding"],
        applies: Applies::ALL,
        check: check_validity_time_encoding,
    }
}

fn check_validity_not_after_before_not_before(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    let (Some(not_before), Some(not_after)) = (cert.not_before_time(), cert.not_after_time())
    else {
        return Outcome::NotApplicable;
    };
    if not_after < not_before {
        fail!(
            "notAfter {} is earlier than notBefore {}",
            format_iso(not_after),
            format_iso(not_before)
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// notAfter is not earlier than notBefore. Equal times (a one-second validity period) pass.
    /// Not applicable when either time cannot be read as a calendar time.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.5: the validity period is the interval from notBefore through notAfter.
    /// A reversed interval is valid at no time at all; it usually means swapped fields or a
    /// two-digit year that wrapped (UTCTime `49…` is 2049, `50…` is 1950).
    ///
    /// ## Example
    /// notBefore `251001000000Z`, notAfter `250930000000Z`.
    E_SMIME_RFC5280_VALIDITY_NOT_AFTER_BEFORE_NOT_BEFORE {
        name: "e_smime_rfc5280_validity_not_after_before_not_before",
        description: "notAfter is earlier than notBefore",
        citation: "RFC 5280 4.1.2.5; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.certificate_negative_validity_period"],
        zlint: ["e_validity_time_not_positive"],
        catalog: [],
        applies: Applies::ALL,
        check: check_validity_not_after_before_not_before,
    }
}

// ---------------------------------------------------------------------------------------------
// Extensions list
// ---------------------------------------------------------------------------------------------

fn check_duplicate_extension(ctx: &LintContext<'_>) -> Outcome {
    let exts = &ctx.cert.extensions;
    let groups = repeated_groups(exts.len(), |i| exts[i].oid);
    if groups.is_empty() {
        return Outcome::Pass;
    }
    let found: Vec<String> = groups
        .iter()
        .map(|group| {
            let places: Vec<String> = group
                .iter()
                .map(|&i| format!("extensions[{}]", exts[i].index))
                .collect();
            format!(
                "{} appears {} times ({})",
                oid::describe_extension(exts[group[0]].oid),
                places.len(),
                places.join(", ")
            )
        })
        .collect();
    fail!("{}", found.join("; "))
}

lint! {
    /// ## What it checks
    /// No extension OID appears more than once in `tbsCertificate.extensions`, whatever the
    /// values. Each repeated OID is named with the positions it occupies.
    ///
    /// ## Why
    /// RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular
    /// extension." Software that reads the first instance and software that reads the last see
    /// different certificates (two keyUsage or two subjectAltName values). x509-cert accepts
    /// duplicates silently.
    ///
    /// ## Example
    /// Two extKeyUsage (2.5.29.37) extensions, at extensions[1] and extensions[8].
    E_SMIME_RFC5280_DUPLICATE_EXTENSION {
        name: "e_smime_rfc5280_duplicate_extension",
        description: "An extension appears more than once",
        citation: "RFC 5280 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.duplicate_extension"],
        zlint: ["e_ext_duplicate_extension"],
        catalog: ["e_smime_rfc5280_duplicate_extension"],
        applies: Applies::ALL,
        check: check_duplicate_extension,
    }
}

fn check_unknown_critical_extension(ctx: &LintContext<'_>) -> Outcome {
    let unknown = |e: &&Extension<'_>| e.critical && !oid::is_known_extension(e.oid);
    if !ctx.cert.extensions.iter().any(|e| unknown(&e)) {
        return Outcome::Pass;
    }
    let found: Vec<String> = ctx
        .cert
        .extensions
        .iter()
        .filter(unknown)
        .map(|e| format!("extensions[{}] {}", e.index, oid::dotted(e.oid)))
        .collect();
    fail!(
        "critical extension(s) that smimelint does not recognise: {}; a relying party that does not recognise a critical extension must reject the certificate",
        found.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// Every extension marked critical is one smimelint recognises: the RFC 5280 extensions,
    /// the ones S/MIME certificates use (smimeCapabilities, qcStatements, the LEI and Adobe
    /// extensions, subjectInformationAccess …) and the RFC 6962 ones. The precertificate poison
    /// (1.3.6.1.4.1.11129.2.4.3), which RFC 6962 requires to be critical, is recognised and
    /// never reported.
    ///
    /// ## Why
    /// RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it encounters
    /// a critical extension it does not recognize." A critical private extension therefore makes
    /// the certificate unusable for every mail client that does not know it. smimelint cannot
    /// know what the CA's relying parties recognise, so this is a warning, not an error.
    ///
    /// ## Example
    /// A critical extension `1.3.6.1.4.1.55555.1.2` carrying CA-internal data.
    W_SMIME_RFC5280_UNKNOWN_CRITICAL_EXTENSION {
        name: "w_smime_rfc5280_unknown_critical_extension",
        description: "A critical extension that relying parties are unlikely to recognise",
        citation: "RFC 5280 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_unknown_critical_extension,
    }
}

// ---------------------------------------------------------------------------------------------
// Unique identifiers, issuer
// ---------------------------------------------------------------------------------------------

fn check_unique_identifier_present(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    let fields = [
        ("issuerUniqueID", cert.issuer_unique_id),
        ("subjectUniqueID", cert.subject_unique_id),
    ];
    if fields.iter().all(|(_, f)| f.is_none()) {
        return Outcome::Pass;
    }
    let found: Vec<String> = fields
        .iter()
        .filter_map(|(name, f)| {
            f.map(|t| {
                format!(
                    "tbsCertificate.{name} ({} content octets: {})",
                    t.content.len(),
                    hex_full(t.content)
                )
            })
        })
        .collect();
    fail!(
        "{} present; CAs conforming to RFC 5280 must not generate unique identifiers",
        found.join(" and ")
    )
}

lint! {
    /// ## What it checks
    /// `tbsCertificate.issuerUniqueID` (`[1]`) and `subjectUniqueID` (`[2]`) are absent.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.8: "CAs conforming to this profile MUST NOT generate certificates with
    /// unique identifiers." They date from X.509 v2, have no processing rules, and the SBR
    /// profiles (§7.1.2) do not list them.
    ///
    /// ## Example
    /// `81 02 00 ab` (an issuerUniqueID BIT STRING) after subjectPublicKeyInfo.
    E_SMIME_RFC5280_UNIQUE_IDENTIFIER_PRESENT {
        name: "e_smime_rfc5280_unique_identifier_present",
        description: "issuerUniqueID or subjectUniqueID is present",
        citation: "RFC 5280 4.1.2.8; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.issuer_unique_id_present", "pkix.subject_unique_id_present"],
        zlint: ["e_cert_contains_unique_identifier"],
        catalog: ["e_smime_rfc5280_unique_identifier_present"],
        applies: Applies::ALL,
        check: check_unique_identifier_present,
    }
}

fn check_issuer_empty(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(name)) = ctx.cert.issuer_name() else {
        return Outcome::NotApplicable;
    };
    if name.rdn_count == 0 {
        fail!("tbsCertificate.issuer is an empty SEQUENCE: the distinguished name has no RDN")
    } else if name.attributes.is_empty() {
        fail!(
            "tbsCertificate.issuer has {} RDN(s) but every one is an empty SET: the distinguished name has no attribute",
            name.rdn_count
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// The issuer distinguished name holds at least one attribute: it is neither an empty
    /// RDNSequence nor made only of empty RDN SETs (each of which
    /// `e_smime_rfc5280_empty_sequence` also reports).
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.4: "The issuer field MUST contain a non-empty distinguished name (DN)."
    /// Path building matches the issuer against the subject of the issuing CA, which is never
    /// empty.
    ///
    /// ## Example
    /// `30 00` as tbsCertificate.issuer.
    ///
    /// ## Differences from pkilint
    /// pkilint's `pkix.name_empty` counts RDNs, so an issuer made only of empty SETs passes
    /// there.
    E_SMIME_RFC5280_ISSUER_EMPTY {
        name: "e_smime_rfc5280_issuer_empty",
        description: "The issuer distinguished name is empty",
        citation: "RFC 5280 4.1.2.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.name_empty"],
        zlint: ["e_issuer_field_empty"],
        catalog: ["e_smime_rfc5280_issuer_empty"],
        applies: Applies::ALL,
        check: check_issuer_empty,
    }
}

// ---------------------------------------------------------------------------------------------
// Attribute value types in every Name
// ---------------------------------------------------------------------------------------------

fn check_name_attribute_type_invalid(ctx: &LintContext<'_>) -> Outcome {
    let mut found: Vec<String> = Vec::new();
    super::name_rules::for_each_name(ctx.cert, &mut |place, attrs| {
        for a in attrs {
            if let Some(p) = super::name_rules::attribute_type_problem(a) {
                found.push(format!("{place}: {p}"));
            }
        }
    });
    ctx.cert.for_each_directory_attribute(&mut |a| {
        if let Some(p) = super::name_rules::attribute_type_problem(a) {
            found.push(format!("subjectDirectoryAttributes: {p}"));
        }
    });
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// In every Name of the certificate — issuer, subject, and each directoryName of
    /// subjectAltName, issuerAltName, authorityKeyIdentifier, cRLDistributionPoints and
    /// freshestCRL (with nameRelativeToCRLIssuer), authority/subjectInfoAccess and the
    /// nameConstraints subtrees — and in the values of subjectDirectoryAttributes, each
    /// attribute value has an ASN.1 type its attribute's
    /// definition allows: DirectoryString (TeletexString, PrintableString, UniversalString,
    /// UTF8String, BMPString) for commonName, organizationName, localityName, uid and the other
    /// name attributes; PrintableString for countryName, serialNumber, dnQualifier,
    /// telephoneNumber, jurisdictionCountryName, gender, countryOfCitizenship and
    /// countryOfResidence; IA5String for emailAddress and domainComponent; GeneralizedTime for
    /// dateOfBirth. The table is in docs/conformance.md, "Permitted string types".
    ///
    /// Which of the DirectoryString choices a subscriber's subject may use is the SBR profile's
    /// business (`e_smime_subject_attribute_encoding_invalid`); characters outside the chosen
    /// type's alphabet are `e_der_string_invalid`.
    ///
    /// ## Why
    /// A value of another type is not a value of the attribute at all: strict decoders
    /// (OpenSSL, pkilint's schema) refuse the certificate, and name comparison in path
    /// validation (RFC 5280 7.1) cannot match it. The rule is the same wherever the Name sits,
    /// in subscriber and CA certificates alike.
    ///
    /// ## Example
    /// `DC=com` as a PrintableString; an issuer commonName that is an OBJECT IDENTIFIER; a CA
    /// subject countryName encoded as GeneralizedTime.
    ///
    /// ## Differences from pkilint
    /// pkilint reports these as ASN.1 decoding failures of the whole certificate
    /// (`itu.invalid_asn1_syntax`); smimelint names the attribute and the Name.
    E_SMIME_RFC5280_NAME_ATTRIBUTE_TYPE_INVALID {
        name: "e_smime_rfc5280_name_attribute_type_invalid",
        description: "A Name attribute's value is not of the ASN.1 type its attribute type defines",
        citation: "RFC 5280 4.1.2.4, Appendix A.1; RFC 4519; X.520",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["itu.invalid_asn1_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_name_attribute_type_invalid,
    }
}

// ---------------------------------------------------------------------------------------------
// Empty SIZE (1..MAX) collections
// ---------------------------------------------------------------------------------------------

/// Visits every empty SIZE (1..MAX) collection of the certificate.
fn visit_empty_collections(cert: &Cert<'_>, report: &mut dyn FnMut(String)) {
    for place in &cert.empty_collections {
        report(format!("{place} is empty"));
    }
    let names: [(&str, Option<&Result<Name<'_>, String>>); 2] = [
        ("tbsCertificate.issuer", cert.issuer_name()),
        ("tbsCertificate.subject", cert.subject_name()),
    ];
    for (field, name) in names {
        if let Some(Ok(name)) = name {
            for rdn in &name.empty_rdns {
                report(format!(
                    "{field}: RDN {rdn} (RelativeDistinguishedName ::= SET SIZE (1..MAX)) is an empty SET"
                ));
            }
        }
    }
    for e in &cert.extensions {
        e.empty_collections(&mut |what| {
            report(format!(
                "tbsCertificate.extensions[{}] {}: {what}",
                e.index,
                oid::describe_extension(e.oid)
            ))
        });
    }
}

fn check_empty_sequence(ctx: &LintContext<'_>) -> Outcome {
    // Messages are formatted only when an empty place is found, and Vec::new does not
    // allocate, so a clean certificate costs no allocation.
    let mut found = Vec::new();
    visit_empty_collections(ctx.cert, &mut |place| found.push(place));
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// No SEQUENCE or SET that the ASN.1 declares `SIZE (1..MAX)` is empty:
    /// * the Extensions list inside `[3]`;
    /// * every RelativeDistinguishedName SET of the issuer and subject;
    /// * the whole value of subjectAltName and issuerAltName (GeneralNames), extKeyUsage,
    ///   certificatePolicies, cRLDistributionPoints, freshestCRL, authorityInformationAccess,
    ///   subjectInformationAccess, policyMappings and subjectDirectoryAttributes;
    /// * inside them: each policyQualifiers list, each distribution point's fullName,
    ///   nameRelativeToCRLIssuer and cRLIssuer, the nameConstraints subtrees, and the
    ///   authorityKeyIdentifier authorityCertIssuer.
    ///
    /// Every empty place is named.
    ///
    /// ## Why
    /// RFC 5280 (§4.1, §4.1.2.4, §4.2.1.x and Appendix A; SBR §7.1.2.4) gives these types a
    /// minimum size of one. An empty one is not a valid value of its type and means nothing:
    /// an empty subjectAltName names nobody, an empty extKeyUsage is read by some software as
    /// "no restriction" and by other software as "no usage". x509-cert decodes all of them
    /// without complaint.
    ///
    /// ## Example
    /// extKeyUsage `30 00`; a subject `… 31 00 …` (an empty RDN); `[3]` holding `30 00`.
    E_SMIME_RFC5280_EMPTY_SEQUENCE {
        name: "e_smime_rfc5280_empty_sequence",
        description: "A SEQUENCE or SET declared SIZE (1..MAX) is empty",
        citation: "RFC 5280 4.1, 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: ["e_ext_cannot_be_empty_sequence", "e_ext_san_no_entries", "e_ext_ian_no_entries"],
        catalog: [],
        applies: Applies::ALL,
        check: check_empty_sequence,
    }
}

#[cfg(test)]
mod tests {
    use const_oid::ObjectIdentifier;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::{der, ext, gn, CertBuilder};

    /// The content of a TLV written by the factory: what follows its minimal header.
    fn content_of(t: &[u8]) -> &[u8] {
        let header = (2..t.len())
            .find(|&h| 1 + der::len(t.len() - h).len() == h)
            .expect("a factory TLV");
        &t[header..]
    }

    const ASN1: &str = "e_asn1_field_invalid";
    const NOT_V3: &str = "e_smime_certificate_not_v3";
    const EXTS_NOT_V3: &str = "e_smime_rfc5280_extensions_in_non_v3_certificate";
    const EMPTY: &str = "e_smime_rfc5280_empty_sequence";
    /// The baseline's validity, written out (notBefore 2025-10-01, one year less a second).
    const NOT_BEFORE: &str = "251001000000Z";
    const NOT_AFTER: &str = "260930235959Z";

    fn base() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }

    fn good() -> Vec<u8> {
        base().build()
    }

    /// The details of `lint`'s finding on `der`; panics when it reports no finding.
    #[track_caller]
    fn details(der: &[u8], lint: &str) -> String {
        let result = lint_all(der);
        let f = result
            .findings
            .iter()
            .find(|f| f.lint == lint)
            .unwrap_or_else(|| panic!("{lint} did not run"));
        assert!(f.status.is_finding(), "{lint} did not fire: {:?}", f.status);
        f.details.clone().unwrap_or_default()
    }

    #[test]
    fn version_must_be_v3() {
        let v4 = base()
            .version_raw(Some(der::explicit(0, &der::int(3))))
            .build();
        // x509-cert's Version has no fourth value.
        assert_lint(NOT_V3, &v4, &good(), &[ASN1, EXTS_NOT_V3]);
        assert!(details(&v4, NOT_V3).contains("v4 (INTEGER 3)"));

        let v2 = base()
            .version_raw(Some(der::explicit(0, &der::int(1))))
            .build();
        assert_lint(NOT_V3, &v2, &good(), &[EXTS_NOT_V3]);
        assert!(details(&v2, NOT_V3).contains("v2 (INTEGER 1)"));

        let v1 = base().version_raw(None).build();
        assert_lint(NOT_V3, &v1, &good(), &[EXTS_NOT_V3]);
        assert!(details(&v1, NOT_V3).contains("v1 (the version field is absent)"));

        let negative = base()
            .version_raw(Some(der::explicit(0, &der::int(-1))))
            .build();
        assert!(details(&negative, NOT_V3).contains("no X.509 version"));
    }

    #[test]
    fn extensions_only_in_v3() {
        let v2 = base()
            .version_raw(Some(der::explicit(0, &der::int(1))))
            .build();
        assert_lint(EXTS_NOT_V3, &v2, &good(), &[NOT_V3]);
        assert!(details(&v2, EXTS_NOT_V3).contains("v2"));
        // A v1 certificate without extensions is not this lint's business.
        let mut v1_plain = base().version_raw(None);
        v1_plain.extensions.clear();
        assert_eq!(
            status_of(&v1_plain.build(), EXTS_NOT_V3),
            Status::NotApplicable
        );
    }

    #[test]
    fn serial_must_be_positive() {
        let lint = "e_smime_serial_number_not_positive";
        let zero = base().serial_raw(der::int(0)).build();
        assert_lint(lint, &zero, &good(), &[]);
        assert!(details(&zero, lint).contains("zero"));

        let negative = base().serial_raw(der::int(-5)).build();
        assert_lint(lint, &negative, &good(), &[]);
        assert!(details(&negative, lint).contains("negative: -5"));

        // A random 16-octet serial whose top bit is set but which lacks the 00 sign octet.
        let mut raw = vec![0x9c; 16];
        raw[15] = 0x01;
        let unsigned = base().serial_raw(der::tlv(0x02, &raw)).build();
        assert_lint(lint, &unsigned, &good(), &[]);
        assert!(details(&unsigned, lint).contains("negative"));

        let one = base().serial_raw(der::int(1)).build();
        assert_eq!(status_of(&one, lint), Status::Pass);
    }

    #[test]
    fn serial_must_be_below_2_pow_159() {
        let lint = "e_smime_serial_number_too_large";
        // 2^159 + …: 20 octets with the top bit set need a 21st (sign) octet.
        let big = base().serial_raw(der::uint(&[0x80; 20])).build();
        // 2^159 - 1, the largest allowed value: exactly 20 content octets.
        let mut max = vec![0xff; 20];
        max[0] = 0x7f;
        let largest = base().serial_raw(der::uint(&max)).build();
        assert_lint(lint, &big, &largest, &[]);
        assert!(details(&big, lint).contains("160 significant bits in 21 content octets"));

        // Small value padded past 20 octets: below 2^159, yet longer than RFC 5280 allows.
        let mut padded = vec![0; 21];
        padded[20] = 5;
        let padded = base().serial_raw(der::tlv(0x02, &padded)).build();
        // Its value, 5, is also far too small to hold 64 random bits.
        assert_lint(
            lint,
            &padded,
            &largest,
            &[
                "e_der_integer_not_minimal",
                "e_smime_serial_number_low_entropy",
            ],
        );
        assert!(details(&padded, lint).contains("21 content octets"));
    }

    #[test]
    fn signature_algorithms_must_match() {
        let lint = "e_smime_signature_algorithm_fields_mismatch";
        let sha384 = der::seq(&[der::oid("1.2.840.113549.1.1.12"), der::null()]);
        let bad = base().signature_algorithm_raw(sha384).build();
        assert_lint(lint, &bad, &good(), &[]);
        assert!(details(&bad, lint)
            .contains("signatureAlgorithm is 1.2.840.113549.1.1.12 but tbsCertificate.signature is 1.2.840.113549.1.1.11"));

        // Same OID, parameters dropped on the outside only.
        let no_null = der::seq(&[der::oid("1.2.840.113549.1.1.11")]);
        let bad = base().signature_algorithm_raw(no_null).build();
        assert!(details(&bad, lint).contains("encoded differently"));

        // An unsigned TBSCertificate has no outer field to compare.
        assert_eq!(status_of(&base().build_tbs(), lint), Status::NotApplicable);
    }

    #[test]
    fn validity_times_follow_the_profile() {
        let lint = "e_smime_rfc5280_validity_time_encoding";
        let no_seconds = base()
            .times_raw(der::utc_time("2510010000Z"), der::utc_time(NOT_AFTER))
            .build();
        let explicit_good = base()
            .times_raw(der::utc_time(NOT_BEFORE), der::utc_time(NOT_AFTER))
            .build();
        // x509-cert rejects UTCTime without seconds.
        assert_lint(lint, &no_seconds, &explicit_good, &[ASN1]);
        assert_eq!(
            details(&no_seconds, lint),
            "notBefore: seconds are missing (UTCTime \"2510010000Z\")"
        );

        // GeneralizedTime for a date UTCTime must carry.
        let early_gt = base()
            .times_raw(
                der::utc_time(NOT_BEFORE),
                der::generalized_time("20260930235959Z"),
            )
            .build();
        assert_lint(lint, &early_gt, &good(), &[]);
        assert!(details(&early_gt, lint)
            .starts_with("notAfter: year 2026 is encoded as GeneralizedTime"));

        let cases = [
            (
                der::utc_time("251001000000+0100"),
                "notBefore: time zone offset instead of 'Z'",
            ),
            (der::utc_time("251001000000"), "notBefore: no time zone"),
            (
                der::generalized_time("20251001000000.5Z"),
                "notBefore: fractional seconds",
            ),
            (
                der::utc_time("250230000000Z"),
                "notBefore: not a valid calendar date",
            ),
        ];
        for (not_before, expected) in cases {
            let bad = base()
                .times_raw(not_before, der::utc_time(NOT_AFTER))
                .build();
            let d = details(&bad, lint);
            assert!(d.contains(expected), "{d}");
        }

        // From 2050 GeneralizedTime is the required form.
        let late = base()
            .times_raw(
                der::utc_time(NOT_BEFORE),
                der::generalized_time("20500101000000Z"),
            )
            .build();
        assert_eq!(status_of(&late, lint), Status::Pass);
        let pre_1950 = base()
            .times_raw(
                der::utc_time(NOT_BEFORE),
                der::generalized_time("19491231235959Z"),
            )
            .build();
        assert_eq!(status_of(&pre_1950, lint), Status::Pass);
    }

    #[test]
    fn not_after_must_not_precede_not_before() {
        let lint = "e_smime_rfc5280_validity_not_after_before_not_before";
        let bad = base()
            .times_raw(der::utc_time(NOT_BEFORE), der::utc_time("250930000000Z"))
            .build();
        assert_lint(lint, &bad, &good(), &[]);
        assert_eq!(
            details(&bad, lint),
            "notAfter 2025-09-30T00:00:00Z is earlier than notBefore 2025-10-01T00:00:00Z"
        );
        let same = base()
            .times_raw(der::utc_time(NOT_BEFORE), der::utc_time(NOT_BEFORE))
            .build();
        assert_eq!(status_of(&same, lint), Status::Pass);
    }

    #[test]
    fn extensions_are_unique() {
        let lint = "e_smime_rfc5280_duplicate_extension";
        let bad = base()
            .push_ext(
                &oid::EXT_KEY_USAGE,
                false,
                ext::eku(&[&oid::KP_EMAIL_PROTECTION]),
            )
            .build();
        assert_lint(lint, &bad, &good(), &[]);
        assert_eq!(
            details(&bad, lint),
            "extKeyUsage (2.5.29.37) appears 2 times (extensions[1], extensions[8])"
        );
    }

    #[test]
    fn unique_identifiers_are_absent() {
        let lint = "e_smime_rfc5280_unique_identifier_present";
        let mut issuer_uid = base();
        issuer_uid.issuer_unique_id = Some(der::implicit(1, &[0x00, 0xab]));
        let issuer_uid = issuer_uid.build();
        assert_lint(lint, &issuer_uid, &good(), &[]);
        assert!(details(&issuer_uid, lint).starts_with("tbsCertificate.issuerUniqueID"));

        let mut subject_uid = base();
        subject_uid.subject_unique_id = Some(der::implicit(2, &[0x00, 0xcd]));
        let subject_uid = subject_uid.build();
        assert_lint(lint, &subject_uid, &good(), &[]);
        assert!(details(&subject_uid, lint).starts_with("tbsCertificate.subjectUniqueID"));
    }

    #[test]
    fn issuer_is_not_empty() {
        let lint = "e_smime_rfc5280_issuer_empty";
        let bad = base().issuer_raw(der::seq(&[])).build();
        assert_lint(lint, &bad, &good(), &[]);
        assert!(details(&bad, lint).contains("has no RDN"));

        let only_empty_rdns = base().issuer_raw(der::seq(&[der::set(&[])])).build();
        assert_lint(lint, &only_empty_rdns, &good(), &[EMPTY]);
        assert!(details(&only_empty_rdns, lint).contains("no attribute"));
    }

    /// The baseline issuer with an empty RDN between C and CN.
    fn issuer_with_empty_rdn() -> Vec<u8> {
        let atv = |o: &ObjectIdentifier, v: Vec<u8>| der::set(&[der::seq(&[der::oid_of(o), v])]);
        der::seq(&[
            atv(&oid::AT_COUNTRY, der::printable("GB")),
            der::set(&[]),
            atv(&oid::AT_COMMON_NAME, der::utf8("Example S/MIME CA")),
        ])
    }

    #[test]
    fn sized_collections_are_not_empty() {
        let bad = base().issuer_raw(issuer_with_empty_rdn()).build();
        assert_lint(EMPTY, &bad, &good(), &[]);
        assert_eq!(
            details(&bad, EMPTY),
            "tbsCertificate.issuer: RDN 1 (RelativeDistinguishedName ::= SET SIZE (1..MAX)) is an empty SET"
        );

        let policy = "2.23.140.1.5.1.3";
        let mut no_extensions = base();
        no_extensions.extensions_raw = Some(der::explicit(3, &der::seq(&[])));
        let cases: [(Vec<u8>, &str); 8] = [
            (
                base().ext(&oid::EXT_KEY_USAGE, false, der::seq(&[])).build(),
                "tbsCertificate.extensions[1] extKeyUsage (2.5.29.37): ExtKeyUsageSyntax is an empty SEQUENCE",
            ),
            (
                base().ext(&oid::SUBJECT_ALT_NAME, false, ext::general_names(&[])).build(),
                "subjectAltName (2.5.29.17): GeneralNames is an empty SEQUENCE",
            ),
            (
                base().ext(&oid::AUTHORITY_INFO_ACCESS, false, der::seq(&[])).build(),
                "authorityInformationAccess (1.3.6.1.5.5.7.1.1): AuthorityInfoAccessSyntax is an empty SEQUENCE",
            ),
            (
                base()
                    .ext(
                        &oid::CERTIFICATE_POLICIES,
                        false,
                        der::seq(&[der::seq(&[der::oid(policy), der::seq(&[])])]),
                    )
                    .build(),
                "PolicyInformation[0] (2.23.140.1.5.1.3): policyQualifiers is an empty SEQUENCE",
            ),
            (
                base()
                    .ext(
                        &oid::CRL_DISTRIBUTION_POINTS,
                        false,
                        der::seq(&[der::seq(&[der::explicit(0, &der::explicit(0, &[]))])]),
                    )
                    .build(),
                "DistributionPoint[0]: distributionPoint.fullName (GeneralNames) is empty",
            ),
            (
                base()
                    .ext(&oid::CRL_DISTRIBUTION_POINTS, false, der::seq(&[]))
                    .build(),
                "CRLDistributionPoints is an empty SEQUENCE",
            ),
            (
                base().subject_raw(der::seq(&[der::set(&[])])).build(),
                "tbsCertificate.subject: RDN 0",
            ),
            (no_extensions.build(), "tbsCertificate.extensions (Extensions ::= SEQUENCE SIZE (1..MAX)) is empty"),
        ];
        for (der, expected) in cases {
            let d = details(&der, EMPTY);
            assert!(d.contains(expected), "{d}");
        }

        // Several empty places are all named.
        let two = base()
            .issuer_raw(issuer_with_empty_rdn())
            .ext(&oid::EXT_KEY_USAGE, false, der::seq(&[]))
            .build();
        assert_eq!(details(&two, EMPTY).matches("empty").count(), 2);

        // A SAN with one name passes.
        let one_name = base()
            .ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                ext::general_names(&[gn::rfc822("a@example.com")]),
            )
            .build();
        assert_eq!(status_of(&one_name, EMPTY), Status::Pass);
    }

    #[test]
    fn critical_extensions_are_recognised() {
        let lint = "w_smime_rfc5280_unknown_critical_extension";
        let private = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.55555.1.2");
        let bad = base().ext(&private, true, der::null()).build();
        let good = base().ext(&private, false, der::null()).build();
        // SBR 7.1.2.4 also notes the extension as unlisted for subscribers.
        assert_lint(lint, &bad, &good, &["n_smime_unlisted_extension"]);
        assert!(details(&bad, lint).starts_with(
            "critical extension(s) that smimelint does not recognise: extensions[8] 1.3.6.1.4.1.55555.1.2"
        ));

        // The precertificate poison must be critical and is never reported; so is a critical
        // extension smimelint knows by name.
        let poison = base().ext(&oid::CT_POISON, true, der::null()).build();
        assert_eq!(status_of(&poison, lint), Status::Pass);
        let known = base().critical(&oid::SUBJECT_ALT_NAME, true).build();
        assert_eq!(status_of(&known, lint), Status::Pass);
    }

    const NAME_TYPE: &str = "e_smime_rfc5280_name_attribute_type_invalid";

    /// One row of the "Permitted string types" table of docs/conformance.md: the attribute, a
    /// value of a type its definition allows and one of a type it does not. Written from
    /// RFC 5280 Appendix A.1, X.520, RFC 4519, the EV Guidelines and RFC 3739.
    fn attribute_type_rows() -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
        let gt = der::generalized_time("19700101000000Z");
        let ctx0 = der::implicit(0, b"GB");
        vec![
            ("2.5.4.3", der::utf8("Alice"), der::oid("1.2.3.4")),
            ("2.5.4.4", der::printable("Smith"), der::ia5("Smith")),
            ("2.5.4.5", der::printable("1234"), der::utf8("1234")),
            ("2.5.4.6", der::printable("GB"), gt.clone()),
            ("2.5.4.6", der::printable("GB"), ctx0),
            ("2.5.4.6", der::printable("GB"), der::utf8("GB")),
            ("2.5.4.7", der::tlv(0x14, b"London"), der::ia5("London")),
            ("2.5.4.8", der::bmp("Kent"), der::visible("Kent")),
            ("2.5.4.9", der::utf8("1 High St"), der::ia5("1 High St")),
            ("2.5.4.10", der::utf8("Example"), der::oid("1.2.3.4")),
            ("2.5.4.11", der::utf8("IT"), der::int(5)),
            ("2.5.4.12", der::utf8("Dr"), der::ia5("Dr")),
            ("2.5.4.13", der::utf8("text"), der::ia5("text")),
            ("2.5.4.15", der::utf8("Private"), der::ia5("Private")),
            (
                "2.5.4.17",
                der::printable("SW1A 1AA"),
                der::tlv(0x12, b"12345"),
            ),
            (
                "2.5.4.20",
                der::printable("+44 20 1234"),
                der::utf8("+44 20 1234"),
            ),
            ("2.5.4.41", der::utf8("Alice"), der::ia5("Alice")),
            ("2.5.4.42", der::utf8("Alice"), gt.clone()),
            ("2.5.4.43", der::utf8("A"), der::ia5("A")),
            ("2.5.4.44", der::utf8("Jr"), der::ia5("Jr")),
            ("2.5.4.46", der::printable("q1"), der::utf8("q1")),
            ("2.5.4.65", der::utf8("Al"), der::ia5("Al")),
            (
                "2.5.4.97",
                der::printable("NTRGB-1234"),
                der::ia5("NTRGB-1234"),
            ),
            (
                "1.2.840.113549.1.9.1",
                der::ia5("a@example.com"),
                der::utf8("a@example.com"),
            ),
            (
                "0.9.2342.19200300.100.1.25",
                der::ia5("com"),
                der::printable("com"),
            ),
            (
                "0.9.2342.19200300.100.1.25",
                der::ia5("com"),
                der::utf8("com"),
            ),
            (
                "0.9.2342.19200300.100.1.1",
                der::utf8("alice"),
                der::ia5("alice"),
            ),
            (
                "1.3.6.1.4.1.311.60.2.1.1",
                der::utf8("London"),
                der::ia5("London"),
            ),
            (
                "1.3.6.1.4.1.311.60.2.1.2",
                der::utf8("Kent"),
                der::ia5("Kent"),
            ),
            (
                "1.3.6.1.4.1.311.60.2.1.3",
                der::printable("GB"),
                der::utf8("GB"),
            ),
            ("1.3.6.1.5.5.7.9.1", gt, der::utc_time("700101000000Z")),
            ("1.3.6.1.5.5.7.9.4", der::printable("GB"), der::utf8("GB")),
            ("1.3.6.1.5.5.7.9.2", der::utf8("Leeds"), der::ia5("Leeds")),
            ("1.3.6.1.5.5.7.9.3", der::printable("F"), der::utf8("F")),
            ("1.3.6.1.5.5.7.9.5", der::printable("GB"), der::bmp("GB")),
        ]
    }

    #[test]
    fn name_attribute_type_every_row_fails_and_passes() {
        let rows = attribute_type_rows();
        // Every attribute type of the lint's table has a row here.
        for s in super::super::name_rules::ATTRIBUTE_SYNTAX.iter() {
            assert!(
                rows.iter().any(|(o, ..)| *o == s.oid.to_string()),
                "no test row for {}",
                oid::attribute_name(s.oid)
            );
        }
        for (o, good, bad) in rows {
            let o = ObjectIdentifier::new_unwrap(o);
            // The issuer carries the attribute: no other lint looks at its content.
            let with = |v: Vec<u8>| {
                base()
                    .issuer_raw(smimelint_factory::name_raw(&[
                        (&oid::AT_COMMON_NAME, der::utf8("CA")),
                        (&o, v),
                    ]))
                    .build()
            };
            assert_lint(NAME_TYPE, &with(bad), &with(good), &[]);
        }
    }

    #[test]
    fn name_attribute_type_every_name_of_the_certificate() {
        let bad_name = smimelint_factory::name_raw(&[(&oid::AT_COMMON_NAME, der::oid("2.5.4.3"))]);
        let good_name = smimelint_factory::name_raw(&[(&oid::AT_COMMON_NAME, der::utf8("CA"))]);
        let dn = |n: &[u8]| gn::directory_name(n);
        type Build = Box<dyn Fn(&[u8]) -> Vec<u8>>;
        let places: Vec<(&str, Build)> = vec![
            (
                "issuer",
                Box::new(|n: &[u8]| base().issuer_raw(n.to_vec()).build()),
            ),
            (
                "subject",
                Box::new(|n: &[u8]| {
                    CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256)
                        .subject_raw(n.to_vec())
                        .build()
                }),
            ),
            (
                "subject",
                Box::new(|n: &[u8]| {
                    CertBuilder::root_ca(smimelint_factory::KeyAlg::P256)
                        .issuer_raw(n.to_vec())
                        .subject_raw(n.to_vec())
                        .build()
                }),
            ),
            (
                "subjectAltName directoryName #1",
                Box::new(move |n: &[u8]| {
                    base()
                        .san(&[gn::rfc822("alice@example.com"), dn(n)])
                        .build()
                }),
            ),
            (
                "issuerAltName directoryName #1",
                Box::new(move |n: &[u8]| {
                    base()
                        .ext(&oid::ISSUER_ALT_NAME, false, ext::general_names(&[dn(n)]))
                        .build()
                }),
            ),
            (
                "cRLDistributionPoints directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = smimelint_factory::ext_values::crldp_full_names(&[vec![
                        gn::uri("http://crl.example.com/ca.crl"),
                        dn(n),
                    ]]);
                    base().ext(&oid::CRL_DISTRIBUTION_POINTS, false, v).build()
                }),
            ),
            (
                "cRLDistributionPoints directoryName #1",
                Box::new(move |n: &[u8]| {
                    let dp = der::seq(&[
                        der::explicit(
                            0,
                            &der::explicit(0, &gn::uri("http://crl.example.com/ca.crl")),
                        ),
                        der::explicit(2, &dn(n)),
                    ]);
                    base()
                        .ext(&oid::CRL_DISTRIBUTION_POINTS, false, der::seq(&[dp]))
                        .build()
                }),
            ),
            (
                "nameRelativeToCRLIssuer",
                Box::new(move |n: &[u8]| {
                    // The Name's single RDN, implicitly tagged [1].
                    let rdn = content_of(content_of(n));
                    let dp = der::seq(&[der::explicit(0, &der::explicit(1, rdn))]);
                    base()
                        .ext(&oid::FRESHEST_CRL, false, der::seq(&[dp]))
                        .build()
                }),
            ),
            (
                "authorityInformationAccess directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = smimelint_factory::ext_values::aia_raw(&[
                        (
                            "1.3.6.1.5.5.7.48.2",
                            gn::uri("http://ca.example.com/ca.crt"),
                        ),
                        ("1.3.6.1.5.5.7.48.2", dn(n)),
                    ]);
                    base().ext(&oid::AUTHORITY_INFO_ACCESS, false, v).build()
                }),
            ),
            (
                "authorityKeyIdentifier directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = smimelint_factory::ext_values::aki(Some(&[1, 2, 3, 4]), &[dn(n)], None);
                    base().ext(&oid::AUTHORITY_KEY_IDENTIFIER, false, v).build()
                }),
            ),
            (
                "nameConstraints directoryName #1",
                Box::new(move |n: &[u8]| {
                    let v = der::seq(&[der::explicit(0, &der::seq(&[dn(n)]))]);
                    CertBuilder::sub_ca(smimelint_factory::KeyAlg::P256)
                        .ext(&oid::NAME_CONSTRAINTS, true, v)
                        .build()
                }),
            ),
        ];
        for (place, build) in places {
            let bad = build(&bad_name);
            let got = details(&bad, NAME_TYPE);
            assert!(
                got.contains(&format!(
                    "{place}: commonName is encoded as OBJECT IDENTIFIER"
                )),
                "{place}: {got}"
            );
            assert_eq!(
                status_of(&build(&good_name), NAME_TYPE),
                Status::Pass,
                "{place}"
            );
        }
    }

    #[test]
    fn name_attribute_type_in_subject_directory_attributes() {
        let sda = |value: Vec<u8>| {
            let attr = der::seq(&[der::oid("1.3.6.1.5.5.7.9.1"), der::set(&[value])]);
            base()
                .ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, der::seq(&[attr]))
                .build()
        };
        let bad = sda(der::utf8("19700101000000Z"));
        assert!(details(&bad, NAME_TYPE)
            .contains("subjectDirectoryAttributes: dateOfBirth is encoded as UTF8String"));
        assert_eq!(
            status_of(&sda(der::generalized_time("19700101000000Z")), NAME_TYPE),
            Status::Pass
        );
    }

    #[test]
    fn name_attribute_type_applies_to_certificates_of_any_date() {
        // RFC 5280 (2008) and X.520 rules do not wait for the SBR's effective date.
        let t = |s: &str| smimelint_cert::time::parse_iso(s).expect("date");
        let old = |dc: Vec<u8>| {
            base()
                .validity(t("2019-03-01T00:00:00Z"), t("2020-03-01T00:00:00Z"))
                .issuer_raw(smimelint_factory::name_raw(&[
                    (&oid::AT_DOMAIN_COMPONENT, dc),
                    (&oid::AT_COMMON_NAME, der::utf8("CA")),
                ]))
                .build()
        };
        assert_eq!(
            status_of(&old(der::printable("com")), NAME_TYPE),
            Status::Error
        );
        assert_eq!(status_of(&old(der::ia5("com")), NAME_TYPE), Status::Pass);
    }
}
