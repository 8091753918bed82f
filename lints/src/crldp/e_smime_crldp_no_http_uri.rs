use super::*;
use crate::support::crldp::{full_name_uris, is_http, show_uri};

fn check_crldp_no_http_uri(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, points) = ctx.cert.crl_distribution_points() else {
        return Outcome::NotApplicable;
    };
    if full_name_uris(points).any(is_http) {
        return Outcome::Pass;
    }
    let found: Vec<String> = full_name_uris(points).map(show_uri).collect();
    if found.is_empty() {
        fail!("no distributionPoint has a fullName with a uniformResourceIdentifier")
    } else {
        fail!(
            "no distributionPoint fullName holds an HTTP URI (found {})",
            found.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// At least one distributionPoint has a fullName that includes a uniformResourceIdentifier
    /// with the scheme `http`. Applies to every generation; an `https` URI does not count.
    ///
    /// ## Why
    /// SBR 7.1.2.3(b): the extension SHALL contain a distributionPoint whose fullName includes a
    /// URI where the CRL can be retrieved, and in every generation at least one URI SHALL have
    /// the scheme HTTP. CRLs are signed objects; plain HTTP avoids the circular dependency of
    /// checking a TLS server's certificate to fetch revocation data.
    ///
    /// ## Example
    /// A Legacy certificate whose only CRL location is `ldap://ldap.example.com/cn=CA?certificateRevocationList`;
    /// a distribution point given only as a directoryName.
    E_SMIME_CRLDP_NO_HTTP_URI {
        name: "e_smime_crldp_no_http_uri",
        description: "No cRLDistributionPoints fullName has an HTTP URI",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.no_http_crldp_uri"],
        zlint: ["e_subscribers_crl_distribution_points_are_http"],
        catalog: ["e_smime_crldp_no_http_uri"],
        applies: Applies::SUBSCRIBER,
        check: check_crldp_no_http_uri,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::crldp::{crldp, strict};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn crldp_no_http_uri() {
        assert_lint(
            "e_smime_crldp_no_http_uri",
            &crldp(legacy(), &["ldap://ldap.example.com/cn=CA"]).build(),
            &crldp(
                legacy(),
                &[
                    "ldap://ldap.example.com/cn=CA",
                    "http://crl.example.com/a.crl",
                ],
            )
            .build(),
            &[],
        );
        // https is not HTTP; in Strict the same URI also breaks the every-URI rule.
        assert_lint(
            "e_smime_crldp_no_http_uri",
            &crldp(strict(), &["https://crl.example.com/a.crl"]).build(),
            &strict().build(),
            &["e_smime_crldp_non_http_uri"],
        );
    }

    fn legacy() -> CertBuilder {
        CertBuilder::subscriber("mailbox-legacy")
    }
}
