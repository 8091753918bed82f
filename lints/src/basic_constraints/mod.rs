//! basicConstraints of subscriber certificates (SBR 7.1.2.3(d)) and of root and subordinate CA
//! certificates (SBR 7.1.2.1, 7.1.2.2).
//!
//! pkilint has no CA profile: given a CA certificate it applies the subscriber rules (and
//! reports `cabf.smime.is_ca_certificate`, prohibited keyCertSign/cRLSign, a missing SAN, …).
//! smimelint classifies cA TRUE certificates as root (self-issued and self-signed) or
//! subordinate CA and applies SBR 7.1.2.1 / 7.1.2.2 instead.

use crate::prelude::*;

mod e_smime_basic_constraints_ca_true;
mod e_smime_basic_constraints_path_len_present;
mod e_smime_ca_basic_constraints_invalid;
mod w_smime_root_path_len_present;

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;

    use smimelint_factory::{CertBuilder, KeyAlg};

    #[test]
    fn roots_are_self_issued_and_self_signed() {
        use smimelint_engine::detect::Kind;
        use smimelint_engine::testing::{findings, lint_all};
        let kind = |b: &CertBuilder| lint_all(&b.build()).kind;
        for alg in [KeyAlg::Rsa2048, KeyAlg::P384, KeyAlg::MlDsa65] {
            let r = CertBuilder::root_ca(alg);
            assert_eq!(kind(&r), Some(Kind::RootCa), "{alg:?}");
            assert_eq!(findings(&r.build()), Vec::<&str>::new(), "{alg:?}");
        }
        // Self-issued but signed by another key (a key-rollover certificate): subordinate.
        let mut rollover = root();
        rollover.issuer_key = (KeyAlg::Rsa2048, 77);
        assert_eq!(kind(&rollover), Some(Kind::SubordinateCa));
        // Unsigned: self-issued decides.
        let tbs = lint_all(&root().build_tbs());
        assert_eq!(tbs.kind, Some(Kind::RootCa));
    }
}
