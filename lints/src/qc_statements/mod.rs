//! qcStatements content (SBR 7.1.2.3(k) → RFC 3739 §3.2.6 and ETSI EN 319 412-5 §4). The
//! criticality rule lives with the other subscriber extension lints.

use crate::prelude::*;

mod e_smime_qc_statements_critical;
mod e_smime_qc_statements_invalid;

#[cfg(test)]
mod tests {

    use crate::test_support::qc_statements::{pds, qc, statement};

    use smimelint_cert::qc::decode_qc_statements;

    use smimelint_factory::der;

    #[test]
    fn decodes_the_etsi_statements() {
        let good = qc(&[
            statement("0.4.0.1862.1.1", None),
            statement(
                "0.4.0.1862.1.6",
                Some(der::seq(&[der::oid("0.4.0.1862.1.6.1")])),
            ),
            statement("0.4.0.1862.1.7", Some(der::seq(&[der::printable("DE")]))),
            statement(
                "1.3.6.1.5.5.7.11.2",
                Some(der::seq(&[der::oid("0.4.0.194121.1.2")])),
            ),
            pds(der::printable("en")),
        ]);
        assert_eq!(qc_statements_problem(&good, 0), None);
        let bad = qc(&[pds(der::utf8("en"))]);
        let p = qc_statements_problem(&bad, 0).expect("UTF8String language");
        assert!(p.contains("QcPDS") && p.contains("language"), "{p}");
        let bad = qc(&[statement("0.4.0.1862.1.1", Some(der::int(1)))]);
        assert!(qc_statements_problem(&bad, 0).is_some());
        assert!(qc_statements_problem(&[0x30, 0x03, 0x30], 0).is_some());
    }

    fn qc_statements_problem(value: &[u8], base: usize) -> Option<String> {
        decode_qc_statements(value, base).err()
    }
}
