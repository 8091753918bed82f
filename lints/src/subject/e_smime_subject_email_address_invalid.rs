use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_email_address_invalid;

fn check_email_address_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_email_address_invalid)
}

lint! {
    /// ## What it checks
    /// Each emailAddress value is a Mailbox Address as SBR 1.6.1 defines it: the `Mailbox` of
    /// RFC 5321 §4.1.2, `local-part@domain` with no display name, comment or padding; a local
    /// part of at most 64 octets; a domain of LDH labels of at most 63 octets and 253 octets in
    /// total, or an address literal.
    ///
    /// The IA5String encoding is checked by `e_smime_rfc5280_name_attribute_type_invalid` and the
    /// 255-character bound by `e_smime_subject_attribute_too_long`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(h): an emailAddress value SHALL be one Mailbox Address, a term 1.6.1 defines
    /// by the RFC 5321 grammar.
    ///
    /// ## Example
    /// `emailAddress=hanako.yamada` (no domain).
    E_SMIME_SUBJECT_EMAIL_ADDRESS_INVALID {
        name: "e_smime_subject_email_address_invalid",
        description: "An emailAddress value is not a valid Mailbox Address",
        citation: "SBR 7.1.4.2.2(h), 1.6.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.invalid_email_address_syntax"],
        zlint: ["e_single_email_subject_if_present"],
        catalog: ["e_smime_subject_email_address_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_email_address_invalid,
    }
}
