use super::*;
use smimelint_cert::ViolationKind;

fn check_der_set_not_sorted(ctx: &LintContext<'_>) -> Outcome {
    let walker = report(ctx, ViolationKind::UnsortedSet);
    // nameRelativeToCRLIssuer is a SET OF under the implicit tag [1], which the walker cannot
    // recognise as a SET.
    let mut unsorted = false;
    ctx.cert
        .for_each_relative_name(&mut |rdn| unsorted |= !rdn.sorted);
    match (walker, unsorted) {
        (walker, false) => walker,
        (Outcome::Fail(d), true) => {
            fail!("{d}; a nameRelativeToCRLIssuer SET OF is not sorted by its encodings")
        }
        (_, true) => fail!("a nameRelativeToCRLIssuer SET OF is not sorted by its encodings"),
    }
}

fn crl_der_set_not_sorted(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::UnsortedSet)
}

fn ocsp_der_set_not_sorted(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::UnsortedSet)
}

lint! {
    /// ## What it checks
    /// The elements of every SET OF (for example a multi-valued RDN, and the implicitly tagged nameRelativeToCRLIssuer of a CRL distribution point) appear in ascending order of their DER encodings.
    ///
    /// ## Why
    /// DER fixes the order so that equal sets have equal encodings.
    ///
    /// ## Example
    /// A multi-valued RDN whose second attribute sorts before the first.
    E_DER_SET_NOT_SORTED {
        name: "e_der_set_not_sorted",
        description: "SET OF elements are not in ascending order of their encodings",
        citation: "X.690 11.6",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_set_not_sorted,
        crl_check: crl_der_set_not_sorted,
        ocsp_check: ocsp_der_set_not_sorted,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::der::base;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::der;

    #[test]
    fn implicit_set_of_is_sorted() {
        const L: &str = "e_der_set_not_sorted";
        let atv =
            |o: &const_oid::ObjectIdentifier, v: &str| der::seq(&[der::oid_of(o), der::utf8(v)]);
        let (a, b) = (
            atv(&oid::AT_COMMON_NAME, "CRL"),
            atv(&oid::AT_ORGANIZATION, "Example"),
        );
        assert!(a < b, "commonName sorts first");
        let with = |rdn: Vec<u8>| {
            let dp = der::seq(&[der::explicit(0, &der::explicit(1, &rdn))]);
            base()
                .ext(&oid::FRESHEST_CRL, false, der::seq(&[dp]))
                .build()
        };
        assert_eq!(
            status_of(&with([b.clone(), a.clone()].concat()), L),
            Status::Error
        );
        assert_eq!(status_of(&with([a, b].concat()), L), Status::Pass);
    }
}
