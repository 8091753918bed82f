use super::*;

fn check_san_other_name_type_strict(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let bad = foreign_other_names(names);
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "subjectAltName of a Strict certificate contains {}",
            bad.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// In Strict certificates, every otherName of the subjectAltName is an SmtpUTF8Mailbox.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 permits otherName entries of arbitrary types in the Legacy and Multipurpose
    /// generations only; in Strict the one otherName it provides for is id-on-SmtpUTF8Mailbox.
    ///
    /// ## Example
    /// A Microsoft userPrincipalName otherName in `individual-strict`.
    E_SMIME_SAN_OTHER_NAME_TYPE_STRICT {
        name: "e_smime_san_other_name_type_strict",
        description: "A Strict certificate's subjectAltName has an otherName other than SmtpUTF8Mailbox",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_othername_type_present"],
        zlint: [],
        catalog: ["e_smime_san_other_name_type_strict"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict]),
        check: check_san_other_name_type_strict,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, with_san, UPN};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn, CertBuilder};

    #[test]
    fn other_name_types() {
        let upn = gn::other_name(UPN, &der::utf8("alice@example.com"));
        let bad = with_san("individual-strict", &[alice(), upn.clone()]).build();
        let good = CertBuilder::subscriber("individual-strict").build();
        assert_lint("e_smime_san_other_name_type_strict", &bad, &good, &[]);
        let notice = with_san("individual-multipurpose", &[alice(), upn]).build();
        let good = CertBuilder::subscriber("individual-multipurpose").build();
        assert_lint(
            "n_smime_san_other_name_unvalidated_type",
            &notice,
            &good,
            &[],
        );
    }
}
