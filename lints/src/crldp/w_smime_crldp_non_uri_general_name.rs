use super::*;
use smimelint_cert::ext::DistributionPoint;
use smimelint_cert::GeneralName;

fn check_crldp_non_uri_general_name(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, points) = ctx.cert.crl_distribution_points() else {
        return Outcome::NotApplicable;
    };
    let clean = |p: &DistributionPoint<'_>| {
        p.full_name
            .as_ref()
            .is_some_and(|names| names.iter().all(|n| matches!(n, GeneralName::Uri(_))))
    };
    if points.iter().all(clean) {
        return Outcome::Pass;
    }
    let mut bad = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match &p.full_name {
            None if p.relative_name.is_some() => bad.push(format!(
                "distributionPoint {i} uses nameRelativeToCRLIssuer instead of fullName"
            )),
            None => bad.push(format!("distributionPoint {i} has no fullName")),
            Some(names) => bad.extend(
                names
                    .iter()
                    .filter(|n| !matches!(n, GeneralName::Uri(_)))
                    .map(|n| format!("distributionPoint {i} fullName has a {}", n.kind())),
            ),
        }
    }
    fail!("{}", bad.join("; "))
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every distribution point has a fullName and
    /// every fullName entry is a uniformResourceIdentifier (no directoryName, no
    /// nameRelativeToCRLIssuer, no point made only of cRLIssuer).
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) describes CRL locations only as URIs and, for Strict and Multipurpose,
    /// allows HTTP URIs only. A location given another way cannot meet that table. The SBR does not
    /// prohibit such entries in so many words, so this is a warning.
    ///
    /// ## Example
    /// fullName `[ http://crl.example.com/ca.crl, directoryName CN=CRL1,O=Example ]`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.crldp_fullname_prohibited_generalname_type` as an error, in
    /// every generation. smimelint warns, in Strict and Multipurpose only.
    W_SMIME_CRLDP_NON_URI_GENERAL_NAME {
        name: "w_smime_crldp_non_uri_general_name",
        description: "A CRL distribution point is not given as a URI (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.crldp_fullname_prohibited_generalname_type"],
        zlint: [],
        catalog: ["w_smime_crldp_non_uri_general_name"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_crldp_non_uri_general_name,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::crldp::strict;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{gn, name};

    #[test]
    fn crldp_non_uri_general_name() {
        let dir = gn::directory_name(&name(&[("CN", "CRL1")]));
        let value = smimelint_factory::ext_values::crldp_full_names(&[vec![
            gn::uri("http://crl.example.com/a.crl"),
            dir,
        ]]);
        assert_lint(
            "w_smime_crldp_non_uri_general_name",
            &strict()
                .ext(&oid::CRL_DISTRIBUTION_POINTS, false, value)
                .build(),
            &strict().build(),
            &[],
        );
    }
}
