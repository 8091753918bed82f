//! OCSP responses: the RFC 6960 profile and SBR 4.9.10 and 7.3.

use crate::prelude::*;
