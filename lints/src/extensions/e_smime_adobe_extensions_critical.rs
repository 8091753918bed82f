use super::*;

fn check_adobe_critical(ctx: &LintContext<'_>) -> Outcome {
    let critical: Vec<String> = [&oid::ADOBE_TIMESTAMP, &oid::ADOBE_ARCHIVE_REV_INFO]
        .into_iter()
        .filter_map(|o| ctx.cert.extension(o))
        .filter(|e| e.critical)
        .map(|e| oid::describe_extension(e.oid))
        .collect();
    if critical.is_empty() {
        Outcome::Pass
    } else {
        fail!("marked critical: {}", critical.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// In Multipurpose and Legacy certificates, the Adobe Time-stamp and ArchiveRevInfo
    /// extensions are not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(m) table: for Multipurpose and Legacy they "MAY be present and SHALL NOT be
    /// marked critical". Mail clients do not process them.
    ///
    /// ## Example
    /// Adobe ArchiveRevInfo with critical TRUE.
    E_SMIME_ADOBE_EXTENSIONS_CRITICAL {
        name: "e_smime_adobe_extensions_critical",
        description: "Adobe extension is marked critical",
        citation: "SBR 7.1.2.3(m)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.adobe_timestamp_extension_critical",
            "cabf.smime.adobe_archive_revinfo_extension_critical"
        ],
        zlint: ["e_adobe_extensions_legacy_multipurpose_criticality"],
        catalog: ["e_smime_adobe_extensions_critical"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_adobe_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::adobe_ts;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext_values, gn, CertBuilder};

    #[test]
    fn adobe_extensions_critical() {
        let b = || CertBuilder::subscriber("organization-multipurpose");
        let ts = adobe_ts(gn::uri("http://tsa.example.com"));
        let arc = ext_values::adobe_archive_rev_info();
        assert_lint(
            "e_smime_adobe_extensions_critical",
            &b().ext(&oid::ADOBE_TIMESTAMP, false, ts.clone())
                .ext(&oid::ADOBE_ARCHIVE_REV_INFO, true, arc.clone())
                .build(),
            &b().ext(&oid::ADOBE_TIMESTAMP, false, ts)
                .ext(&oid::ADOBE_ARCHIVE_REV_INFO, false, arc)
                .build(),
            &[],
        );
    }
}
