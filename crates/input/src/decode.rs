//! Base64 text to certificate bytes, within the certificate size limit.

use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use base64::Engine as _;

use crate::item::{InputError, InputErrorKind};

pub(crate) fn too_large_cert(what: &str, max_cert: usize) -> InputError {
    too_large(what, "certificate", max_cert)
}

/// `what` is over the size limit of `kind` ("certificate", "CRL or OCSP response").
pub(crate) fn too_large(what: &str, kind: &str, max: usize) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!("{what} is larger than the {kind} limit of {max} bytes"),
    )
}

/// Why a base64 text did not give a certificate; turned into a message by `describe`.
pub(crate) enum DecodeFailure {
    Base64(base64::DecodeError),
    TooLarge(usize),
}

impl DecodeFailure {
    pub(crate) fn describe(self, what: &str) -> InputError {
        match self {
            DecodeFailure::Base64(e) => InputError::new(
                InputErrorKind::BadBase64,
                format!("{what} is not valid base64: {e}"),
            ),
            DecodeFailure::TooLarge(max) => too_large_cert(what, max),
        }
    }
}

pub(crate) fn decode_cert(text: &[u8], max_cert: usize) -> Result<Vec<u8>, DecodeFailure> {
    let der = STANDARD_PAD_INDIFFERENT
        .decode(text)
        .map_err(DecodeFailure::Base64)?;
    if der.len() > max_cert {
        return Err(DecodeFailure::TooLarge(max_cert));
    }
    Ok(der)
}

/// The most base64 characters that can decode to at most `max_cert` bytes.
pub(crate) fn encoded_len_cap(max_cert: usize) -> usize {
    max_cert.div_ceil(3).saturating_mul(4)
}

/// Which octets may appear in a PEM body line: the base64 alphabet and padding.
const BASE64_BODY: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'=';
        b += 1;
    }
    t
};

pub(crate) fn is_base64_body(text: &[u8]) -> bool {
    !text.is_empty() && text.iter().all(|&b| BASE64_BODY[usize::from(b)])
}
