//! Names every lint file needs.
#![allow(unused_imports)]

pub(crate) use crate::cert::{oid, Cert, Ext, Extension};
pub(crate) use crate::dates;
pub(crate) use crate::detect::{Generation, Kind, Validation};
pub(crate) use crate::lint_context::LintContext;
pub(crate) use crate::registry::{Applies, Outcome, Source};
pub(crate) use crate::{fail, lint};
