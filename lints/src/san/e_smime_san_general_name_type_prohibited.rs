use super::*;
use smimelint_cert::GeneralName;

fn describe_general_name(gn: &GeneralName<'_>) -> String {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    match gn {
        GeneralName::DnsName(b) | GeneralName::Uri(b) => format!("{} {:?}", gn.kind(), text(b)),
        GeneralName::IpAddress(b) => match b.len() {
            4 => format!(
                "iPAddress {}",
                std::net::Ipv4Addr::from([b[0], b[1], b[2], b[3]])
            ),
            16 => {
                let mut a = [0u8; 16];
                a.copy_from_slice(b);
                format!("iPAddress {}", std::net::Ipv6Addr::from(a))
            }
            _ => format!("iPAddress ({} octets)", b.len()),
        },
        GeneralName::RegisteredId(b) => format!("registeredID {}", oid::dotted(b)),
        GeneralName::Unknown(t) => format!("unknown GeneralName tag {:#04x}", t.tag),
        _ => gn.kind().to_string(),
    }
}

fn check_san_general_name_type_prohibited(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let bad: Vec<String> = names
        .iter()
        .filter(|gn| {
            !matches!(
                gn,
                GeneralName::Rfc822Name(_)
                    | GeneralName::OtherName { .. }
                    | GeneralName::DirectoryName(_)
            )
        })
        .map(describe_general_name)
        .collect();
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("subjectAltName contains {}", bad.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// The subjectAltName holds only rfc822Name, otherName and directoryName entries: no
    /// dNSName, iPAddress, uniformResourceIdentifier, registeredID, x400Address or ediPartyName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 names these three types and closes with a SHALL NOT for any entry that the
    /// section does not provide for. S/MIME certificates are not for TLS servers or other
    /// identities.
    ///
    /// ## Example
    /// `dNSName=example.com` next to the rfc822Name.
    E_SMIME_SAN_GENERAL_NAME_TYPE_PROHIBITED {
        name: "e_smime_san_general_name_type_prohibited",
        description: "subjectAltName contains a GeneralName type other than rfc822Name, otherName or directoryName",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_generalname_type_present"],
        zlint: [],
        catalog: ["e_smime_san_general_name_type_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_san_general_name_type_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, mv};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn};

    #[test]
    fn general_name_type_prohibited() {
        for extra in [
            gn::dns("example.com"),
            gn::uri("https://example.com/"),
            der::implicit(7, &[192, 0, 2, 1]),
            der::implicit(8, &[0x2a, 0x03]),
        ] {
            assert_lint(
                "e_smime_san_general_name_type_prohibited",
                &mv(&[alice(), extra]),
                &mv(&[alice()]),
                &[],
            );
        }
    }
}
