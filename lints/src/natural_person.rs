//! Natural Person Identifiers in subject:serialNumber (SBR 7.1.4.2.2(g), Appendix A.2), in the
//! semantics identifier form of ETSI EN 319 412-1 §5.1.3: 3-letter type, 2-letter country code,
//! hyphen, identifier (e.g. `PNOSE-198112289874`).

use super::countries;
use super::name_rules::{on_subject, NameCtx};
use super::prelude::*;

/// The Natural Person Identifier schemes of Appendix A.2 with the date each is recognized from.
pub(crate) const NPI_SCHEMES: [(&str, smimelint_cert::time::UnixTime); 6] = [
    ("PAS", dates::SBR_1_0_0),
    ("IDC", dates::SBR_1_0_0),
    ("PNO", dates::SBR_1_0_0),
    ("TIN", dates::SBR_1_0_0),
    ("TAX", dates::SMC09),
    ("EID", dates::SMC09),
];

/// `(type, country, identifier)` when the value has the ETSI form `AAACC-…`.
pub(crate) fn parse_npi(s: &str) -> Option<(&str, &str, &str)> {
    let b = s.as_bytes();
    let form = b.len() > 6 && b[..5].iter().all(u8::is_ascii_uppercase) && b[5] == b'-';
    form.then(|| (&s[..3], &s[3..5], &s[6..]))
}

pub(crate) fn rule_serial_number_npi_scheme(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_SERIAL_NUMBER) {
        let Some(t) = a.text() else { continue };
        let Some((scheme, cc, _)) = parse_npi(&t) else {
            continue;
        };
        match NPI_SCHEMES.iter().find(|(s, _)| *s == scheme) {
            None => out.push(format!(
                "serialNumber {t:?} has the form of a Natural Person Identifier with type \
                 {scheme:?}, which is not one of PAS, IDC, PNO, TAX, TIN, EID"
            )),
            Some((_, since)) if n.at < *since => out.push(format!(
                "serialNumber {t:?}: type {scheme} is recognized only from SMC09 (2024-11-22)"
            )),
            Some(_) if !countries::is_assigned(cc) => out.push(format!(
                "serialNumber {t:?}: {cc:?} is not an assigned ISO 3166-1 country code"
            )),
            Some(_) => {}
        }
    }
}

fn check_serial_number_npi_scheme(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_serial_number_npi_scheme)
}

lint! {
    /// ## What it checks
    /// In Sponsor-validated and Individual-validated certificates, a serialNumber written as an
    /// ETSI EN 319 412-1 semantics identifier (`AAACC-…`) uses one of the Natural Person
    /// Identifier schemes of Appendix A.2 (PAS, IDC, PNO, TIN; TAX and EID from 2024-11-22) with
    /// an assigned ISO 3166-1 country code.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(g): serialNumber MAY hold a Natural Person Identifier in the form of ETSI EN
    /// 319 412-1 §5.1.3, and Appendix A.2 lists the recognized schemes; SMC09 added TAX and EID. serialNumber may also hold any identifier the CA or RA
    /// assigns, which can look like this form by chance, so this is a notice.
    ///
    /// ## Example
    /// `serialNumber=SSNUS-123456789`; `serialNumber=PNOXX-1234`.
    N_SMIME_SUBJECT_SERIAL_NUMBER_NPI_SCHEME {
        name: "n_smime_subject_serial_number_npi_scheme",
        description: "A serialNumber in Natural Person Identifier form uses an unrecognized scheme or country code",
        citation: "SBR 7.1.4.2.2(g), Appendix A.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC09",
        pkilint: [],
        zlint: [],
        catalog: ["n_smime_subject_serial_number_npi_scheme"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_serial_number_npi_scheme,
    }
}

pub(crate) fn rule_serial_number_npi_outside_sv_iv(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_SERIAL_NUMBER) {
        let Some(t) = a.text() else { continue };
        if let Some((scheme, _, _)) = parse_npi(&t) {
            if NPI_SCHEMES.iter().any(|(s, _)| *s == scheme) {
                out.push(format!(
                    "serialNumber {t:?} is a Natural Person Identifier ({scheme}), which the SBR \
                     provides for Sponsor- and Individual-validated certificates only"
                ));
            }
        }
    }
}

fn check_serial_number_npi_outside_sv_iv(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_serial_number_npi_outside_sv_iv)
}

lint! {
    /// ## What it checks
    /// Mailbox-validated and Organization-validated certificates do not carry a Natural Person
    /// Identifier (PAS, IDC, PNO, TAX, TIN or EID in ETSI form) in serialNumber.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(g) provides the Natural Person Identifier use of serialNumber for the
    /// Sponsor-validated and Individual-validated profiles only; the other types do not validate an
    /// Individual's identity. Elsewhere serialNumber is an identifier the CA or RA assigns.
    ///
    /// ## Example
    /// `serialNumber=PASDE-C01X00T47` in `mailbox-strict`.
    W_SMIME_SUBJECT_SERIAL_NUMBER_NPI_OUTSIDE_SV_IV {
        name: "w_smime_subject_serial_number_npi_outside_sv_iv",
        description: "A Mailbox- or Organization-validated serialNumber holds a Natural Person Identifier",
        citation: "SBR 7.1.4.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subject_serial_number_npi_outside_sv_iv"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Mailbox, Validation::Organization]),
        check: check_serial_number_npi_outside_sv_iv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_cert::time::date;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn parses_the_etsi_form() {
        assert_eq!(
            parse_npi("PNOSE-198112289874"),
            Some(("PNO", "SE", "198112289874"))
        );
        assert_eq!(parse_npi("12345"), None);
        assert_eq!(parse_npi("PNOSE-"), None);
        assert_eq!(parse_npi("PNOse-1"), None);
    }

    fn iv(serial: &'static str) -> CertBuilder {
        CertBuilder::subscriber("individual-strict").subject(&[
            ("C", "SE"),
            ("GN", "Alice"),
            ("SN", "Smith"),
            ("serialNumber", serial),
        ])
    }

    #[test]
    fn npi_scheme() {
        let good = iv("PNOSE-198112289874").build();
        for bad in ["SSNUS-123456789", "PNOXX-1234"] {
            assert_lint(
                "n_smime_subject_serial_number_npi_scheme",
                &iv(bad).build(),
                &good,
                &[],
            );
        }
        // TAX and EID only from SMC09.
        let before = |s: &'static str| iv(s).validity(date(2024, 6, 1), date(2025, 6, 1)).build();
        assert_lint(
            "n_smime_subject_serial_number_npi_scheme",
            &before("TAXSE-1234"),
            &before("PNOSE-1234"),
            &[],
        );
        assert_eq!(
            smimelint_engine::testing::findings(&iv("EIDSE-1234").build()),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn npi_outside_sv_iv() {
        let mv = |serial: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", "alice@example.com"), ("serialNumber", serial)])
                .build()
        };
        assert_lint(
            "w_smime_subject_serial_number_npi_outside_sv_iv",
            &mv("PASDE-C01X00T47"),
            &mv("ABC123"),
            &[],
        );
    }
}
