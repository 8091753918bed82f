use super::*;
use crate::support::name_rules::{on_subject, NameCtx};

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

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

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
