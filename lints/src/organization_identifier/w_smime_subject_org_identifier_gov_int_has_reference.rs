use super::*;
use crate::support::name_rules::{on_subject, NameCtx};
use crate::support::organization_identifier::each_org_id;

pub(crate) fn rule_org_identifier_gov_int_has_reference(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if let (Some(r), "GOV" | "INT") = (id.reference, id.scheme) {
            out.push(format!(
                "organizationIdentifier {text:?}: scheme {} has no Registration Reference, \
                 yet {r:?} follows",
                id.scheme
            ));
        }
    });
}

fn check_org_identifier_gov_int_has_reference(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_gov_int_has_reference)
}

lint! {
    /// ## What it checks
    /// GOV and INT identifiers end after the country code (and, for GOV, the subdivision):
    /// `GOVUS`, `GOVUS+CA`, `INTXG`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 2 gives GOV and INT to entities without an identifier from any scheme
    /// of Appendix A and describes the value as the scheme and country code only. A reference after them has no defined meaning. The SBR does not say
    /// SHALL NOT in so many words, so this is a warning.
    ///
    /// ## Example
    /// `INTXG-123`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this as an error.
    W_SMIME_SUBJECT_ORG_IDENTIFIER_GOV_INT_HAS_REFERENCE {
        name: "w_smime_subject_org_identifier_gov_int_has_reference",
        description: "A GOV or INT organizationIdentifier carries a Registration Reference",
        citation: "SBR 7.1.4.2.2(d) Note 2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_organization_identifier_reference_present_for_scheme"],
        zlint: [],
        catalog: ["w_smime_subject_org_identifier_gov_int_has_reference"],
        applies: OV_SV,
        check: check_org_identifier_gov_int_has_reference,
    }
}
