//! In-process single-thread lint rate on a corpus: what `benches/vs_pkilint.sh` sets beside
//! pkilint's in-process rate.
//!
//!     cargo run --release --example lint_rate -- REPEAT FILE...
//!
//! Frames every certificate in the files once (outside the timing), then lints the whole
//! corpus REPEAT times with one `Linter` on the calling thread (`Linter::lint_der`: parse,
//! type detection, every lint, the result record with the input's SHA-256). One warm-up pass
//! first, as pkilint's side gets one. Prints `CERTIFICATES SECONDS`.

use smimelint::engine::{self, Linter};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let repeat: usize = args
        .next()
        .and_then(|r| r.parse().ok())
        .expect("usage: lint_rate REPEAT FILE...");
    let mut ders = Vec::new();
    for path in args {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        ders.extend(
            engine::frame_bytes(&path, &data, Default::default()).filter_map(|i| i.der.ok()),
        );
    }
    assert!(!ders.is_empty(), "no certificates");
    let linter = Linter::default();
    for (i, der) in ders.iter().enumerate() {
        black_box(linter.lint_der(format!("#{i}"), der));
    }
    let start = Instant::now();
    for _ in 0..repeat {
        for (i, der) in ders.iter().enumerate() {
            black_box(linter.lint_der(format!("#{i}"), black_box(der)));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{} {secs}", repeat * ders.len());
}
