use super::*;

fn check_eku_not_allowed(ctx: &LintContext<'_>) -> Outcome {
    let Some(allowed) = constraints(ctx).and_then(|c| c.allowed_multipurpose_ekus.as_deref())
    else {
        return Outcome::NotApplicable;
    };
    let Some(purposes) = ctx.cert.eku().value() else {
        return Outcome::NotApplicable;
    };
    let extra: Vec<String> = purposes
        .iter()
        .filter(|kp| **kp != oid::KP_EMAIL_PROTECTION.as_bytes() && !contains(allowed, kp))
        .map(|kp| oid::dotted(kp))
        .collect();
    if extra.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "extKeyUsage purpose(s) outside the CA's profile: {}",
            extra.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// In a Multipurpose certificate, every extKeyUsage purpose other than
    /// id-kp-emailProtection is listed in `profile.allowed_multipurpose_ekus`.
    ///
    /// ## Why
    /// SBR 7.1.2.3(f) lets Multipurpose certificates carry other purposes (except the four it
    /// forbids, reported by `e_smime_eku_prohibited_purpose`); which ones is the CA's choice.
    /// NA unless the setting is configured.
    ///
    /// ## Example
    /// `allowed_multipurpose_ekus = ["1.3.6.1.5.5.7.3.2"]` and a certificate that also holds
    /// id-kp-documentSigning.
    E_PROFILE_EKU_NOT_ALLOWED {
        name: "e_profile_eku_not_allowed",
        description: "A Multipurpose certificate holds an extKeyUsage purpose the CA's profile does not allow",
        citation: "smimelint.toml profile.allowed_multipurpose_ekus",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose]),
        check: check_eku_not_allowed,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::profile::{oid, status};
    use smimelint_engine::config::ProfileConstraints;

    use smimelint_engine::registry::Status;
    use smimelint_factory::CertBuilder;

    #[test]
    fn multipurpose_eku() {
        let c = ProfileConstraints {
            allowed_multipurpose_ekus: Some(vec![oid("1.3.6.1.5.5.7.3.2")]),
            ..Default::default()
        };
        let lint = "e_profile_eku_not_allowed";
        let doc_signing = oid("1.3.6.1.5.5.7.3.36");
        let client_auth = oid("1.3.6.1.5.5.7.3.2");
        let email = oid("1.3.6.1.5.5.7.3.4");
        let bad = CertBuilder::subscriber("mailbox-multipurpose")
            .eku(&[&email, &doc_signing])
            .build();
        let good = CertBuilder::subscriber("mailbox-multipurpose")
            .eku(&[&email, &client_auth])
            .build();
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
    }
}
