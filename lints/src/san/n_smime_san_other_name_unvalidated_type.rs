use super::*;

fn check_san_other_name_unvalidated_type(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let found = foreign_other_names(names);
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "subjectAltName contains {}: allowed if validated under the CA's CP/CPS",
            found.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// Reports otherName entries of types other than SmtpUTF8Mailbox in Legacy and Multipurpose
    /// certificates (for example a Microsoft userPrincipalName), for review. The details say when
    /// a userPrincipalName is not of the form `user@domain`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1: in Legacy and Multipurpose certificates such entries are a MAY, on the
    /// condition that the CA validated the value as its CP/CPS describes. Whether it did cannot be
    /// seen in the certificate, so they are listed for review.
    ///
    /// ## Example
    /// `otherName userPrincipalName "hanako.yamada@example.com"` in `organization-multipurpose`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not report these types; it checks the userPrincipalName syntax
    /// (`msft.invalid_user_principal_name_syntax`), a Microsoft rule outside the SBR, which
    /// smimelint mentions in this notice's details.
    N_SMIME_SAN_OTHER_NAME_UNVALIDATED_TYPE {
        name: "n_smime_san_other_name_unvalidated_type",
        description: "subjectAltName has an otherName type the CA must have validated under its CP/CPS",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["msft.invalid_user_principal_name_syntax"],
        zlint: [],
        catalog: ["n_smime_san_other_name_unvalidated_type"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy, Generation::Multipurpose]),
        check: check_san_other_name_unvalidated_type,
    }
}
