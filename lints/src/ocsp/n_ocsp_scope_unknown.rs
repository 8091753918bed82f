use super::*;

fn check_scope_known(ctx: &OcspContext<'_>) -> Outcome {
    if ctx.ocsp.responses.is_empty() {
        return Outcome::NotApplicable;
    }
    match ctx.scope {
        Some(_) => Outcome::Pass,
        None => fail!(
            "whether the response is about subscriber or CA certificates is unknown, so the \
             rules that depend on it (SBR 4.9.10 nextUpdate and validity interval, SBR 7.3 \
             revocationReason of CA certificates) were not checked; set it with --scope \
             subscriber|ca, or give the issuing CA with --issuer (a root issues only CA \
             certificates)"
        ),
    }
}

lint! {
    /// ## What it checks
    /// Notes a response whose scope (about subscriber or CA certificates) is unknown.
    ///
    /// ## Why
    /// The SBR sets different rules for the two: SBR 4.9.10's eight-hour to ten-day validity
    /// interval applies to subscriber certificates, SBR 7.3's mandatory revocationReason to CA
    /// certificates. A CertID carries only hashes and a serial, so the response cannot tell;
    /// `--scope`, or a root CA given as `--issuer`, does.
    ///
    /// ## Example
    /// Any response linted without `--scope` and without a root `--issuer`.
    N_OCSP_SCOPE_UNKNOWN {
        name: "n_ocsp_scope_unknown",
        description: "Scope-dependent OCSP rules were skipped: the scope is unknown",
        citation: "SBR 4.9.10, 7.3",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_scope_known,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{status_of, status_with_issuer};
    use smimelint_factory::KeyAlg;

    const L: &str = "n_ocsp_scope_unknown";

    #[test]
    fn unknown_scope_is_noted() {
        let der = response().build();
        assert_eq!(status_of(&der, L), Status::Notice);
        assert_eq!(subscriber(&der, L), Status::Pass);
        let root = smimelint_factory::CertBuilder::root_ca(KeyAlg::P256);
        let about_ca = OcspBuilder::new(&root, &ca()).build();
        assert_eq!(
            status_with_issuer(&about_ca, &root.build(), L),
            Status::Pass
        );
        assert_eq!(
            status_of(&response().unsuccessful(3).build(), L),
            Status::NotApplicable
        );
    }
}
