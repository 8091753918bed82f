use super::*;
use crate::support::countries;
use crate::support::name_rules::{on_subject, NameCtx};

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

#[cfg(test)]
mod tests {

    use smimelint_cert::time::date;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

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

    fn iv(serial: &'static str) -> CertBuilder {
        CertBuilder::subscriber("individual-strict").subject(&[
            ("C", "SE"),
            ("GN", "Alice"),
            ("SN", "Smith"),
            ("serialNumber", serial),
        ])
    }
}
