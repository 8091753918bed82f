use super::*;
use crate::support::crldp::show_uri;
use smimelint_cert::GeneralName;

/// What is wrong with an Adobe time-stamp extension value.
fn adobe_timestamp_problem(value: &[u8], base: usize) -> Option<String> {
    let location = match smimelint_cert::ext::decode_adobe_timestamp(value, base) {
        Ok(location) => location,
        Err(why) => return Some(why.into()),
    };
    match location {
        GeneralName::Uri(u) if smimelint_cert::der_text::string_problem(22, u).is_none() => None,
        GeneralName::Uri(u) => Some(format!("location {} is not an IA5String", show_uri(u))),
        other => Some(format!(
            "location is a {}; version 1 allows only uniformResourceIdentifier",
            other.kind()
        )),
    }
}

fn check_adobe_timestamp_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::ADOBE_TIMESTAMP) else {
        return Outcome::NotApplicable;
    };
    match adobe_timestamp_problem(e.value, e.value_offset) {
        None => Outcome::Pass,
        Some(p) => fail!("Adobe Time-stamp extension: {p}"),
    }
}

lint! {
    /// ## What it checks
    /// The Adobe Time-stamp extension value is `SEQUENCE { version INTEGER, location GeneralName,
    /// requiresAuth BOOLEAN DEFAULT FALSE }` and its location is a uniformResourceIdentifier.
    ///
    /// ## Why
    /// SBR 7.1.2.3(m) allows the extension in Multipurpose and Legacy certificates, and SBR
    /// 7.1.2.4(iii) requires an extension defined by an open specification to conform to it.
    /// Adobe's definition (Acrobat DC digital signature OIDs) says that in version 1 the location
    /// can only be a uniformResourceIdentifier: the URL of the time-stamp server.
    ///
    /// ## Example
    /// location `dNSName timestamp.example.com`.
    E_SMIME_ADOBE_TIMESTAMP_INVALID {
        name: "e_smime_adobe_timestamp_invalid",
        description: "Adobe Time-stamp extension value is malformed or its location is not a URI",
        citation: "SBR 7.1.2.3(m), 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SMC06,
        ballot: "SMC06",
        pkilint: ["adbe.invalid_timestamp_location_type"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_adobe_timestamp_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::adobe_ts;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn, CertBuilder};

    #[test]
    fn adobe_timestamp_invalid() {
        let b = || CertBuilder::subscriber("organization-legacy");
        assert_lint(
            "e_smime_adobe_timestamp_invalid",
            &b().ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                adobe_ts(gn::dns("tsa.example.com")),
            )
            .build(),
            &b().ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                adobe_ts(gn::uri("http://tsa.example.com")),
            )
            .build(),
            &[],
        );
        assert_lint(
            "e_smime_adobe_timestamp_invalid",
            &b().ext(&oid::ADOBE_TIMESTAMP, false, der::null()).build(),
            &b().ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                adobe_ts(gn::uri("http://tsa.example.com")),
            )
            .build(),
            &[],
        );
    }
}
