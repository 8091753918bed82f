//! The lenient DER walker and the certificate skeleton parser on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::cert::Cert;
use smimelint::walk::{Reader, Walker};

fuzz_target!(|data: &[u8]| {
    let mut walker = Walker::new();
    if let Some(tlv) = walker.walk_single(data, 0, "fuzz") {
        assert!(tlv.raw.len() <= data.len());
    }
    let mut walker = Walker::new();
    walker.walk_all(data, 0, "fuzz");
    for v in &walker.violations {
        assert!(v.offset <= data.len(), "violation offset inside the input");
    }
    let mut reader = Reader::new(data);
    while let Ok(tlv) = reader.read() {
        let _ = tlv.children().read();
    }
    if let Ok(cert) = Cert::parse(data) {
        for v in &cert.violations {
            let _ = cert.locate(v.offset);
        }
    }
});
