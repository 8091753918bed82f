use super::*;
use smimelint_cert::GeneralName;

/// Why an iPAddress constraint is not an address and a CIDR mask (RFC 5280 §4.2.1.10: 8 octets
/// for IPv4, 32 for IPv6), if it is not.
fn ip_constraint_problem(octets: &[u8]) -> Option<String> {
    if octets.len() != 8 && octets.len() != 32 {
        return Some(format!(
            "has {} octets (8 for IPv4, 32 for IPv6)",
            octets.len()
        ));
    }
    let mask = &octets[octets.len() / 2..];
    // A CIDR mask is ones followed by zeros: once a bit is 0, every later bit is 0.
    let bits = mask
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| b >> i & 1));
    let contiguous = bits.skip_while(|&b| b == 1).all(|b| b == 0);
    (!contiguous).then(|| "has a mask that is not a CIDR prefix".to_string())
}

fn check_ip_address_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(nc) = name_constraints(ctx) else {
        return Outcome::NotApplicable;
    };
    let problems: Vec<String> = nc
        .subtrees()
        .filter_map(|s| match s.base {
            GeneralName::IpAddress(o) => ip_constraint_problem(o),
            _ => None,
        })
        .map(|p| format!("iPAddress constraint {p}"))
        .collect();
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Each iPAddress in a CA certificate's nameConstraints is an address followed by a CIDR
    /// mask: 8 octets for IPv4, 32 for IPv6, the mask a run of ones followed by zeros.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10 (binding through SBR 7.1.2.4) defines the iPAddress constraint as the
    /// address and mask "in CIDR notation"; any other length or mask cannot be matched the way
    /// the CA intended.
    ///
    /// ## Example
    /// An iPAddress constraint of 4 octets (`192.0.2.0` without a mask).
    E_SMIME_RFC5280_NAME_CONSTRAINTS_IP_ADDRESS_INVALID {
        name: "e_smime_rfc5280_name_constraints_ip_address_invalid",
        description: "nameConstraints iPAddress is not an address with a CIDR mask",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.ip_address_name_constraint_wrong_length", "pkix.ip_address_name_constraint_invalid_cidr"],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_ip_address_invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::name_constraints::{nc_value, subtree, with_nc};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn ip_address_invalid() {
        let ip = |octets: &[u8]| subtree(der::implicit(7, octets));
        let good = with_nc(nc_value(
            None,
            Some(vec![ip(&[192, 0, 2, 0, 255, 255, 255, 0])]),
        ));
        for bad in [&[192, 0, 2, 0][..], &[192, 0, 2, 0, 255, 0, 255, 0]] {
            assert_lint(
                "e_smime_rfc5280_name_constraints_ip_address_invalid",
                &with_nc(nc_value(None, Some(vec![ip(bad)]))),
                &good,
                &[],
            );
        }
        assert_eq!(ip_constraint_problem(&[0; 32]), None);
        let mut v6 = [0u8; 32];
        v6[16..20].copy_from_slice(&[0xff, 0xff, 0xff, 0xfe]);
        assert_eq!(ip_constraint_problem(&v6), None);
        v6[25] = 1;
        assert!(ip_constraint_problem(&v6).is_some());
    }
}
