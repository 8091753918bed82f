use super::*;

fn check_version(ctx: &OcspContext<'_>) -> Outcome {
    if !ctx.ocsp.has_response_data() {
        return Outcome::NotApplicable;
    }
    match ctx.ocsp.version_number() {
        None | Some(Some(0)) => Outcome::Pass,
        Some(Some(v)) => fail!("ResponseData version is {v}; RFC 6960 defines only v1 (0)"),
        Some(None) => fail!("ResponseData version does not hold a readable INTEGER"),
    }
}

lint! {
    /// ## What it checks
    /// The ResponseData `version`, when present, is v1 (0).
    ///
    /// ## Why
    /// RFC 6960 4.2.1: `version [0] EXPLICIT Version DEFAULT v1` with `Version ::= INTEGER
    /// { v1(0) }`; no other version of the syntax exists. (v1 written out is reported by
    /// e_der_default_value_encoded.)
    ///
    /// ## Example
    /// `a0 03 02 01 01` (version 1, i.e. "v2") at the start of tbsResponseData.
    E_OCSP_VERSION_NOT_V1 {
        name: "e_ocsp_version_not_v1",
        description: "The ResponseData version is not v1",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_version,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::der;

    const L: &str = "e_ocsp_version_not_v1";

    #[test]
    fn only_v1_exists() {
        let v2 = response()
            .version_raw(Some(der::explicit(0, &der::int(1))))
            .build();
        assert_eq!(status_of(&v2, L), Status::Error);
        assert_eq!(status_of(&response().build(), L), Status::Pass);
    }
}
