use super::*;

fn check_adobe_strict(ctx: &LintContext<'_>) -> Outcome {
    absent(ctx, &[&oid::ADOBE_TIMESTAMP, &oid::ADOBE_ARCHIVE_REV_INFO])
}

lint! {
    /// ## What it checks
    /// Strict certificates contain neither the Adobe Time-stamp extension
    /// (1.2.840.113583.1.1.9.1) nor the Adobe ArchiveRevInfo extension (1.2.840.113583.1.1.9.2).
    ///
    /// ## Why
    /// SBR 7.1.2.3(m) table: Adobe extensions are "Prohibited" in Strict. They serve document
    /// signing, which the Strict generation excludes.
    ///
    /// ## Example
    /// An Organization-validated Strict certificate with the Adobe Time-stamp extension.
    E_SMIME_ADOBE_EXTENSIONS_STRICT {
        name: "e_smime_adobe_extensions_strict",
        description: "Adobe extension in a Strict certificate",
        citation: "SBR 7.1.2.3(m)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.adobe_timestamp_extension_prohibited",
            "cabf.smime.adobe_archive_revinfo_extension_prohibited"
        ],
        zlint: ["e_adobe_extensions_strict_presence"],
        catalog: ["e_smime_adobe_extensions_strict"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict]),
        check: check_adobe_strict,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::adobe_ts;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext_values, gn, CertBuilder};

    #[test]
    fn adobe_extensions_strict() {
        let b = || CertBuilder::subscriber("organization-strict");
        let ts = adobe_ts(gn::uri("http://tsa.example.com"));
        assert_lint(
            "e_smime_adobe_extensions_strict",
            &b().ext(&oid::ADOBE_TIMESTAMP, false, ts.clone()).build(),
            &b().build(),
            &[],
        );
        assert_lint(
            "e_smime_adobe_extensions_strict",
            &b().ext(
                &oid::ADOBE_ARCHIVE_REV_INFO,
                false,
                ext_values::adobe_archive_rev_info(),
            )
            .build(),
            &b().build(),
            &[],
        );
    }
}
