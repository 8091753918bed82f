//! smimelint.toml parsing and validation on arbitrary bytes: an error is fine, a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::config::Config;
use smimelint::engine::{Linter, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(config) = Config::parse(&text) else {
        return;
    };
    let Ok(loaded) = config.load() else {
        return;
    };
    let mut opts = Options::default();
    loaded.apply(&mut opts);
    let linter = Linter::new(opts);
    assert!(linter.lints().len() <= smimelint::registry::all().len());
});
