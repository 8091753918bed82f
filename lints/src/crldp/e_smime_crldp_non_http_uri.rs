use super::*;
use crate::support::crldp::{full_name_uris, is_http, show_uri};

fn check_crldp_non_http_uri(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, points) = ctx.cert.crl_distribution_points() else {
        return Outcome::NotApplicable;
    };
    if full_name_uris(points).all(is_http) {
        return Outcome::Pass;
    }
    let bad: Vec<String> = full_name_uris(points)
        .filter(|u| !is_http(u))
        .map(show_uri)
        .collect();
    fail!("URI(s) without the HTTP scheme: {}", bad.join(", "))
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every uniformResourceIdentifier in a
    /// distributionPoint fullName has the scheme `http`: no `https`, `ldap`, `ftp`, `file`, and no
    /// URI without a scheme.
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) table: for Strict and Multipurpose, every uniformResourceIdentifier SHALL
    /// have the URI scheme HTTP and other schemes SHALL NOT be present. Legacy allows other
    /// schemes next to an HTTP one.
    ///
    /// ## Example
    /// fullName `[ http://crl.example.com/ca.crl, https://crl.example.com/ca.crl ]`.
    ///
    /// ## Differences from pkilint
    /// pkilint also restricts Legacy certificates to `http`, `ldap` and `ftp`. The SBR allows any
    /// other scheme in Legacy ("Other schemes (LDAP, FTP, ...) MAY be present"), so smimelint
    /// does not check Legacy here.
    E_SMIME_CRLDP_NON_HTTP_URI {
        name: "e_smime_crldp_non_http_uri",
        description: "A cRLDistributionPoints URI does not have the HTTP scheme (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.crldp_fullname_prohibited_uri_scheme"],
        zlint: ["e_subscribers_crl_distribution_points_are_http"],
        catalog: ["e_smime_crldp_non_http_uri"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_crldp_non_http_uri,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::crldp::{crldp, strict};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn crldp_non_http_uri() {
        assert_lint(
            "e_smime_crldp_non_http_uri",
            &crldp(
                strict(),
                &[
                    "http://crl.example.com/a.crl",
                    "https://crl.example.com/a.crl",
                ],
            )
            .build(),
            &crldp(
                strict(),
                &[
                    "http://crl.example.com/a.crl",
                    "http://crl2.example.com/a.crl",
                ],
            )
            .build(),
            &[],
        );
    }
}
