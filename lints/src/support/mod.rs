//! Helpers without lints of their own, and the helpers of one topic that others use too.

pub(crate) mod countries;
pub(crate) mod crldp;
pub(crate) mod eku;
pub(crate) mod mailbox;
pub(crate) mod name_rules;
pub(crate) mod organization_identifier;
pub(crate) mod rfc5280;
pub(crate) mod subject;
pub(crate) mod subject_values;
