//! Certificate serial numbers (SBR 7.1, RFC 5280 4.1.2.2): positive, at most 20 octets, and with
//! the entropy the SBR requires.

use crate::prelude::*;

/// Content octets of the serial number; None when absent or empty (reported elsewhere).
fn serial_content<'a>(cert: &Cert<'a>) -> Option<&'a [u8]> {
    cert.serial.map(|t| t.content).filter(|c| !c.is_empty())
}

mod e_smime_serial_number_low_entropy;
mod e_smime_serial_number_not_positive;
mod e_smime_serial_number_too_large;
