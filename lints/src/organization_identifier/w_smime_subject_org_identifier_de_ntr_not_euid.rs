use super::*;
use crate::support::name_rules::{on_subject, NameCtx};
use crate::support::organization_identifier::{each_org_id, looks_like_euid};

pub(crate) fn rule_org_identifier_de_ntr_not_euid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if (id.scheme, id.country) != ("NTR", "DE") {
            return;
        }
        if let Some(sub) = id.subdivision {
            out.push(format!(
                "organizationIdentifier {text:?} has subdivision {sub:?}; a German NTR reference \
                 should be a national EUID (NTRDE-DE<register>.<number>)"
            ));
        } else if let Some(r) = id.reference.filter(|r| !looks_like_euid(r)) {
            out.push(format!(
                "organizationIdentifier {text:?}: reference {r:?} is not an EUID \
                 (DE<register>.<number>)"
            ));
        }
    });
}

fn check_org_identifier_de_ntr_not_euid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_de_ntr_not_euid)
}

lint! {
    /// ## What it checks
    /// A German NTR organizationIdentifier uses the EUID as Registration Reference, at country
    /// level: `NTRDE-DE<register identifier>.<registration number>`, without `+subdivision`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 3 (SMC011): for entities registered in Germany the reference SHOULD
    /// be the EUID. German register
    /// numbers (HRB …) are unique only per district court; the EUID adds the court.
    ///
    /// ## Example
    /// `NTRDE-HRB12345`; `NTRDE+BE-DER3306.HRB12345`.
    ///
    /// ## Differences from pkilint
    /// pkilint also reports a malformed German EUID here; smimelint reports that as the error
    /// `e_smime_subject_org_identifier_euid_invalid`.
    W_SMIME_SUBJECT_ORG_IDENTIFIER_DE_NTR_NOT_EUID {
        name: "w_smime_subject_org_identifier_de_ntr_not_euid",
        description: "A German NTR organizationIdentifier does not use the EUID",
        citation: "SBR 7.1.4.2.2(d) Note 3",
        source: Source::Sbr,
        effective: dates::SMC011,
        ballot: "SMC011",
        pkilint: ["cabf.smime.german_ntr_registration_reference_not_euid"],
        zlint: [],
        catalog: ["w_smime_subject_org_identifier_de_ntr_not_euid"],
        applies: OV_SV,
        check: check_org_identifier_de_ntr_not_euid,
    }
}
