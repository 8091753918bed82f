//! Test certificates shared by the tests of several lints.

pub(crate) mod aia;
pub(crate) mod algorithms;
pub(crate) mod ca_subject;
pub(crate) mod chain;
pub(crate) mod crldp;
pub(crate) mod der;
pub(crate) mod eku;
pub(crate) mod key_identifiers;
pub(crate) mod key_usage;
pub(crate) mod keys;
pub(crate) mod lei;
pub(crate) mod name_constraints;
pub(crate) mod organization_identifier;
pub(crate) mod policies;
pub(crate) mod profile;
pub(crate) mod qc_statements;
pub(crate) mod rfc5280;
pub(crate) mod root_ca;
pub(crate) mod san;
pub(crate) mod subject;
pub(crate) mod subject_values;
pub(crate) mod subordinate_ca;
pub(crate) mod subscriber_extensions;
pub(crate) mod validity;
