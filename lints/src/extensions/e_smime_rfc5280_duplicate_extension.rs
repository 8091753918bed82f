use super::*;

fn check_duplicate_extension(ctx: &LintContext<'_>) -> Outcome {
    let exts = &ctx.cert.extensions;
    let groups = repeated_groups(exts.len(), |i| exts[i].oid);
    if groups.is_empty() {
        return Outcome::Pass;
    }
    let found: Vec<String> = groups
        .iter()
        .map(|group| {
            let places: Vec<String> = group
                .iter()
                .map(|&i| format!("extensions[{}]", exts[i].index))
                .collect();
            format!(
                "{} appears {} times ({})",
                oid::describe_extension(exts[group[0]].oid),
                places.len(),
                places.join(", ")
            )
        })
        .collect();
    fail!("{}", found.join("; "))
}

lint! {
    /// ## What it checks
    /// No extension OID appears more than once in `tbsCertificate.extensions`, whatever the
    /// values. Each repeated OID is named with the positions it occupies.
    ///
    /// ## Why
    /// RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular
    /// extension." Software that reads the first instance and software that reads the last see
    /// different certificates (two keyUsage or two subjectAltName values). x509-cert accepts
    /// duplicates silently.
    ///
    /// ## Example
    /// Two extKeyUsage (2.5.29.37) extensions, at extensions[1] and extensions[8].
    E_SMIME_RFC5280_DUPLICATE_EXTENSION {
        name: "e_smime_rfc5280_duplicate_extension",
        description: "An extension appears more than once",
        citation: "RFC 5280 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.duplicate_extension"],
        zlint: ["e_ext_duplicate_extension"],
        catalog: ["e_smime_rfc5280_duplicate_extension"],
        applies: Applies::ALL,
        check: check_duplicate_extension,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext;

    #[test]
    fn extensions_are_unique() {
        let lint = "e_smime_rfc5280_duplicate_extension";
        let bad = base()
            .push_ext(
                &oid::EXT_KEY_USAGE,
                false,
                ext::eku(&[&oid::KP_EMAIL_PROTECTION]),
            )
            .build();
        assert_lint(lint, &bad, &good(), &[]);
        assert_eq!(
            details(&bad, lint),
            "extKeyUsage (2.5.29.37) appears 2 times (extensions[1], extensions[8])"
        );
    }
}
